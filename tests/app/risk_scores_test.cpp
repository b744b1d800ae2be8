// The risk scores the match page shows beside its results
// (app/risk_scores.h): read for given volunteers on both backends, equal to
// the pure score of what is on record.
#include <catch2/catch.hpp>

#include "app/risk_scores.h"
#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"

using namespace dd;

TEST_CASE("risk scores are read for the volunteers asked for and equal the score of what is on record") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const QDate today = QDate::currentDate();
  const model::Volunteer calm = test::registered(*registry, test::sampleVolunteer(1));
  const model::Volunteer hesitant = test::registered(*registry, test::sampleVolunteer(2));
  const model::Volunteer other = test::registered(*registry, test::sampleVolunteer(3));
  // the hesitant one: a family opposed and an "unsure" at the yearly check, two calls not answered
  model::ReadinessCheck check;
  check.volunteerId = hesitant.id;
  check.checkedOn = today.addDays(-10);
  check.willing = model::Willingness::Unsure;
  check.familyAttitude = model::FamilyAttitude::Opposed;
  REQUIRE(registry->recordReadinessCheck(check, test::staff()));
  for (int i = 0; i < 2; ++i) {
    model::ContactAttempt attempt;
    attempt.volunteerId = hesitant.id;
    attempt.at = QDateTime(today.addDays(-5 + i), QTime(10, 0));
    attempt.channel = model::ContactChannel::Phone;
    attempt.outcome = model::ContactOutcome::NoAnswer;
    REQUIRE(registry->recordContact(attempt, test::staff()));
  }

  auto scores = app::riskScores(*registry, {calm.id, hesitant.id, 999999}, today);
  REQUIRE(scores);
  CHECK(scores->size() == 2);  // the unknown id is left out
  CHECK_FALSE(scores->contains(other.id));  // not asked for
  REQUIRE(scores->contains(calm.id));
  REQUIRE(scores->contains(hesitant.id));

  const model::Volunteer read = *registry->volunteer(hesitant.id);
  app::RiskInputs expected;
  expected.registeredOn = read.consentDate.isValid() ? read.consentDate : read.createdAt.date();
  expected.birthDate = read.birthDate;
  expected.failedContacts = read.failedContacts;
  expected.familyAttitude = model::FamilyAttitude::Opposed;
  expected.everUnsure = true;
  expected.today = today;
  CHECK(read.failedContacts == 2);
  const app::RiskScore want = app::riskScore(expected);
  CHECK(scores->value(hesitant.id).score == want.score);
  CHECK(scores->value(hesitant.id).explanation() == want.explanation());
  CHECK(scores->value(hesitant.id).score > scores->value(calm.id).score);
  CHECK_FALSE(scores->value(hesitant.id).explanation().isEmpty());

  SECTION("no ids, no reads") {
    auto none = app::riskScores(*registry, {}, today);
    REQUIRE(none);
    CHECK(none->isEmpty());
  }
  SECTION("more ids than a statement takes are read in several, and only the first kMaxScored") {
    QList<qint64> many;
    for (qint64 id = 1; id <= app::kMaxScored + 700; ++id) many.append(100000 + id);
    many.prepend(calm.id);
    many.append(hesitant.id);  // beyond the limit: not scored
    auto first = app::riskScores(*registry, many, today);
    REQUIRE(first);
    CHECK(first->contains(calm.id));
    CHECK_FALSE(first->contains(hesitant.id));
  }
}
