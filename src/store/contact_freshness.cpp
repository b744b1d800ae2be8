#include "store/contact_freshness.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include "model/vocabulary.h"
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

const QString kVolunteerOnly = QStringLiteral("person = 'volunteer'");

Expected<int> intSetting(Database& db, const char* key, int fallback) {
  auto value = metaValue(db, key);
  if (!value) return value.error().code == "store.not_found" ? fallback : Expected<int>(value.error());
  bool ok = false;
  const int number = value->toInt(&ok);
  return ok ? number : fallback;
}

}  // namespace

QString reachedOutcomesSql() { return outcomesWhere(model::reachedThem); }
QString failedOutcomesSql() { return outcomesWhere(model::isFailedAttempt); }

Status refreshContactFreshness(Database& db, qint64 volunteerId) {
  const QString latestReached = QStringLiteral(
                                    "FROM contact_attempt r WHERE r.volunteer_id = volunteer.id AND r.%1 AND "
                                    "r.outcome IN (%2)")
                                    .arg(kVolunteerOnly, reachedOutcomesSql());
  QSqlQuery q(db.sql());
  q.prepare(QStringLiteral("UPDATE volunteer SET last_contact_channel = COALESCE((SELECT r.channel %1 "
                           "ORDER BY r.contacted_at DESC, r.id DESC LIMIT 1), last_contact_channel), "
                           "failed_contacts = (SELECT COUNT(*) FROM contact_attempt c WHERE c.volunteer_id = "
                           "volunteer.id AND c.%2 AND c.outcome IN (%3) AND c.contacted_at > "
                           "COALESCE((SELECT MAX(r.contacted_at) %1), '')) WHERE id = ?")
                .arg(latestReached, kVolunteerOnly, failedOutcomesSql()));
  q.addBindValue(volunteerId);
  if (!q.exec()) return databaseError(QStringLiteral("recording contact freshness"), q.lastError());
  return {};
}

Status markPhoneKnownBad(Database& db, qint64 volunteerId, const QString& number, const QDate& badOn) {
  QSqlQuery q(db.sql());
  q.prepare(QStringLiteral("UPDATE volunteer_phone SET known_bad_on = ? WHERE volunteer_id = ? AND number = ? "
                           "AND replaced_on IS NULL"));
  q.addBindValue(badOn.isValid() ? QVariant(badOn.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>()));
  q.addBindValue(volunteerId);
  q.addBindValue(number);
  if (!q.exec()) return databaseError(QStringLiteral("marking a phone number"), q.lastError());
  return {};
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
