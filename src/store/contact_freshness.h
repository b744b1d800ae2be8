#pragma once
// SQL of contact freshness (schema 10): what the volunteer's record keeps of
// the contact log (the channel that last reached them, the failures since),
// the known-bad marks on their phones, the lost-contact rule's window and the
// rule's numbers in the meta table. Only attempts at the volunteer
// themself count: reaching a backup contact is not reaching the volunteer.
// Never commits: app/contact_recording owns the transaction.
#include <QDate>
#include <QDateTime>
#include <QString>

#include "core/expected.h"
#include "model/retention_rules.h"

namespace dd::store {

class Database;

// Recomputes last_contact_channel and failed_contacts of one volunteer from
// the contact log (a back-dated attempt lands in its place).
Status refreshContactFreshness(Database& db, qint64 volunteerId);

// Sets (badOn valid) or clears known_bad_on of the volunteer's in-use phone
// with this number.
Status markPhoneKnownBad(Database& db, qint64 volunteerId, const QString& number, const QDate& badOn);

// The volunteer's attempts at or after `since`: how many failed, and whether
// any reached them.
struct ContactWindow {
  int failed = 0;
  bool reached = false;
};
Expected<ContactWindow> contactWindow(Database& db, qint64 volunteerId, const QDateTime& since);

// The lost-contact rule's numbers (defaults when a registry never set them).
Expected<model::RetentionRules> readRetentionRules(Database& db);
Status writeRetentionRules(Database& db, const model::RetentionRules& rules);

// 'reached', 'refused' / 'no_answer', ...: the outcome keys for SQL IN lists,
// from model/vocabulary.h's rules so the SQL cannot drift from them.
QString reachedOutcomesSql();
// The condition on contact_attempt (or an alias's column) that the attempt
// was at the volunteer themself: "person = 'volunteer'".
QString volunteerOnlySql();
QString failedOutcomesSql();

}  // namespace dd::store
