#pragma once
// The use cases over the registry database: the only API the GUI, the CLI,
// documents and search code call (the one door into the store: no header of
// app/ includes a store header, and gui/ and cli/ may not). Owns one
// connection (so one Registry per thread) and every transaction; each write
// validates, checks the optimistic lock, writes its audit rows and commits as
// one unit.
#include <functional>
#include <memory>

#include <QList>
#include <QString>

#include "app/actor.h"
#include "app/hla_check.h"
#include "app/save_result.h"
#include "core/expected.h"
#include "model/database_check.h"
#include "model/donor_record.h"
#include "model/entities.h"
#include "model/queries.h"
#include "model/statistics.h"
#include "model/retention_rules.h"

namespace dd::store {
class Database;
class VolunteerChangeFeed;
}  // namespace dd::store

namespace dd::app {

class UnitOfWork;
using model::PatientQuery;
using model::VolunteerFilter;
using model::VolunteerQuery;
using model::VolunteerSort;

// A status change asked for by staff; which fields matter depends on `to`.
struct StatusChangeRequest {
  model::VolunteerStatus to = model::VolunteerStatus::Active;
  QString reason;        // deferrals, withdrawal, retirement
  QDate until;           // temporary deferral
  qint64 patientId = 0;  // reserved
  QString stage;         // withdrawal stage (workup stage key)
  QDate date;            // donation date (defaults to today)
};

// How a caller opens the registry: what it may create and whether an older
// schema is upgraded first.
enum class Access {
  CreateOrUpgrade,  // the GUI's own connection and `init`: create a missing registry, upgrade an older one
  Upgrade,          // an existing registry, upgraded to this schema before use (commands that write)
  AsIs,             // an existing file (or empty database) as it is, never upgraded: a second
                    // connection of the GUI, the settings dialog's connection test
  ReadOnly,         // never written, not even upgraded; works on read-only media
};

class Registry {
 public:
  // Opens the database named by url: a SQLite path or sqlite: URL, or
  // postgres://user@host:port/db?schema=name.
  static Expected<std::unique_ptr<Registry>> open(const QString& url, Access access = Access::CreateOrUpgrade);
  ~Registry();

  void setHlaChecker(HlaChecker checker) { hla_ = std::move(checker); }
  const HlaChecker& hlaChecker();

  // --- volunteers
  Expected<model::Volunteer> volunteer(qint64 id);
  Expected<model::Volunteer> volunteerByRegistryNo(const QString& registryNo);
  Expected<QList<model::VolunteerSummary>> listVolunteers(const VolunteerQuery& query);
  Expected<int> countVolunteers(const VolunteerFilter& filter);
  // Distinct (prefecture, county) pairs in use, sorted (region filter lists).
  Expected<QList<QPair<QString, QString>>> volunteerRegions();
  // The same rules registerVolunteer applies, for live form feedback.
  std::vector<Error> validate(model::Volunteer& volunteer, bool registration);
  // New volunteer: validation, hard duplicate (same ID number) is an error,
  // soft duplicate (same name + birth date + phone) a warning unless accepted.
  SaveResult<model::Volunteer> registerVolunteer(const model::Volunteer& volunteer, const Actor& actor,
                                                 bool acceptWarnings = false);
  // Saves edits; volunteer.rowVersion must be the version read, else
  // conflict. The status and donation fields are not edits: they keep their
  // stored values (changeStatus and the workflow change them).
  SaveResult<model::Volunteer> updateVolunteer(const model::Volunteer& volunteer, const Actor& actor);
  // A status change staff ask for by hand (deferral, withdrawal, lost
  // contact, ...). "Reserved" and "donated" are not among them: only the
  // workflow sets those (reserveForPatient, the cases' collection stage).
  SaveResult<model::Volunteer> changeStatus(qint64 volunteerId, int rowVersion, const StatusChangeRequest& request,
                                            const Actor& actor);
  static bool settableByHand(model::VolunteerStatus status);
  // --- withdrawal requests (app/withdrawal_requests.h): asked for, not yet
  // confirmed. A request takes the volunteer out of searches at once;
  // staff confirm it (status Withdrawn, through changeStatus's rules and
  // history, the reason kept) or cancel it with a note (back in searches).
  Expected<model::Volunteer> requestWithdrawal(qint64 volunteerId, const QDate& date, const QString& note,
                                               const Actor& actor);
  SaveResult<model::Volunteer> confirmWithdrawal(qint64 volunteerId, const QString& reason, const Actor& actor);
  Expected<model::Volunteer> cancelWithdrawalRequest(qint64 volunteerId, const QString& note, const Actor& actor);
  // Reserves the volunteer for one patient (the match page's action). The
  // reservation lapses on `expires` (default: today + kReservationDays)
  // unless extended; the date is kept in Volunteer::reservationExpires.
  static constexpr int kReservationDays = 90;
  SaveResult<model::Volunteer> reserveForPatient(qint64 volunteerId, int rowVersion, qint64 patientId,
                                                 const Actor& actor, const QDate& expires = {});
  // A reserved volunteer's reservation runs on to `until` (after today).
  SaveResult<model::Volunteer> extendReservation(qint64 volunteerId, int rowVersion, const QDate& until,
                                                 const Actor& actor);
  // Gives a reserved volunteer back to the registry (status active) for the
  // patient's side of things: reason is transplanted_other_donor,
  // patient_died or search_closed; the status history keeps the reason's key
  // and the note. Refused while a case for that patient is open (stopping
  // the case releases the reservation).
  SaveResult<model::Volunteer> releaseReservation(qint64 volunteerId, int rowVersion, model::StopReason reason,
                                                  const QString& note, const Actor& actor);
  Expected<QList<model::StatusChange>> statusHistory(qint64 volunteerId);
  // Who is reserved for this patient (the patient's search still lists them).
  Expected<QList<qint64>> volunteersReservedFor(qint64 patientId);
  // Retires everyone who has reached 60 on `today` (except those already
  // retired, withdrawn, permanently deferred, or reserved for a workup in
  // progress). One transaction per volunteer: a record that cannot be saved
  // (inconsistent stored data) is reported and the others are still
  // retired, so one bad row no longer stops the nightly run.
  struct RetireReport {
    int retired = 0;
    QList<QPair<QString, Error>> failed;  // registry number, why
  };
  // Real and generated volunteers never share a registry: generate refuses
  // a registry with real volunteers, an import one with generated ones.
  // writingSynthetic: what the caller is about to write.
  Status checkNotMixing(bool writingSynthetic);
  Expected<RetireReport> retireAgedOut(const Actor& actor, const QDate& today = QDate::currentDate());

  // --- contact log (also maintains Volunteer::lastContactOk)
  Expected<model::ContactAttempt> recordContact(const model::ContactAttempt& attempt, const Actor& actor);
  Expected<QList<model::ContactAttempt>> contacts(qint64 volunteerId);

  // --- retention (registry_retention.cpp, docs/retention.md)
  // The lost-contact rule's numbers, the same for every workstation.
  Expected<model::RetentionRules> retentionRules();
  // validation.retention_rules when a number is out of range; audited.
  Status setRetentionRules(const model::RetentionRules& rules, const Actor& actor);
  // The yearly readiness check: its row, volunteer.last_readiness_check and
  // an audit row; an answer "no" also puts the volunteer on the
  // withdrawal-requested worklist (withdrawal_requested_on) for staff to confirm.
  Expected<model::ReadinessCheck> recordReadinessCheck(const model::ReadinessCheck& check, const Actor& actor);
  Expected<QList<model::ReadinessCheck>> readinessChecks(qint64 volunteerId);  // newest first

  // --- patients
  Expected<model::Patient> patient(qint64 id);
  Expected<model::Patient> patientByCaseNo(const QString& caseNo);
  Expected<QList<model::Patient>> listPatients(const PatientQuery& query);
  SaveResult<model::Patient> createPatient(const model::Patient& patient, const Actor& actor);
  SaveResult<model::Patient> updatePatient(const model::Patient& patient, const Actor& actor);

  // --- workups (starting one reserves the volunteer for the patient)
  // Whether this volunteer can start a case for this patient now (the rules
  // startWorkup applies, nothing written): the GUI asks before confirming.
  Status checkStartWorkup(qint64 patientId, qint64 volunteerId);
  SaveResult<model::WorkupCase> startWorkup(qint64 patientId, qint64 volunteerId, const QDate& date,
                                            const Actor& actor);
  // Stages advance in order. Moving past a stage needs skipReason (kept in
  // stageNote and the audit trail); stages after "consent signed" need the
  // signed consent on file (that stage reached), whatever the reason; a
  // stage's date is never before the previous stage's.
  // Entering mobilisation (the patient's conditioning starts about then)
  // while the case has a risk flag open (app/case_risk.h) returns a warning
  // ("validation.case_at_risk", nothing written) unless acceptRisk.
  SaveResult<model::WorkupCase> advanceWorkup(qint64 caseId, int rowVersion, model::WorkupStage stage,
                                              const QDate& date, const Actor& actor, const QString& skipReason = {},
                                              bool acceptRisk = false);
  // Those rules alone, on a case as it was read (nothing is written), so the
  // GUI can ask for a skip reason or confirmation only when the move is
  // possible: the first rule broken ("validation.stage_skipped" when the
  // reason for a skip is missing), or success. date: invalid means today.
  static Status checkAdvance(const model::WorkupCase& current, model::WorkupStage stage, const QDate& date,
                             const QString& skipReason);
  // Takes back the furthest stage (a wrong click), with a reason for the
  // audit trail; undoing collection gives the volunteer back the reservation
  // and takes the donation off the record.
  SaveResult<model::WorkupCase> undoLastStage(qint64 caseId, int rowVersion, const QString& reason,
                                              const Actor& actor);
  // Stops a case for a coded reason (WorkupCase::stopCode) at the stage the
  // donor or patient had reached (regretStage: at most the case's stage);
  // the words (stopReason) are required for "other". A volunteer reserved
  // for the patient becomes active again.
  SaveResult<model::WorkupCase> stopWorkup(qint64 caseId, int rowVersion, model::StopReason code,
                                           model::WorkupStage stageReached, const QString& reason, const QDate& date,
                                           const Actor& actor);
  Expected<model::WorkupCase> workupCase(qint64 id);
  // By the code staff and forms use (P2026-00001-01); a plain number is the case's id.
  Expected<model::WorkupCase> workupCaseByCode(const QString& codeOrId);
  Expected<model::WorkupCaseDetail> workupCaseDetail(qint64 id);
  Expected<QList<model::WorkupCase>> workupCasesForPatient(qint64 patientId);
  Expected<QList<model::WorkupCase>> workupCasesForVolunteer(qint64 volunteerId);
  Expected<QList<model::WorkupCase>> listWorkupCases();  // every case, in id order

  // --- audit and batches
  // Oldest first; a creation's whole-record snapshot comes as one entry per
  // recorded field, in the record's field order.
  Expected<QList<model::AuditEntry>> auditTrail(const QString& entity, qint64 entityId);
  Expected<QList<model::ImportBatch>> importBatches();

  // --- recruitment drives (batch printing; keys in app/recruitment_drive_key.h)
  Expected<QList<model::DriveSummary>> recruitmentDrives();
  Expected<QStringList> volunteersOfDrive(const model::DriveSelector& drive);

  // --- matching: every volunteer, one forward-only query, in id order.
  // The visitor returns false to stop early.
  Status forEachDonor(const std::function<bool(const model::DonorRecord&)>& visitor);
  // Differs whenever any volunteer was added, changed or contacted since the
  // last call (from any connection): tells whether a search index is stale.
  Expected<QString> volunteersChangeStamp();
  // Called after each committed write through this Registry that changed a
  // volunteer (save, status, reservation, workup, contact), with its id; 0 =
  // many volunteers changed (retirement run). Keeps a search index current.
  void setVolunteerWrittenHook(std::function<void(qint64 volunteerId)> hook) { written_ = std::move(hook); }
  // Volunteers whose temporary deferral ended after `after`, on or before
  // `upTo`: available now, unavailable on `after`.
  Expected<QList<qint64>> volunteersWhoseDeferralEnded(const QDate& after, const QDate& upTo);
  // PostgreSQL: calls onChange on this connection's thread (its event loop
  // must run) with the id of each volunteer any connection inserted, changed
  // or deleted, as it commits (0 = many: re-read them all); fromHere when
  // this connection wrote it. store.no_notifications on SQLite. Replaces an
  // earlier listener; stops with the Registry or stopListening().
  Status listenForVolunteerChanges(std::function<void(qint64 volunteerId, bool fromHere)> onChange);
  void stopListening();

  // --- statistics (the Statistics page, `stats`) and the log of searches they count
  Expected<model::RegistryStatistics> statistics(const QDate& today = QDate::currentDate());
  // One search run by a front end (frontEnd: gui, cli, report); not audited:
  // it changes no record.
  Status recordSearchRun(const model::SearchRun& run);

  // --- the database itself (db info, db check, backup)
  QString location() const;  // path or URL as staff read it (password left out)
  int schemaVersion();       // 0 for an empty database
  static int latestSchemaVersion();
  // store.schema_old when the database is older than this program (a
  // read-only connection is never upgraded, so it must ask).
  Status checkCurrent();
  // Empty when the quick check at open found nothing (always for
  // PostgreSQL), else what it found.
  QString damage() const;
  Expected<model::DatabaseCheck> check();
  QList<model::TableRowCount> rowCounts();
  // A verified online copy of a SQLite registry (for PostgreSQL, the error
  // names the pg_dump command to use).
  Status backupTo(const QString& targetPath);
  // While a write waits for another writer's lock: called once a second
  // with the seconds waited, for at most maxSeconds (every Registry of this
  // process).
  static void setLockWaitNotifier(std::function<void(int secondsWaited)> notifier, int maxSeconds);

 private:
  friend store::Database& storeDatabase(Registry& registry);
  friend std::unique_ptr<Registry> registryOver(std::unique_ptr<store::Database> database);
  explicit Registry(std::unique_ptr<store::Database> database);
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::VolunteerChangeFeed> feed_;  // after db_: goes first
  HlaChecker hla_;
  std::function<void(qint64)> written_;
  void volunteerWritten(qint64 volunteerId);  // runs the hook unless inside an outer transaction
  enum class StatusSource { Stored, Given };  // keep the stored status, or write the one given
  SaveResult<model::Volunteer> writeVolunteer(const model::Volunteer& volunteer, const Actor& actor,
                                              StatusSource status);
  // Any status change, the workflow's included (no "by hand" rule).
  SaveResult<model::Volunteer> applyStatus(qint64 volunteerId, int rowVersion, const StatusChangeRequest& request,
                                           const Actor& actor);
  // A case change's last step: commit, tell the hook, hand back the case.
  SaveResult<model::WorkupCase> committedCase(UnitOfWork& work, const model::WorkupCase& saved);
  SaveResult<model::Patient> writePatient(model::Patient patient, const Actor& actor);  // id 0: create
};

}  // namespace dd::app
