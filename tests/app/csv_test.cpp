// The CSV reader and the import's cell-level messages that the other import
// tests do not reach: quoting, encodings, empty files, numbers, registry numbers.
#include <catch2/catch.hpp>

#include <QStringEncoder>

#include "app/csv_file.h"
#include "app/volunteer_import.h"
#include "core/qt/localization.h"
#include "support/registry_fixture.h"
#include "support/qt_string_maker.h"

using namespace dd;

TEST_CASE("CSV quoting: commas, doubled quotes and line breaks inside quotes, CRLF, blank lines") {
  auto table = app::parseCsv("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\n1,,3\n", "utf-8", "t.csv");
  REQUIRE(table);
  CHECK(table->header == QStringList{"a", "b", "c"});
  REQUIRE(table->rows.size() == 2);
  CHECK(table->rows[0] == QStringList{"x, y", "say \"hi\"", "two\nlines"});
  CHECK(table->rows[1] == QStringList{"1", "", "3"});
  CHECK(table->lineNumbers == QList<int>{2, 5});
  CHECK(table->rowNumbers == QList<int>{2, 4});  // the blank row counts, the two-line cell does not
  CHECK(app::csvField("x, y") == "\"x, y\"");
  CHECK(app::csvField("plain") == "plain");
}

TEST_CASE("CSV errors: unclosed quote, empty file, wrong or unknown encoding") {
  auto unclosed = app::parseCsv("a,b\n1,\"open\n2,3\n", "utf-8", "u.csv");
  REQUIRE_FALSE(unclosed);
  CHECK(qt::translated(unclosed.error()) == "u.csv: a quoted field starting on line 2 is never closed.");
  auto empty = app::parseCsv("\n\n", {}, "e.csv");
  REQUIRE_FALSE(empty);
  CHECK(qt::translated(empty.error()) == "e.csv is empty: no header row.");
  QStringEncoder gb("GB18030");
  auto wrong = app::parseCsv(gb.encode(QStringLiteral("姓名\n张三\n")), "utf-8", "g.csv");
  REQUIRE_FALSE(wrong);
  CHECK(qt::translated(wrong.error()) ==
        "g.csv is not valid UTF-8: line 1, byte 1 (0xD0) is not part of any character. Nothing was imported; "
        "correct or re-save the file as UTF-8.");
  auto unknown = app::parseCsv("a\n1\n", "latin-9", "l.csv");
  REQUIRE_FALSE(unknown);
  CHECK(qt::translated(unknown.error()) == "Unsupported encoding 'latin-9' (use utf-8, gb18030 or utf-16).");
}

TEST_CASE("import: a weight that is not a number and a registry number already in use") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  auto first = registry->registerVolunteer(test::sampleVolunteer(1), test::staff());
  REQUIRE(first.ok());
  const model::Volunteer a = test::sampleVolunteer(2), b = test::sampleVolunteer(3);
  QString text = "登记号,姓名,性别,出生日期,身份证号,手机,体重,同意书日期,同意书版本\n";
  for (const auto& [v, number, weight] : {std::tuple{a, QString("SD00000001"), QString("60")},
                                          std::tuple{b, QString(), QString("sixty")}})
    text += QStringList{number, v.name, "女", v.birthDate.toString(Qt::ISODate), v.idNumber, v.currentPhone(),
                        weight, v.consentDate.toString(Qt::ISODate), "v1"}.join(',') + '\n';
  auto report = app::importVolunteersCsv(*registry, test::writeFile(db->dir(), "w.csv", text.toUtf8()), {});
  REQUIRE(report.has_value());
  REQUIRE(report->problems.size() == 2);
  CHECK(report->problems[0].row == 2);
  CHECK(report->problems[0].error.field == "registry_no");
  CHECK(qt::translated(report->problems[0].error) == "Registry number SD00000001 is already used in the database.");
  CHECK(report->problems[1].row == 3);
  CHECK(report->problems[1].error.field == "weight_kg");
  CHECK(qt::translated(report->problems[1].error) == "Weight 'sixty' is not a number.");
}

TEST_CASE("import: CMV is read as positive or negative in either language, anything else is refused at its cell") {
  // model::Cmv has no room for an unreadable status: the import is where a
  // spreadsheet's text becomes one, so that is where 'maybe' is refused.
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const model::Volunteer a = test::sampleVolunteer(4), b = test::sampleVolunteer(5), c = test::sampleVolunteer(6);
  QString text = "姓名,性别,出生日期,身份证号,手机,CMV,同意书日期,同意书版本\n";
  for (const auto& [v, cmv] : {std::pair{a, QString("阳性")}, std::pair{b, QString("NEG")}, std::pair{c, QString("maybe")}})
    text += QStringList{v.name, "女", v.birthDate.toString(Qt::ISODate), v.idNumber, v.currentPhone(), cmv,
                        v.consentDate.toString(Qt::ISODate), "v1"}.join(',') + '\n';
  app::ImportOptions options;
  options.skipInvalid = true;  // the two readable rows go in, the third is reported
  auto report = app::importVolunteersCsv(*registry, test::writeFile(db->dir(), "cmv.csv", text.toUtf8()), options);
  REQUIRE(report.has_value());
  REQUIRE(report->problems.size() == 1);
  CHECK(report->problems[0].row == 4);
  CHECK(report->problems[0].error.code == "validation.cmv");
  CHECK(report->problems[0].error.field == "cmv");
  CHECK(qt::translated(report->problems[0].error) == "CMV status 'maybe' must be positive, negative or empty.");
  app::VolunteerQuery query;
  auto listed = registry->listVolunteers(query);
  REQUIRE(listed);
  QMap<QString, model::Cmv> byId;
  for (const auto& summary : *listed) {
    auto full = registry->volunteer(summary.id);
    REQUIRE(full);
    byId.insert(full->idNumber, full->cmv);
  }
  CHECK(byId.value(a.idNumber) == model::Cmv::Positive);
  CHECK(byId.value(b.idNumber) == model::Cmv::Negative);
  CHECK_FALSE(byId.contains(c.idNumber));
}
