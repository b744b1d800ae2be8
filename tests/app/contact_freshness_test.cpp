// Contact freshness (docs/retention.md): what writeContactAttempt keeps on
// the volunteer's record, the known-bad numbers, and the lost-contact rule
// with its registry-wide numbers, on both backends.
#include <catch2/catch.hpp>

#include <QTimeZone>

#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"

using namespace dd;
using model::ContactChannel;
using model::ContactOutcome;
using model::VolunteerStatus;

namespace {

// An attempt `daysAgo` days back (at noon UTC, so the day is the same locally).
model::ContactAttempt attempt(qint64 volunteerId, ContactOutcome outcome, int daysAgo,
                              ContactChannel channel = ContactChannel::Phone, const QString& phone = {}) {
  model::ContactAttempt a;
  a.volunteerId = volunteerId;
  a.at = QDateTime(QDate::currentDate().addDays(-daysAgo), QTime(12, 0), QTimeZone::utc());
  a.channel = channel;
  a.outcome = outcome;
  a.phone = phone;
  return a;
}

model::Volunteer record(app::Registry& registry, qint64 volunteerId, ContactOutcome outcome, int daysAgo,
                        ContactChannel channel = ContactChannel::Phone, const QString& phone = {}) {
  auto written = registry.recordContact(attempt(volunteerId, outcome, daysAgo, channel, phone), test::staff());
  INFO((written ? std::string() : written.error().english()));
  REQUIRE(written);
  auto v = registry.volunteer(volunteerId);
  REQUIRE(v);
  return *v;
}

}  // namespace

TEST_CASE("failed attempts are counted since the last success and a success resets them") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const model::Volunteer v = test::registered(*registry, test::sampleVolunteer(1));
  CHECK(record(*registry, v.id, ContactOutcome::NoAnswer, 30).failedContacts == 1);
  CHECK(record(*registry, v.id, ContactOutcome::Delivered, 29, ContactChannel::Sms).failedContacts == 1);
  model::Volunteer after = record(*registry, v.id, ContactOutcome::Undelivered, 28, ContactChannel::Sms);
  CHECK(after.failedContacts == 2);
  CHECK_FALSE(after.lastContactOk.isValid());
  CHECK_FALSE(after.lastContactChannel.has_value());

  after = record(*registry, v.id, ContactOutcome::Reached, 20, ContactChannel::WeChat);
  CHECK(after.failedContacts == 0);
  CHECK(after.lastContactOk == QDate::currentDate().addDays(-20));
  REQUIRE(after.lastContactChannel.has_value());
  CHECK(*after.lastContactChannel == ContactChannel::WeChat);

  // refused reached them (and they said no): a success, not a failure
  CHECK(record(*registry, v.id, ContactOutcome::NoAnswer, 10).failedContacts == 1);
  after = record(*registry, v.id, ContactOutcome::Refused, 5, ContactChannel::Phone);
  CHECK(after.failedContacts == 0);
  CHECK(*after.lastContactChannel == ContactChannel::Phone);

  // a back-dated failure before the last success changes nothing
  CHECK(record(*registry, v.id, ContactOutcome::NoAnswer, 40).failedContacts == 0);
  // a back-dated success keeps the later date and channel
  after = record(*registry, v.id, ContactOutcome::Reached, 60, ContactChannel::Visit);
  CHECK(after.lastContactOk == QDate::currentDate().addDays(-5));
  CHECK(*after.lastContactChannel == ContactChannel::Phone);
}

TEST_CASE("a wrong number is marked known bad and reaching them on it clears the mark") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  model::Volunteer sample = test::sampleVolunteer(2);
  sample.phones.append(model::Phone{QStringLiteral("13900000002"), QStringLiteral("home"), false, {}, {}});
  const model::Volunteer v = test::registered(*registry, sample);
  const QString current = v.currentPhone();
  REQUIRE_FALSE(current.isEmpty());

  // no number given: the current one is meant
  model::Volunteer after = record(*registry, v.id, ContactOutcome::WrongNumber, 3);
  CHECK(after.phones.at(0).knownBadOn == QDate::currentDate().addDays(-3));
  CHECK_FALSE(after.phones.at(1).knownBadOn.isValid());
  // an undelivered SMS to the other number marks that one
  after = record(*registry, v.id, ContactOutcome::Undelivered, 2, ContactChannel::Sms, QStringLiteral("13900000002"));
  CHECK(after.phones.at(1).knownBadOn == QDate::currentDate().addDays(-2));
  // no answer says nothing about the number
  after = record(*registry, v.id, ContactOutcome::NoAnswer, 1, ContactChannel::Phone, QStringLiteral("13900000002"));
  CHECK(after.phones.at(1).knownBadOn.isValid());
  // a WeChat success does not vouch for a phone number
  after = record(*registry, v.id, ContactOutcome::Reached, 1, ContactChannel::WeChat, current);
  CHECK(after.phones.at(0).knownBadOn.isValid());
  after = record(*registry, v.id, ContactOutcome::Reached, 0, ContactChannel::Phone, current);
  CHECK_FALSE(after.phones.at(0).knownBadOn.isValid());
  CHECK(after.phones.at(1).knownBadOn.isValid());
  // a number they do not have marks nothing
  after = record(*registry, v.id, ContactOutcome::WrongNumber, 0, ContactChannel::Phone, QStringLiteral("13111111111"));
  CHECK_FALSE(after.phones.at(0).knownBadOn.isValid());
}

TEST_CASE("the lost contact rule marks a volunteer lost and a success restores the earlier status") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const model::Volunteer v = test::registered(*registry, test::sampleVolunteer(3));
  app::StatusChangeRequest deferral;
  deferral.to = VolunteerStatus::TemporarilyDeferred;
  deferral.reason = QStringLiteral("怀孕");
  deferral.until = QDate::currentDate().addMonths(6);
  auto deferred = registry->changeStatus(v.id, v.rowVersion, deferral, test::staff());
  REQUIRE(deferred.ok());

  // two failures: not yet; one older than 12 months does not count
  record(*registry, v.id, ContactOutcome::NoAnswer, 500);
  record(*registry, v.id, ContactOutcome::NoAnswer, 100);
  CHECK(record(*registry, v.id, ContactOutcome::Undelivered, 50, ContactChannel::Sms).status ==
        VolunteerStatus::TemporarilyDeferred);
  model::Volunteer lost = record(*registry, v.id, ContactOutcome::WrongNumber, 10);
  CHECK(lost.status == VolunteerStatus::LostContact);
  CHECK(lost.statusReason.contains(QStringLiteral("3")));
  auto history = registry->statusHistory(v.id);
  REQUIRE(history);
  REQUIRE(history->size() == 3);
  CHECK(history->back().to == VolunteerStatus::LostContact);
  CHECK(*history->back().from == VolunteerStatus::TemporarilyDeferred);
  // another failure does not write another change
  record(*registry, v.id, ContactOutcome::NoAnswer, 5);
  CHECK(registry->statusHistory(v.id)->size() == 3);

  model::Volunteer back = record(*registry, v.id, ContactOutcome::Reached, 1, ContactChannel::Visit);
  CHECK(back.status == VolunteerStatus::TemporarilyDeferred);
  CHECK(back.statusUntil == deferral.until);
  CHECK(back.statusReason == deferral.reason);
  history = registry->statusHistory(v.id);
  REQUIRE(history->size() == 4);
  CHECK(*history->back().from == VolunteerStatus::LostContact);
  auto trail = registry->auditTrail(QStringLiteral("volunteer"), v.id);
  REQUIRE(trail);
  bool statusAudited = false;
  for (const model::AuditEntry& e : *trail)
    if (e.field == QStringLiteral("status") && e.newValue.contains(QStringLiteral("lost"))) statusAudited = true;
  CHECK(statusAudited);
}

TEST_CASE("the lost contact rule spares the withdrawn and follows the registry's numbers") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const model::Volunteer active = test::registered(*registry, test::sampleVolunteer(4));
  model::Volunteer withdrawn = test::registered(*registry, test::sampleVolunteer(5));
  app::StatusChangeRequest withdraw;
  withdraw.to = VolunteerStatus::Withdrawn;
  withdraw.reason = QStringLiteral("本人要求");
  REQUIRE(registry->changeStatus(withdrawn.id, withdrawn.rowVersion, withdraw, test::staff()).ok());

  auto rules = registry->retentionRules();
  REQUIRE(rules);
  CHECK(*rules == model::RetentionRules{});
  CHECK_FALSE(registry->setRetentionRules({0, 12}, test::staff()));
  CHECK_FALSE(registry->setRetentionRules({3, 0}, test::staff()));
  CHECK_FALSE(registry->setRetentionRules({3, model::RetentionRules::kMaxMonths + 1}, test::staff()));
  REQUIRE(registry->setRetentionRules({2, 1}, test::staff()));
  auto other = db->open();
  CHECK(*other->retentionRules() == model::RetentionRules{2, 1});

  // outside the one-month window: no
  record(*registry, active.id, ContactOutcome::NoAnswer, 45);
  CHECK(record(*registry, active.id, ContactOutcome::NoAnswer, 3).status == VolunteerStatus::Active);
  CHECK(record(*registry, active.id, ContactOutcome::NoAnswer, 2).status == VolunteerStatus::LostContact);
  // reached (from lost contact back to active, with the reason in words)
  model::Volunteer back = record(*registry, active.id, ContactOutcome::Reached, 1);
  CHECK(back.status == VolunteerStatus::Active);
  CHECK_FALSE(back.statusReason.isEmpty());
  // a success in the window keeps them: two more failures after it count
  // only from the success on
  CHECK(record(*registry, active.id, ContactOutcome::NoAnswer, 0).status == VolunteerStatus::Active);

  record(*registry, withdrawn.id, ContactOutcome::NoAnswer, 3);
  CHECK(record(*registry, withdrawn.id, ContactOutcome::NoAnswer, 2).status == VolunteerStatus::Withdrawn);
  // reaching a withdrawn volunteer does not make them active
  CHECK(record(*registry, withdrawn.id, ContactOutcome::Reached, 1).status == VolunteerStatus::Withdrawn);
}
