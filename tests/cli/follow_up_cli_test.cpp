// `donordesk-cli follow-up record|list` and the follow-up-due worklist run
// as a process on both backends (docs/retention.md).
#include <catch2/catch.hpp>

#include <QSqlQuery>

#include "support/process_runner.h"
#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"

using namespace dd;
using test::runCli;

TEST_CASE("cli: follow-up record and list round trip, the worklist, and refusals") {
  DD_FRESH_DATABASE(db);
  const QDate donated = QDate::currentDate().addDays(-10);
  QString donorNo, otherNo;
  {
    auto registry = db->open();
    const auto d = test::registered(*registry, test::sampleVolunteer(1));
    donorNo = d.registryNo;
    otherNo = test::registered(*registry, test::sampleVolunteer(2)).registryNo;
    QSqlQuery q(app::storeDatabase(*registry).sql());
    q.prepare(QStringLiteral("UPDATE volunteer SET status = 'donated', donation_date = ?, donation_count = 1 "
                             "WHERE id = ?"));
    q.addBindValue(donated.toString(Qt::ISODate));
    q.addBindValue(d.id);
    REQUIRE(q.exec());
  }
  auto result = runCli({"--db", db->url(), "worklist", "follow-up-due", "--format", "csv"});
  CHECK(result.exitCode == 0);
  QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  REQUIRE(lines.size() == 2);
  CHECK(lines.at(1).startsWith(donorNo + QLatin1Char(',')));
  CHECK(lines.at(1).contains(donated.addDays(2).toString(Qt::ISODate)));

  const QString day2 = donated.addDays(3).toString(Qt::ISODate);
  result = runCli({"--db", db->url(), "follow-up", "record", "--volunteer", donorNo, "--point", "day2", "--date", day2,
                   "--note", "恢复良好", "--staff", "王"});
  CHECK(result.exitCode == 0);
  CHECK(result.out == day2 + QLatin1Char('\n'));
  result = runCli({"--db", db->url(), "follow-up", "record", "--volunteer", donorNo, "--point", "week1"});
  CHECK(result.exitCode == 0);
  // both recorded: month 1 is ahead, off the worklist
  result = runCli({"--db", db->url(), "worklist", "follow-up-due", "--format", "csv"});
  CHECK(result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size() == 1);

  result = runCli({"--db", db->url(), "follow-up", "list", "--volunteer", donorNo, "--format", "json"});
  CHECK(result.exitCode == 0);
  CHECK(result.out.contains(QStringLiteral("\"donation_date\": \"%1\"").arg(donated.toString(Qt::ISODate))));
  CHECK(result.out.contains(QStringLiteral("\"done_on\": \"%1\"").arg(day2)));
  CHECK(result.out.contains(QStringLiteral("\"note\": \"恢复良好\"")));
  CHECK(result.out.contains(QStringLiteral("\"staff\": \"王\"")));
  CHECK(result.out.count(QStringLiteral("\"state\": \"done\"")) == 2);
  CHECK(result.out.count(QStringLiteral("\"state\": \"not_due\"")) == 12);
  result = runCli({"--db", db->url(), "follow-up", "list", "--volunteer", donorNo, "--format", "csv"});
  CHECK(result.exitCode == 0);
  CHECK(result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size() == 15);
  result = runCli({"--db", db->url(), "follow-up", "list", "--volunteer", donorNo});
  CHECK(result.exitCode == 0);
  INFO(result.out.toStdString());
  CHECK(result.out.contains(
      QStringLiteral("After 2 days\t%1\tDone\t%2\t王").arg(donated.addDays(2).toString(Qt::ISODate), day2)));

  struct Bad {
    QStringList args;
    const char* says;
  };
  const Bad bad[] = {
      {{"record", "--volunteer", donorNo, "--point", "day2"}, "already recorded"},
      {{"record", "--volunteer", donorNo, "--point", "year11"}, "year11"},
      {{"record", "--volunteer", donorNo, "--point", "month1"}, "is due on"},
      {{"record", "--volunteer", donorNo, "--point", "month1", "--date", "2999-01-01"}, "future"},
      {{"record", "--volunteer", donorNo, "--point", "month1", "--date", "tomorrow"}, "--date"},
      {{"record", "--volunteer", otherNo, "--point", "day2"}, "no donation"},
      {{"record", "--volunteer", "SD99999999", "--point", "day2"}, "SD99999999"},
      {{"record", "--volunteer", donorNo}, "--point"},
      {{"record", "--point", "day2"}, "--volunteer"},
      {{"record", "--volunteer", donorNo, "--point", "week1", "--staff", ""}, "--staff"},
      {{"record", "--volunteer", donorNo, "--point", "day2", "extra"}, "extra"},
      {{"list", "--volunteer", otherNo}, "no donation"},
      {{"list", "--volunteer", donorNo, "--format", "xml"}, "--format"},
  };
  for (const Bad& b : bad) {
    INFO(b.args.join(QLatin1Char(' ')).toStdString());
    result = runCli(QStringList{"--db", db->url(), "follow-up"} + b.args);
    CHECK(result.exitCode == 2);
    CHECK(result.out.isEmpty());
    CHECK(result.err.contains(QString::fromUtf8(b.says)));
  }
  // the refusals wrote nothing
  auto registry = db->open();
  CHECK(test::rowCount(*registry, "donation_follow_up") == 2);
}
