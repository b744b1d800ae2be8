#pragma once
// SQL for patients. Writes never commit: the caller owns the transaction.
#include <QList>

#include "core/expected.h"
#include "store/records.h"
#include "store/volunteer_query.h"

namespace dd::store {

class Database;

class PatientRepository {
 public:
  explicit PatientRepository(Database& db) : db_(db) {}
  Expected<Patient> get(qint64 id);
  Expected<Patient> byCaseNo(const QString& caseNo);
  Expected<QList<Patient>> list(const PatientQuery& query);
  Status insert(Patient& patient);  // assigns caseNo (P + year + serial) when empty
  Status update(Patient& patient);  // store.conflict when rowVersion is stale
  static QList<QPair<QString, QString>> auditFields(const Patient& patient);

 private:
  Database& db_;
};

}  // namespace dd::store
