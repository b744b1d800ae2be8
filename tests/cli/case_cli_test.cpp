// The case and reservation commands run as the real program, on both backends.
#include <catch2/catch.hpp>

#include "app/case_risk.h"
#include "support/process_runner.h"
#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"

using namespace dd;
using test::runCli;

TEST_CASE("cli: case open, advance refused at mobilisation with an open flag, stop with coded reason") {
  DD_FRESH_DATABASE(db);
  QString caseNo, registryNo;
  {
    auto registry = db->open();
    model::Patient p;
    p.name = QStringLiteral("患者丙");
    p.sex = model::Sex::Male;
    p.birthDate = QDate(2011, 1, 1);
    p.diagnosis = QStringLiteral("急性髓系白血病");
    p.hospital = QStringLiteral("医院");
    p.physician = QStringLiteral("王医生");
    p.hla.at(model::Locus::A).raw = "A*02:01+A*11:01";
    p.abo = "O";
    p.rh = "+";
    p.urgency = "urgent";
    p.searchRequestDate = QDate::currentDate();
    auto patient = registry->createPatient(p, test::staff());
    REQUIRE(patient.ok());
    caseNo = patient.value->caseNo;
    registryNo = test::registered(*registry, test::sampleVolunteer(31)).registryNo;
  }
  const QString url = db->url();
  auto badVolunteer = runCli({"--db", url, "case", "open", "--patient", caseNo, "--volunteer", "NOPE"});
  CHECK(badVolunteer.exitCode == 2);
  CHECK(runCli({"--db", url, "case", "open", "--patient", caseNo}).exitCode == 2);
  auto opened = runCli({"--db", url, "case", "open", "--patient", caseNo, "--volunteer", registryNo, "--date",
                        QDate::currentDate().addDays(-10).toString(Qt::ISODate)});
  REQUIRE(opened.exitCode == 0);
  const QString code = opened.out.trimmed();
  CHECK(code == caseNo + "-01");
  auto badStage = runCli({"--db", url, "case", "advance", "--case", code, "--stage", "nowhere"});
  CHECK(badStage.exitCode == 2);
  CHECK(badStage.err.contains("consent_signed"));
  REQUIRE(runCli({"--db", url, "case", "advance", "--case", code, "--stage", "consent_signed", "--skip-reason",
                  "typed"}).exitCode == 0);
  REQUIRE(runCli({"--db", url, "case", "family", "--case", code, "--attitude", "opposed"}).exitCode == 0);
  CHECK(runCli({"--db", url, "case", "family", "--case", code, "--attitude", "angry"}).exitCode == 2);
  auto refused = runCli({"--db", url, "case", "advance", "--case", code, "--stage", "mobilisation"});
  CHECK(refused.exitCode == 1);
  CHECK(refused.err.contains("family_opposed"));
  auto risk = runCli({"--db", url, "case", "risk", "--case", code, "--format", "csv"});
  REQUIRE(risk.exitCode == 0);
  CHECK(risk.out.contains("family_opposed,open"));
  CHECK(runCli({"--db", url, "case", "list", "--format", "xml"}).exitCode == 2);
  auto listed = runCli({"--db", url, "case", "list", "--open", "--format", "csv"});
  REQUIRE(listed.exitCode == 0);
  CHECK(listed.out.contains(code + "," + caseNo + "," + registryNo + ",consent_signed"));
  REQUIRE(runCli({"--db", url, "case", "advance", "--case", code, "--stage", "mobilisation", "--accept-risk"})
              .exitCode == 0);
  auto badReason = runCli({"--db", url, "case", "stop", "--case", code, "--reason", "bored", "--stage-reached",
                           "mobilisation"});
  CHECK(badReason.exitCode == 2);
  CHECK(badReason.err.contains("family_opposition"));
  auto tooFar = runCli({"--db", url, "case", "stop", "--case", code, "--reason", "fear", "--stage-reached",
                        "collection"});
  CHECK(tooFar.exitCode == 2);
  REQUIRE(runCli({"--db", url, "case", "stop", "--case", code, "--reason", "family_opposition", "--stage-reached",
                  "mobilisation", "--note", "母亲反对"}).exitCode == 0);
  auto registry = db->open();
  auto stopped = registry->workupCaseByCode(code);
  REQUIRE(stopped);
  CHECK(stopped->stopCode == model::StopReason::FamilyOpposition);
  CHECK(stopped->regretStage == model::WorkupStage::Mobilisation);
  // The volunteer is no longer reserved: nothing to extend.
  CHECK(runCli({"--db", url, "reservation", "extend", "--volunteer", registryNo, "--until", "2099-01-01"}).exitCode ==
        2);
  CHECK(runCli({"--db", url, "reservation", "release", "--volunteer", registryNo, "--reason", "nope"}).exitCode == 2);
}
