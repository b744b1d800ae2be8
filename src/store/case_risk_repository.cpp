#include "store/case_risk_repository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "store/database.h"
#include "store/sql_values.h"
#include "store/store_errors.h"

namespace dd::store {

using namespace dd::model;

namespace {
QString keyText(std::string_view key) { return QString::fromLatin1(key.data(), qsizetype(key.size())); }

CaseRiskFlag readFlag(const QSqlQuery& q) {
  CaseRiskFlag f;
  f.id = q.value(0).toLongLong();
  f.caseId = q.value(1).toLongLong();
  f.kind = parseRiskFlagKind(q.value(2).toString().toStdString()).value_or(RiskFlagKind::Hesitation);
  f.raisedOn = sql::toDate(q.value(3));
  f.staff = q.value(4).toString();
  f.note = q.value(5).toString();
  f.resolvedOn = sql::toDate(q.value(6));
  f.resolution = q.value(7).toString();
  return f;
}
}  // namespace

Status CaseRiskRepository::insertFlag(CaseRiskFlag& f) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("INSERT INTO case_risk_flag (case_id, kind, raised_on, staff, note, resolved_on, "
                           "resolution) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  sql::bindAll(q, {f.caseId, keyText(key(f.kind)), sql::date(f.raisedOn), f.staff, sql::text(f.note),
                   sql::date(f.resolvedOn), sql::text(f.resolution)});
  if (!q.exec() || !q.next()) return databaseError(QStringLiteral("raising a risk flag"), q.lastError());
  f.id = q.value(0).toLongLong();
  return {};
}

Expected<QList<CaseRiskFlag>> CaseRiskRepository::flagsWhere(const QString& condition, const QVariant& value) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("SELECT id, case_id, kind, raised_on, staff, note, resolved_on, resolution "
                           "FROM case_risk_flag WHERE %1 ORDER BY id")
                .arg(condition));
  if (value.isValid()) q.addBindValue(value);
  if (!q.exec()) return databaseError(QStringLiteral("reading risk flags"), q.lastError());
  QList<CaseRiskFlag> list;
  while (q.next()) list.append(readFlag(q));
  return list;
}

Expected<CaseRiskFlag> CaseRiskRepository::flag(qint64 id) {
  auto list = flagsWhere(QStringLiteral("id = ?"), id);
  if (!list) return list.error();
  if (list->isEmpty()) return notFound("risk flag", QString::number(id));
  return list->constFirst();
}

Expected<QList<CaseRiskFlag>> CaseRiskRepository::flags(qint64 caseId) {
  return flagsWhere(QStringLiteral("case_id = ?"), caseId);
}

Expected<QHash<qint64, QList<CaseRiskFlag>>> CaseRiskRepository::openFlagsByCase() {
  auto list = flagsWhere(QStringLiteral("resolved_on IS NULL"), QVariant());
  if (!list) return list.error();
  QHash<qint64, QList<CaseRiskFlag>> byCase;
  for (const CaseRiskFlag& f : *list) byCase[f.caseId].append(f);
  return byCase;
}

Status CaseRiskRepository::resolveFlag(qint64 id, const QDate& on, const QString& resolution) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("UPDATE case_risk_flag SET resolved_on = ?, resolution = ? "
                           "WHERE id = ? AND resolved_on IS NULL"));
  sql::bindAll(q, {sql::date(on), sql::text(resolution), id});
  if (!q.exec()) return databaseError(QStringLiteral("resolving a risk flag"), q.lastError());
  if (q.numRowsAffected() != 1) return notFound("open risk flag", QString::number(id));
  return {};
}

Status CaseRiskRepository::insertSession(FamilySession& s) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("INSERT INTO family_session (case_id, held_on, attendees, letter_printed, staff, note, "
                           "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  sql::bindAll(q, {s.caseId, sql::date(s.heldOn), s.attendees, s.letterPrinted ? 1 : 0, s.staff, sql::text(s.note),
                   sql::timestamp(sql::nowUtc())});
  if (!q.exec() || !q.next()) return databaseError(QStringLiteral("recording a family session"), q.lastError());
  s.id = q.value(0).toLongLong();
  return {};
}

Expected<QList<FamilySession>> CaseRiskRepository::sessions(qint64 caseId) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("SELECT id, held_on, attendees, letter_printed, staff, note FROM family_session "
                           "WHERE case_id = ? ORDER BY held_on, id"));
  q.addBindValue(caseId);
  if (!q.exec()) return databaseError(QStringLiteral("reading family sessions"), q.lastError());
  QList<FamilySession> list;
  while (q.next()) {
    FamilySession s;
    s.id = q.value(0).toLongLong();
    s.caseId = caseId;
    s.heldOn = sql::toDate(q.value(1));
    s.attendees = q.value(2).toString();
    s.letterPrinted = q.value(3).toInt() != 0;
    s.staff = q.value(4).toString();
    s.note = q.value(5).toString();
    list.append(s);
  }
  return list;
}

}  // namespace dd::store
