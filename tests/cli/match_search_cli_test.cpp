// `search` and `bench search` as scripts use them: a real SQLite registry
// filled by `generate`, JSON/CSV output keys, exit codes, and the bench smoke
// run (its last line is one JSON object reporting fast == naive agreement).
#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include "support/process_runner.h"
#include "support/qt_string_maker.h"

using dd::test::runCli;

namespace {

struct Registry {
  QTemporaryDir dir;
  QString db;
  QString caseNo;
  QString volunteerNo, volunteerTyping;  // an available volunteer typed at high resolution
};

// Generates once per test process; the suite's tests read it only.
const Registry& registry() {
  static Registry* r = [] {
    auto* made = new Registry;
    made->db = made->dir.filePath(QStringLiteral("registry.sqlite"));
    REQUIRE(runCli({"--db", made->db, "init"}).exitCode == 0);
    const auto generated = runCli({"--db", made->db, "generate", "--volunteers", "400", "--patients", "2", "--seed",
                                   "7"});
    INFO(generated.err.toStdString());
    REQUIRE(generated.exitCode == 0);
    {
      auto sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("match_cli_test"));
      sql.setDatabaseName(made->db);
      REQUIRE(sql.open());
      QSqlQuery query(sql);
      REQUIRE(query.exec(QStringLiteral("SELECT case_no FROM patient ORDER BY id LIMIT 1")));
      REQUIRE(query.next());
      made->caseNo = query.value(0).toString();
      REQUIRE(query.exec(QStringLiteral(
          "SELECT registry_no, hla_a_raw, hla_b_raw, hla_c_raw, hla_drb1_raw, hla_dqb1_raw FROM volunteer "
          "WHERE status = 'active' AND hla_a_raw NOT LIKE '%/%' AND hla_a_raw LIKE '%:%' AND hla_b_raw NOT LIKE "
          "'%/%' AND hla_b_raw LIKE '%:%' AND hla_c_raw LIKE '%:%' AND hla_c_raw NOT LIKE '%/%' AND hla_drb1_raw "
          "NOT LIKE '%/%' AND hla_drb1_raw LIKE '%:%' AND hla_dqb1_raw NOT LIKE '%/%' AND hla_dqb1_raw LIKE '%:%' "
          "AND hla_a_raw NOT LIKE '%XX%' AND hla_b_raw NOT LIKE '%XX%' AND hla_c_raw NOT LIKE '%XX%' AND "
          "hla_drb1_raw NOT LIKE '%XX%' AND hla_dqb1_raw NOT LIKE '%XX%' ORDER BY id LIMIT 1")));
      REQUIRE(query.next());
      made->volunteerNo = query.value(0).toString();
      QStringList loci;
      for (int i = 1; i <= 5; ++i) loci << query.value(i).toString();
      made->volunteerTyping = loci.join(QLatin1Char('^'));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("match_cli_test"));
    return made;
  }();
  return *r;
}

QJsonArray jsonResults(const QStringList& args) {
  QStringList full{"--db", registry().db, "search"};
  full += args;
  full += QStringList{"--format", "json"};
  const auto result = runCli(full);
  INFO(result.err.toStdString());
  REQUIRE(result.exitCode == 0);
  QJsonParseError error;
  const auto doc = QJsonDocument::fromJson(result.out.toUtf8(), &error);
  REQUIRE(error.error == QJsonParseError::NoError);
  REQUIRE(doc.isArray());
  return doc.array();
}

}  // namespace

TEST_CASE("search --patient prints ranked JSON objects with the contract keys") {
  const QJsonArray results = jsonResults({"--patient", registry().caseNo, "--limit", "20"});
  REQUIRE(results.size() == 20);
  int previous = 11;
  for (int i = 0; i < results.size(); ++i) {
    const QJsonObject o = results[i].toObject();
    CHECK(o.value("rank").toInt() == i + 1);
    CHECK_FALSE(o.value("registry_no").toString().isEmpty());
    const QJsonObject matches = o.value("matches").toObject();
    for (const char* scale : {"10", "8", "6"}) CHECK(matches.contains(QLatin1String(scale)));
    CHECK(matches.value("10").toInt() <= previous);  // more matches first
    previous = matches.value("10").toInt();
    CHECK(matches.value("8").toInt() <= 8);
    CHECK(o.value("definite").isBool());
    const QJsonObject grades = o.value("grades").toObject();
    for (const char* locus : {"A", "B", "C", "DRB1", "DQB1", "DPB1"}) CHECK(grades.value(locus).toArray().size() == 2);
    CHECK_FALSE(o.value("dpb1").toString().isEmpty());
    CHECK(o.value("dpb1_tce").toString() == "V2");  // the current TCE algorithm unless --tce 1
    CHECK(o.value("available").toBool());  // unavailable volunteers are excluded by default
    // the late-withdrawal risk of every result, with its reasons
    CHECK(o.value("risk").isDouble());
    CHECK(o.value("risk").toInt() >= 0);
    CHECK(o.value("risk").toInt() <= 100);
    CHECK(o.value("risk_explanation").isString());
    // ATLAS's descriptors beside the older keys, consistent with them position by position.
    const QJsonObject atlasGrades = o.value("match_grades").toObject();
    const QJsonObject confidences = o.value("confidences").toObject();
    const QJsonObject antigens = o.value("antigen_match").toObject();
    const QStringList gradeWords{"GDna", "CDna", "Protein", "GGroup", "PGroup", "Associated", "Split", "Broad",
                                 "NullGDna", "NullCDna", "NullPartial", "NullMismatch", "ExpressingVsNull",
                                 "Mismatch", "Unknown"};
    for (const char* locus : {"A", "B", "C", "DRB1", "DQB1", "DPB1"}) {
      INFO(locus);
      const QJsonArray category = grades.value(locus).toArray();
      const QJsonArray grade = atlasGrades.value(locus).toArray();
      const QJsonArray confidence = confidences.value(locus).toArray();
      REQUIRE(grade.size() == 2);
      REQUIRE(confidence.size() == 2);
      REQUIRE(antigens.value(locus).toArray().size() == 2);
      for (int p = 0; p < 2; ++p) {
        CHECK(gradeWords.contains(grade[p].toString()));
        const QString c = category[p].toString(), conf = confidence[p].toString();
        if (c == "mismatch" || c == "antigen") CHECK(conf == "Mismatch");
        if (c == "allele") CHECK((conf == "Definite" || conf == "Exact"));
        if (c == "potential" || c == "untyped") CHECK(conf == "Potential");
        if (c == "untyped") CHECK(grade[p].toString() == "Unknown");
      }
    }
  }
}

TEST_CASE("search --typing finds a volunteer's own typing as a definite 10/10 first") {
  const QJsonArray results = jsonResults({"--typing", registry().volunteerTyping, "--limit", "5"});
  REQUIRE_FALSE(results.isEmpty());
  const QJsonObject first = results[0].toObject();
  CHECK(first.value("matches").toObject().value("10").toInt() == 10);
  CHECK(first.value("definite").toBool());
  bool found = false;
  for (const auto& value : results) {
    const QJsonObject o = value.toObject();
    if (o.value("registry_no").toString() == registry().volunteerNo) {
      found = true;
      CHECK(o.value("definite").toBool());
    }
  }
  CHECK(found);
  // --min and --scale filter on the chosen scale.
  for (const auto& value : jsonResults({"--typing", registry().volunteerTyping, "--scale", "6", "--min", "5"}))
    CHECK(value.toObject().value("matches").toObject().value("6").toInt() >= 5);
}

TEST_CASE("search writes CSV and a table, and includes unavailable volunteers only when asked") {
  const auto csv = runCli({"--db", registry().db, "search", "--patient", registry().caseNo, "--limit", "7",
                           "--format", "csv", "--include-unavailable"});
  REQUIRE(csv.exitCode == 0);
  const QStringList lines = csv.out.trimmed().split('\n');
  REQUIRE(lines.size() == 8);
  CHECK(lines[0].startsWith("rank,registry_no,volunteer_id,matches_10,matches_8,matches_6,definite,A,B,C,DRB1"));
  // The ATLAS columns come after the original ones, one per locus each.
  const QStringList header = lines[0].split(',');
  CHECK(header.indexOf("A_grade") > header.indexOf("cmv"));
  CHECK(header.indexOf("DPB1_antigen_match") == header.size() - 2);
  CHECK(header.last() == "risk");  // after every older column, so positions keep
  const QStringList first = lines[1].split(',');
  REQUIRE(first.size() == header.size());
  bool scored = false;
  const int risk = first.last().toInt(&scored);
  CHECK(scored);
  CHECK(risk >= 0);
  CHECK(first[header.indexOf("A_grade")].contains('+'));
  CHECK(QStringList({"Definite", "Exact", "Potential", "Mismatch"})
            .contains(first[header.indexOf("A_confidence")].section('+', 0, 0)));
  const auto all = jsonResults({"--patient", registry().caseNo, "--limit", "400", "--include-unavailable"});
  const auto available = jsonResults({"--patient", registry().caseNo, "--limit", "400"});
  CHECK(all.size() > available.size());
  int flagged = 0;
  for (const auto& value : all) flagged += value.toObject().value("available").toBool() ? 0 : 1;
  CHECK(flagged == all.size() - available.size());
  const auto table = runCli({"--db", registry().db, "search", "--patient", registry().caseNo, "--limit", "3"});
  REQUIRE(table.exitCode == 0);
  CHECK(table.out.count('\n') == 5);  // header, three rows, legend
}

TEST_CASE("search rejects bad input with exit 2 and says why") {
  const QString db = registry().db;
  auto r = runCli({"--db", db, "search"});
  CHECK(r.exitCode == 2);
  CHECK(r.err.contains("--typing"));
  r = runCli({"--db", db, "search", "--typing", "A*01:01", "--patient", registry().caseNo});
  CHECK(r.exitCode == 2);
  r = runCli({"--db", db, "search", "--typing", "A*01:01+A*99:99"});
  CHECK(r.exitCode == 2);
  CHECK(r.err.contains("A*99:99"));
  CHECK(r.out.isEmpty());
  r = runCli({"--db", db, "search", "--typing", "A*01:01", "--scale", "9"});
  CHECK(r.exitCode == 2);
  r = runCli({"--db", db, "search", "--typing", "A*01:01", "--min", "11"});
  CHECK(r.exitCode == 2);
  r = runCli({"--db", db, "search", "--typing", "A*01:01", "--format", "xml"});
  CHECK(r.exitCode == 2);
  r = runCli({"--db", db, "search", "--typing", "A*01:01", "--tce", "3"});
  CHECK(r.exitCode == 2);
  CHECK(r.err.contains("--tce must be 1 or 2"));
  r = runCli({"--db", db, "search", "--patient", registry().caseNo, "--rank",
              "matches,definite,confidence,grade,certainty,allele_mismatch_first,dpb1,younger,male,cmv,abo,"
              "recent_contact"});
  CHECK(r.exitCode == 2);
  CHECK(r.err.contains("do not fit together"));
  r = runCli({"--db", db, "search", "--patient", registry().caseNo, "--tce", "1", "--limit", "3", "--format", "json"});
  CHECK(r.exitCode == 0);
  CHECK(r.out.count(QStringLiteral("\"dpb1_tce\":\"V1\"")) == 3);
  r = runCli({"--db", db, "search", "--patient", "NO-SUCH-CASE"});
  CHECK(r.exitCode == 2);
  CHECK(r.err.contains("NO-SUCH-CASE"));
  r = runCli({"--db", db + ".missing", "search", "--typing", "A*01:01"});
  CHECK(r.exitCode == 1);
}

TEST_CASE("bench search smoke run reports fast == naive agreement in its JSON line") {
  const auto r = runCli({"bench", "search", "--donors", "2000", "--queries", "3", "--seed", "5"});
  INFO(r.err.toStdString());
  REQUIRE(r.exitCode == 0);
  const QString last = r.out.trimmed().split('\n').last();
  QJsonParseError error;
  const QJsonObject json = QJsonDocument::fromJson(last.toUtf8(), &error).object();
  REQUIRE(error.error == QJsonParseError::NoError);
  for (const char* key : {"donors", "queries", "build_s", "bytes_per_donor", "median_ms", "p95_ms", "naive_median_ms",
                          "speedup"})
    CHECK(json.contains(QLatin1String(key)));
  CHECK(json.value("donors").toInt() == 2000);
  CHECK(json.value("queries").toInt() == 3);
  CHECK(json.value("agreement").toBool());
  CHECK(json.value("agreeing_queries").toInt() == 3);
  CHECK(json.value("median_ms").toDouble() > 0);
  // The bandwidth floor: a plain read of what a scan of every donor reads,
  // six 16-bit typing-id columns and the 32-bit factors = 16 bytes a donor.
  CHECK(json.value("floor_ms").toDouble() > 0);
  CHECK(json.value("floor_bytes").toInteger() == 2000 * (6 * 2 + 4));
  CHECK(r.out.contains("floor:"));
  CHECK_FALSE(json.value("clustered").toBool());  // 2,000 donors are scanned plainly
  const auto bad = runCli({"bench", "search", "--queries", "3"});
  CHECK(bad.exitCode == 2);
  CHECK(runCli({"bench", "search", "--donors", "lots"}).exitCode == 2);
}
