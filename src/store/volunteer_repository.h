#pragma once
// SQL for volunteers, their phones and status history. Keep one repository
// alive across a bulk operation: its statements are prepared once and reused.
// Writes here never commit: the caller owns the transaction and the audit rows.
#include <functional>
#include <memory>
#include <optional>

#include <QHash>
#include <QList>
#include <QSqlQuery>
#include <QSet>
#include <QString>

#include "core/expected.h"
#include "model/donor_record.h"
#include "model/entities.h"
#include "model/queries.h"

namespace dd::store {

class Database;

class VolunteerRepository {
 public:
  explicit VolunteerRepository(Database& db);
  ~VolunteerRepository();

  Expected<model::Volunteer> get(qint64 id);
  Expected<model::Volunteer> byRegistryNo(const QString& registryNo);
  // The registry number of another volunteer with this ID number, if any.
  Expected<std::optional<QString>> registryNoForIdNumber(const QString& idNumber, qint64 excludeId = 0);
  // Ids of the volunteers reserved for this patient (usually none or one).
  Expected<QList<qint64>> reservedFor(qint64 patientId);
  // For bulk checks: value -> registry number of the volunteers whose
  // id_number (byIdNumber) or registry_no equals one of values.
  Expected<QHash<QString, QString>> findRegistryNos(const QStringList& values, bool byIdNumber);
  // Registry numbers of volunteers with the same name, birth date and one of the phones.
  Expected<QStringList> sameNameBirthPhone(const QString& name, const QDate& birth, const QStringList& phones,
                                           qint64 excludeId = 0);
  // `count` new registry numbers: prefix (meta registry_prefix) + 8-digit
  // serial, skipping numbers already taken (an imported file may have used
  // one the counter had not reached; it would otherwise block numbering).
  // alsoTaken: numbers about to be written in the same transaction (an
  // import's own numbered rows).
  Expected<QStringList> allocateRegistryNos(qint64 count, const QSet<QString>& alsoTaken = {});
  // How many volunteers generate wrote (synthetic) or not: the two never mix.
  Expected<qint64> countSynthetic(bool synthetic);
  // Marks what one generate run wrote as synthetic (never mixed with real volunteers).
  Status markSynthetic(qint64 importBatchId);
  // Every ID number on file (generate never reuses one).
  Status forEachIdNumber(const std::function<void(const QString&)>& visitor);
  // Volunteers born on or before `bornBy` whose status still lets them be
  // retired (not retired, withdrawn, permanently deferred or reserved), in id order.
  struct Due {
    qint64 id = 0;
    int rowVersion = 0;
    QString registryNo;
  };
  Expected<QList<Due>> dueForRetirement(const QDate& bornBy);

  // Inserts; sets id, rowVersion (1), createdAt/updatedAt; writes phones and
  // the first status_change row. Assigns a registry number when empty.
  Status insert(model::Volunteer& volunteer, const QString& staff);
  // Updates if volunteer.rowVersion still matches (else store.conflict);
  // bumps rowVersion and updatedAt on success; replaces the phones.
  Status update(model::Volunteer& volunteer, const QString& staff);
  Status addStatusChange(const model::StatusChange& change);
  Expected<QList<model::StatusChange>> statusHistory(qint64 volunteerId);
  Status setLastContactOk(qint64 volunteerId, const QDate& date);  // keeps the later date
  // A withdrawal asked for on `date`; an invalid date clears the request.
  Status setWithdrawalRequested(qint64 volunteerId, const QDate& date);
  // The maintained reservation_expires (invalid date: no reservation to lapse).
  Status setReservationExpires(qint64 volunteerId, const QDate& date);
  // Recomputes last_contact_ok from the contact log for one import batch (bulk loads).
  Status refreshLastContactOk(qint64 importBatchId);

  Expected<QList<model::VolunteerSummary>> list(const model::VolunteerQuery& query);
  Expected<int> count(const model::VolunteerFilter& filter);
  // Distinct (prefecture, county) pairs in use, sorted: for region filters.
  Expected<QList<QPair<QString, QString>>> regions();
  // Recruitment drives in use (volunteers grouped by drive date and place),
  // newest first (recruitment_drives.cpp).
  Expected<QList<model::DriveSummary>> drives();
  // Registry numbers of a drive's volunteers, in registry-number order; empty
  // when nobody matches.
  Expected<QStringList> registryNosOfDrive(const model::DriveSelector& drive);
  // Changes when any volunteer was added, edited, deleted or contacted (count,
  // highest id, sum of row versions, highest audit id): a cheap check that a
  // derived copy such as the search index is still current.
  Expected<QString> changeStamp();
  // Volunteers whose temporary deferral ended after `after` and on or before
  // `upTo`: those that became available in between (a saved search index
  // computed availability on its own day).
  Expected<QList<qint64>> deferralsEndedBetween(const QDate& after, const QDate& upTo);
  // Every volunteer in id order through one forward-only query.
  Status forEachDonor(const std::function<bool(const model::DonorRecord&)>& visitor, const QDate& today);

 private:
  Status ensurePrepared();
  Status writePhones(const model::Volunteer& volunteer, bool replace);
  Database& db_;
  struct Prepared;
  std::unique_ptr<Prepared> prepared_;
};

}  // namespace dd::store
