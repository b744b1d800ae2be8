// The yearly readiness check (docs/retention.md) on both backends.
#include <catch2/catch.hpp>

#include "app/worklists.h"
#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"

using namespace dd;

TEST_CASE("a readiness check is recorded, dates the volunteer's last check and a no asks for withdrawal") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const model::Volunteer v = test::registered(*registry, test::sampleVolunteer(1));
  model::ReadinessCheck check;
  check.volunteerId = v.id;
  check.checkedOn = QDate::currentDate().addDays(-3);
  check.willing = model::Willingness::Unsure;
  check.familyAttitude = model::FamilyAttitude::Opposed;
  check.familyInformed = true;
  check.absenceFrom = QDate::currentDate().addMonths(1);
  check.absenceUntil = QDate::currentDate().addMonths(7);
  check.healthChanges = QStringLiteral("  无  ");
  auto saved = registry->recordReadinessCheck(check, test::staff());
  REQUIRE(saved);
  CHECK(saved->id > 0);
  auto read = db->open()->readinessChecks(v.id);
  REQUIRE(read);
  REQUIRE(read->size() == 1);
  CHECK(read->at(0).familyAttitude == model::FamilyAttitude::Opposed);
  CHECK(read->at(0).absenceUntil == check.absenceUntil);
  CHECK(read->at(0).healthChanges == QStringLiteral("无"));
  CHECK(read->at(0).staff == QStringLiteral("tester"));
  auto after = registry->volunteer(v.id);
  CHECK(after->lastReadinessCheck == check.checkedOn);
  CHECK_FALSE(after->withdrawalRequestedOn.isValid());

  check.checkedOn = QDate::currentDate();
  check.willing = model::Willingness::No;
  check.absenceFrom = check.absenceUntil = QDate();
  REQUIRE(registry->recordReadinessCheck(check, test::staff()));
  after = registry->volunteer(v.id);
  CHECK(after->lastReadinessCheck == QDate::currentDate());
  CHECK(after->withdrawalRequestedOn == QDate::currentDate());
  model::WorklistQuery q;
  q.list = model::Worklist::WithdrawalRequested;
  auto rows = app::worklist(*registry, q);
  REQUIRE(rows);
  CHECK(rows->size() == 1);
  CHECK(registry->readinessChecks(v.id)->at(0).willing == model::Willingness::No);  // newest first
}

TEST_CASE("a readiness check with a bad date, absence or volunteer is refused and writes nothing") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const model::Volunteer v = test::registered(*registry, test::sampleVolunteer(2));
  model::ReadinessCheck future;
  future.volunteerId = v.id;
  future.checkedOn = QDate::currentDate().addDays(1);
  CHECK_FALSE(registry->recordReadinessCheck(future, test::staff()));
  model::ReadinessCheck halfAbsence;
  halfAbsence.volunteerId = v.id;
  halfAbsence.absenceFrom = QDate::currentDate();
  CHECK_FALSE(registry->recordReadinessCheck(halfAbsence, test::staff()));
  model::ReadinessCheck backwards = halfAbsence;
  backwards.absenceUntil = QDate::currentDate().addDays(-1);
  CHECK_FALSE(registry->recordReadinessCheck(backwards, test::staff()));
  model::ReadinessCheck nobody;
  nobody.volunteerId = v.id + 1000;
  CHECK_FALSE(registry->recordReadinessCheck(nobody, test::staff()));
  model::ReadinessCheck longNote;
  longNote.volunteerId = v.id;
  longNote.note = QString(501, QLatin1Char('x'));
  CHECK_FALSE(registry->recordReadinessCheck(longNote, test::staff()));
  CHECK(test::rowCount(*registry, "readiness_check") == 0);
  CHECK_FALSE(registry->volunteer(v.id)->lastReadinessCheck.isValid());
}
