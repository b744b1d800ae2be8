// The "has any volunteer changed" stamp and the written-volunteer hook the
// GUI uses to keep its search index current, on both backends.
#include <catch2/catch.hpp>

#include <vector>

#include "support/registry_fixture.h"
#include "support/qt_string_maker.h"

using namespace dd;

TEST_CASE("the volunteers change stamp moves on every kind of volunteer write, seen from another connection") {
  DD_FRESH_DATABASE(db);
  auto mine = db->open();
  auto theirs = db->open();  // another workstation
  auto stamp = [&] {
    auto s = theirs->volunteersChangeStamp();
    REQUIRE(s);
    return *s;
  };
  const QString empty = stamp();
  CHECK(stamp() == empty);  // reading changes nothing
  auto saved = mine->registerVolunteer(test::sampleVolunteer(1), test::staff());
  REQUIRE(saved.ok());
  const QString registered = stamp();
  CHECK(registered != empty);
  model::Volunteer edited = *saved.value;
  edited.workUnit = QStringLiteral("山东大学");
  auto updated = mine->updateVolunteer(edited, test::staff());
  REQUIRE(updated.ok());
  const QString afterEdit = stamp();
  CHECK(afterEdit != registered);
  app::StatusChangeRequest deferral;
  deferral.to = model::VolunteerStatus::TemporarilyDeferred;
  deferral.reason = QStringLiteral("感冒");
  deferral.until = QDate::currentDate().addDays(30);
  REQUIRE(mine->changeStatus(updated.value->id, updated.value->rowVersion, deferral, test::staff()).ok());
  const QString afterStatus = stamp();
  CHECK(afterStatus != afterEdit);
  // A contact changes only last_contact_ok (no row version): the audit row shows it.
  model::ContactAttempt reached{0, saved.value->id, QDateTime::currentDateTimeUtc(), model::ContactChannel::Phone, {},
                                model::ContactOutcome::Reached, {}, {}, dd::model::ContactPerson::Volunteer, 0, {}};
  REQUIRE(mine->recordContact(reached, test::staff()));
  CHECK(stamp() != afterStatus);
  CHECK(stamp() == stamp());
}

TEST_CASE("the written-volunteer hook runs once per committed volunteer write, never for a refused one") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  std::vector<qint64> written;
  registry->setVolunteerWrittenHook([&](qint64 id) { written.push_back(id); });
  auto saved = registry->registerVolunteer(test::sampleVolunteer(2), test::staff());
  REQUIRE(saved.ok());
  REQUIRE(written == std::vector<qint64>{saved.value->id});
  model::Volunteer stale = *saved.value;
  REQUIRE(registry->updateVolunteer(stale, test::staff()).ok());
  CHECK(written.size() == 2);
  // The old row version is now a conflict: nothing written, no call.
  CHECK_FALSE(registry->updateVolunteer(stale, test::staff()).ok());
  CHECK(written.size() == 2);
  model::Volunteer invalid = *registry->volunteer(saved.value->id);
  invalid.name.clear();
  CHECK_FALSE(registry->updateVolunteer(invalid, test::staff()).ok());
  CHECK(written.size() == 2);
  auto current = registry->volunteer(saved.value->id);
  REQUIRE(current);
  // Reserving without a patient is refused: no call.
  CHECK_FALSE(registry->reserveForPatient(current->id, current->rowVersion, 0, test::staff()).ok());
  CHECK(written.size() == 2);
  app::StatusChangeRequest deferral;
  deferral.to = model::VolunteerStatus::TemporarilyDeferred;
  deferral.reason = QStringLiteral("出差");
  deferral.until = QDate::currentDate().addDays(10);
  REQUIRE(registry->changeStatus(current->id, current->rowVersion, deferral, test::staff()).ok());
  CHECK(written == std::vector<qint64>{saved.value->id, saved.value->id, saved.value->id});
}
