// The retention commands run as the real program on both backends: a
// withdrawal request confirmed or cancelled, an SMS campaign created and
// exported (its recipients, personalised texts, stable message ids, the
// GB18030 file, refusals).
#include <catch2/catch.hpp>

#include <QFile>
#include <QStringDecoder>
#include <QStringEncoder>

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

namespace {
// The batch file's rows: phone -> message id.
QHash<QString, QString> idsByPhone(const QString& path) {
  QHash<QString, QString> ids;
  const QStringList all = lines(path);
  for (int i = 1; i < all.size(); ++i) {
    const QStringList cells = all.at(i).split(QLatin1Char(','));
    ids.insert(cells.first(), cells.last());
  }
  return ids;
}
}  // namespace

TEST_CASE("an SMS round trip applies every reply kind once and refuses a malformed file whole") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  QList<model::Volunteer> v;
  for (int n = 1; n <= 7; ++n) v.append(test::registered(*registry, test::sampleVolunteer(10 + n)));
  auto created = runCli({"--db", db->url(), "campaign", "create", "--name", "年度联系", "--message", "{name}您好"});
  REQUIRE(created.exitCode == 0);
  const QString campaign = created.out.trimmed();
  const QString batch = db->dir() + "/batch.csv";
  REQUIRE(runCli({"--db", db->url(), "campaign", "export-sms", "--campaign", campaign, "--out", batch}).exitCode == 0);
  const auto ids = idsByPhone(batch);
  INFO(lines(batch).join(QLatin1Char('|')).toStdString());
  REQUIRE(ids.size() == 7);
  auto row = [&](int i, const char* status, const QString& reply) {
    const QString phone = v.at(i).currentPhone();
    return phone + "," + ids.value(phone) + "," + status + "," + reply + ",2026-11-20 09:30:00\r\n";
  };
  const int contactsBefore = test::rowCount(*registry, "contact_attempt");

  SECTION("a bad new phone rejects the whole file, naming its row") {
    const QString bad = test::writeFile(db->dir(), "bad.csv",
                                        ("phone,message_id,status,reply,time\r\n" + row(0, "delivered", "1") +
                                         row(1, "delivered", "2 12345"))
                                            .toUtf8());
    auto result = runCli({"--db", db->url(), "campaign", "import-results", "--campaign", campaign, bad});
    CHECK(result.exitCode == 2);
    CHECK(result.err.contains("Row 3"));
    CHECK(test::rowCount(*registry, "contact_attempt") == contactsBefore);
  }
  SECTION("bad status, bad time, missing columns and another campaign's id are each named") {
    auto other = runCli({"--db", db->url(), "campaign", "create", "--name", "b", "--message", "x"});
    REQUIRE(other.exitCode == 0);
    const QString otherBatch = db->dir() + "/other.csv";
    REQUIRE(runCli({"--db", db->url(), "campaign", "export-sms", "--campaign", other.out.trimmed(), "--out",
                    otherBatch})
                .exitCode == 0);
    const QString otherId = idsByPhone(otherBatch).value(v.at(3).currentPhone());
    const QString text = "phone,message_id,status,reply,time\r\n" + row(0, "sent", "") +
                         row(1, "delivered", "").replace("2026-11-20 09:30:00", "昨天") + v.at(2).currentPhone() +
                         "," + ids.value(v.at(2).currentPhone()) + "\r\n" + v.at(3).currentPhone() + "," + otherId +
                         ",delivered,1,\r\n" + row(4, "delivered", "1");
    auto result = runCli({"--db", db->url(), "campaign", "import-results", "--campaign", campaign,
                          test::writeFile(db->dir(), "bad2.csv", text.toUtf8())});
    CHECK(result.exitCode == 2);
    for (const char* r : {"Row 2", "Row 3", "Row 4", "Row 5"}) CHECK(result.err.contains(r));
    CHECK_FALSE(result.err.contains("Row 6"));
    CHECK(test::rowCount(*registry, "contact_attempt") == contactsBefore);
  }
  SECTION("each kind, dry run first, then applied once") {
    const QString text = "phone,message_id,status,reply,time\r\n" + row(0, "delivered", "") + row(1, "failed", "") +
                         row(2, "delivered", "1") + row(3, "delivered", "2 13988887777") + row(4, "delivered", "0") +
                         row(5, "delivered", "换工作了，明年再说") + row(6, "unknown", "") +
                         "13000000001,C999-1,delivered,1,2026-11-20 09:30:00\r\n";
    const QString file = test::writeFile(db->dir(), "results.csv", text.toUtf8());
    auto dry = runCli({"--db", db->url(), "campaign", "import-results", "--campaign", campaign, file, "--dry-run"});
    INFO(dry.err.toStdString());
    REQUIRE(dry.exitCode == 0);
    CHECK(dry.out.split('\n', Qt::SkipEmptyParts).size() == 6);
    CHECK(dry.out.contains("5\tnew_phone\t" + v.at(3).currentPhone() + "\t13988887777"));
    CHECK(dry.err.contains("Row 9"));  // the unknown number
    CHECK(test::rowCount(*registry, "contact_attempt") == contactsBefore);

    auto applied = runCli({"--db", db->url(), "campaign", "import-results", "--campaign", campaign, file});
    REQUIRE(applied.exitCode == 0);
    CHECK(applied.out == dry.out);
    CHECK(test::rowCount(*registry, "contact_attempt") == contactsBefore + 6);
    auto outcome = [&](int i) {
      auto log = registry->contacts(v.at(i).id);
      REQUIRE(log);
      REQUIRE_FALSE(log->isEmpty());
      const model::ContactAttempt& a = log->front();
      CHECK(a.channel == model::ContactChannel::Sms);
      CHECK(a.campaignId == campaign.toLongLong());
      CHECK(a.messageId == ids.value(v.at(i).currentPhone()));
      CHECK(a.phone == v.at(i).currentPhone());
      return a;
    };
    CHECK(outcome(0).outcome == model::ContactOutcome::Delivered);
    CHECK(outcome(1).outcome == model::ContactOutcome::Undelivered);
    CHECK(outcome(2).outcome == model::ContactOutcome::Reached);
    CHECK(outcome(3).outcome == model::ContactOutcome::Reached);
    CHECK(outcome(4).outcome == model::ContactOutcome::Reached);
    const model::ContactAttempt noted = outcome(5);
    CHECK(noted.outcome == model::ContactOutcome::Reached);
    CHECK(noted.note == "换工作了，明年再说");
    CHECK(registry->contacts(v.at(6).id)->isEmpty());  // unknown status: nothing recorded
    auto moved = registry->volunteer(v.at(3).id);
    CHECK(moved->currentPhone() == "13988887777");
    bool oldKept = false;
    for (const model::Phone& p : moved->phones)
      oldKept |= p.number == v.at(3).currentPhone() && p.replacedOn == QDate::currentDate();
    CHECK(oldKept);
    CHECK(registry->volunteer(v.at(4).id)->withdrawalRequestedOn.isValid());
    CHECK(registry->volunteer(v.at(4).id)->status == model::VolunteerStatus::Active);
    CHECK_FALSE(registry->volunteer(v.at(2).id)->withdrawalRequestedOn.isValid());

    auto twice = runCli({"--db", db->url(), "campaign", "import-results", "--campaign", campaign, file});
    REQUIRE(twice.exitCode == 0);
    CHECK(twice.out.isEmpty());
    CHECK(test::rowCount(*registry, "contact_attempt") == contactsBefore + 6);
    CHECK(registry->volunteer(v.at(3).id)->phones.size() == moved->phones.size());
  }
  SECTION("the Chinese header in GB18030") {
    const QString text = "手机号码,短信ID,发送状态,回复内容,时间\r\n" + row(0, "成功", "1") + row(1, "失败", "") +
                         row(2, "未知", "");
    QStringEncoder gb("GB18030");
    const QByteArray bytes = gb.encode(text);
    REQUIRE(bytes != text.toUtf8());
    auto applied = runCli({"--db", db->url(), "campaign", "import-results", "--campaign", campaign,
                           test::writeFile(db->dir(), "gb.csv", bytes)});
    INFO(applied.err.toStdString());
    REQUIRE(applied.exitCode == 0);
    CHECK(test::rowCount(*registry, "contact_attempt") == contactsBefore + 2);
    CHECK(registry->contacts(v.at(0).id)->front().outcome == model::ContactOutcome::Reached);
    CHECK(registry->contacts(v.at(1).id)->front().outcome == model::ContactOutcome::Undelivered);
  }
}
