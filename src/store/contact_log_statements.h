#pragma once
// The statements app::ContactLogWriter runs for every contact attempt beyond
// the attempt's own row: what the volunteer's record keeps of the contact
// log (last successful contact, the channel that last reached them, the
// failures since), the known-bad marks on their phones, and the status the
// lost-contact rules look at. Prepared once per writer, so that a campaign's
// 100,000 results do not prepare them 100,000 times. Never commits.
#include <QDate>
#include <QSqlQuery>
#include <QString>

#include "core/expected.h"
#include "model/vocabulary.h"

namespace dd::store {

class Database;

class ContactLogStatements {
 public:
  explicit ContactLogStatements(Database& db);

  // Keeps the later of the recorded date and `date`.
  Status setLastContactOk(qint64 volunteerId, const QDate& date);
  // Recomputes last_contact_channel and failed_contacts of one volunteer from
  // the contact log (a back-dated attempt lands in its place).
  Status refreshFreshness(qint64 volunteerId);
  // Both in one UPDATE of the volunteer's row (a contact that reached them):
  // setLastContactOk(volunteerId, date), then refreshFreshness(volunteerId).
  Status refreshFreshnessReached(qint64 volunteerId, const QDate& date);
  // Sets (badOn valid) or clears known_bad_on of the volunteer's in-use phone
  // with this number.
  Status markPhoneKnownBad(qint64 volunteerId, const QString& number, const QDate& badOn);
  // The volunteer's status alone (the rules' first question), without
  // reading the whole record.
  Expected<model::VolunteerStatus> status(qint64 volunteerId);

 private:
  Status run(QSqlQuery& query, const QString& sql, const QVariantList& values, const char* what);
  Database& db_;
  QSqlQuery lastContactOk_, freshness_, freshnessReached_, knownBad_, status_;
};

}  // namespace dd::store
