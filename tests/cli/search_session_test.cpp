// app::SearchSession, the one assembly of a search (nomenclature, MAC table,
// index, freshness) behind the CLI's search, the printed report and the GUI.
#include <catch2/catch.hpp>

#include <QFile>
#include <QTemporaryDir>

#include "app/registry.h"
#include "app/search_session.h"
#include "support/process_runner.h"

using namespace dd;

TEST_CASE("a search session knows when the registry changed since its index was built") {
  QTemporaryDir dir;
  const QString db = dir.filePath(QStringLiteral("session.sqlite"));
  REQUIRE(test::runCli({"--db", db, "init"}).exitCode == 0);
  REQUIRE(test::runCli({"--db", db, "generate", "--volunteers", "40", "--patients", "1", "--seed", "5"}).exitCode == 0);
  auto registry = app::Registry::open(db);
  REQUIRE(registry);
  auto session = app::SearchSession::load({});
  REQUIRE(session);
  CHECK((*session)->unverifiedWarning().isEmpty());  // the bundled release verifies
  // Nothing built yet: not current, no stamp.
  auto before = (*session)->isCurrent(**registry);
  REQUIRE(before);
  CHECK_FALSE(*before);
  CHECK((*session)->builtStamp().isEmpty());

  auto built = (*session)->build(**registry);
  REQUIRE(built);
  CHECK(built->stats.donors == 40);
  CHECK((*session)->service().size() == 40);
  auto current = (*session)->isCurrent(**registry);
  REQUIRE(current);
  CHECK(*current);

  // A write through another connection (another workstation) makes it stale.
  auto other = app::Registry::open(db);
  REQUIRE(other);
  auto volunteer = (*other)->volunteer(3);
  REQUIRE(volunteer);
  volunteer->wechat = QStringLiteral("wx_session_test");
  REQUIRE((*other)->updateVolunteer(*volunteer, app::Actor{QStringLiteral("t")}).ok());
  auto stale = (*session)->isCurrent(**registry);
  REQUIRE(stale);
  CHECK_FALSE(*stale);
  REQUIRE((*session)->build(**registry));
  CHECK(*(*session)->isCurrent(**registry));
}

TEST_CASE("a bad MAC table is named as the caller's input, a bad release folder is not") {
  QTemporaryDir dir;
  const QString mac = dir.filePath(QStringLiteral("mac.txt"));
  QFile file(mac);
  REQUIRE(file.open(QIODevice::WriteOnly));
  file.write("this is not a MAC table\n");
  file.close();
  auto badMac = app::SearchSession::load({}, mac);
  REQUIRE_FALSE(badMac);
  CHECK(badMac.error().field == app::SearchSession::kMacTableField);
  auto missingMac = app::SearchSession::load({}, dir.filePath(QStringLiteral("absent.txt")));
  REQUIRE_FALSE(missingMac);
  CHECK(missingMac.error().field == app::SearchSession::kMacTableField);
  auto badRelease = app::SearchSession::load(dir.path());
  REQUIRE_FALSE(badRelease);
  CHECK(badRelease.error().field != app::SearchSession::kMacTableField);
}
