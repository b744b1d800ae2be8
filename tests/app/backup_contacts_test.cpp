// The two backup contacts (docs/retention.md): the first one's address is a
// field of its own (schema 10), and two contacts sharing an address or a
// phone are a warning, asked on registration and told after an edit.
#include <catch2/catch.hpp>

#include "app/volunteer_validation.h"
#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"

using namespace dd;

namespace {

model::Volunteer withBackups(int n, const QString& address1, const QString& address2, const QString& phone2) {
  model::Volunteer v = test::sampleVolunteer(n);
  v.emergency = {QStringLiteral("陈建国"), QStringLiteral("父亲"), QStringLiteral("13900000001"), address1};
  v.emergency2 = {QStringLiteral("李秀英"), QStringLiteral("朋友"), phone2, address2};
  return v;
}

bool hasCode(const std::vector<Error>& list, const char* code) {
  for (const Error& e : list)
    if (e.code == code) return true;
  return false;
}

}  // namespace

TEST_CASE("backup contacts at one address or with one phone are warned about") {
  const auto apart = app::volunteerWarnings(
      withBackups(1, QStringLiteral("济南市历下区一路 1 号"), QStringLiteral("青岛市市南区二路 2 号"),
                  QStringLiteral("13900000002")));
  CHECK(apart.empty());
  const auto together = app::volunteerWarnings(withBackups(1, QStringLiteral("济南市历下区一路 1 号"),
                                                           QStringLiteral(" 济南市历下区一路1号 "),
                                                           QStringLiteral("139 0000 0001")));
  CHECK(hasCode(together, "validation.backup_same_address"));
  CHECK(hasCode(together, "validation.backup_same_phone"));
  // empty is not "the same"
  CHECK(app::volunteerWarnings(withBackups(1, {}, {}, {})).empty());  // empty addresses, one phone
  model::Volunteer none = test::sampleVolunteer(1);
  none.emergency = {};
  none.emergency2 = {};
  CHECK(app::volunteerWarnings(none).empty());
}

TEST_CASE("the first backup contact's address is saved and a shared one is asked before registering") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const QString home = QStringLiteral("济南市历下区一路 1 号");
  auto asked = registry->registerVolunteer(withBackups(2, home, home, QStringLiteral("13900000002")), test::staff());
  CHECK(asked.needsConfirmation());
  CHECK(hasCode(asked.warnings, "validation.backup_same_address"));
  CHECK(test::rowCount(*registry, "volunteer") == 0);
  auto saved = registry->registerVolunteer(withBackups(2, home, home, QStringLiteral("13900000002")), test::staff(),
                                           true);
  REQUIRE(saved.ok());
  auto read = db->open()->volunteer(saved.value->id);
  REQUIRE(read);
  CHECK(read->emergency.address == home);

  model::Volunteer edit = *read;
  edit.emergency.address = QStringLiteral("淄博市张店区三路 3 号");
  auto updated = registry->updateVolunteer(edit, test::staff());
  REQUIRE(updated.ok());
  CHECK(updated.warnings.empty());
  CHECK(db->open()->volunteer(saved.value->id)->emergency.address == edit.emergency.address);
  edit = *updated.value;
  edit.emergency2.phone = edit.emergency.phone;
  updated = registry->updateVolunteer(edit, test::staff());
  REQUIRE(updated.ok());
  CHECK(hasCode(updated.warnings, "validation.backup_same_phone"));
}
