// `donordesk-cli print ...` end to end: a real SQLite registry seeded through
// the app use cases, the real CLI process, the PDFs read back with pdftotext.
#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>

#include "app/registry.h"
#include "pdf_tools.h"
#include "seeded_registry.h"
#include "support/process_runner.h"
#include "support/qt_string_maker.h"

using namespace dd;
using dd::test::kOrganisation;
using dd::test::Seeded;
using dd::test::seed;

namespace {

QString squeezed(const QString& text) {
  QString out;
  for (QChar c : text)
    if (!c.isSpace()) out.append(c);
  return out;
}

test::ProcessResult print(const Seeded& s, const QStringList& args, const QString& lang = QStringLiteral("zh_CN")) {
  return test::runCli(QStringList{QStringLiteral("--db"), s.db, QStringLiteral("--lang"), lang,
                                  QStringLiteral("print")} + args);
}

// Runs a print that must succeed, writing `out`, and returns the PDF's text
// without white space (pdftotext breaks lines where the layout does).
QString printedText(const Seeded& s, const QStringList& args, const QString& out,
                    const QString& lang = QStringLiteral("zh_CN")) {
  const auto run = print(s, args + QStringList{QStringLiteral("--out"), out}, lang);
  INFO(run.err.toStdString());
  REQUIRE(run.exitCode == 0);
  return squeezed(test::pdfText(out));
}

// Checks that the printed text holds each expected value, naming any it lacks.
void checkHoldsEach(const QString& printed, const QStringList& expected) {
  for (const QString& value : expected) {
    INFO(value.toStdString());
    CHECK(printed.contains(squeezed(value)));
  }
}

// Runs a print that must be refused as bad input: exit 2, saying why in English.
void checkRefused(const Seeded& s, const QStringList& args, const QString& why) {
  const auto run = print(s, args, QStringLiteral("en"));
  INFO(run.err.toStdString());
  CHECK(run.exitCode == 2);
  CHECK(run.err.contains(why));
}

}  // namespace

TEST_CASE("print consent writes the donor's form without the patient's name and records its version") {
  auto s = seed();
  const QString out = s->dir.filePath(QStringLiteral("consent.pdf"));
  QString caseCode;
  {
    auto registry = app::Registry::open(s->db);
    REQUIRE(registry);
    caseCode = (*registry)->workupCase(s->caseId)->caseCode;
  }
  // The case is named as staff see it on the cases page, by its code.
  REQUIRE(caseCode == s->patientCaseNo + QStringLiteral("-01"));
  const auto run = print(*s, {QStringLiteral("consent"), QStringLiteral("--case"), caseCode,
                              QStringLiteral("--out"), out});
  INFO(run.err.toStdString());
  REQUIRE(run.exitCode == 0);
  CHECK(run.out.contains(QStringLiteral("consent zh_CN v1.0")));
  const QString text = squeezed(test::pdfText(out));
  checkHoldsEach(text, {QStringLiteral("造血干细胞捐献同意书"), QStringLiteral("李明远"), s->fullMatchNo,
                        dd::test::validIdNumber(QDate(1990, 3, 7), dd::model::Sex::Male, 11),
                        s->patientCaseNo, QStringLiteral("急性淋巴细胞白血病"), QStringLiteral("女/9岁"),
                        QStringLiteral("预处理一旦开始"), kOrganisation});
  // The form's case number is the case code, never the database id.
  CHECK(text.contains(squeezed(QStringLiteral("病例编号 ") + caseCode)));
  CHECK_FALSE(text.contains(squeezed(QStringLiteral("病例编号 ") + QString::number(s->caseId) + QStringLiteral(" "))));
  CHECK_FALSE(text.contains(QStringLiteral("王小禾")));
  CHECK_FALSE(text.contains(QStringLiteral("示范市第一人民医院")));  // nor the patient's hospital
  CHECK(test::pdfPageCount(out) == 2);

  auto registry = app::Registry::open(s->db);
  REQUIRE(registry);
  auto workup = (*registry)->workupCase(s->caseId);
  REQUIRE(workup);
  CHECK(workup->consentTemplate.startsWith(QStringLiteral("consent zh_CN v1.0 (sha256 ")));
  auto trail = (*registry)->auditTrail(QStringLiteral("workup_case"), s->caseId);
  REQUIRE(trail);
  bool audited = false;
  for (const auto& entry : *trail)
    audited |= entry.action == QStringLiteral("print") && entry.newValue == workup->consentTemplate;
  CHECK(audited);
}

TEST_CASE("print consent in English") {
  auto s = seed();
  const QString out = s->dir.filePath(QStringLiteral("consent-en.pdf"));
  const QString text =
      printedText(*s, {QStringLiteral("consent"), QStringLiteral("--case"), QString::number(s->caseId)}, out,
                  QStringLiteral("en"));
  CHECK(text.contains(squeezed(QStringLiteral("Consent to donate haematopoietic stem cells"))));
  CHECK(text.contains(QStringLiteral("李明远")));
  CHECK(text.contains(squeezed(QStringLiteral("female / 9 years"))));
  CHECK(text.contains(QStringLiteral("急性淋巴细胞白血病")));  // the diagnosis is printed as recorded
  CHECK_FALSE(text.contains(QStringLiteral("王小禾")));
  CHECK(test::pdfPageCount(out) == 3);
}

TEST_CASE("print consent refuses missing records and missing data with exit 2 and writes nothing") {
  auto s = seed();
  const QString out = s->dir.filePath(QStringLiteral("x.pdf"));
  const auto consentOfCase = [&out](const QString& caseArgument) {
    return QStringList{QStringLiteral("consent"), QStringLiteral("--case"), caseArgument,
                       QStringLiteral("--out"), out};
  };
  SECTION("a case whose patient has no diagnosis") {
    const auto run = print(*s, consentOfCase(QString::number(s->incompleteCase)), QStringLiteral("en"));
    CHECK(run.exitCode == 2);
    auto registry = app::Registry::open(s->db);
    REQUIRE(registry);
    const QString code = (*registry)->workupCase(s->incompleteCase)->caseCode;
    REQUIRE_FALSE(code.isEmpty());
    CHECK(run.err.contains(QStringLiteral("Workup case %1: no value for Patient's diagnosis").arg(code)));
    REQUIRE(registry);
    CHECK((*registry)->workupCase(s->incompleteCase)->consentTemplate.isEmpty());
  }
  SECTION("a stopped case") {
    {
      auto registry = app::Registry::open(s->db);
      REQUIRE(registry);
      const auto workup = (*registry)->workupCase(s->caseId);
      REQUIRE(workup);
      REQUIRE((*registry)->stopWorkup(s->caseId, workup->rowVersion, dd::model::StopReason::Other, workup->stage,
                                      QStringLiteral("donor moved abroad"), QDate::currentDate(),
                                      {QStringLiteral("test")}).ok());
    }
    checkRefused(*s, consentOfCase(QString::number(s->caseId)), QStringLiteral("was stopped on"));
  }
  SECTION("no such case") {
    checkRefused(*s, consentOfCase(QStringLiteral("999")), QStringLiteral("999"));
  }
  SECTION("no such case code") {
    checkRefused(*s, consentOfCase(QStringLiteral("P-nobody-01")), QStringLiteral("P-nobody-01"));
    CHECK_FALSE(QFile::exists(out));
  }
  SECTION("an empty case") {
    checkRefused(*s, consentOfCase(QStringLiteral(" ")), QStringLiteral("--case"));
  }
  SECTION("no --out") {
    checkRefused(*s, {QStringLiteral("consent"), QStringLiteral("--case"), QString::number(s->caseId)},
                 QStringLiteral("--out FILE is required"));
  }
  SECTION("no organisation name in the settings") {
    QSettings().remove(QStringLiteral("organisation/name"));
    QSettings().sync();
    checkRefused(*s, consentOfCase(QString::number(s->caseId)),
                 QStringLiteral("organisation name is not set"));
  }
  CHECK_FALSE(QFileInfo::exists(out));
}

TEST_CASE("print registration: one volunteer, and a batch into one PDF") {
  auto s = seed();
  const QString one = s->dir.filePath(QStringLiteral("one.pdf"));
  const QString text = printedText(
      *s, {QStringLiteral("registration"), QStringLiteral("--volunteer"), s->partialMatchNo}, one);
  CHECK(test::pdfPageCount(one) == 1);  // one volunteer, one page
  checkHoldsEach(text, {QStringLiteral("志愿者登记表"), QStringLiteral("陈思雨"), s->partialMatchNo,
                        QStringLiteral("chen.siyu@example.cn"), QStringLiteral("陈建国（父亲）"),
                        QStringLiteral("示范大学体育馆"), QStringLiteral("O+")});

  const QString batch = s->dir.filePath(QStringLiteral("batch.pdf"));
  auto run = print(*s, {QStringLiteral("registration"), QStringLiteral("--volunteer"), s->fullMatchNo,
                        QStringLiteral("--volunteer"), s->partialMatchNo, QStringLiteral("--volunteer"),
                        s->thirdNo, QStringLiteral("--out"), batch});
  REQUIRE(run.exitCode == 0);
  REQUIRE(test::pdfPageCount(batch) == 3);
  CHECK(test::pdfTextOfPage(batch, 1).contains(QStringLiteral("李明远")));
  CHECK(test::pdfTextOfPage(batch, 2).contains(QStringLiteral("陈思雨")));
  CHECK(test::pdfTextOfPage(batch, 3).contains(QStringLiteral("周子涵")));

  const QString missing = s->dir.filePath(QStringLiteral("missing.pdf"));
  checkRefused(
      *s,
      {QStringLiteral("registration"), QStringLiteral("--volunteer"), s->fullMatchNo,
       QStringLiteral("--volunteer"), QStringLiteral("SD99999999"), QStringLiteral("--out"), missing},
      QStringLiteral("SD99999999"));
  CHECK_FALSE(QFileInfo::exists(missing));
}

TEST_CASE("print certificate only after a donation") {
  auto s = seed();
  const QString out = s->dir.filePath(QStringLiteral("certificate.pdf"));
  checkRefused(*s,
               {QStringLiteral("certificate"), QStringLiteral("--volunteer"), s->fullMatchNo,
                QStringLiteral("--out"), out},
               QStringLiteral("has no recorded donation"));
  CHECK_FALSE(QFileInfo::exists(out));

  const QDate donationDate = QDate::currentDate().addDays(3);
  {
    auto registry = app::Registry::open(s->db);
    REQUIRE(registry);
    // A date after the case opened (today) and unlike the print date.
    REQUIRE(dd::test::advanceCaseTo(**registry, s->caseId, model::WorkupStage::Collection, donationDate) == "");
  }
  const QString text =
      printedText(*s, {QStringLiteral("certificate"), QStringLiteral("--volunteer"), s->fullMatchNo}, out);
  CHECK(text.contains(QStringLiteral("荣誉证书")));
  CHECK(text.contains(QStringLiteral("李明远")));
  CHECK(text.contains(QStringLiteral("%1年%2月%3日").arg(donationDate.year()).arg(donationDate.month()).arg(donationDate.day())));
  CHECK(text.contains(s->fullMatchNo + QStringLiteral("-2026-")));
  CHECK_FALSE(text.contains(QStringLiteral("王小禾")));
  CHECK(test::pdfPageCount(out) == 1);
}

TEST_CASE("print search-report lists the ranked candidates with their grades") {
  auto s = seed();
  const QString out = s->dir.filePath(QStringLiteral("report.pdf"));
  const QString text =
      printedText(*s, {QStringLiteral("search-report"), QStringLiteral("--patient"), s->patientCaseNo}, out);
  checkHoldsEach(text, {QStringLiteral("检索报告"), QStringLiteral("王小禾"), s->patientCaseNo,
                        QStringLiteral("IPD-IMGT/HLA3.58.0"), s->partialMatchNo, QStringLiteral("9/10"),
                        QStringLiteral("DRB1*09:01")});
  CHECK_FALSE(text.contains(s->thirdNo));  // untyped: never a candidate
  CHECK(text.contains(QStringLiteral("相合程度不相合位点")));  // the table's header
  CHECK(test::pdfPageCount(out) == 1);

  // At 10/10 the full match is listed although reserved: it is reserved for
  // this very patient (its case is open), so it is this patient's candidate.
  const QString full = s->dir.filePath(QStringLiteral("full.pdf"));
  const QString fullText =
      printedText(*s,
                  {QStringLiteral("search-report"), QStringLiteral("--patient"), s->patientCaseNo,
                   QStringLiteral("--min-matches"), QStringLiteral("10")},
                  full);
  CHECK(fullText.contains(s->fullMatchNo));
  CHECK_FALSE(fullText.contains(s->partialMatchNo));

  // Nobody at 10/10 (the full match has withdrawn): the report says so
  // instead of printing an empty table.
  {
    auto registry = app::Registry::open(s->db);
    REQUIRE(registry);
    auto donor = (*registry)->volunteerByRegistryNo(s->fullMatchNo);
    REQUIRE(donor);
    app::StatusChangeRequest withdrawal;
    withdrawal.to = model::VolunteerStatus::Withdrawn;
    withdrawal.reason = QStringLiteral("家属反对");
    REQUIRE((*registry)->changeStatus(donor->id, donor->rowVersion, withdrawal, {QStringLiteral("t")}).ok());
  }
  const QString none = s->dir.filePath(QStringLiteral("none.pdf"));
  const QString empty = printedText(*s,
                                    {QStringLiteral("search-report"), QStringLiteral("--patient"),
                                     s->patientCaseNo, QStringLiteral("--min-matches"), QStringLiteral("10")},
                                    none);
  CHECK(empty.contains(QStringLiteral("本次检索未找到符合条件的候选捐献者")));
  CHECK_FALSE(empty.contains(QStringLiteral("相合程度不相合位点")));
  CHECK_FALSE(empty.contains(s->partialMatchNo));

  checkRefused(*s,
               {QStringLiteral("search-report"), QStringLiteral("--patient"), s->untypedPatientCaseNo,
                QStringLiteral("--out"), out},
               QStringLiteral("no HLA typing"));
  auto run = print(*s,
                   {QStringLiteral("search-report"), QStringLiteral("--patient"), QStringLiteral("NOSUCH"),
                    QStringLiteral("--out"), out},
                   QStringLiteral("en"));
  CHECK(run.exitCode == 2);
  run = print(*s, {QStringLiteral("search-report"), QStringLiteral("--patient"), s->patientCaseNo,
                   QStringLiteral("--min-matches"), QStringLiteral("11"), QStringLiteral("--out"), out},
              QStringLiteral("en"));
  CHECK(run.exitCode == 2);
}

TEST_CASE("print registry-consent, family-letter and specimen") {
  auto s = seed();
  const QString consent = s->dir.filePath(QStringLiteral("join.pdf"));
  CHECK(printedText(*s, {QStringLiteral("registry-consent"), QStringLiteral("--volunteer"), s->thirdNo},
                    consent)
            .contains(QStringLiteral("周子涵")));
  const QString letter = s->dir.filePath(QStringLiteral("letter.pdf"));
  CHECK(printedText(*s, {QStringLiteral("family-letter"), QStringLiteral("--volunteer"), s->fullMatchNo},
                    letter, QStringLiteral("en"))
            .contains(squeezed(QStringLiteral("Dear family of 李明远"))));
  const QString specimen = s->dir.filePath(QStringLiteral("specimen.pdf"));
  CHECK(printedText(*s,
                    {QStringLiteral("specimen"), QStringLiteral("--document"), QStringLiteral("certificate")},
                    specimen, QStringLiteral("en"))
            .contains(QStringLiteral("LiMingyuan")));
  checkRefused(*s,
               {QStringLiteral("specimen"), QStringLiteral("--document"), QStringLiteral("invoice"),
                QStringLiteral("--out"), specimen},
               QStringLiteral("unknown document 'invoice'"));
}
