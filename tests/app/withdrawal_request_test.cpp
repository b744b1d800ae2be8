// A withdrawal asked for but not confirmed: out of searches at once (the
// donor listing the index is built from, and one volunteer's record), audited,
// then confirmed (status withdrawn, flag cleared) or cancelled with a note.
#include <algorithm>

#include <catch2/catch.hpp>

#include "app/search_service.h"
#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"

using namespace dd;
using model::VolunteerStatus;

namespace {
// What the search index is built from for this volunteer.
bool listedAvailable(app::Registry& registry, qint64 id) {
  bool available = false;
  bool seen = false;
  REQUIRE(registry.forEachDonor([&](const model::DonorRecord& donor) {
    if (donor.id == id) available = donor.available, seen = true;
    return true;
  }));
  REQUIRE(seen);
  return available;
}

int auditRows(app::Registry& registry, qint64 id, const char* action) {
  auto trail = registry.auditTrail(QStringLiteral("volunteer"), id);
  REQUIRE(trail);
  int n = 0;
  for (const model::AuditEntry& e : *trail) n += e.action == QLatin1String(action);
  return n;
}
}  // namespace

TEST_CASE("a withdrawal request takes the volunteer out of searches until confirmed or cancelled") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const model::Volunteer v = test::registered(*registry, test::sampleVolunteer(1));
  const model::Volunteer other = test::registered(*registry, test::sampleVolunteer(2));
  CHECK(listedAvailable(*registry, v.id));

  auto requested = registry->requestWithdrawal(v.id, QDate(2026, 3, 1), QStringLiteral("SMS 0"), test::staff());
  REQUIRE(requested);
  CHECK(requested->withdrawalRequestedOn == QDate(2026, 3, 1));
  CHECK(requested->status == VolunteerStatus::Active);
  CHECK_FALSE(listedAvailable(*registry, v.id));
  CHECK(listedAvailable(*registry, other.id));
  CHECK_FALSE(requested->availableOn(QDate::currentDate()));
  CHECK(app::toMatchRecord(*requested, QDate::currentDate()).factors.availability != match::Availability::Available);
  CHECK(auditRows(*registry, v.id, "withdrawal_requested") == 1);

  // A second request keeps the first date and writes nothing.
  auto again = registry->requestWithdrawal(v.id, QDate(2026, 4, 1), {}, test::staff());
  REQUIRE(again);
  CHECK(again->withdrawalRequestedOn == QDate(2026, 3, 1));
  CHECK(auditRows(*registry, v.id, "withdrawal_requested") == 1);

  SECTION("cancelled with a note: back in searches") {
    auto noNote = registry->cancelWithdrawalRequest(v.id, QStringLiteral("  "), test::staff());
    REQUIRE_FALSE(noNote);
    CHECK(noNote.error().field == "note");
    CHECK_FALSE(listedAvailable(*registry, v.id));
    auto cancelled = registry->cancelWithdrawalRequest(v.id, QStringLiteral("wrong key pressed"), test::staff());
    REQUIRE(cancelled);
    CHECK_FALSE(cancelled->withdrawalRequestedOn.isValid());
    CHECK(cancelled->status == VolunteerStatus::Active);
    CHECK(listedAvailable(*registry, v.id));
    CHECK(auditRows(*registry, v.id, "withdrawal_cancelled") == 1);
    auto twice = registry->cancelWithdrawalRequest(v.id, QStringLiteral("again"), test::staff());
    REQUIRE_FALSE(twice);
    CHECK(twice.error().code == "validation.no_withdrawal_request");
    auto confirmNothing = registry->confirmWithdrawal(v.id, {}, test::staff());
    REQUIRE_FALSE(confirmNothing.ok());
    CHECK(confirmNothing.errors.at(0).code == "validation.no_withdrawal_request");
  }
  SECTION("confirmed: status withdrawn through the status history, flag cleared") {
    auto confirmed = registry->confirmWithdrawal(v.id, QStringLiteral("moved abroad"), test::staff());
    REQUIRE(confirmed.ok());
    CHECK(confirmed.value->status == VolunteerStatus::Withdrawn);
    CHECK(confirmed.value->statusReason == "moved abroad");
    auto stored = registry->volunteer(v.id);
    REQUIRE(stored);
    CHECK_FALSE(stored->withdrawalRequestedOn.isValid());
    CHECK(stored->status == VolunteerStatus::Withdrawn);
    CHECK_FALSE(listedAvailable(*registry, v.id));
    auto history = registry->statusHistory(v.id);
    REQUIRE(history);
    CHECK(std::any_of(history->begin(), history->end(), [](const model::StatusChange& c) {
      return c.to == VolunteerStatus::Withdrawn && c.reason == "moved abroad";
    }));
    CHECK(auditRows(*registry, v.id, "withdrawal_confirmed") == 1);
    // Nothing left to withdraw from.
    auto late = registry->requestWithdrawal(v.id, {}, {}, test::staff());
    REQUIRE_FALSE(late);
    CHECK(late.error().code == "validation.withdrawal_not_open");
  }
}

TEST_CASE("a withdrawal request for an unknown volunteer is refused") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  CHECK_FALSE(registry->requestWithdrawal(999, {}, {}, test::staff()));
  CHECK_FALSE(registry->cancelWithdrawalRequest(999, QStringLiteral("x"), test::staff()));
  CHECK_FALSE(registry->confirmWithdrawal(999, {}, test::staff()).ok());
}
