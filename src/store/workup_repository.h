#pragma once
// SQL for the contact log, workup cases, import batches. Writes never commit.
#include <QList>
#include <QVariant>

#include "core/expected.h"
#include "model/entities.h"

namespace dd::store {

class Database;

class WorkupRepository {
 public:
  explicit WorkupRepository(Database& db);
  ~WorkupRepository();

  Status addContact(model::ContactAttempt& attempt);  // sets id
  Expected<QList<model::ContactAttempt>> contacts(qint64 volunteerId);

  Expected<model::WorkupCase> get(qint64 id);
  Expected<model::WorkupCase> byCode(const QString& caseCode);  // e.g. "P2026-00001-01"
  Expected<QList<model::WorkupCase>> forPatient(qint64 patientId);
  Expected<QList<model::WorkupCase>> forVolunteer(qint64 volunteerId);
  Expected<QList<model::WorkupCase>> all();  // every case, in id order
  Status insert(model::WorkupCase& workup);
  Status update(model::WorkupCase& workup);  // store.conflict when rowVersion is stale
  static QList<QPair<QString, QString>> auditFields(const model::WorkupCase& workup);

  Status insertBatch(model::ImportBatch& batch);
  Status setBatchRowCount(qint64 batchId, int rows);
  Expected<QList<model::ImportBatch>> batches();

 private:
  Expected<QList<model::WorkupCase>> where(const QString& condition, const QVariant& value);
  Database& db_;
  struct Prepared;
  Prepared* prepared_;
};

}  // namespace dd::store
