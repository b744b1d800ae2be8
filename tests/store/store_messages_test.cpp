// The store's own messages: missing records and files, bad URLs, a failing
// migration (rolled back, version unchanged), transactions doomed by an
// inner failure, and an unwritable rejects file.
#include <catch2/catch.hpp>

#include <QFile>
#include <QSqlQuery>

#include "app/volunteer_import.h"
#include "core/qt/localization.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/volunteer_repository.h"
#include "support/registry_fixture.h"
#include "support/qt_string_maker.h"

using namespace dd;

TEST_CASE("store messages: not found, missing file, bad URLs") {
  auto db = test::TestDatabase::create("sqlite");
  auto registry = db->open();
  auto missing = registry->volunteerByRegistryNo("SD99999999");
  REQUIRE_FALSE(missing);
  CHECK(qt::translated(missing.error()) == "No volunteer SD99999999 in the database.");
  auto noFile = store::Database::open(db->dir() + "/absent.sqlite", store::OpenOptions{true, -1, false});
  REQUIRE_FALSE(noFile);
  CHECK(qt::translated(noFile.error()) == QStringLiteral("The database file %1/absent.sqlite does not exist: check the path (a new registry is created by donordesk-cli init).").arg(db->dir()));
  auto noPath = store::parseDatabaseUrl("sqlite:");
  REQUIRE_FALSE(noPath);
  CHECK(qt::translated(noPath.error()) == "Cannot use database 'sqlite:': the file path is missing");
  auto noHost = store::parseDatabaseUrl("postgresql:///registry");
  REQUIRE_FALSE(noHost);
  CHECK(qt::translated(noHost.error()) ==
        "Cannot use database 'postgresql:///registry': expected postgresql://user[:password]@host[:port]/database");
}

TEST_CASE("a migration that fails is rolled back and the database stays at its version") {
  DD_FRESH_DATABASE(db);
  {
    auto old = db->open(store::OpenOptions{true, 1, true});
    QSqlQuery q(dd::app::storeDatabase(*old).sql());
    // Something (a hand edit) already added the column migration 2 adds.
    REQUIRE(q.exec("ALTER TABLE volunteer ADD COLUMN last_contact_ok DATE"));
    REQUIRE(q.exec("INSERT INTO meta (key, value) VALUES ('marker', 'kept')"));
  }
  auto failed = app::Registry::open(db->url());
  REQUIRE_FALSE(failed);
  CHECK(failed.error().code == "store.migration");
  CHECK(qt::translated(failed.error()).startsWith("Upgrading the database to schema version 2 failed: "));
  auto still = db->open(store::OpenOptions{false, -1, false});
  CHECK(dd::app::storeDatabase(*still).schemaVersion() == 1);
  QSqlQuery q(dd::app::storeDatabase(*still).sql());
  REQUIRE(q.exec("SELECT value FROM meta WHERE key = 'marker'"));
  REQUIRE(q.next());
  CHECK(q.value(0).toString() == "kept");
}

TEST_CASE("an inner rollback dooms the outer transaction") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  store::Database& database = dd::app::storeDatabase(*registry);
  REQUIRE(database.begin());
  REQUIRE(registry->registerVolunteer(test::sampleVolunteer(1), test::staff()).ok());  // joins, inner commit
  REQUIRE(database.begin());
  database.rollback();  // an inner step failed
  auto outcome = database.commit();
  REQUIRE_FALSE(outcome);
  CHECK(qt::translated(outcome.error()) == "The change was rolled back because part of it failed.");
  CHECK(*registry->countVolunteers({}) == 0);
}

TEST_CASE("an unwritable rejects file is reported and nothing is imported") {
  auto db = test::TestDatabase::create("sqlite");
  auto registry = db->open();
  const QString path = db->dir() + "/one.csv";
  QFile file(path);
  REQUIRE(file.open(QIODevice::WriteOnly));
  file.write("name,sex,birth_date,id_number\nX,M,1990-01-01,123\n");
  file.close();
  app::ImportOptions options;
  options.skipInvalid = true;
  options.rejectsPath = db->dir() + "/no/such/dir/rejects.csv";
  auto report = app::importVolunteersCsv(*registry, path, options);
  REQUIRE_FALSE(report);
  CHECK(qt::translated(report.error()).startsWith(QStringLiteral("Cannot write %1: ").arg(options.rejectsPath)));
  CHECK(*registry->countVolunteers({}) == 0);
}

TEST_CASE("a duplicate refused by the database itself is said in words on both backends") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  model::Volunteer v = test::sampleVolunteer(1);
  REQUIRE(registry->registerVolunteer(v, test::staff()).ok());
  // Straight into the repository, past the use case's own duplicate check,
  // as a second workstation racing the first does.
  model::Volunteer twin = test::sampleVolunteer(1);
  twin.registryNo.clear();
  const Status status = store::VolunteerRepository(dd::app::storeDatabase(*registry)).insert(twin, QStringLiteral("t"));
  REQUIRE_FALSE(status);
  CHECK(status.error().code == "store.duplicate");
  const QString text = qt::translated(status.error());
  CHECK(text.contains(QStringLiteral("the ID number")));
  CHECK_FALSE(text.contains(QStringLiteral("UNIQUE")));
  CHECK_FALSE(text.contains(QStringLiteral("23505")));
}
