// The retention commands of donordesk-cli run as a process on both backends
// (docs/retention.md).
#include <catch2/catch.hpp>

#include <QJsonDocument>
#include <QJsonObject>

#include "model/worklist.h"
#include "support/process_runner.h"
#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"

using namespace dd;
using test::runCli;

TEST_CASE("cli: retention rules shows the defaults, sets them and refuses bad numbers") {
  DD_FRESH_DATABASE(db);
  { auto registry = db->open(); }
  auto result = runCli({"--db", db->url(), "retention", "rules"});
  CHECK(result.exitCode == 0);
  CHECK(result.out == QStringLiteral("attempts\t3\nmonths\t12\n"));
  result = runCli({"--db", db->url(), "retention", "rules", "--attempts", "5", "--staff", "王"});
  CHECK(result.exitCode == 0);
  CHECK(result.out == QStringLiteral("attempts\t5\nmonths\t12\n"));
  result = runCli({"--db", db->url(), "retention", "rules", "--months", "24"});
  CHECK(result.out == QStringLiteral("attempts\t5\nmonths\t24\n"));

  for (const QStringList& bad : {QStringList{"--attempts", "0"}, QStringList{"--months", "121"},
                                 QStringList{"--months", "twelve"}, QStringList{"--attempts", "-1"},
                                 QStringList{"extra"}, QStringList{"--attempts"}}) {
    INFO(bad.join(QLatin1Char(' ')).toStdString());
    result = runCli(QStringList{"--db", db->url(), "retention", "rules"} + bad);
    CHECK(result.exitCode == 2);
    CHECK(result.out.isEmpty());
    CHECK_FALSE(result.err.isEmpty());
  }
  // nothing was changed by the refusals
  result = runCli({"--db", db->url(), "retention", "rules"});
  CHECK(result.out == QStringLiteral("attempts\t5\nmonths\t24\n"));
}

TEST_CASE("cli: worklist prints a list as table, csv or json and refuses bad arguments") {
  DD_FRESH_DATABASE(db);
  QString registryNo;
  {
    auto registry = db->open();
    registryNo = test::registered(*registry, test::sampleVolunteer(1)).registryNo;  // never reached
  }
  auto result = runCli({"--db", db->url(), "worklist", "not-reached", "--format", "csv"});
  CHECK(result.exitCode == 0);
  const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  REQUIRE(lines.size() == 2);
  CHECK(lines.at(1).startsWith(registryNo + QLatin1Char(',')));
  result = runCli({"--db", db->url(), "worklist", "not-reached", "--format", "json"});
  CHECK(result.exitCode == 0);
  CHECK(result.out.contains(QStringLiteral("\"registry_no\": \"%1\"").arg(registryNo)));
  result = runCli({"--db", db->url(), "worklist", "not-reached", "--offset", "1"});
  CHECK(result.exitCode == 0);
  CHECK(result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size() == 1);  // the heading only
  result = runCli({"--db", db->url(), "worklist", "all-channels-failed", "--region", "济南市"});
  CHECK(result.exitCode == 0);

  for (const QStringList& bad :
       {QStringList{"no-such-list"}, QStringList{}, QStringList{"not-reached", "extra"},
        QStringList{"not-reached", "--format", "xml"}, QStringList{"not-reached", "--limit", "0"},
        QStringList{"not-reached", "--months", "x"}, QStringList{"not-reached", "--offset", "-5"}}) {
    INFO(bad.join(QLatin1Char(' ')).toStdString());
    result = runCli(QStringList{"--db", db->url(), "worklist"} + bad);
    CHECK(result.exitCode == 2);
    CHECK(result.out.isEmpty());
    CHECK_FALSE(result.err.isEmpty());
  }
}

TEST_CASE("cli: readiness record and list, and their refusals") {
  DD_FRESH_DATABASE(db);
  QString registryNo;
  {
    auto registry = db->open();
    registryNo = test::registered(*registry, test::sampleVolunteer(1)).registryNo;
  }
  auto result = runCli({"--db", db->url(), "readiness", "record", "--volunteer", registryNo, "--willing", "unsure",
                        "--family-informed", "--family-attitude", "neutral", "--absence-from", "2030-01-01",
                        "--absence-until", "2030-06-30", "--note", "出国进修"});
  CHECK(result.exitCode == 0);
  result = runCli({"--db", db->url(), "readiness", "list", "--volunteer", registryNo});
  CHECK(result.exitCode == 0);
  CHECK(result.out.contains(QStringLiteral("\tunsure\tneutral\t1\t2030-01-01\t2030-06-30\t")));
  CHECK(result.out.contains(QStringLiteral("出国进修")));

  for (const QStringList& bad :
       {QStringList{"record", "--volunteer", registryNo}, QStringList{"record", "--willing", "yes"},
        QStringList{"record", "--volunteer", registryNo, "--willing", "maybe"},
        QStringList{"record", "--volunteer", registryNo, "--willing", "yes", "--family-attitude", "angry"},
        QStringList{"record", "--volunteer", registryNo, "--willing", "yes", "--date", "2024-13-01"},
        QStringList{"record", "--volunteer", registryNo, "--willing", "yes", "--absence-from", "2030-01-01"},
        QStringList{"list"}}) {
    INFO(bad.join(QLatin1Char(' ')).toStdString());
    result = runCli(QStringList{"--db", db->url(), "readiness"} + bad);
    CHECK(result.exitCode == 2);
    CHECK_FALSE(result.err.isEmpty());
  }
  result = runCli({"--db", db->url(), "readiness", "record", "--volunteer", "SD99999999", "--willing", "yes"});
  CHECK(result.exitCode == 1);
  result = runCli({"--db", db->url(), "readiness", "list", "--volunteer", registryNo});
  CHECK(result.out.count(QLatin1Char('\n')) == 1);  // the refusals wrote nothing
}

TEST_CASE("cli: bench retention times every step on a registry and leaves it as it was") {
  DD_FRESH_DATABASE(db);
  { auto registry = db->open(); }
  REQUIRE(runCli({"--db", db->url(), "generate", "--volunteers", "200", "--seed", "4"}).exitCode == 0);
  const char* tables[] = {"campaign", "campaign_message", "contact_attempt", "audit_log", "volunteer_phone",
                          "status_change"};
  auto counts = [&] {
    auto registry = db->open();
    QStringList rows;
    for (const char* table : tables) rows << QStringLiteral("%1=%2").arg(table).arg(test::rowCount(*registry, table));
    return rows;
  };
  const QStringList before = counts();
  const auto withdrawalsBefore = runCli({"--db", db->url(), "worklist", "withdrawal-requested", "--format", "csv"});

  auto result = runCli({"--db", db->url(), "bench", "retention", "--messages", "20"});
  INFO(result.err.toStdString());
  REQUIRE(result.exitCode == 0);
  for (const char* line : {"worklist not-reached", "worklist reservation-expiring", "stats ", "campaign export ",
                           "campaign results import ", "rolled back"})
    CHECK(result.out.contains(QLatin1String(line)));
  const QJsonObject json = QJsonDocument::fromJson(result.out.trimmed().split('\n').last().toUtf8()).object();
  CHECK(json.value("export_messages").toInt() == 20);
  CHECK(json.value("import_rows").toInt() == 20);
  CHECK(json.value("import_changes").toInt() == 20);  // every kind of row applies
  CHECK(json.value("worklist_first_page_ms").toObject().size() == model::kWorklistCount);  // every list timed
  CHECK(json.value("stats_ms").toDouble() >= 0);
  CHECK_FALSE(json.value("export_region").toString().isEmpty());  // one prefecture, as offices send them

  CHECK(counts() == before);  // the campaign, its messages and results were rolled back
  CHECK(runCli({"--db", db->url(), "worklist", "withdrawal-requested", "--format", "csv"}).out == withdrawalsBefore.out);
  CHECK(runCli({"--db", db->url(), "campaign", "list"}).out.isEmpty());

  for (const QStringList& bad : {QStringList{"--messages", "0"}, QStringList{"--messages", "many"},
                                 QStringList{"extra"}}) {
    INFO(bad.join(QLatin1Char(' ')).toStdString());
    result = runCli(QStringList{"--db", db->url(), "bench", "retention"} + bad);
    CHECK(result.exitCode == 2);
    CHECK(result.out.isEmpty());
  }
}
