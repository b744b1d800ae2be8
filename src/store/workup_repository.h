#pragma once
// SQL for the contact log, workup cases, import batches. Writes never commit.
#include <QList>
#include <QVariant>

#include "core/expected.h"
#include "store/records.h"

namespace dd::store {

class Database;

class WorkupRepository {
 public:
  explicit WorkupRepository(Database& db);
  ~WorkupRepository();

  Status addContact(ContactAttempt& attempt);  // sets id
  Expected<QList<ContactAttempt>> contacts(qint64 volunteerId);

  Expected<WorkupCase> get(qint64 id);
  Expected<WorkupCase> byCode(const QString& caseCode);  // e.g. "P2026-00001-01"
  Expected<QList<WorkupCase>> forPatient(qint64 patientId);
  Expected<QList<WorkupCase>> forVolunteer(qint64 volunteerId);
  Status insert(WorkupCase& workup);
  Status update(WorkupCase& workup);  // store.conflict when rowVersion is stale
  static QList<QPair<QString, QString>> auditFields(const WorkupCase& workup);

  Status insertBatch(ImportBatch& batch);
  Status setBatchRowCount(qint64 batchId, int rows);
  Expected<QList<ImportBatch>> batches();

 private:
  Expected<QList<WorkupCase>> where(const QString& condition, const QVariant& value);
  Database& db_;
  struct Prepared;
  Prepared* prepared_;
};

}  // namespace dd::store
