#pragma once
// SQL for patients. Writes never commit: the caller owns the transaction.
#include <QList>

#include "core/expected.h"
#include "model/entities.h"
#include "model/queries.h"

namespace dd::store {

class Database;

class PatientRepository {
 public:
  explicit PatientRepository(Database& db) : db_(db) {}
  Expected<model::Patient> get(qint64 id);
  Expected<model::Patient> byCaseNo(const QString& caseNo);
  Expected<QList<model::Patient>> list(const model::PatientQuery& query);
  Status insert(model::Patient& patient);  // assigns caseNo (P + year + serial) when empty
  Status update(model::Patient& patient);  // store.conflict when rowVersion is stale
  static QList<QPair<QString, QString>> auditFields(const model::Patient& patient);
  Status markSynthetic(const QList<qint64>& patientIds);  // what generate wrote

 private:
  Database& db_;
};

}  // namespace dd::store
