// `donordesk-cli stats` run as the real program: the same figures as the
// Statistics page in json and csv, and its refusals.
#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include "app/registry.h"
#include "support/process_runner.h"
#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"

using namespace dd;
using test::runCli;

TEST_CASE("stats prints the registry's figures as json and csv, and refuses a bad format or date") {
  DD_FRESH_DATABASE(db);
  {
    auto registry = db->open();
    for (int n = 1; n <= 3; ++n) test::registered(*registry, test::sampleVolunteer(n));
    auto first = registry->volunteerByRegistryNo(QStringLiteral("SD00000001"));
    REQUIRE(first);
    app::StatusChangeRequest lost;
    lost.to = model::VolunteerStatus::LostContact;
    REQUIRE(registry->changeStatus(first->id, first->rowVersion, lost, test::staff()).ok());
  }
  auto json = runCli({"--db", db->url(), "stats", "--format", "json", "--today", "2026-11-30"});
  INFO(json.err.toStdString());
  REQUIRE(json.exitCode == 0);
  const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8()).object();
  CHECK(root.value("today").toString() == "2026-11-30");
  CHECK(root.value("volunteers").toInt() == 3);
  CHECK(root.value("lost_contact").toInt() == 1);
  CHECK(root.value("lost_contact_rate").toDouble() == Approx(1.0 / 3).margin(0.0001));  // four places
  int active = 0;
  for (const QJsonValue& row : root.value("volunteers_by_status").toArray())
    if (row.toObject().value("key").toString() == "active") active = row.toObject().value("count").toInt();
  CHECK(active == 2);

  auto csv = runCli({"--db", db->url(), "stats", "--format", "csv"});
  REQUIRE(csv.exitCode == 0);
  CHECK(csv.out.startsWith("section,key,value\n"));
  CHECK(csv.out.contains("totals,volunteers,3\n"));
  CHECK(csv.out.contains("volunteers_by_status,lost_contact,1\n"));

  auto badFormat = runCli({"--db", db->url(), "stats", "--format", "xml"});
  CHECK(badFormat.exitCode == 2);
  CHECK(badFormat.err.contains("xml"));
  auto badDate = runCli({"--db", db->url(), "stats", "--today", "30.11.2026"});
  CHECK(badDate.exitCode == 2);
  CHECK(badDate.err.contains("30.11.2026"));
  CHECK(badDate.out.isEmpty());
}

TEST_CASE("stats on a file that is no registry fails without creating one") {
  QTemporaryDir dir;
  const QString missing = dir.filePath("none.sqlite");
  auto result = runCli({"--db", missing, "stats"});
  CHECK(result.exitCode == 1);
  CHECK(result.err.contains("none.sqlite"));
  CHECK_FALSE(QFile::exists(missing));
}
