// Bounded fuzzing of the two doors careless and hostile input comes through
// (issue 13): the CSV importer and the HLA typing checker. Thousands of
// inputs made by mutating valid ones; the properties checked are the ones
// staff rely on: no crash, no partial write, every refusal names its row and
// field, a valid typing's normal form is itself valid and stable.
#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>

#include "app/csv_file.h"
#include "app/hla_check.h"
#include "app/volunteer_import.h"
#include "core/qt/localization.h"
#include "match/random.h"
#include "match/typing.h"
#include "support/registry_fixture.h"
#include "support/qt_string_maker.h"

using namespace dd;

namespace {

// Each fuzz loop stops after this long even if it has inputs left, so the
// suite's run time stays bounded on a slow CI machine.
constexpr qint64 kBudgetMs = 15000;

QByteArray validCsv(int first) {
  QString text = QStringLiteral("姓名,性别,出生日期,身份证号,手机,同意书日期,同意书版本,HLA-A,HLA-B,HLA-DRB1\r\n");
  for (int n = first; n < first + 4; ++n) {
    const model::Volunteer v = test::sampleVolunteer(n, n % 2 ? model::Sex::Male : model::Sex::Female);
    text += QStringList{v.name, n % 2 ? QStringLiteral("男") : QStringLiteral("女"), v.birthDate.toString(Qt::ISODate),
                        v.idNumber, v.phones.at(0).number, QDate::currentDate().toString(Qt::ISODate),
                        QStringLiteral("2019版"), QStringLiteral("A*02:01+A*11:01"), QStringLiteral("B*46:01"),
                        QStringLiteral("\"DRB1*09:01+DRB1*15:01\"")}
                .join(',') +
            QStringLiteral("\r\n");
  }
  return text.toUtf8();
}

// One random edit of the kind files really suffer: stray or missing bytes,
// quotes, separators and line ends in odd places, foreign encodings' bytes,
// NUL and escape bytes, a cut.
void mutate(QByteArray& bytes, match::Random& random) {
  static const char* const pieces[] = {",", "\"", "\n", "\r", "\r\n", "\xFF", "\x81", "\xE5", "\0", "\x1B[2J",
                                       "+", "^", "|", "~", "/", "*", ":", " ", "A*", "\xE2\x80\xAE", "\xEF\xBB\xBF"};
  const auto at = [&] { return static_cast<qsizetype>(random.below(static_cast<std::uint32_t>(bytes.size() + 1))); };
  switch (random.below(6)) {
    case 0: {
      const char* piece = pieces[random.below(std::size(pieces))];
      bytes.insert(at(), piece, piece[0] == 0 ? 1 : static_cast<qsizetype>(std::strlen(piece)));
      break;
    }
    case 1:
      if (!bytes.isEmpty()) bytes.remove(at() % bytes.size(), 1 + random.below(4));
      break;
    case 2:
      bytes.insert(at(), static_cast<char>(random.below(256)));
      break;
    case 3:
      bytes.truncate(at());
      break;
    case 4: {  // a cell's text repeated, as a paste gone wrong
      const qsizetype from = at(), length = random.below(40);
      bytes.insert(at(), bytes.mid(from, length));
      break;
    }
    default:
      if (!bytes.isEmpty()) bytes[at() % bytes.size()] = static_cast<char>(random.below(256));
  }
}

}  // namespace

TEST_CASE("fuzz: mutated recruitment files never crash, never half-write, and every refusal names row and field") {
  QTemporaryDir dir;
  auto registry = app::Registry::open(dir.filePath("fuzz.sqlite"));
  REQUIRE(registry);
  (*registry)->setHlaChecker(app::defaultHlaChecker());
  match::Random random(20261202);
  const QString path = dir.filePath("drive.csv");
  QElapsedTimer timer;
  timer.start();
  int runs = 0, refusedFiles = 0, rowProblems = 0, imports = 0;
  for (; runs < 4000 && timer.elapsed() < kBudgetMs; ++runs) {
    QByteArray bytes = validCsv(1 + runs * 4);  // new people each run, so rows can import
    for (std::uint32_t edits = 1 + random.below(4); edits > 0; --edits) mutate(bytes, random);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
    file.close();
    app::ImportOptions options;
    options.skipInvalid = random.below(2) == 0;
    options.rejectsPath = dir.filePath("rejects.csv");
    const int volunteersBefore = test::rowCount(**registry, "volunteer");
    const int batchesBefore = test::rowCount(**registry, "import_batch");
    auto report = app::importVolunteersCsv(**registry, path, options);
    INFO("run " << runs << ": " << bytes.toStdString());
    if (!report) {
      ++refusedFiles;
      CHECK_FALSE(report.error().code.empty());
      CHECK_FALSE(qt::translated(report.error()).isEmpty());
      CHECK(test::rowCount(**registry, "volunteer") == volunteersBefore);
      CHECK(test::rowCount(**registry, "import_batch") == batchesBefore);
      continue;
    }
    for (const auto& problem : report->problems) {
      ++rowProblems;
      CHECK(problem.row >= 2);
      CHECK(problem.row <= bytes.count('\n') + bytes.count('\r') + 2);  // blank rows count, as in a spreadsheet
      CHECK_FALSE(problem.error.field.empty());
    }
    const int written = test::rowCount(**registry, "volunteer") - volunteersBefore;
    CHECK(written == report->imported);
    if (!options.skipInvalid && !report->problems.empty()) CHECK(report->imported == 0);
    CHECK(test::rowCount(**registry, "import_batch") == batchesBefore + (report->imported > 0 ? 1 : 0));
    imports += report->imported > 0 ? 1 : 0;
  }
  INFO(runs << " files: " << refusedFiles << " refused whole, " << rowProblems << " row problems, " << imports
            << " imports");
  CHECK(runs >= 200);
  CHECK(refusedFiles > 0);  // the mutations do reach the refusals ...
  CHECK(rowProblems > 0);   // ... and the row checks
  QSqlQuery q(dd::app::storeDatabase(**registry).sql());
  REQUIRE(q.exec("PRAGMA integrity_check"));
  REQUIRE(q.next());
  CHECK(q.value(0).toString() == "ok");
}

TEST_CASE("fuzz: random typings never crash the checker, refusals name the locus field, normal forms are stable") {
  auto nomenclature = app::sharedNomenclature();
  REQUIRE(nomenclature);
  const app::HlaChecker check = app::makeHlaChecker(*nomenclature);
  match::Random random(7);
  static const char* const tokens[] = {"A*", "B*", "C*", "DRB1*", "DQB1*", "DPB1*", "02", "01", "11", "46", ":",
                                       "01:01", "XX", "AB", "N", "L", "Q", "G", "P", "g", "/", "+", "^", "~", "|",
                                       " ", "A2", "B46", "Cw1", "DR9", "HLA-", "*", "\x1B", "\xE2\x80\xAE", "张", ""};
  QElapsedTimer timer;
  timer.start();
  int runs = 0, valid = 0;
  for (; runs < 50000 && timer.elapsed() < kBudgetMs; ++runs) {
    const auto locus = static_cast<model::Locus>(random.below(model::kLocusCount));
    std::string text;
    if (random.below(2) == 0) {  // half start as a plausible typing of the locus, then get edited
      static const char* const fields[] = {"01", "02", "03", "04", "07", "11", "15", "24", "46", "XX"};
      const std::string gene = std::string(model::key(locus)) + "*";
      for (int slot = 0, positions = 1 + static_cast<int>(random.below(2)); slot < positions; ++slot)
        text += (slot ? "+" : "") + gene + fields[random.below(std::size(fields))] + ":" +
                fields[random.below(std::size(fields) - 1)];
      for (std::uint32_t n = random.below(3); n > 0; --n)
        text.insert(random.below(static_cast<std::uint32_t>(text.size() + 1)), tokens[random.below(std::size(tokens))]);
    } else {
      for (std::uint32_t n = 1 + random.below(8); n > 0; --n) text += tokens[random.below(std::size(tokens))];
    }
    const QString raw = QString::fromUtf8(text).trimmed();
    if (raw.isEmpty()) continue;
    INFO(text);
    const app::TypingCheck result = check(locus, raw);
    const std::string field = "hla_" + QString::fromLatin1(model::key(locus).data()).toLower().toStdString();
    if (result.error) {
      CHECK(result.error->field == field);
      const QString message = qt::translated(*result.error);
      CHECK_FALSE(message.contains(QChar(0x1B)));
      CHECK_FALSE(message.contains(QChar(0x202E)));
      continue;
    }
    ++valid;
    REQUIRE_FALSE(result.normalised.isEmpty());
    const app::TypingCheck again = check(locus, result.normalised);
    REQUIRE_FALSE(again.error);
    CHECK(again.normalised == result.normalised);
    // What the checker lets in, the search index can read.
    CHECK(match::parseLocusTyping(result.normalised.toStdString(), static_cast<hla::Locus>(static_cast<int>(locus)),
                                  **nomenclature));
  }
  INFO(runs << " typings, " << valid << " valid");
  CHECK(runs >= 1000);
  CHECK(valid > 0);
}
