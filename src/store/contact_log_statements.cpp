#include "store/contact_log_statements.h"

#include <QSqlError>
#include <QVariant>

#include "store/contact_freshness.h"
#include "store/database.h"
#include "store/sql_values.h"
#include "store/store_errors.h"

namespace dd::store {
namespace {
// `lastContactOk` is put first in the SET list: "" for the freshness alone.
QString freshnessSql(const QString& lastContactOk = QString()) {
  const QString kVolunteerOnly = volunteerOnlySql();
  const QString latestReached = QStringLiteral(
                                    "FROM contact_attempt r WHERE r.volunteer_id = volunteer.id AND r.%1 AND "
                                    "r.outcome IN (%2)")
                                    .arg(kVolunteerOnly, reachedOutcomesSql());
  return (QStringLiteral("UPDATE volunteer SET ") + lastContactOk +
          QStringLiteral("last_contact_channel = COALESCE((SELECT r.channel %1 "
                        "ORDER BY r.contacted_at DESC, r.id DESC LIMIT 1), last_contact_channel), "
                        "failed_contacts = (SELECT COUNT(*) FROM contact_attempt c WHERE c.volunteer_id = "
                        "volunteer.id AND c.%2 AND c.outcome IN (%3) AND c.contacted_at > "
                        "COALESCE((SELECT MAX(r.contacted_at) %1), '')) WHERE id = ?"))
      .arg(latestReached, kVolunteerOnly, failedOutcomesSql());
}
}  // namespace

ContactLogStatements::ContactLogStatements(Database& db)
    : db_(db),
      lastContactOk_(db.sql()),
      freshness_(db.sql()),
      freshnessReached_(db.sql()),
      knownBad_(db.sql()),
      status_(db.sql()) {}

// Prepares `query` the first time, then only binds and runs it.
Status ContactLogStatements::run(QSqlQuery& query, const QString& sql, const QVariantList& values, const char* what) {
  if (query.lastQuery().isEmpty() && !query.prepare(sql))
    return databaseError(QString::fromLatin1(what), query.lastError());
  sql::bindAll(query, values);
  if (!query.exec()) return databaseError(QString::fromLatin1(what), query.lastError());
  return {};
}

Status ContactLogStatements::setLastContactOk(qint64 volunteerId, const QDate& date) {
  return run(lastContactOk_,
             QStringLiteral("UPDATE volunteer SET last_contact_ok = ? WHERE id = ? "
                            "AND (last_contact_ok IS NULL OR last_contact_ok < ?)"),
             {sql::date(date), volunteerId, sql::date(date)}, "recording the last contact");
}

Status ContactLogStatements::refreshFreshness(qint64 volunteerId) {
  static const QString sql = freshnessSql();
  return run(freshness_, sql, {volunteerId}, "recording contact freshness");
}

Status ContactLogStatements::refreshFreshnessReached(qint64 volunteerId, const QDate& date) {
  // The freshness columns are computed from the contact log alone, so
  // setting last_contact_ok in the same row write changes nothing they read.
  static const QString sql = freshnessSql(QStringLiteral(
      "last_contact_ok = CASE WHEN last_contact_ok IS NULL OR last_contact_ok < ? THEN ? ELSE last_contact_ok END, "));
  return run(freshnessReached_, sql, {sql::date(date), sql::date(date), volunteerId}, "recording contact freshness");
}

Status ContactLogStatements::markPhoneKnownBad(qint64 volunteerId, const QString& number, const QDate& badOn) {
  return run(knownBad_,
             QStringLiteral("UPDATE volunteer_phone SET known_bad_on = ? WHERE volunteer_id = ? AND number = ? "
                            "AND replaced_on IS NULL"),
             {badOn.isValid() ? QVariant(badOn.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>()),
              volunteerId, number},
             "marking a phone number");
}

Expected<model::VolunteerStatus> ContactLogStatements::status(qint64 volunteerId) {
  if (Status s = run(status_, QStringLiteral("SELECT status FROM volunteer WHERE id = ?"), {volunteerId},
                     "reading a volunteer's status");
      !s)
    return s.error();
  if (!status_.next()) return notFound("volunteer", QString::number(volunteerId));
  const QString text = status_.value(0).toString();
  status_.finish();
  // as the volunteer listing reads it: the CHECK constraint keeps others out
  return model::parseVolunteerStatus(text.toStdString()).value_or(model::VolunteerStatus::Active);
}

}  // namespace dd::store
