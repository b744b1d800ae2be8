// Registry: opening, and the volunteer use cases.
#include "app/registry.h"

#include <algorithm>

#include <QCoreApplication>

#include "app/registry_store_access.h"
#include "app/shown_names.h"
#include "app/unit_of_work.h"
#include "app/volunteer_validation.h"
#include "app/withdrawal_requests.h"
#include "store/backup.h"
#include "store/database.h"
#include "store/database_check.h"
#include "store/migrations.h"
#include "store/serials.h"
#include "store/store_errors.h"
#include "store/volunteer_change_feed.h"
#include "store/volunteer_repository.h"

namespace dd::app {

using model::Volunteer;
using model::VolunteerStatus;

namespace {

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }

Error duplicateId(const QString& idNumber, const QString& registryNo) {
  return makeError("validation.duplicate_id", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "ID number %1 is already registered as No. %2."),
                   {utf8(idNumber), utf8(registryNo)}, "id_number");
}

Error possibleDuplicate(const QStringList& registryNos) {
  return makeError(codes::possibleDuplicate, "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "A volunteer with the same name, birth date and phone is already "
                                                "registered as No. %1."),
                   {utf8(registryNos.join(QStringLiteral(", ")))}, "name");
}

Error finalStatus(VolunteerStatus from, VolunteerStatus to) {
  return makeError("validation.status_transition", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "A volunteer whose status is '%1' cannot be changed to '%2'."),
                   {shownName(model::displayName(from)), shownName(model::displayName(to))}, "status");
}

Error setByWorkflow(VolunteerStatus to) {
  return makeError("validation.status_by_workflow", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "'%1' cannot be set by hand: reserve a volunteer from the match "
                                                "page, and a donation is recorded by the collection stage of a case."),
                   {shownName(model::displayName(to))}, "status");
}

// A number that was on the record and is not any more is kept, dated, as a
// replaced number: staff can still see (and search) the old number, and a
// volunteer who lost contact may be traced through it.
void keepReplacedPhones(const Volunteer& before, Volunteer& after, const QDate& today) {
  for (const model::Phone& old : before.phones) {
    const bool stillThere = std::any_of(after.phones.cbegin(), after.phones.cend(),
                                        [&](const model::Phone& phone) { return phone.number == old.number; });
    if (stillThere || old.number.isEmpty()) continue;
    model::Phone replaced = old;
    replaced.current = false;
    if (replaced.inUse()) replaced.replacedOn = today;
    after.phones.append(replaced);
  }
}

QStringList phoneNumbers(const Volunteer& v) {
  QStringList numbers;
  for (const model::Phone& phone : v.phones) numbers << phone.number;
  return numbers;
}

}  // namespace

Expected<std::unique_ptr<Registry>> Registry::open(const QString& url, Access access) {
  store::OpenOptions options;
  options.createIfMissing = access == Access::CreateOrUpgrade;
  // A caller that may not create a registry gets a refusal for a 0-byte
  // file or another program's SQLite file; the connection test (AsIs) may
  // look at an empty database that OK will then turn into a registry.
  options.createSchema = access == Access::CreateOrUpgrade || access == Access::AsIs;
  options.migrate = access == Access::CreateOrUpgrade || access == Access::Upgrade;
  options.readOnly = access == Access::ReadOnly;
  auto db = store::Database::open(url, options);
  if (!db) return db.error();
  return registryOver(std::move(*db));
}

Registry::Registry(std::unique_ptr<store::Database> database) : db_(std::move(database)) {}
Registry::~Registry() = default;

store::Database& storeDatabase(Registry& registry) { return *registry.db_; }
std::unique_ptr<Registry> registryOver(std::unique_ptr<store::Database> database) {
  return std::unique_ptr<Registry>(new Registry(std::move(database)));
}

QString Registry::location() const { return db_->spec().display(); }
int Registry::schemaVersion() { return db_->schemaVersion(); }
int Registry::latestSchemaVersion() { return store::latestSchemaVersion(); }
Status Registry::checkCurrent() { return store::checkCurrent(*db_); }
QString Registry::damage() const { return db_->damage(); }
Expected<model::DatabaseCheck> Registry::check() { return store::checkDatabase(*db_); }
QList<model::TableRowCount> Registry::rowCounts() { return store::rowCounts(db_->sql()); }
Status Registry::backupTo(const QString& targetPath) { return store::backupTo(*db_, targetPath); }
void Registry::setLockWaitNotifier(std::function<void(int)> notifier, int maxSeconds) {
  store::setLockWaitNotifier(std::move(notifier), maxSeconds);
}

const HlaChecker& Registry::hlaChecker() {
  if (!hla_) hla_ = defaultHlaChecker();
  return hla_;
}

Expected<Volunteer> Registry::volunteer(qint64 id) { return store::VolunteerRepository(*db_).get(id); }
Expected<Volunteer> Registry::volunteerByRegistryNo(const QString& registryNo) {
  return store::VolunteerRepository(*db_).byRegistryNo(registryNo);
}
Expected<QList<model::VolunteerSummary>> Registry::listVolunteers(const VolunteerQuery& query) {
  return store::VolunteerRepository(*db_).list(query);
}
Expected<int> Registry::countVolunteers(const VolunteerFilter& filter) {
  return store::VolunteerRepository(*db_).count(filter);
}
Expected<QList<QPair<QString, QString>>> Registry::volunteerRegions() {
  return store::VolunteerRepository(*db_).regions();
}
Expected<QList<model::StatusChange>> Registry::statusHistory(qint64 volunteerId) {
  return store::VolunteerRepository(*db_).statusHistory(volunteerId);
}
Expected<QList<qint64>> Registry::volunteersReservedFor(qint64 patientId) {
  return store::VolunteerRepository(*db_).reservedFor(patientId);
}
Expected<QString> Registry::volunteersChangeStamp() { return store::VolunteerRepository(*db_).changeStamp(); }

void Registry::volunteerWritten(qint64 volunteerId) {
  if (written_ && !db_->inTransaction()) written_(volunteerId);
}

Expected<QList<qint64>> Registry::volunteersWhoseDeferralEnded(const QDate& after, const QDate& upTo) {
  return store::VolunteerRepository(*db_).deferralsEndedBetween(after, upTo);
}

Status Registry::listenForVolunteerChanges(std::function<void(qint64, bool)> onChange) {
  if (!feed_) feed_ = std::make_unique<store::VolunteerChangeFeed>(*db_);
  return feed_->listen(std::move(onChange));
}

void Registry::stopListening() {
  if (feed_) feed_->stop();
}

Status Registry::forEachDonor(const std::function<bool(const model::DonorRecord&)>& visitor) {
  return store::VolunteerRepository(*db_).forEachDonor(visitor, QDate::currentDate());
}

std::vector<Error> Registry::validate(Volunteer& volunteer, bool registration) {
  ValidationContext context;
  context.mode = registration ? ValidationMode::Registration : ValidationMode::Update;
  context.hla = hlaChecker();
  // Numbers already stored keep their form; a new one must be ours.
  if (registration)
    if (auto prefix = store::metaValue(*db_, "registry_prefix")) context.registryPrefix = *prefix;
  return validateVolunteer(volunteer, context);
}

SaveResult<Volunteer> Registry::registerVolunteer(const Volunteer& input, const Actor& actor, bool acceptWarnings) {
  SaveResult<Volunteer> result;
  Volunteer v = input;
  v.id = 0;
  result.errors = validate(v, true);
  UnitOfWork work(*db_, actor);
  if (!work.started()) return SaveResult<Volunteer>::failure(work.started().error());
  store::VolunteerRepository volunteers(*db_);
  if (!v.idNumber.isEmpty()) {
    auto existing = volunteers.registryNoForIdNumber(v.idNumber);
    if (!existing) return SaveResult<Volunteer>::failure(existing.error());
    if (*existing) result.errors.push_back(duplicateId(v.idNumber, **existing));
  }
  if (!result.errors.empty()) return result;
  auto similar = volunteers.sameNameBirthPhone(v.name, v.birthDate, phoneNumbers(v));
  if (!similar) return SaveResult<Volunteer>::failure(similar.error());
  if (!similar->isEmpty()) result.warnings.push_back(possibleDuplicate(*similar));
  for (Error& warning : volunteerWarnings(v)) result.warnings.push_back(std::move(warning));
  if (!result.warnings.empty() && !acceptWarnings) return result;
  if (Status s = volunteers.insert(v, actor.staff); !s) return SaveResult<Volunteer>::failure(s.error());
  if (Status s = work.created(v); !s) return SaveResult<Volunteer>::failure(s.error());
  if (Status s = work.commit(); !s) return SaveResult<Volunteer>::failure(s.error());
  result.value = v;
  volunteerWritten(v.id);
  return result;
}

SaveResult<Volunteer> Registry::updateVolunteer(const Volunteer& input, const Actor& actor) {
  return writeVolunteer(input, actor, StatusSource::Stored);
}

SaveResult<Volunteer> Registry::writeVolunteer(const Volunteer& input, const Actor& actor, StatusSource status) {
  SaveResult<Volunteer> result;
  Volunteer v = input;
  UnitOfWork work(*db_, actor);
  if (!work.started()) return SaveResult<Volunteer>::failure(work.started().error());
  store::VolunteerRepository volunteers(*db_);
  auto before = volunteers.get(v.id);
  if (!before) return SaveResult<Volunteer>::failure(before.error());
  if (status == StatusSource::Stored) {
    // An edit never changes the status: that is changeStatus's, with its
    // rules and history, and the workflow's (reserved, donated).
    v.status = before->status;
    v.statusReason = before->statusReason;
    v.statusUntil = before->statusUntil;
    v.reservedForPatientId = before->reservedForPatientId;
    v.withdrawalStage = before->withdrawalStage;
    v.donationDate = before->donationDate;
    v.donationCount = before->donationCount;
  }
  result.errors = validate(v, false);
  if (!v.idNumber.isEmpty()) {
    auto existing = volunteers.registryNoForIdNumber(v.idNumber, v.id);
    if (!existing) return SaveResult<Volunteer>::failure(existing.error());
    if (*existing) result.errors.push_back(duplicateId(v.idNumber, **existing));
  }
  if (!result.errors.empty()) return result;
  // Fields the store maintains are not the editor's to change.
  v.lastContactOk = before->lastContactOk;
  v.createdAt = before->createdAt;
  v.importBatchId = before->importBatchId;
  v.reservationExpires = before->reservationExpires;
  keepReplacedPhones(*before, v, QDate::currentDate());
  if (Status s = volunteers.update(v, actor.staff); !s) return SaveResult<Volunteer>::failure(s.error());
  // A reservation that ends (released, stopped, donated) has nothing left to lapse.
  if (before->status == VolunteerStatus::Reserved && v.status != VolunteerStatus::Reserved &&
      v.reservationExpires.isValid()) {
    if (Status s = volunteers.setReservationExpires(v.id, {}); !s) return SaveResult<Volunteer>::failure(s.error());
    v.reservationExpires = QDate();
  }
  if (v.status != before->status) {
    if (Status s = volunteers.addStatusChange({0, v.id, {}, actor.staff, before->status, v.status, v.statusReason,
                                               v.statusUntil, v.reservedForPatientId, v.withdrawalStage});
        !s)
      return SaveResult<Volunteer>::failure(s.error());
  }
  // A withdrawal, however staff record it, settles a pending request.
  if (v.status == VolunteerStatus::Withdrawn && before->withdrawalRequestedOn.isValid()) {
    auto cleared = clearWithdrawalRequest(*db_, work, *before, QStringLiteral("withdrawal_confirmed"), v.statusReason);
    if (!cleared) return SaveResult<Volunteer>::failure(cleared.error());
    v.withdrawalRequestedOn = QDate();
  }
  if (Status s = work.changed(*before, v); !s) return SaveResult<Volunteer>::failure(s.error());
  if (Status s = work.commit(); !s) return SaveResult<Volunteer>::failure(s.error());
  result.value = v;
  result.warnings = volunteerWarnings(v);  // saved: told, not asked
  volunteerWritten(v.id);
  return result;
}

bool Registry::settableByHand(VolunteerStatus status) {
  return status != VolunteerStatus::Reserved && status != VolunteerStatus::Donated;
}

SaveResult<Volunteer> Registry::changeStatus(qint64 volunteerId, int rowVersion, const StatusChangeRequest& request,
                                             const Actor& actor) {
  if (!settableByHand(request.to)) return SaveResult<Volunteer>::failure(setByWorkflow(request.to));
  return applyStatus(volunteerId, rowVersion, request, actor);
}

Expected<Volunteer> Registry::requestWithdrawal(qint64 volunteerId, const QDate& date, const QString& note,
                                                const Actor& actor) {
  UnitOfWork work(*db_, actor);
  if (!work.started()) return work.started().error();
  auto current = store::VolunteerRepository(*db_).get(volunteerId);
  if (!current) return current.error();
  auto changed = markWithdrawalRequested(*db_, work, *current, date, note);
  if (!changed) return changed.error();
  if (Status s = work.commit(); !s) return s.error();
  if (*changed) volunteerWritten(volunteerId);
  return volunteer(volunteerId);
}

namespace {
Error noWithdrawalRequest(const Volunteer& v) {
  return makeError("validation.no_withdrawal_request", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "Volunteer %1 has no withdrawal request pending."),
                   {v.registryNo.toStdString()}, "withdrawal_requested_on");
}
}  // namespace

SaveResult<Volunteer> Registry::confirmWithdrawal(qint64 volunteerId, const QString& reason, const Actor& actor) {
  auto current = volunteer(volunteerId);
  if (!current) return SaveResult<Volunteer>::failure(current.error());
  if (!current->withdrawalRequestedOn.isValid()) return SaveResult<Volunteer>::failure(noWithdrawalRequest(*current));
  StatusChangeRequest request;
  request.to = VolunteerStatus::Withdrawn;
  request.reason = reason.trimmed().isEmpty()
                       ? QCoreApplication::translate("dd::app", "Asked to withdraw on %1")
                             .arg(current->withdrawalRequestedOn.toString(Qt::ISODate))
                       : reason;
  // writeVolunteer clears the request in the status change's transaction.
  return changeStatus(volunteerId, current->rowVersion, request, actor);
}

Expected<Volunteer> Registry::cancelWithdrawalRequest(qint64 volunteerId, const QString& note, const Actor& actor) {
  if (note.trimmed().isEmpty())
    return makeError("validation.required", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "Say why the withdrawal request is cancelled."), {}, "note");
  UnitOfWork work(*db_, actor);
  if (!work.started()) return work.started().error();
  auto current = store::VolunteerRepository(*db_).get(volunteerId);
  if (!current) return current.error();
  auto cleared = clearWithdrawalRequest(*db_, work, *current, QStringLiteral("withdrawal_cancelled"), note);
  if (!cleared) return cleared.error();
  if (!*cleared) return noWithdrawalRequest(*current);
  if (Status s = work.commit(); !s) return s.error();
  volunteerWritten(volunteerId);
  return volunteer(volunteerId);
}

SaveResult<Volunteer> Registry::applyStatus(qint64 volunteerId, int rowVersion, const StatusChangeRequest& request,
                                            const Actor& actor) {
  auto current = volunteer(volunteerId);
  if (!current) return SaveResult<Volunteer>::failure(current.error());
  const VolunteerStatus from = current->status;
  if ((from == VolunteerStatus::Retired || from == VolunteerStatus::PermanentlyDeferred) && request.to != from)
    return SaveResult<Volunteer>::failure(finalStatus(from, request.to));
  Volunteer v = *current;
  v.rowVersion = rowVersion;  // the version the caller saw: a stale one is a conflict
  v.status = request.to;
  v.statusReason = request.reason.trimmed();
  v.statusUntil = request.to == VolunteerStatus::TemporarilyDeferred ? request.until : QDate();
  v.reservedForPatientId = request.to == VolunteerStatus::Reserved ? request.patientId : 0;
  v.withdrawalStage = request.to == VolunteerStatus::Withdrawn ? request.stage : QString();
  if (request.to == VolunteerStatus::Donated) {
    v.donationDate = request.date.isValid() ? request.date : QDate::currentDate();
    v.donationCount += 1;
  }
  return writeVolunteer(v, actor, StatusSource::Given);
}

Status Registry::checkNotMixing(bool writingSynthetic) {
  auto other = store::VolunteerRepository(*db_).countSynthetic(!writingSynthetic);
  if (!other) return other.error();
  if (*other == 0) return {};
  const char* const realText =
      QT_TRANSLATE_NOOP("dd::app", "This registry holds %1 real (not generated) volunteers: synthetic volunteers "
                                   "with realistic ID numbers would mix with them. Generate into a new database "
                                   "(donordesk-cli --db demo.sqlite init).");
  const char* const syntheticText =
      QT_TRANSLATE_NOOP("dd::app", "This registry holds %1 synthetic (generated) volunteers: it is a demonstration "
                                   "registry, and real volunteers imported into it would mix with invented ones. "
                                   "Import into the office's real registry (--db).");
  return makeError(writingSynthetic ? "generate.real_registry" : "import.synthetic_registry", "dd::app",
                   writingSynthetic ? realText : syntheticText, {std::to_string(*other)});
}

Expected<Registry::RetireReport> Registry::retireAgedOut(const Actor& actor, const QDate& today) {
  auto due = store::VolunteerRepository(*db_).dueForRetirement(today.addYears(-kRetirementAge));
  if (!due) return due.error();
  const QString reason = QCoreApplication::translate("dd::app", "Reached the age of 60");
  RetireReport report;
  for (const store::VolunteerRepository::Due& volunteer : *due) {
    // changeStatus is its own transaction: a failure rolls back that
    // volunteer only.
    auto retired = changeStatus(volunteer.id, volunteer.rowVersion, {VolunteerStatus::Retired, reason, {}, 0, {}, {}},
                                actor);
    if (retired.ok()) {
      ++report.retired;
      continue;
    }
    Error why = !retired.errors.empty() ? retired.errors.at(0) : retired.warnings.at(0);
    // The database itself failing (busy, damaged, gone) ends the run; one
    // record's own problem does not.
    if (why.code.rfind("store.", 0) == 0 && why.code != codes::conflict) return why;
    report.failed.append({volunteer.registryNo, std::move(why)});
  }
  if (report.retired > 0) volunteerWritten(0);
  return report;
}

}  // namespace dd::app
