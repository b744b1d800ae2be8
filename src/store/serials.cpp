#include "store/serials.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "store/database.h"
#include "store/store_errors.h"

namespace dd::store {

Expected<QString> metaValue(Database& db, const char* key) {
  QSqlQuery q(db.sql());
  q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
  q.addBindValue(QString::fromLatin1(key));
  if (!q.exec()) return databaseError(QStringLiteral("reading settings"), q.lastError());
  if (!q.next()) return notFound("setting", QString::fromLatin1(key));
  return q.value(0).toString();
}

Status setMetaValue(Database& db, const char* key, const QString& value) {
  QSqlQuery q(db.sql());
  q.prepare(QStringLiteral("UPDATE meta SET value = ? WHERE key = ?"));
  q.addBindValue(value);
  q.addBindValue(QString::fromLatin1(key));
  if (!q.exec()) return databaseError(QStringLiteral("saving settings"), q.lastError());
  if (q.numRowsAffected() == 0) {
    q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"));
    q.addBindValue(QString::fromLatin1(key));
    q.addBindValue(value);
    if (!q.exec()) return databaseError(QStringLiteral("saving settings"), q.lastError());
  }
  return {};
}

Expected<qint64> reserveSerials(Database& db, const char* key, qint64 count) {
  QSqlQuery q(db.sql());
  q.prepare(QStringLiteral("UPDATE meta SET value = CAST(CAST(value AS BIGINT) + ? AS TEXT) WHERE key = ? "
                           "RETURNING value"));
  q.addBindValue(count);
  q.addBindValue(QString::fromLatin1(key));
  if (!q.exec() || !q.next()) return databaseError(QStringLiteral("numbering"), q.lastError());
  const qint64 last = q.value(0).toLongLong();
  q.finish();
  return last - count + 1;
}

QString formatSerial(const QString& prefix, qint64 serial) {
  return prefix + QStringLiteral("%1").arg(serial, 8, 10, QLatin1Char('0'));
}

}  // namespace dd::store
