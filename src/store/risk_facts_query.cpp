#include "store/risk_facts_query.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include "store/database.h"
#include "store/sql_values.h"
#include "store/store_errors.h"

namespace dd::store {
namespace {

// Both backends take this many bound values in one statement comfortably.
constexpr qsizetype kIdsPerStatement = 500;

}  // namespace

Expected<QList<model::RiskFacts>> readRiskFacts(Database& db, const QList<qint64>& volunteerIds) {
  QList<model::RiskFacts> facts;
  for (qsizetype start = 0; start < volunteerIds.size(); start += kIdsPerStatement) {
    const QList<qint64> chunk = volunteerIds.mid(start, kIdsPerStatement);
    QStringList marks;
    marks.fill(QStringLiteral("?"), chunk.size());
    QSqlQuery q(db.sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
                  "SELECT v.id, COALESCE(CAST(v.consent_date AS TEXT), substr(v.created_at, 1, 10)), v.birth_date, "
                  "v.failed_contacts, "
                  "(SELECT r.family_attitude FROM readiness_check r WHERE r.volunteer_id = v.id ORDER BY "
                  "r.checked_on DESC, r.id DESC LIMIT 1), "
                  "CASE WHEN EXISTS (SELECT 1 FROM readiness_check u WHERE u.volunteer_id = v.id AND "
                  "u.willing = 'unsure') THEN 1 ELSE 0 END, "
                  "CASE WHEN v.withdrawal_requested_on IS NULL THEN 0 ELSE 1 END "
                  "FROM volunteer v WHERE v.id IN (%1)")
                  .arg(marks.join(QLatin1Char(','))));
    for (qint64 id : chunk) q.addBindValue(id);
    if (!q.exec()) return databaseError(QStringLiteral("reading the risk score's inputs"), q.lastError());
    while (q.next()) {
      model::RiskFacts f;
      f.volunteerId = q.value(0).toLongLong();
      f.registeredOn = sql::toDate(q.value(1));
      f.birthDate = sql::toDate(q.value(2));
      f.failedContacts = q.value(3).toInt();
      f.familyAttitude = model::parseFamilyAttitude(q.value(4).toString().toStdString())
                             .value_or(model::FamilyAttitude::Unknown);
      f.everUnsure = q.value(5).toInt() != 0;
      f.withdrawalRequested = q.value(6).toInt() != 0;
      facts.append(f);
    }
  }
  return facts;
}

}  // namespace dd::store
