// The retention commands run as the real program on both backends: a
// withdrawal request confirmed or cancelled, an SMS campaign created and
// exported (its recipients, personalised texts, stable message ids, the
// GB18030 file, refusals).
#include <catch2/catch.hpp>

#include <QFile>
#include <QStringDecoder>

#include "support/process_runner.h"
#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"

using namespace dd;
using test::runCli;

namespace {
QStringList lines(const QString& path, const char* encoding = "UTF-8") {
  QFile file(path);
  REQUIRE(file.open(QIODevice::ReadOnly));
  QStringDecoder decoder(encoding);
  QString text = decoder.decode(file.readAll());
  REQUIRE_FALSE(decoder.hasError());
  QStringList list = text.split(QStringLiteral("\r\n"));
  if (!list.isEmpty() && list.last().isEmpty()) list.removeLast();
  return list;
}

model::Volunteer withRegion(model::Volunteer v, const char* prefecture, const char* county) {
  v.prefecture = QString::fromUtf8(prefecture);
  v.county = QString::fromUtf8(county);
  return v;
}
}  // namespace

TEST_CASE("withdrawal request confirm and cancel on the command line") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const model::Volunteer v = test::registered(*registry, test::sampleVolunteer(3));
  const QString no = v.registryNo;
  auto requested = runCli({"--db", db->url(), "withdrawal", "request", "--volunteer", no, "--date", "2026-02-03"});
  INFO(requested.err.toStdString());
  REQUIRE(requested.exitCode == 0);
  CHECK(requested.out == "2026-02-03\n");
  CHECK(registry->volunteer(v.id)->withdrawalRequestedOn == QDate(2026, 2, 3));
  CHECK(runCli({"--db", db->url(), "withdrawal", "request", "--volunteer", no, "--date", "3.2.2026"}).exitCode == 2);
  CHECK(runCli({"--db", db->url(), "withdrawal", "cancel", "--volunteer", no}).exitCode == 2);  // no note
  CHECK(runCli({"--db", db->url(), "withdrawal", "confirm", "--volunteer", "NOBODY"}).exitCode != 0);
  REQUIRE(runCli({"--db", db->url(), "withdrawal", "cancel", "--volunteer", no, "--note", "按错键"}).exitCode == 0);
  CHECK_FALSE(registry->volunteer(v.id)->withdrawalRequestedOn.isValid());
  CHECK(runCli({"--db", db->url(), "withdrawal", "confirm", "--volunteer", no}).exitCode == 2);  // nothing pending
  REQUIRE(runCli({"--db", db->url(), "withdrawal", "request", "--volunteer", no}).exitCode == 0);
  REQUIRE(runCli({"--db", db->url(), "withdrawal", "confirm", "--volunteer", no, "--reason", "出国"}).exitCode == 0);
  auto now = registry->volunteer(v.id);
  CHECK(now->status == model::VolunteerStatus::Withdrawn);
  CHECK(now->statusReason == "出国");
  CHECK_FALSE(now->withdrawalRequestedOn.isValid());
}

TEST_CASE("an SMS campaign exports one personalised message per recipient with stable ids") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const model::Volunteer jinan = test::registered(*registry, withRegion(test::sampleVolunteer(1), "济南市", "历下区"));
  const model::Volunteer qingdao = test::registered(*registry, withRegion(test::sampleVolunteer(2), "青岛市", "市南区"));
  const model::Volunteer gone = test::registered(*registry, withRegion(test::sampleVolunteer(4), "济南市", "历城区"));
  REQUIRE(registry->changeStatus(gone.id, gone.rowVersion, {model::VolunteerStatus::Withdrawn, "x", {}, 0, {}, {}},
                                 test::staff())
              .ok());

  SECTION("refusals") {
    auto unknown = runCli({"--db", db->url(), "campaign", "create", "--name", "a", "--message", "您好{姓名}"});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains("{姓名}"));
    CHECK(unknown.out.isEmpty());
    CHECK(runCli({"--db", db->url(), "campaign", "create", "--name", "", "--message", "x"}).exitCode == 2);
    CHECK(runCli({"--db", db->url(), "campaign", "create", "--name", "a", "--message", "x", "--status", "asleep"})
              .exitCode == 2);
    CHECK(runCli({"--db", db->url(), "campaign", "create", "--name", "a", "--message", "x", "--not-reached-months",
                  "many"})
              .exitCode == 2);
    CHECK(runCli({"--db", db->url(), "campaign", "export-sms", "--campaign", "99", "--out",
                  db->dir() + "/x.csv"})
              .exitCode != 0);
    CHECK_FALSE(QFile::exists(db->dir() + "/x.csv"));
    CHECK(test::rowCount(*registry, "campaign") == 0);
  }
  SECTION("by region, twice, and in GB18030") {
    auto created = runCli({"--db", db->url(), "campaign", "create", "--name", "济南清理", "--region", "济南市",
                           "--message", "{name}您好（{registry_no}，{county}）：回复1确认"});
    INFO(created.err.toStdString());
    REQUIRE(created.exitCode == 0);
    const QString id = created.out.trimmed();
    CHECK(id.toLongLong() > 0);
    const QString out = db->dir() + "/batch.csv";
    REQUIRE(runCli({"--db", db->url(), "campaign", "export-sms", "--campaign", id, "--out", out}).exitCode == 0);
    const QStringList first = lines(out);
    REQUIRE(first.size() == 2);  // the withdrawn volunteer and Qingdao are not reached
    CHECK(first.at(0) == "phone,message,message_id");
    const QStringList row = first.at(1).split(QLatin1Char(','));
    REQUIRE(row.size() == 3);
    CHECK(row.at(0) == jinan.currentPhone());
    CHECK(row.at(1) == jinan.name + "您好（" + jinan.registryNo + "，历下区）：回复1确认");
    CHECK_FALSE(row.at(2).isEmpty());
    CHECK(test::rowCount(*registry, "campaign_message") == 1);
    // Again, in GB18030: the same rows, the same id, no new message rows.
    const QString gb = db->dir() + "/batch-gb.csv";
    REQUIRE(runCli({"--db", db->url(), "campaign", "export-sms", "--campaign", id, "--out", gb, "--encoding",
                    "gb18030"})
                .exitCode == 0);
    CHECK(lines(gb, "GB18030") == first);
    CHECK(test::rowCount(*registry, "campaign_message") == 1);
    CHECK(runCli({"--db", db->url(), "campaign", "export-sms", "--campaign", id, "--out", gb, "--encoding",
                  "latin1"})
              .exitCode == 2);
    auto list = runCli({"--db", db->url(), "campaign", "list"});
    REQUIRE(list.exitCode == 0);
    CHECK(list.out.startsWith(id + "\t济南清理\t济南市\t0\t"));
    (void)qingdao;
  }
}
