#include "store/readiness_repository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "store/database.h"
#include "store/sql_values.h"
#include "store/store_errors.h"

namespace dd::store {
namespace {
QString keyText(std::string_view key) { return QString::fromLatin1(key.data(), qsizetype(key.size())); }
}  // namespace

Status insertReadinessCheck(Database& db, model::ReadinessCheck& c) {
  QSqlQuery q(db.sql());
  q.prepare(QStringLiteral("INSERT INTO readiness_check (volunteer_id, checked_on, staff, willing, health_changes, "
                           "absence_from, absence_until, family_informed, family_attitude, contact_updated, note, "
                           "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  sql::bindAll(q, {c.volunteerId, sql::date(c.checkedOn), c.staff, keyText(model::key(c.willing)),
                   sql::text(c.healthChanges), sql::date(c.absenceFrom), sql::date(c.absenceUntil),
                   c.familyInformed ? 1 : 0, keyText(model::key(c.familyAttitude)), c.contactUpdated ? 1 : 0,
                   sql::text(c.note), sql::timestamp(sql::nowUtc())});
  if (!q.exec() || !q.next()) return databaseError(QStringLiteral("recording a readiness check"), q.lastError());
  c.id = q.value(0).toLongLong();
  return {};
}

Status noteReadinessCheck(Database& db, qint64 volunteerId, const QDate& on, bool requestWithdrawal) {
  QSqlQuery q(db.sql());
  q.prepare(QStringLiteral("UPDATE volunteer SET last_readiness_check = ? WHERE id = ? AND "
                           "(last_readiness_check IS NULL OR last_readiness_check < ?)"));
  sql::bindAll(q, {sql::date(on), volunteerId, sql::date(on)});
  if (!q.exec()) return databaseError(QStringLiteral("recording a readiness check"), q.lastError());
  if (!requestWithdrawal) return {};
  q.prepare(QStringLiteral("UPDATE volunteer SET withdrawal_requested_on = ? WHERE id = ? AND "
                           "withdrawal_requested_on IS NULL"));
  sql::bindAll(q, {sql::date(on), volunteerId});
  if (!q.exec()) return databaseError(QStringLiteral("recording a withdrawal request"), q.lastError());
  return {};
}

Expected<QList<model::ReadinessCheck>> readinessChecks(Database& db, qint64 volunteerId) {
  QSqlQuery q(db.sql());
  q.prepare(QStringLiteral("SELECT id, checked_on, staff, willing, health_changes, absence_from, absence_until, "
                           "family_informed, family_attitude, contact_updated, note FROM readiness_check WHERE "
                           "volunteer_id = ? ORDER BY checked_on DESC, id DESC"));
  q.addBindValue(volunteerId);
  if (!q.exec()) return databaseError(QStringLiteral("reading readiness checks"), q.lastError());
  QList<model::ReadinessCheck> list;
  while (q.next()) {
    model::ReadinessCheck c;
    c.id = q.value(0).toLongLong();
    c.volunteerId = volunteerId;
    c.checkedOn = sql::toDate(q.value(1));
    c.staff = q.value(2).toString();
    c.willing = model::parseWillingness(q.value(3).toString().toStdString()).value_or(model::Willingness::Yes);
    c.healthChanges = q.value(4).toString();
    c.absenceFrom = sql::toDate(q.value(5));
    c.absenceUntil = sql::toDate(q.value(6));
    c.familyInformed = q.value(7).toInt() != 0;
    c.familyAttitude =
        model::parseFamilyAttitude(q.value(8).toString().toStdString()).value_or(model::FamilyAttitude::Unknown);
    c.contactUpdated = q.value(9).toInt() != 0;
    c.note = q.value(10).toString();
    list.append(c);
  }
  return list;
}

}  // namespace dd::store
