// The risk score's rules (app/readiness_score.h): each predictor adds its
// points with a reason, the total stays within 0-100.
#include <catch2/catch.hpp>

#include "app/readiness_score.h"
#include "support/qt_string_maker.h"

using namespace dd;

namespace {
const QDate kToday(2026, 12, 3);
app::RiskInputs calm() {
  app::RiskInputs in;
  in.today = kToday;
  in.registeredOn = kToday.addMonths(-6);
  in.birthDate = kToday.addYears(-25);
  in.familyAttitude = model::FamilyAttitude::Supportive;
  return in;
}
}  // namespace

TEST_CASE("risk score: a recent, reachable volunteer with a supportive family scores zero") {
  const app::RiskScore s = app::riskScore(calm());
  CHECK(s.score == 0);
  CHECK(s.contributions.isEmpty());
  CHECK(s.explanation().isEmpty());
}

TEST_CASE("risk score: each predictor adds its points and says why") {
  app::RiskInputs in = calm();
  in.registeredOn = kToday.addYears(-4);
  CHECK(app::riskScore(in).score == 8);
  in = calm();
  in.failedContacts = 2;
  CHECK(app::riskScore(in).score == 12);
  CHECK(app::riskScore(in).explanation().contains(QStringLiteral("2 failed")));
  in.failedContacts = 40;  // capped
  CHECK(app::riskScore(in).score == 30);
  in.failedContacts = -3;  // nonsense counts nothing
  CHECK(app::riskScore(in).score == 0);
  in = calm();
  in.familyAttitude = model::FamilyAttitude::Opposed;
  CHECK(app::riskScore(in).score == 25);
  in.familyAttitude = model::FamilyAttitude::Unknown;
  CHECK(app::riskScore(in).score == 5);
  in = calm();
  in.everUnsure = true;
  in.withdrawalRequested = true;
  CHECK(app::riskScore(in).score == 25);
  CHECK(app::riskScore(in).contributions.size() == 2);
  in = calm();
  in.birthDate = kToday.addYears(-50);
  CHECK(app::riskScore(in).score == 10);
  in.birthDate = kToday.addYears(-50).addDays(1);  // 49 until tomorrow
  CHECK(app::riskScore(in).score == 5);
}

TEST_CASE("risk score: everything at once is capped at 100 and missing dates add nothing") {
  app::RiskInputs in;
  in.today = kToday;
  in.registeredOn = kToday.addYears(-30);
  in.birthDate = kToday.addYears(-59);
  in.failedContacts = 9;
  in.familyAttitude = model::FamilyAttitude::Opposed;
  in.everUnsure = in.withdrawalRequested = true;
  const app::RiskScore s = app::riskScore(in);
  CHECK(s.score == 100);  // 20 + 30 + 25 + 10 + 15 + 10 = 110
  CHECK(s.contributions.size() == 6);
  app::RiskInputs none;
  none.today = kToday;
  none.registeredOn = kToday.addYears(5);  // a date to come is not a negative age
  CHECK(app::riskScore(none).score == 5);  // only the unknown family attitude
}
