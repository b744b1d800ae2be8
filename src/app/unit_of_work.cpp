#include "app/unit_of_work.h"

#include "store/audit_log.h"
#include "store/database.h"
#include "store/patient_repository.h"
#include "store/volunteer_columns.h"
#include "store/workup_repository.h"

namespace dd::app {

struct UnitOfWork::Parts {
  explicit Parts(store::Database& db) : transaction(db), audit(db) {}
  store::Transaction transaction;
  store::AuditLog audit;  // one per unit: a bulk import reuses its prepared statements
};

UnitOfWork::UnitOfWork(store::Database& db, Actor actor)
    : parts_(std::make_unique<Parts>(db)), actor_(std::move(actor)) {}

UnitOfWork::~UnitOfWork() = default;

const Status& UnitOfWork::started() const { return parts_->transaction.started(); }

Status UnitOfWork::created(const model::Volunteer& volunteer, const QString& action) {
  return parts_->audit.writeSnapshot(actor_.staff, action, QStringLiteral("volunteer"), volunteer.id,
                                     store::volunteer_columns::auditFields(volunteer));
}

Status UnitOfWork::created(const model::Patient& patient) {
  return parts_->audit.writeSnapshot(actor_.staff, QStringLiteral("create"), QStringLiteral("patient"), patient.id,
                                     store::PatientRepository::auditFields(patient));
}

Status UnitOfWork::created(const model::WorkupCase& workup) {
  return parts_->audit.writeSnapshot(actor_.staff, QStringLiteral("create"), QStringLiteral("workup_case"), workup.id,
                                     store::WorkupRepository::auditFields(workup));
}

Status UnitOfWork::changed(const model::Volunteer& before, const model::Volunteer& after) {
  return parts_->audit.writeChanges(actor_.staff, QStringLiteral("update"), QStringLiteral("volunteer"), after.id,
                                    store::volunteer_columns::auditFields(before),
                                    store::volunteer_columns::auditFields(after));
}

Status UnitOfWork::changed(const model::Patient& before, const model::Patient& after) {
  return parts_->audit.writeChanges(actor_.staff, QStringLiteral("update"), QStringLiteral("patient"), after.id,
                                    store::PatientRepository::auditFields(before),
                                    store::PatientRepository::auditFields(after));
}

Status UnitOfWork::changed(const model::WorkupCase& before, const model::WorkupCase& after, const QString& action) {
  return parts_->audit.writeChanges(actor_.staff, action, QStringLiteral("workup_case"), after.id,
                                    store::WorkupRepository::auditFields(before),
                                    store::WorkupRepository::auditFields(after));
}

Status UnitOfWork::record(model::AuditEntry entry) {
  entry.staff = actor_.staff;
  return parts_->audit.write(entry);
}

Status UnitOfWork::commit() { return parts_->transaction.commit(); }

}  // namespace dd::app
