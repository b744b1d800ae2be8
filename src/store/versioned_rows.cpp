#include "store/versioned_rows.h"

#include <QSqlError>
#include <QSqlQuery>

#include "store/database.h"
#include "store/store_errors.h"

namespace dd::store {

QString selectVersionedSql(const QString& table, const QStringList& columns) {
  return QStringLiteral("SELECT id, row_version, created_at, updated_at, %1 FROM %2")
      .arg(columns.join(QStringLiteral(", ")), table);
}

Expected<qint64> insertVersionedRow(Database& db, const QString& table, const QStringList& columns,
                                    const QVariantList& values, const QDateTime& now, const QString& what) {
  QStringList marks;
  for (qsizetype i = 0; i < columns.size() + 2; ++i) marks << QStringLiteral("?");
  QSqlQuery q(db.sql());
  q.prepare(QStringLiteral("INSERT INTO %1 (%2, created_at, updated_at, row_version) VALUES (%3, 1) RETURNING id")
                .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))));
  for (const QVariant& value : values) q.addBindValue(value);
  q.addBindValue(sql::timestamp(now));
  q.addBindValue(sql::timestamp(now));
  if (!q.exec() || !q.next()) return databaseError(what, q.lastError());
  const qint64 id = q.value(0).toLongLong();
  q.finish();
  return id;
}

Expected<bool> updateVersionedRow(Database& db, const QString& table, const QStringList& columns,
                                  const QVariantList& values, qint64 id, int rowVersion, const QDateTime& now,
                                  const QString& what) {
  QStringList sets;
  for (const QString& column : columns) sets << column + QStringLiteral(" = ?");
  QSqlQuery q(db.sql());
  q.prepare(QStringLiteral("UPDATE %1 SET %2, updated_at = ?, row_version = row_version + 1 "
                           "WHERE id = ? AND row_version = ?")
                .arg(table, sets.join(QStringLiteral(", "))));
  for (const QVariant& value : values) q.addBindValue(value);
  q.addBindValue(sql::timestamp(now));
  q.addBindValue(id);
  q.addBindValue(rowVersion);
  if (!q.exec()) return databaseError(what, q.lastError());
  return q.numRowsAffected() == 1;
}

}  // namespace dd::store
