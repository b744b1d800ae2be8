#include "store/database_check.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "store/database.h"
#include "store/integrity_memory.h"
#include "store/migrations.h"
#include "store/store_errors.h"

namespace dd::store {

Expected<model::DatabaseCheck> checkDatabase(Database& db) {
  model::DatabaseCheck check;
  check.schemaVersion = db.schemaVersion();
  check.latestSchemaVersion = latestSchemaVersion();
  if (db.backend() != Backend::Sqlite) return check;
  QSqlQuery q(db.sql());
  q.setForwardOnly(true);
  // A remembered passed quick check no longer stands once damage is found:
  // every open checks again (and refuses to write) until the file is whole.
  auto found = [&]() -> model::DatabaseCheck {
    if (!check.integrityProblems.isEmpty()) IntegrityMemory::forThisUser().forget(db.spec().path);
    return check;
  };
  // What the quick check at open found comes first; a check that SQLite
  // cannot even finish is itself a finding, reported in SQLite's words.
  if (!db.damage().isEmpty()) check.integrityProblems << db.damage();
  if (!q.exec(QStringLiteral("PRAGMA integrity_check(50)"))) {
    check.integrityProblems << q.lastError().databaseText();
    return found();
  }
  while (q.next())
    if (const QString line = q.value(0).toString(); line != QLatin1String("ok") && !check.integrityProblems.contains(line))
      check.integrityProblems << line;
  if (!q.exec(QStringLiteral("PRAGMA foreign_key_check"))) {
    check.integrityProblems << q.lastError().databaseText();
    return found();
  }
  while (q.next() && check.orphanRows.size() < 50)
    check.orphanRows << QStringLiteral("%1 row %2 -> %3 (missing)")
                            .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
  return found();
}

QList<model::TableRowCount> rowCounts(QSqlDatabase& db) {
  QList<model::TableRowCount> counts;
  QSqlQuery q(db);
  for (const char* table : {"volunteer", "patient", "contact_attempt", "workup_case", "audit_log", "import_batch"}) {
    model::TableRowCount count{QLatin1String(table), -1};
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(count.table)) && q.next()) count.count = q.value(0).toLongLong();
    counts << count;
  }
  return counts;
}

}  // namespace dd::store
