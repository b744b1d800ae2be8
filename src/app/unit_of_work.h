#pragma once
// One write of a use case: a transaction on the registry's database and the
// audit rows that say who changed what, committed together or not at all
// (rolled back when the unit is left without commit()). Every write of app/
// goes through one; the entity names and audit field lists live here once.
#include <memory>

#include <QString>

#include "app/actor.h"
#include "core/expected.h"
#include "model/entities.h"

namespace dd::store {
class Database;
}

namespace dd::app {

class UnitOfWork {
 public:
  // Begins the transaction (it waits for another writer's lock, see
  // Registry::setLockWaitNotifier); check started().
  UnitOfWork(store::Database& db, Actor actor);
  ~UnitOfWork();
  UnitOfWork(const UnitOfWork&) = delete;
  UnitOfWork& operator=(const UnitOfWork&) = delete;

  const Status& started() const;
  // Audit: a record written for the first time (every field, one snapshot
  // row), under `action` (create, import, ...).
  Status created(const model::Volunteer& volunteer, const QString& action = QStringLiteral("create"));
  Status created(const model::Patient& patient);
  Status created(const model::WorkupCase& workup);
  // Audit: the fields that differ between before and after, one row each.
  Status changed(const model::Volunteer& before, const model::Volunteer& after);
  Status changed(const model::Patient& before, const model::Patient& after);
  Status changed(const model::WorkupCase& before, const model::WorkupCase& after,
                 const QString& action = QStringLiteral("update"));
  // Audit: any other entry (a contact, a generate run); its staff is the actor.
  Status record(model::AuditEntry entry);
  Status commit();

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
  Actor actor_;
};

}  // namespace dd::app
