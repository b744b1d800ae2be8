// The group commands run as the real program on both backends: a group
// created, filled by number, from a file and by region, listed, exported,
// a message recorded, and the refusals with their exit codes.
#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

#include "support/process_runner.h"
#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"

using namespace dd;
using test::runCli;

namespace {
model::Volunteer withRegion(model::Volunteer v, const char* prefecture, const char* county) {
  v.prefecture = QString::fromUtf8(prefecture);
  v.county = QString::fromUtf8(county);
  return v;
}
}  // namespace

TEST_CASE("group commands: create, add, list, members, export, message, remove") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const auto a = test::registered(*registry, withRegion(test::sampleVolunteer(1), "济南市", "历下区"));
  const auto b = test::registered(*registry, withRegion(test::sampleVolunteer(2), "济南市", "市中区"));
  const auto c = test::registered(*registry, withRegion(test::sampleVolunteer(3), "青岛市", "市南区"));
  const auto gone = test::registered(*registry, withRegion(test::sampleVolunteer(4), "济南市", "历下区"));
  REQUIRE(registry->changeStatus(gone.id, gone.rowVersion, {model::VolunteerStatus::Withdrawn, "x", {}, 0, {}, {}},
                                 test::staff())
              .ok());
  const QString url = db->url();

  auto created = runCli({"--db", url, "group", "create", "--name", "济南志愿者群", "--kind", "wechat",
                         "--prefecture", "济南市", "--staff", "王"});
  INFO(created.err.toStdString());
  REQUIRE(created.exitCode == 0);
  const QString id = created.out.trimmed();
  CHECK(created.out == id + "\n");  // the id alone
  CHECK(id.toLongLong() > 0);
  auto duplicate = runCli({"--db", url, "group", "create", "--name", "济南志愿者群", "--kind", "region"});
  CHECK(duplicate.exitCode == 2);
  CHECK(duplicate.err.contains("already a group named"));
  CHECK(runCli({"--db", url, "group", "create", "--name", "x", "--kind", "qq"}).exitCode == 2);
  CHECK(runCli({"--db", url, "group", "create", "--kind", "wechat"}).exitCode == 2);

  // by region: the two in the pool of 济南市, not the withdrawn one
  auto byRegion = runCli({"--db", url, "group", "add", "--group", id, "--prefecture", "济南市"});
  INFO(byRegion.err.toStdString());
  REQUIRE(byRegion.exitCode == 0);
  CHECK(byRegion.err.contains("2 added, 0 already members"));
  // by number and from a file
  auto byNumber = runCli({"--db", url, "group", "add", "--group", id, "--volunteers", a.registryNo + "," + c.registryNo});
  REQUIRE(byNumber.exitCode == 0);
  CHECK(byNumber.err.contains("1 added, 1 already members"));
  const QString list = test::writeFile(db->dir(), "numbers.txt", (c.registryNo + "\r\n" + b.registryNo + "\r\n").toUtf8());
  auto fromFile = runCli({"--db", url, "group", "add", "--group", id, "--from-file", list});
  REQUIRE(fromFile.exitCode == 0);
  CHECK(fromFile.err.contains("0 added, 2 already members"));
  // refusals change nothing
  auto unknown = runCli({"--db", url, "group", "add", "--group", id, "--volunteers", "SD99999999"});
  CHECK(unknown.exitCode == 2);
  CHECK(unknown.err.contains("SD99999999"));
  auto withdrawn = runCli({"--db", url, "group", "add", "--group", id, "--volunteers", gone.registryNo});
  CHECK(withdrawn.exitCode == 2);
  CHECK(withdrawn.err.contains(gone.registryNo));
  CHECK(runCli({"--db", url, "group", "add", "--group", id}).exitCode == 2);  // no way given
  CHECK(runCli({"--db", url, "group", "add", "--group", id, "--volunteers", a.registryNo, "--prefecture", "济南市"})
            .exitCode == 2);
  CHECK(runCli({"--db", url, "group", "add", "--group", id, "--county", "历下区"}).exitCode == 2);
  CHECK(runCli({"--db", url, "group", "add", "--group", "abc", "--volunteers", a.registryNo}).exitCode == 2);
  CHECK(runCli({"--db", url, "group", "add", "--group", "999", "--volunteers", a.registryNo}).exitCode == 1);
  CHECK(runCli({"--db", url, "group", "add", "--group", id, "--from-file", db->dir() + "/missing.txt"}).exitCode != 0);

  auto listed = runCli({"--db", url, "group", "list", "--format", "json"});
  REQUIRE(listed.exitCode == 0);
  const QJsonArray groups = QJsonDocument::fromJson(listed.out.toUtf8()).array();
  REQUIRE(groups.size() == 1);
  CHECK(groups.at(0).toObject().value("members").toInt() == 3);
  CHECK(groups.at(0).toObject().value("kind").toString() == "wechat");
  auto table = runCli({"--db", url, "group", "list"});
  CHECK(table.out.contains("济南志愿者群"));
  CHECK(runCli({"--db", url, "group", "list", "--format", "xml"}).exitCode == 2);

  auto members = runCli({"--db", url, "group", "members", "--group", id, "--format", "csv"});
  REQUIRE(members.exitCode == 0);
  const QStringList rows = members.out.split('\n', Qt::SkipEmptyParts);
  REQUIRE(rows.size() == 4);
  CHECK(rows.at(0) == "Registry No.,Name,Phone,Prefecture,County,Status");
  CHECK(rows.at(1).startsWith(a.registryNo + "," + a.name + "," + a.currentPhone()));
  CHECK_FALSE(members.out.contains(gone.registryNo));

  const QString out = db->dir() + "/members.csv";
  auto exported = runCli({"--db", url, "group", "export", "--group", id, "--out", out, "--encoding", "gb18030"});
  INFO(exported.err.toStdString());
  REQUIRE(exported.exitCode == 0);
  QFile file(out);
  REQUIRE(file.open(QIODevice::ReadOnly));
  QStringDecoder gb("GB18030");
  const QString text = gb.decode(file.readAll());
  CHECK_FALSE(gb.hasError());
  CHECK(text.split("\r\n", Qt::SkipEmptyParts).size() == 4);
  CHECK(text.contains(c.name));
  CHECK(runCli({"--db", url, "group", "export", "--group", id}).exitCode == 2);  // no --out
  CHECK(runCli({"--db", url, "group", "export", "--group", id, "--out", out, "--encoding", "big5"}).exitCode == 2);

  auto message = runCli({"--db", url, "group", "message", "--group", id, "--text", "请核对手机号", "--staff", "李"});
  INFO(message.err.toStdString());
  REQUIRE(message.exitCode == 0);
  CHECK(message.err.contains("3 members"));
  CHECK(runCli({"--db", url, "group", "message", "--group", id, "--text", "  "}).exitCode == 2);
  auto messages = runCli({"--db", url, "group", "messages", "--group", id});
  REQUIRE(messages.exitCode == 0);
  const QStringList sent = messages.out.split('\n', Qt::SkipEmptyParts);
  REQUIRE(sent.size() == 1);
  CHECK(sent.at(0).endsWith("\t李\t3\t请核对手机号"));

  auto removed = runCli({"--db", url, "group", "remove", "--group", id, "--volunteers", a.registryNo + "," + gone.registryNo});
  REQUIRE(removed.exitCode == 0);
  CHECK(removed.err.contains("1 removed, 1 were not members"));
  CHECK(runCli({"--db", url, "group", "remove", "--group", id, "--volunteers", "NOBODY"}).exitCode == 2);
  auto after = runCli({"--db", url, "group", "members", "--group", id, "--format", "json"});
  CHECK(QJsonDocument::fromJson(after.out.toUtf8()).array().size() == 2);
}
