#include "store/audit_log.h"

#include <algorithm>

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "store/database.h"
#include "store/sql_values.h"
#include "store/store_errors.h"

namespace dd::store {

using namespace dd::model;  // the entities this file reads and writes

struct AuditLog::Prepared {
  explicit Prepared(QSqlDatabase& db) : insert(db) {}
  QSqlQuery insert;
  bool ready = false;
};

AuditLog::AuditLog(Database& db) : db_(db), prepared_(new Prepared(db.sql())) {}
AuditLog::~AuditLog() { delete prepared_; }

Status AuditLog::write(const AuditEntry& entry) {
  QSqlQuery& q = prepared_->insert;
  if (!prepared_->ready) {
    if (!q.prepare(QStringLiteral("INSERT INTO audit_log (at, staff, action, entity, entity_id, field, old_value, "
                                  "new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")))
      return databaseError(QStringLiteral("preparing the audit log"), q.lastError());
    prepared_->ready = true;
  }
  sql::bindAll(q, {sql::timestamp(entry.at.isValid() ? entry.at : sql::nowUtc()), entry.staff, entry.action,
                   entry.entity, sql::id(entry.entityId), sql::text(entry.field), sql::text(entry.oldValue),
                   sql::text(entry.newValue)});
  if (!q.exec()) return databaseError(QStringLiteral("writing the audit log"), q.lastError());
  return {};
}

Status AuditLog::writeChanges(const QString& staff, const QString& action, const QString& entity, qint64 entityId,
                              const QList<QPair<QString, QString>>& before,
                              const QList<QPair<QString, QString>>& after) {
  const QDateTime now = sql::nowUtc();
  for (qsizetype i = 0; i < after.size() && i < before.size(); ++i) {
    if (before.at(i).second == after.at(i).second) continue;
    AuditEntry entry{0, now, staff, action, entity, entityId, after.at(i).first, before.at(i).second,
                     after.at(i).second};
    if (Status status = write(entry); !status) return status;
  }
  return {};
}

namespace {
// JSON string literal (RFC 8259 escapes); QJsonDocument costs more than the
// insert itself in bulk imports.
void appendJsonString(QString& out, const QString& text) {
  out += QLatin1Char('"');
  for (const QChar c : text) {
    switch (c.unicode()) {
      case '"': out += QLatin1String("\\\""); break;
      case '\\': out += QLatin1String("\\\\"); break;
      case '\n': out += QLatin1String("\\n"); break;
      case '\r': out += QLatin1String("\\r"); break;
      case '\t': out += QLatin1String("\\t"); break;
      default:
        if (c.unicode() < 0x20)
          out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
          out += c;
    }
  }
  out += QLatin1Char('"');
}
}  // namespace

Status AuditLog::writeSnapshot(const QString& staff, const QString& action, const QString& entity, qint64 entityId,
                               const QList<QPair<QString, QString>>& fields) {
  QString json;
  json.reserve(1024);
  json += QLatin1Char('{');
  for (const auto& [name, value] : fields) {
    if (value.isEmpty()) continue;
    if (json.size() > 1) json += QLatin1Char(',');
    appendJsonString(json, name);
    json += QLatin1Char(':');
    appendJsonString(json, value);
  }
  json += QLatin1Char('}');
  return write(AuditEntry{0, sql::nowUtc(), staff, action, entity, entityId, QStringLiteral("*"), {}, json});
}

Expected<QList<AuditEntry>> AuditLog::trail(const QString& entity, qint64 entityId) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("SELECT id, at, staff, action, entity, entity_id, field, old_value, new_value "
                           "FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id"));
  q.addBindValue(entity);
  q.addBindValue(entityId);
  if (!q.exec()) return databaseError(QStringLiteral("reading the audit log"), q.lastError());
  QList<AuditEntry> entries;
  while (q.next())
    entries.append(AuditEntry{q.value(0).toLongLong(), sql::toTimestamp(q.value(1)), q.value(2).toString(),
                              q.value(3).toString(), q.value(4).toString(), q.value(5).toLongLong(),
                              q.value(6).toString(), q.value(7).toString(), q.value(8).toString()});
  return entries;
}

Expected<QList<AuditEntry>> AuditLog::fieldTrail(const QString& entity, qint64 entityId,
                                                 const QStringList& fieldOrder) {
  auto entries = trail(entity, entityId);
  if (!entries) return entries;
  QList<AuditEntry> split;
  for (const AuditEntry& entry : std::as_const(*entries)) {
    if (entry.field != QLatin1String("*")) {
      split.append(entry);
      continue;
    }
    const QJsonObject snapshot = QJsonDocument::fromJson(entry.newValue.toUtf8()).object();
    QStringList keys = snapshot.keys();  // alphabetical
    std::stable_sort(keys.begin(), keys.end(), [&](const QString& a, const QString& b) {
      // indexOf is -1 for an unknown field: as unsigned it sorts last.
      return static_cast<std::size_t>(fieldOrder.indexOf(a)) < static_cast<std::size_t>(fieldOrder.indexOf(b));
    });
    for (const QString& key : keys) {
      AuditEntry field = entry;
      field.field = key;
      field.newValue = snapshot.value(key).toString();
      split.append(field);
    }
  }
  return split;
}

QPair<QString, QString> AuditLog::lastChange(const QString& entity, qint64 entityId) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("SELECT staff, at FROM audit_log WHERE entity = ? AND entity_id = ? "
                           "ORDER BY id DESC LIMIT 1"));
  q.addBindValue(entity);
  q.addBindValue(entityId);
  if (q.exec() && q.next()) return {q.value(0).toString(), q.value(1).toString()};
  return {};
}

}  // namespace dd::store
