// Bulk import of recruitment-drive CSVs: all-or-nothing, every bad row
// reported, GB18030, Excel dates, rejects file, and a failure half-way
// through leaving the database exactly as it was.
#include <catch2/catch.hpp>

#include <QFile>
#include <QSqlQuery>
#include <QStringEncoder>

#include "app/csv_file.h"
#include "app/volunteer_import.h"
#include "core/qt/localization.h"
#include "support/registry_fixture.h"
#include "support/qt_string_maker.h"

using namespace dd;

namespace {

const QString kHeader = QStringLiteral("姓名,性别,出生日期,民族,身份证号,手机,血型,采集日期,采集地点,同意书版本,HLA-A");

QString csvRow(int n, const QDate& driveDate = QDate::currentDate().addDays(-1)) {
  const model::Volunteer v = test::sampleVolunteer(n, n % 2 ? model::Sex::Male : model::Sex::Female);
  return QStringList{v.name, v.sex == model::Sex::Male ? QStringLiteral("男") : QStringLiteral("女"),
                     v.birthDate.toString("yyyy/M/d"), QStringLiteral("汉"), v.idNumber, v.phones.at(0).number,
                     QStringLiteral("O"), driveDate.toString(Qt::ISODate), QStringLiteral("泉城广场"),
                     QStringLiteral("2019版"), QStringLiteral("A*02:01+A*11:01")}
      .join(',');
}

int volunteerCount(app::Registry& registry) { return *registry.countVolunteers({}); }

}  // namespace

TEST_CASE("a valid UTF-8 CSV with Chinese headings imports every row in one batch") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  QString text = kHeader + "\n";
  for (int i = 1; i <= 30; ++i) text += csvRow(i) + "\n";
  const QString path = test::writeFile(db->dir(), "drive.csv", "\xEF\xBB\xBF" + text.toUtf8());
  app::ImportOptions options;
  options.actor = test::staff("导入员");
  auto report = app::importVolunteersCsv(*registry, path, options);
  INFO((report.has_value() ? std::string() : report.error().english()));
  REQUIRE(report);
  CHECK(report->problems.empty());
  CHECK(report->rows == 30);
  CHECK(report->imported == 30);
  CHECK(report->encoding == "utf-8");
  CHECK(volunteerCount(*registry) == 30);
  auto v = registry->volunteerByRegistryNo("SD00000030");
  REQUIRE(v);
  CHECK(v->ethnicity == QStringLiteral("汉族"));
  CHECK(v->drive.place == QStringLiteral("泉城广场"));
  CHECK(v->consentDate == v->drive.date);  // signed at the drive
  CHECK(v->importBatchId == report->batchId);
  auto batches = registry->importBatches();
  REQUIRE(batches);
  REQUIRE(batches->size() == 1);
  CHECK(batches->at(0).rowCount == 30);
  CHECK(batches->at(0).staff == QStringLiteral("导入员"));
  auto audit = registry->auditTrail("volunteer", v->id);
  REQUIRE(audit);
  REQUIRE_FALSE(audit->isEmpty());
  for (const model::AuditEntry& entry : *audit) CHECK(entry.action == "import");
}

TEST_CASE("a GB18030 file (what Chinese Excel saves) is detected and imported") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  QString text = kHeader + "\r\n" + csvRow(1) + "\r\n" + csvRow(2) + "\r\n";
  QStringEncoder encoder("GB18030");
  const QByteArray bytes = encoder.encode(text);
  REQUIRE(bytes != text.toUtf8());
  const QString path = test::writeFile(db->dir(), "gb.csv", bytes);
  auto report = app::importVolunteersCsv(*registry, path, {});
  INFO((report.has_value() ? std::string() : report.error().english()));
  REQUIRE(report);
  CHECK(report->encoding == "gb18030");
  CHECK(report->imported == 2);
  auto v = registry->volunteerByRegistryNo("SD00000001");
  REQUIRE(v);
  CHECK(v->name == test::sampleVolunteer(1).name);
  CHECK(v->drive.place == QStringLiteral("泉城广场"));
}

TEST_CASE("spreadsheet dates: ISO, slashes, dots, compact, Chinese and Excel serial numbers") {
  CHECK(app::parseSpreadsheetDate("2024-03-05") == QDate(2024, 3, 5));
  CHECK(app::parseSpreadsheetDate("2024/3/5") == QDate(2024, 3, 5));
  CHECK(app::parseSpreadsheetDate("2024.03.05") == QDate(2024, 3, 5));
  CHECK(app::parseSpreadsheetDate("20240305") == QDate(2024, 3, 5));
  CHECK(app::parseSpreadsheetDate(QStringLiteral("2024年3月5日")) == QDate(2024, 3, 5));
  CHECK(app::parseSpreadsheetDate("45356") == QDate(2024, 3, 5));
  CHECK(app::parseSpreadsheetDate("2024/3/5 0:00") == QDate(2024, 3, 5));
  CHECK_FALSE(app::parseSpreadsheetDate("2024-02-30").isValid());
  CHECK_FALSE(app::parseSpreadsheetDate("5/3/2024").isValid());
  CHECK_FALSE(app::parseSpreadsheetDate("soon").isValid());
}

TEST_CASE("1,000 bad rows are each reported with row, field and reason, and nothing is imported") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  QString text = kHeader + "\n";
  for (int i = 1; i <= 2000; ++i) {
    QString row = csvRow(i);
    if (i % 2 == 0) row.replace(QStringLiteral(",O,"), QStringLiteral(",Q,"));  // bad blood group on even rows
    text += row + "\n";
  }
  const QString path = test::writeFile(db->dir(), "bad.csv", text.toUtf8());
  auto report = app::importVolunteersCsv(*registry, path, {});
  INFO((report.has_value() ? std::string() : report.error().english()));
  REQUIRE(report);
  CHECK(report->rows == 2000);
  CHECK(report->valid == 1000);
  CHECK(report->imported == 0);
  REQUIRE(report->problems.size() == 1000);
  for (std::size_t k = 0; k < report->problems.size(); ++k) {
    const auto& p = report->problems[k];
    REQUIRE(p.row == static_cast<int>(2 * k + 3));  // data row 2k+2 sits on spreadsheet row 2k+3
    REQUIRE(p.error.field == "abo");
    REQUIRE(qt::translated(p.error) == "Blood group 'Q' must be A, B, AB or O.");
  }
  CHECK(volunteerCount(*registry) == 0);
  CHECK(test::rowCount(*registry, "import_batch") == 0);
}

TEST_CASE("cells that cannot be read, duplicates in the file and in the registry are all reported") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  REQUIRE(registry->registerVolunteer(test::sampleVolunteer(9, model::Sex::Male), test::staff()).ok());
  QStringList rows{kHeader};
  rows << csvRow(1);                                                              // row 2 ok
  rows << csvRow(2).replace(QStringLiteral(",女,"), QStringLiteral(",未知,"));   // row 3 bad sex
  QString badDate = csvRow(3);
  badDate.replace(test::sampleVolunteer(3, model::Sex::Male).birthDate.toString("yyyy/M/d"), "31/12/1990");
  rows << badDate;                                                                // row 4 bad date
  rows << csvRow(1);                                                              // row 5 duplicate of row 2
  rows << csvRow(9);                                                              // row 6 already registered
  const QString path = test::writeFile(db->dir(), "mixed.csv", rows.join('\n').toUtf8());
  auto report = app::importVolunteersCsv(*registry, path, {});
  INFO((report.has_value() ? std::string() : report.error().english()));
  REQUIRE(report);
  REQUIRE(report->problems.size() == 4);
  CHECK(report->problems[0].row == 3);
  CHECK(qt::translated(report->problems[0].error) == QStringLiteral("Sex '未知' must be 男/女 or M/F."));
  CHECK(report->problems[1].row == 4);
  CHECK(report->problems[1].error.field == "birth_date");
  CHECK(qt::translated(report->problems[1].error) ==
        "'31/12/1990' is not a date (use YYYY-MM-DD, YYYY/M/D or an Excel date number).");
  CHECK(report->problems[2].row == 5);
  CHECK(qt::translated(report->problems[2].error) ==
        QStringLiteral("%1 is also on row 2 of this file.").arg(test::sampleVolunteer(1, model::Sex::Male).idNumber));
  CHECK(report->problems[3].row == 6);
  CHECK(qt::translated(report->problems[3].error) ==
        QStringLiteral("ID number %1 is already registered as No. SD00000001.")
            .arg(test::sampleVolunteer(9, model::Sex::Male).idNumber));
  CHECK(volunteerCount(*registry) == 1);

  SECTION("--skip-invalid imports the valid row and writes the others to a rejects CSV") {
    app::ImportOptions options;
    options.skipInvalid = true;
    auto partial = app::importVolunteersCsv(*registry, path, options);
    INFO((partial.has_value() ? std::string() : partial.error().english()));
    REQUIRE(partial);
    CHECK(partial->imported == 1);
    CHECK(volunteerCount(*registry) == 2);
    auto rejects = app::readCsvFile(partial->rejectsPath);
    REQUIRE(rejects);
    CHECK(rejects->header.first() == "row");
    CHECK(rejects->header.last() == "problems");
    REQUIRE(rejects->rows.size() == 4);
    CHECK(rejects->rows[0].first() == "3");
    CHECK(rejects->rows[0].last().startsWith("sex: "));
  }
}

TEST_CASE("a header without the required columns is refused before any row is read") {
  auto db = test::TestDatabase::create("sqlite");
  auto registry = db->open();
  const QString path = test::writeFile(db->dir(), "short.csv", "姓名,手机\n张三,13800000000\n");
  auto report = app::importVolunteersCsv(*registry, path, {});
  REQUIRE_FALSE(report);
  CHECK(qt::translated(report.error()).endsWith("required column(s) missing from the header: sex, birth_date, id_number."));
  auto missing = app::importVolunteersCsv(*registry, db->dir() + "/nope.csv", {});
  REQUIRE_FALSE(missing);
  CHECK(qt::translated(missing.error()).startsWith("Cannot read"));
}

TEST_CASE("an import that fails half-way leaves the database unchanged") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  REQUIRE(registry->registerVolunteer(test::sampleVolunteer(500), test::staff()).ok());
  const int auditBefore = test::rowCount(*registry, "audit_log");
  // The database itself refuses row 60 (as a full disk or a constraint would).
  QSqlQuery q(dd::app::storeDatabase(*registry).sql());
  const QString poison = test::sampleVolunteer(59, model::Sex::Male).name;
  if (db->isPostgres()) {
    REQUIRE(q.exec(QStringLiteral("CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN "
                                  "IF NEW.name = '%1' THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END "
                                  "$$ LANGUAGE plpgsql").arg(poison)));
    REQUIRE(q.exec("CREATE TRIGGER refuse BEFORE INSERT ON volunteer FOR EACH ROW EXECUTE FUNCTION refuse()"));
  } else {
    REQUIRE(q.exec(QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON volunteer WHEN NEW.name = '%1' "
                                  "BEGIN SELECT RAISE(ABORT, 'disk on fire'); END").arg(poison)));
  }
  QString text = kHeader + "\n";
  for (int i = 1; i <= 100; ++i) text += csvRow(i) + "\n";
  const QString path = test::writeFile(db->dir(), "fails.csv", text.toUtf8());
  auto report = app::importVolunteersCsv(*registry, path, {});
  REQUIRE_FALSE(report);
  INFO(report.error().english());
  CHECK(qt::translated(report.error()).contains("disk on fire"));
  auto other = db->open();
  CHECK(volunteerCount(*other) == 1);
  CHECK(test::rowCount(*other, "import_batch") == 0);
  CHECK(test::rowCount(*other, "volunteer_phone") == 1);
  CHECK(test::rowCount(*other, "audit_log") == auditBefore);
  // The registry number counter did not move either: the next one follows on.
  auto next = other->registerVolunteer(test::sampleVolunteer(501), test::staff());
  REQUIRE(next.ok());
  CHECK(next.value->registryNo == "SD00000002");
}
