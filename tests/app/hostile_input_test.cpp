// Careless and hostile input at the import door (issue 13): encodings decided
// from evidence, numbering that survives imported numbers, headings that
// fill no field, locus cells with impossible structure or size, text with
// control characters, files with nothing to import. Each case once went in
// with exit 0 or blocked numbering for good.
#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QStringEncoder>

#include "app/csv_file.h"
#include "app/text_rules.h"
#include "app/volunteer_import.h"
#include "core/qt/localization.h"
#include "support/registry_fixture.h"
#include "support/qt_string_maker.h"

using namespace dd;

namespace {

const QString kHeader = QStringLiteral("登记号,姓名,性别,出生日期,身份证号,手机,同意书日期,同意书版本,HLA-A,HLA-B");

QString row(int n, const QString& registryNo = {}, const QString& hlaA = QStringLiteral("A*02:01+A*11:01"),
            const QString& name = {}) {
  const model::Volunteer v = test::sampleVolunteer(n, n % 2 ? model::Sex::Male : model::Sex::Female);
  QStringList cells{registryNo,
                    name.isEmpty() ? v.name : name,
                    v.sex == model::Sex::Male ? QStringLiteral("男") : QStringLiteral("女"),
                    v.birthDate.toString(Qt::ISODate),
                    v.idNumber,
                    v.phones.at(0).number,
                    QDate::currentDate().toString(Qt::ISODate),
                    QStringLiteral("2019版"),
                    hlaA,
                    QStringLiteral("B*07:02+B*08:01")};
  for (QString& cell : cells) cell = app::csvField(cell);
  return cells.join(',');
}

QString text(const Error& error) { return qt::translated(error); }

bool hasControlCharacter(const QString& s) {
  for (QChar c : s)
    if (c.unicode() < 0x20 || c.unicode() == 0x7F || c.unicode() == 0x202E) return true;
  return false;
}

}  // namespace

TEST_CASE("encoding: a UTF-8 file with one stray byte is refused naming line and byte, not read as GB18030") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  QByteArray bytes = (kHeader + "\n" + row(1) + "\n" + row(2, {}, "A*02:01", QStringLiteral("张伟")) + "\n").toUtf8();
  const qsizetype lineThree = bytes.indexOf(QStringLiteral("张伟").toUtf8());
  bytes.insert(lineThree + 6, '\xFF');  // right after 张伟, which follows the empty number cell
  const QString path = test::writeFile(db->dir(), "stray.csv", bytes);
  auto report = app::importVolunteersCsv(*registry, path, {});
  REQUIRE_FALSE(report);
  CHECK(report.error().code == "import.decode");
  CHECK(text(report.error()).contains(QStringLiteral("line 3, byte 8 (0xFF)")));
  CHECK(test::rowCount(*registry, "volunteer") == 0);
  // Saying what it is reads it as that, and the same check names the byte.
  app::ImportOptions asUtf8;
  asUtf8.encoding = QStringLiteral("utf-8");
  auto stillBad = app::importVolunteersCsv(*registry, path, asUtf8);
  REQUIRE_FALSE(stillBad);
  CHECK(text(stillBad.error()).contains(QStringLiteral("line 3")));
}

TEST_CASE("encoding: GB18030, UTF-16 with and without a byte-order mark are read, workbooks are refused") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const QString csv = kHeader + "\r\n" + row(1, {}, "A*02:01", QStringLiteral("张伟")) + "\r\n" + row(2) + "\r\n";
  QStringEncoder gb("GB18030");
  QStringEncoder utf16le(QStringEncoder::Utf16LE);
  QStringEncoder utf16be(QStringEncoder::Utf16BE);
  struct Case {
    const char* name;
    QByteArray bytes;
    const char* encoding;
  };
  const QByteArray gbBytes = gb.encode(csv);
  const QByteArray leBytes = utf16le.encode(csv);
  const QByteArray beBytes = utf16be.encode(csv);
  const Case cases[] = {{"gb.csv", gbBytes, "gb18030"},
                        {"le-bom.csv", QByteArray("\xFF\xFE", 2) + leBytes, "utf-16le"},
                        {"be-bom.csv", QByteArray("\xFE\xFF", 2) + beBytes, "utf-16be"},
                        {"le.csv", leBytes, "utf-16le"}};
  for (const Case& c : cases) {
    INFO(c.name);
    app::ImportOptions dry;
    dry.dryRun = true;
    auto report = app::importVolunteersCsv(*registry, test::writeFile(db->dir(), c.name, c.bytes), dry);
    REQUIRE(report);
    CHECK(report->encoding == QLatin1String(c.encoding));
    CHECK(report->valid == 2);
  }
  auto imported = app::importVolunteersCsv(*registry, test::writeFile(db->dir(), "gb2.csv", gbBytes), {});
  REQUIRE(imported);
  auto stored = registry->volunteerByRegistryNo(QStringLiteral("SD00000001"));
  REQUIRE(stored);
  CHECK(stored->name == QStringLiteral("张伟"));
  auto workbook = app::importVolunteersCsv(*registry, test::writeFile(db->dir(), "book.xlsx.csv", "PK\x03\x04rest"), {});
  REQUIRE_FALSE(workbook);
  CHECK(workbook.error().code == "import.not_text");
  CHECK(text(workbook.error()).contains(QStringLiteral("xlsx")));
  // Latin-1 is neither UTF-8 nor Chinese: refused, not read as GB18030 mojibake.
  QStringEncoder latin1(QStringEncoder::Latin1);
  auto western = app::parseCsv(latin1.encode(QStringLiteral("name\nJosé Müller\nRenée\n")), {}, QStringLiteral("l1.csv"));
  REQUIRE_FALSE(western);
  CHECK(text(western.error()).contains(QStringLiteral("line 2, byte 4 (0xE9)")));
  auto asDeclared = app::parseCsv(latin1.encode(QStringLiteral("name\nRenée\n")), QStringLiteral("gb18030"),
                                  QStringLiteral("l1.csv"));
  CHECK(asDeclared);  // said to be GB18030: read as such
  // A GB18030 lead byte with no trail byte at the end is not GB18030 either.
  auto broken = app::parseCsv(gbBytes + "\x81", QStringLiteral("gb18030"), QStringLiteral("cut.csv"));
  REQUIRE_FALSE(broken);
  CHECK(text(broken.error()).contains(QStringLiteral("line 4, byte 1 (0x81)")));
}

TEST_CASE("files with nothing to import say so: header only, every row invalid, and CR line ends are lines") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  auto headerOnly = app::importVolunteersCsv(*registry, test::writeFile(db->dir(), "h.csv", (kHeader + "\n").toUtf8()), {});
  REQUIRE_FALSE(headerOnly);
  CHECK(headerOnly.error().code == "import.no_rows");

  const QString cr = kHeader + "\r" + row(1) + "\r" + row(2) + "\r";
  auto macFile = app::importVolunteersCsv(*registry, test::writeFile(db->dir(), "cr.csv", cr.toUtf8()), {});
  REQUIRE(macFile);
  CHECK(macFile->imported == 2);
  const int batches = test::rowCount(*registry, "import_batch");

  app::ImportOptions skip;
  skip.skipInvalid = true;
  const QString allBad = kHeader + "\n" + row(3, {}, "A*99:99") + "\n" + row(4, {}, "B*07:02") + "\n";
  auto none = app::importVolunteersCsv(*registry, test::writeFile(db->dir(), "bad.csv", allBad.toUtf8()), skip);
  REQUIRE(none);
  CHECK(none->imported == 0);
  CHECK(none->valid == 0);
  CHECK(none->problems.size() == 2);
  CHECK(test::rowCount(*registry, "import_batch") == batches);  // no empty batch recorded
  CHECK(test::rowCount(*registry, "volunteer") == 2);
}

TEST_CASE("registry numbers: a number imported ahead of the counter is skipped, a foreign format refused") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const QString ahead = kHeader + "\n" + row(1, QStringLiteral("SD00000003")) + "\n";
  REQUIRE(app::importVolunteersCsv(*registry, test::writeFile(db->dir(), "a.csv", ahead.toUtf8()), {}));
  QString more = kHeader + "\n";
  for (int n = 2; n <= 6; ++n) more += row(n) + "\n";
  auto numbered = app::importVolunteersCsv(*registry, test::writeFile(db->dir(), "b.csv", more.toUtf8()), {});
  INFO((numbered ? std::string() : numbered.error().english()));
  REQUIRE(numbered);
  CHECK(numbered->imported == 5);
  for (const char* no : {"SD00000001", "SD00000002", "SD00000004", "SD00000005", "SD00000006"})
    CHECK(registry->volunteerByRegistryNo(QString::fromLatin1(no)));
  // Registration by hand carries on past the taken number too.
  auto saved = registry->registerVolunteer(test::sampleVolunteer(7), test::staff());
  REQUIRE(saved.ok());
  CHECK(saved.value->registryNo == QStringLiteral("SD00000007"));

  for (const char* bad : {"XX00000009", "SD123", "SD0000000A", "SD000000099"}) {
    INFO(bad);
    const QString file = kHeader + "\n" + row(8, QString::fromLatin1(bad)) + "\n";
    auto report = app::importVolunteersCsv(*registry, test::writeFile(db->dir(), "c.csv", file.toUtf8()), {});
    REQUIRE(report);
    REQUIRE(report->problems.size() == 1);
    CHECK(report->problems.front().error.code == "validation.registry_no_format");
    CHECK(report->problems.front().error.field == "registry_no");
  }
}

TEST_CASE("headings: one that fills no field refuses the import unless left out on purpose") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const QString file = kHeader + ",HLA-DQB,备注\n" + row(1) + ",DQB1*06:02,老志愿者\n";
  const QString path = test::writeFile(db->dir(), "h.csv", file.toUtf8());
  auto refused = app::importVolunteersCsv(*registry, path, {});
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == "import.unmapped_columns");
  CHECK(text(refused.error()).contains(QStringLiteral("HLA-DQB, 备注")));
  app::ImportOptions ignoring;
  ignoring.ignoredColumns = {QStringLiteral("备注")};
  auto stillOne = app::importVolunteersCsv(*registry, path, ignoring);
  REQUIRE_FALSE(stillOne);
  CHECK(text(stillOne.error()).contains(QStringLiteral("HLA-DQB")));
  CHECK_FALSE(text(stillOne.error()).contains(QStringLiteral("备注")));
  ignoring.ignoredColumns << QStringLiteral("HLA-DQB");
  ignoring.dryRun = true;
  auto mapped = app::importVolunteersCsv(*registry, path, ignoring);
  REQUIRE(mapped);
  REQUIRE(mapped->columns.size() == 12);
  CHECK(mapped->columns[8].field == QStringLiteral("hla_a"));
  CHECK(mapped->columns[10].field.isEmpty());
  // The old name of HLA-C is a heading labs still print.
  const QString cw = QStringLiteral("姓名,性别,出生日期,身份证号,手机,同意书版本,HLA-Cw\n");
  app::ImportOptions dryRun;
  dryRun.dryRun = true;
  auto old = app::importVolunteersCsv(*registry, test::writeFile(db->dir(), "cw.csv", cw.toUtf8() + "x,男,2000-01-01,1,1,v,C*07:02\n"),
                                      dryRun);
  REQUIRE(old);
  CHECK(old->columns.back().field == QStringLiteral("hla_c"));
  // Two columns for one field: the second would silently lose.
  auto twice = app::importVolunteersCsv(
      *registry, test::writeFile(db->dir(), "two.csv", (kHeader + ",电话\n" + row(2) + ",13800000000\n").toUtf8()), {});
  REQUIRE_FALSE(twice);
  CHECK(twice.error().code == "import.repeated_columns");
  CHECK(test::rowCount(*registry, "volunteer") == 0);
}

TEST_CASE("a locus cell holds at most two positions of its own locus, and nothing oversized") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  QString huge = QStringLiteral("A*02:01");
  while (huge.size() < 500 * 1024) huge += QStringLiteral("/A*02:01");
  const QString bad[] = {QStringLiteral("A*02:01+A*03:01+A*11:01"), QStringLiteral("A*02:01^A*03:01"),
                         QStringLiteral("A*02:01~B*07:02"), QStringLiteral("A*02:01+A*03:01|A*01:01+A*03:01"),
                         QStringLiteral("A*02:01+"), huge};
  QString file = kHeader + "\n";
  int n = 1;
  for (const QString& cell : bad) file += row(n++, {}, cell) + "\n";
  QElapsedTimer timer;
  timer.start();
  auto report = app::importVolunteersCsv(*registry, test::writeFile(db->dir(), "cells.csv", file.toUtf8()), {});
  REQUIRE(report);
  CHECK(timer.elapsed() < 5000);
  CHECK(report->valid == 0);
  REQUIRE(report->problems.size() == 6);
  for (const auto& problem : report->problems) {
    INFO(problem.error.english());
    CHECK(problem.error.field == "hla_a");
    CHECK(problem.error.english().size() < 600);  // the oversized cell is quoted, not echoed whole
  }
  CHECK(text(report->problems.back().error).contains(QStringLiteral("characters long")));
  CHECK(test::rowCount(*registry, "volunteer") == 0);
}

TEST_CASE("text fields: limits and characters from one table, and messages never echo control bytes") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const QString bad[] = {QString(60, QChar(u'名')), QStringLiteral("张") + QChar(0) + QStringLiteral("伟"),
                         QStringLiteral("张\x1b[31m伟"), QStringLiteral("陈伟\u202E"), QStringLiteral("张\n伟")};
  for (const QString& name : bad) {
    model::Volunteer v = test::sampleVolunteer(1);
    v.name = name;
    const auto errors = registry->validate(v, true);
    REQUIRE(errors.size() == 1);
    CHECK(errors.front().field == "name");
    CHECK_FALSE(hasControlCharacter(text(errors.front())));
  }
  model::Volunteer longAddress = test::sampleVolunteer(2);
  longAddress.address = QString(201, QChar(u'路'));
  auto errors = registry->validate(longAddress, true);
  REQUIRE(errors.size() == 1);
  CHECK(errors.front().code == "validation.too_long");
  longAddress.address = QStringLiteral("济南市\n历下区");  // Alt+Enter in a spreadsheet cell
  CHECK(registry->validate(longAddress, true).empty());
  // An HLA cell with an escape sequence is refused without echoing it.
  model::Volunteer typed = test::sampleVolunteer(3);
  typed.hla.at(model::Locus::A).raw = QStringLiteral("A*02:01\x1b[2J");
  errors = registry->validate(typed, true);
  REQUIRE(errors.size() == 1);
  CHECK(errors.front().field == "hla_a");
  CHECK_FALSE(hasControlCharacter(text(errors.front())));
  CHECK(app::quotedSafely(QStringLiteral("a\x1b" "b")) == QStringLiteral("a<U+001B>b"));
  // A pasted tab in a name is refused; a bad name does not hide the other fields' messages.
  model::Volunteer both = test::sampleVolunteer(4);
  both.name = QStringLiteral("Zhang\tWei");
  both.hla.at(model::Locus::A).raw = QStringLiteral("A*02:01+A*03:01+A*11:01");
  const auto all = registry->validate(both, true);
  REQUIRE(all.size() == 2);
  CHECK(all[0].field == "name");
  CHECK(all[1].field == "hla_a");
  CHECK(app::firstForbiddenCharacter(QStringLiteral("ok\tfine"), true) == -1);  // tabs in notes
  CHECK(app::firstForbiddenCharacter(QStringLiteral("ok\tfine")) == 2);
}

TEST_CASE("a tester's findings: extra cells, numbers given in the file, spreadsheet rows, explicit GB18030 on UTF-8") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  // A stray comma shifts a cell past the header: refused, not dropped.
  const QString extra = kHeader + "\n" + row(1) + ",DQB1*06:02+DQB1*03:01\n";
  auto shifted = app::importVolunteersCsv(*registry, test::writeFile(db->dir(), "x.csv", extra.toUtf8()), {});
  REQUIRE(shifted);
  REQUIRE(shifted->problems.size() == 1);
  CHECK(shifted->problems.front().error.code == "import.extra_cells");
  CHECK(shifted->problems.front().error.field == "columns");
  // Row 2 without a number, row 3 numbered SD00000001: the dry run's verdict holds.
  const QString numbered = kHeader + "\n" + row(2) + "\n" + row(3, QStringLiteral("SD00000001")) + "\n";
  auto mixed = app::importVolunteersCsv(*registry, test::writeFile(db->dir(), "n.csv", numbered.toUtf8()), {});
  INFO((mixed ? std::string() : mixed.error().english()));
  REQUIRE(mixed);
  CHECK(mixed->imported == 2);
  CHECK(registry->volunteerByRegistryNo(QStringLiteral("SD00000002")));
  // Row numbers as the spreadsheet shows them: blank rows count.
  const QString blank = kHeader + "\n\n,,,,\n" + row(4, {}, QStringLiteral("A*99:99")) + "\n";
  auto gap = app::importVolunteersCsv(*registry, test::writeFile(db->dir(), "b.csv", blank.toUtf8()), {});
  REQUIRE(gap);
  REQUIRE(gap->problems.size() == 1);
  CHECK(gap->problems.front().row == 4);
  // UTF-8 Chinese declared as GB18030 would be mojibake: refused.
  app::ImportOptions gb;
  gb.encoding = QStringLiteral("gb18030");
  auto declared = app::importVolunteersCsv(
      *registry, test::writeFile(db->dir(), "u.csv", (kHeader + "\n" + row(5) + "\n").toUtf8()), gb);
  REQUIRE_FALSE(declared);
  CHECK(declared.error().code == "import.encoding");
  // Invisible characters are refused like control characters.
  model::Volunteer v = test::sampleVolunteer(6);
  v.name = QStringLiteral("张\u200B伟");
  CHECK(registry->validate(v, true).front().code == "validation.forbidden_character");
  v = test::sampleVolunteer(6);
  v.registryNo = QStringLiteral("SD00000000");
  CHECK(registry->validate(v, true).front().code == "validation.registry_no_format");
  // UTF-32 is named, NUL bytes are placed, UTF-16 declared for 8-bit text is refused.
  auto utf32 = app::parseCsv(QByteArray("\xFF\xFE\x00\x00", 4) + QByteArray("a\0\0\0", 4), {}, QStringLiteral("w.csv"));
  REQUIRE_FALSE(utf32);
  CHECK(text(utf32.error()).contains(QStringLiteral("UTF-32")));
  auto nul = app::parseCsv(QByteArray("name\nab\0c\n", 10), {}, QStringLiteral("z.csv"));
  REQUIRE_FALSE(nul);
  CHECK(text(nul.error()).contains(QStringLiteral("line 2, byte 3")));
  auto notUtf16 = app::parseCsv("name\nJohn\n", QStringLiteral("utf-16"), QStringLiteral("y.csv"));
  REQUIRE_FALSE(notUtf16);
  CHECK(notUtf16.error().code == "import.encoding");
  // A consent signed before birth is said as such, not as "age -31".
  v = test::sampleVolunteer(8);
  v.consentDate = v.birthDate.addYears(-1);
  CHECK(registry->validate(v, true).front().code == "validation.consent_before_birth");
  // A formula in a name is refused, and never written live into a CSV.
  v = test::sampleVolunteer(9);
  v.name = QStringLiteral("=HYPERLINK(\"http://x\",\"点我\")");
  CHECK(registry->validate(v, true).front().code == "validation.formula");
  CHECK(app::csvField(QStringLiteral("=1+2")) == QStringLiteral("'=1+2"));
  CHECK(app::csvField(QStringLiteral("+8613800000000")) == QStringLiteral("+8613800000000"));
  // --ignore-column must name a column of the file.
  app::ImportOptions typo;
  typo.ignoredColumns = {QStringLiteral("备 注")};
  auto unknown = app::importVolunteersCsv(
      *registry, test::writeFile(db->dir(), "i.csv", (kHeader + "\n" + row(7) + "\n").toUtf8()), typo);
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == "import.ignore_unknown");
}

TEST_CASE("the rejects file never overwrites the file being imported or a database") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const QString csv = test::writeFile(db->dir(), "r.csv", (kHeader + "\n" + row(1) + "\n" + row(2, {}, "A*99:99") + "\n").toUtf8());
  const QString otherDb = test::writeFile(db->dir(), "other.sqlite", QByteArray("SQLite format 3") + QByteArray(1, 0) + QByteArray(4080, 0));
  for (const QString& target : {csv, otherDb}) {
    app::ImportOptions options;
    options.skipInvalid = true;
    options.rejectsPath = target;
    auto report = app::importVolunteersCsv(*registry, csv, options);
    REQUIRE_FALSE(report);
    CHECK(report.error().code == "import.rejects_path");
  }
  CHECK(test::rowCount(*registry, "volunteer") == 0);
  QFile input(csv);
  REQUIRE(input.open(QIODevice::ReadOnly));
  CHECK(input.readAll().startsWith(kHeader.toUtf8()));
}
