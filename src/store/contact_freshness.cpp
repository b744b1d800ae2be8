#include "store/contact_freshness.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include "model/vocabulary.h"
#include "store/contact_log_statements.h"
#include "store/database.h"
#include "store/serials.h"
#include "store/sql_values.h"
#include "store/store_errors.h"

namespace dd::store {
namespace {

// The meta keys of the lost-contact rule: defined here once.
constexpr const char* kLostContactAttemptsKey = "lost_contact_attempts";
constexpr const char* kLostContactMonthsKey = "lost_contact_months";

template <class Rule>
QString outcomesWhere(Rule rule) {
  QStringList keys;
  for (int i = 0; i < model::kContactOutcomeCount; ++i) {
    const auto outcome = static_cast<model::ContactOutcome>(i);
    if (!rule(outcome)) continue;
    const std::string_view k = model::key(outcome);
    keys << QLatin1Char('\'') + QString::fromLatin1(k.data(), qsizetype(k.size())) + QLatin1Char('\'');
  }
  return keys.join(QStringLiteral(", "));
}

const QString kVolunteerOnly = volunteerOnlySql();

Expected<int> intSetting(Database& db, const char* key, int fallback) {
  auto value = metaValue(db, key);
  if (!value) return value.error().code == "store.not_found" ? fallback : Expected<int>(value.error());
  bool ok = false;
  const int number = value->toInt(&ok);
  return ok ? number : fallback;
}

}  // namespace

QString volunteerOnlySql() { return QStringLiteral("person = 'volunteer'"); }
QString reachedOutcomesSql() { return outcomesWhere(model::reachedThem); }
QString failedOutcomesSql() { return outcomesWhere(model::isFailedAttempt); }

Status refreshContactFreshness(Database& db, qint64 volunteerId) {
  return ContactLogStatements(db).refreshFreshness(volunteerId);
}

Status markPhoneKnownBad(Database& db, qint64 volunteerId, const QString& number, const QDate& badOn) {
  return ContactLogStatements(db).markPhoneKnownBad(volunteerId, number, badOn);
}

Expected<ContactWindow> contactWindow(Database& db, qint64 volunteerId, const QDateTime& since) {
  QSqlQuery q(db.sql());
  q.prepare(QStringLiteral("SELECT COALESCE(SUM(CASE WHEN outcome IN (%1) THEN 1 ELSE 0 END), 0), "
                           "COALESCE(SUM(CASE WHEN outcome IN (%2) THEN 1 ELSE 0 END), 0) FROM contact_attempt "
                           "WHERE volunteer_id = ? AND %3 AND contacted_at >= ?")
                .arg(failedOutcomesSql(), reachedOutcomesSql(), kVolunteerOnly));
  q.addBindValue(volunteerId);
  q.addBindValue(sql::timestamp(since));
  if (!q.exec() || !q.next()) return databaseError(QStringLiteral("reading the contact log"), q.lastError());
  return ContactWindow{q.value(0).toInt(), q.value(1).toInt() > 0};
}

Expected<model::RetentionRules> readRetentionRules(Database& db) {
  model::RetentionRules rules;
  auto attempts = intSetting(db, kLostContactAttemptsKey, rules.failedAttempts);
  if (!attempts) return attempts.error();
  auto months = intSetting(db, kLostContactMonthsKey, rules.months);
  if (!months) return months.error();
  rules.failedAttempts = *attempts;
  rules.months = *months;
  return rules;
}

Status writeRetentionRules(Database& db, const model::RetentionRules& rules) {
  if (Status s = setMetaValue(db, kLostContactAttemptsKey, QString::number(rules.failedAttempts)); !s) return s;
  return setMetaValue(db, kLostContactMonthsKey, QString::number(rules.months));
}

}  // namespace dd::store
