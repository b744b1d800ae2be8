// `donordesk-cli drives` and `print registration --drive KEY`: a real SQLite
// registry with two recruitment drives, the real CLI, PDFs read back with
// pdftotext (one form per volunteer, one page each).
#include <catch2/catch.hpp>

#include <QFileInfo>

#include "app/registry.h"
#include "pdf_tools.h"
#include "seeded_registry.h"
#include "support/process_runner.h"
#include "support/qt_string_maker.h"

using namespace dd;

namespace {

const QDate kSeedDrive = QDate::currentDate().addDays(-30);  // seeded_registry.cpp: all three volunteers
const QDate kOtherDrive = QDate::currentDate().addDays(-10);

// The seeded registry plus 赵一鸣, registered at another drive.
std::unique_ptr<test::Seeded> seedTwoDrives() {
  auto s = test::seed();
  auto registry = app::Registry::open(s->db);
  REQUIRE(registry);
  auto v = (*registry)->volunteerByRegistryNo(s->thirdNo);
  REQUIRE(v);
  v->id = 0;
  v->rowVersion = 0;
  v->registryNo.clear();
  v->name = QStringLiteral("赵一鸣");
  v->idNumber = test::validIdNumber(QDate(1993, 1, 5), model::Sex::Male, 14);
  v->birthDate = QDate(1993, 1, 5);
  v->phones = {model::Phone{QStringLiteral("13800000014"), QStringLiteral("mobile"), true, {}, {}}};
  v->drive = {kOtherDrive, QStringLiteral("泉城广场"), QStringLiteral("济南市红十字会")};
  auto saved = (*registry)->registerVolunteer(*v, app::Actor{QStringLiteral("test")}, true);
  INFO((saved.errors.empty() ? std::string() : saved.errors.front().english()));
  REQUIRE(saved.ok());
  return s;
}

test::ProcessResult cli(const test::Seeded& s, const QStringList& args) {
  return test::runCli(QStringList{QStringLiteral("--db"), s.db, QStringLiteral("--lang"), QStringLiteral("en")} + args);
}

test::ProcessResult printDrive(const test::Seeded& s, const QString& key, const QString& out) {
  return cli(s, {QStringLiteral("print"), QStringLiteral("registration"), QStringLiteral("--drive"), key,
                 QStringLiteral("--out"), out});
}

}  // namespace

TEST_CASE("drives lists each recruitment drive as a key with its number of volunteers") {
  auto s = seedTwoDrives();
  const auto run = cli(*s, {QStringLiteral("drives")});
  INFO(run.err.toStdString());
  REQUIRE(run.exitCode == 0);
  const QStringList lines = run.out.trimmed().split(QLatin1Char('\n'));
  REQUIRE(lines.size() == 2);  // newest first; no import batches in this registry
  CHECK(lines.at(0) == kOtherDrive.toString(Qt::ISODate) + QStringLiteral("@泉城广场\t1\t济南市红十字会"));
  CHECK(lines.at(1) == kSeedDrive.toString(Qt::ISODate) + QStringLiteral("@示范大学体育馆\t3\t示范大学红十字会"));
  CHECK(cli(*s, {QStringLiteral("drives"), QStringLiteral("extra")}).exitCode == 2);
}

TEST_CASE("print registration --drive writes one form per volunteer of that drive into one PDF") {
  auto s = seedTwoDrives();
  const QString all = s->dir.filePath(QStringLiteral("drive.pdf"));
  auto run = printDrive(*s, kSeedDrive.toString(Qt::ISODate) + QStringLiteral("@示范大学体育馆"), all);
  INFO(run.err.toStdString());
  REQUIRE(run.exitCode == 0);
  CHECK(run.out.contains(QStringLiteral("(3 pages")));
  REQUIRE(test::pdfPageCount(all) == 3);
  // Registry-number order, one volunteer per page, nobody from the other drive.
  CHECK(test::pdfTextOfPage(all, 1).contains(QStringLiteral("李明远")));
  CHECK(test::pdfTextOfPage(all, 2).contains(QStringLiteral("陈思雨")));
  CHECK(test::pdfTextOfPage(all, 3).contains(QStringLiteral("周子涵")));
  CHECK_FALSE(test::pdfText(all).contains(QStringLiteral("赵一鸣")));

  const QString byDate = s->dir.filePath(QStringLiteral("by-date.pdf"));
  run = printDrive(*s, kOtherDrive.toString(Qt::ISODate), byDate);
  REQUIRE(run.exitCode == 0);
  REQUIRE(test::pdfPageCount(byDate) == 1);
  const QString text = test::pdfText(byDate);
  CHECK(text.contains(QStringLiteral("赵一鸣")));
  CHECK_FALSE(text.contains(QStringLiteral("李明远")));
}

TEST_CASE("print registration --drive refuses an unknown drive, a bad key and mixed options") {
  auto s = seedTwoDrives();
  const QString out = s->dir.filePath(QStringLiteral("none.pdf"));
  auto run = printDrive(*s, QStringLiteral("2001-01-01"), out);
  CHECK(run.exitCode == 2);
  CHECK(run.err.contains(QStringLiteral("No volunteers were registered at recruitment drive '2001-01-01'")));
  run = printDrive(*s, kSeedDrive.toString(Qt::ISODate) + QStringLiteral("@泉城广场"), out);  // right day, wrong place
  CHECK(run.exitCode == 2);
  CHECK(run.err.contains(QStringLiteral("泉城广场")));
  run = printDrive(*s, QStringLiteral("last week"), out);
  CHECK(run.exitCode == 2);
  CHECK(run.err.contains(QStringLiteral("'last week' is not a recruitment drive")));
  CHECK_FALSE(QFileInfo::exists(out));

  run = cli(*s, {QStringLiteral("print"), QStringLiteral("registration"), QStringLiteral("--drive"),
                 kOtherDrive.toString(Qt::ISODate), QStringLiteral("--volunteer"), s->thirdNo, QStringLiteral("--out"),
                 out});
  CHECK(run.exitCode == 2);
  CHECK(run.err.contains(QStringLiteral("not both")));
  run = cli(*s, {QStringLiteral("print"), QStringLiteral("registration"), QStringLiteral("--out"), out});
  CHECK(run.exitCode == 2);
  CHECK(run.err.contains(QStringLiteral("--volunteer is required")));
  CHECK_FALSE(QFileInfo::exists(out));
}
