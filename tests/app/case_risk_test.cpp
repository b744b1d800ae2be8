// Cases stopped with a coded reason, reservations that lapse, and the
// late-withdrawal risk that is put to staff before mobilisation.
#include <catch2/catch.hpp>

#include "app/case_risk.h"
#include "core/qt/localization.h"
#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"

using namespace dd;
using model::StopReason;
using model::VolunteerStatus;
using model::WorkupStage;

namespace {
model::Patient patientFor() {
  model::Patient p;
  p.name = QStringLiteral("患者乙");
  p.sex = model::Sex::Female;
  p.birthDate = QDate(2010, 3, 1);
  p.diagnosis = QStringLiteral("急性淋巴细胞白血病");
  p.hospital = QStringLiteral("山东省立医院");
  p.physician = QStringLiteral("李医生");
  p.hla.at(model::Locus::A).raw = "A*02:01+A*11:01";
  p.abo = "A";
  p.rh = "+";
  p.urgency = "urgent";
  p.searchRequestDate = QDate::currentDate();
  return p;
}

struct OpenCase {
  model::Patient patient;
  model::Volunteer donor;
  model::WorkupCase workup;
};

// A case at consent signed, opened 30 days ago.
OpenCase caseAtConsent(app::Registry& registry, int serial) {
  auto patient = registry.createPatient(patientFor(), test::staff());
  REQUIRE(patient.ok());
  const model::Volunteer donor = test::registered(registry, test::sampleVolunteer(serial));
  auto started = registry.startWorkup(patient.value->id, donor.id, QDate::currentDate().addDays(-30), test::staff());
  REQUIRE(started.ok());
  auto consent = registry.advanceWorkup(started.value->id, started.value->rowVersion, WorkupStage::ConsentSigned,
                                        QDate::currentDate().addDays(-20), test::staff(), QStringLiteral("typed"));
  REQUIRE(consent.ok());
  return {*patient.value, donor, *consent.value};
}
}  // namespace

TEST_CASE("a case stops with a coded reason and the stage reached, and refuses a stage not reached") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const OpenCase c = caseAtConsent(*registry, 21);
  auto tooFar = registry->stopWorkup(c.workup.id, c.workup.rowVersion, StopReason::FamilyOpposition,
                                     WorkupStage::Collection, {}, {}, test::staff());
  REQUIRE_FALSE(tooFar.ok());
  CHECK(tooFar.errors.at(0).field == "stage_reached");
  auto otherWithoutWords = registry->stopWorkup(c.workup.id, c.workup.rowVersion, StopReason::Other,
                                                WorkupStage::ConsentSigned, " ", {}, test::staff());
  REQUIRE_FALSE(otherWithoutWords.ok());
  CHECK(otherWithoutWords.errors.at(0).field == "stop_reason");
  auto unchanged = registry->workupCase(c.workup.id);
  REQUIRE(unchanged);
  CHECK_FALSE(unchanged->stopped());
  auto stopped = registry->stopWorkup(c.workup.id, c.workup.rowVersion, StopReason::FamilyOpposition,
                                      WorkupStage::MedicalExam, QStringLiteral("母亲反对"), {}, test::staff());
  REQUIRE(stopped.ok());
  auto read = registry->workupCase(c.workup.id);
  REQUIRE(read);
  CHECK(read->stopCode == StopReason::FamilyOpposition);
  CHECK(read->regretStage == WorkupStage::MedicalExam);
  CHECK(read->stopReason == QStringLiteral("母亲反对"));
  auto donor = registry->volunteer(c.donor.id);
  REQUIRE(donor);
  CHECK(donor->status == VolunteerStatus::Active);
  CHECK_FALSE(donor->reservationExpires.isValid());
}

TEST_CASE("a reservation lapses after 90 days, is extended, and is released with its reason in the history") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  auto patient = registry->createPatient(patientFor(), test::staff());
  REQUIRE(patient.ok());
  const model::Volunteer donor = test::registered(*registry, test::sampleVolunteer(22));
  auto past = registry->reserveForPatient(donor.id, donor.rowVersion, patient.value->id, test::staff(),
                                          QDate::currentDate());
  REQUIRE_FALSE(past.ok());
  CHECK(past.errors.at(0).field == "reservation_expires");
  auto reserved = registry->reserveForPatient(donor.id, donor.rowVersion, patient.value->id, test::staff());
  REQUIRE(reserved.ok());
  auto read = registry->volunteer(donor.id);
  REQUIRE(read);
  CHECK(read->reservationExpires == QDate::currentDate().addDays(app::Registry::kReservationDays));
  auto backwards = registry->extendReservation(donor.id, read->rowVersion, QDate::currentDate().addDays(-1),
                                               test::staff());
  CHECK_FALSE(backwards.ok());
  auto stale = registry->extendReservation(donor.id, read->rowVersion - 1, QDate::currentDate().addDays(120),
                                           test::staff());
  REQUIRE_FALSE(stale.ok());
  CHECK(stale.conflict());
  auto extended = registry->extendReservation(donor.id, read->rowVersion, QDate::currentDate().addDays(120),
                                              test::staff());
  REQUIRE(extended.ok());
  read = registry->volunteer(donor.id);
  REQUIRE(read);
  CHECK(read->reservationExpires == QDate::currentDate().addDays(120));
  auto donorSide = registry->releaseReservation(donor.id, read->rowVersion, StopReason::Fear, {}, test::staff());
  REQUIRE_FALSE(donorSide.ok());
  CHECK(donorSide.errors.at(0).field == "reason");
  auto released = registry->releaseReservation(donor.id, read->rowVersion, StopReason::PatientDied,
                                               QStringLiteral("11月去世"), test::staff());
  REQUIRE(released.ok());
  read = registry->volunteer(donor.id);
  REQUIRE(read);
  CHECK(read->status == VolunteerStatus::Active);
  CHECK_FALSE(read->reservationExpires.isValid());
  auto history = registry->statusHistory(donor.id);
  REQUIRE(history);
  bool found = false;
  for (const model::StatusChange& change : *history)
    if (change.to == VolunteerStatus::Active && change.reason == QStringLiteral("patient_died: 11月去世")) found = true;
  CHECK(found);
  auto again = registry->releaseReservation(donor.id, read->rowVersion, StopReason::PatientDied, {}, test::staff());
  CHECK_FALSE(again.ok());
}

TEST_CASE("an open risk flag warns before mobilisation, and no longer once resolved") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const OpenCase c = caseAtConsent(*registry, 23);
  auto opposed = app::setFamilyAttitude(*registry, c.workup.id, c.workup.rowVersion, model::FamilyAttitude::Opposed,
                                        test::staff());
  REQUIRE(opposed.ok());
  auto risk = app::caseRisk(*registry, c.workup.id);
  REQUIRE(risk);
  REQUIRE(risk->flags.size() == 1);
  CHECK(risk->flags.at(0).kind == model::RiskFlagKind::FamilyOpposed);
  auto duplicate = app::raiseRiskFlag(*registry, c.workup.id, model::RiskFlagKind::FamilyOpposed, {}, test::staff());
  CHECK_FALSE(duplicate);
  auto warned = registry->advanceWorkup(c.workup.id, opposed.value->rowVersion, WorkupStage::Mobilisation, {},
                                        test::staff());
  REQUIRE(warned.needsConfirmation());
  CHECK(warned.warnings.at(0).code == app::codes::caseAtRisk);
  auto still = registry->workupCase(c.workup.id);
  REQUIRE(still);
  CHECK(still->stage == WorkupStage::ConsentSigned);
  auto noResolution = app::resolveRiskFlag(*registry, risk->flags.at(0).id, " ", test::staff());
  REQUIRE_FALSE(noResolution);
  CHECK(noResolution.error().field == "resolution");
  auto resolved = app::resolveRiskFlag(*registry, risk->flags.at(0).id, QStringLiteral("家访后同意"), test::staff());
  REQUIRE(resolved);
  CHECK_FALSE(app::resolveRiskFlag(*registry, risk->flags.at(0).id, QStringLiteral("again"), test::staff()));
  auto mobilised = registry->advanceWorkup(c.workup.id, opposed.value->rowVersion, WorkupStage::Mobilisation, {},
                                           test::staff());
  REQUIRE(mobilised.ok());
}

TEST_CASE("postponements, family sessions and missed contacts make a case's risk") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const OpenCase c = caseAtConsent(*registry, 24);
  auto noNote = app::recordPostponement(*registry, c.workup.id, c.workup.rowVersion, {}, test::staff());
  CHECK_FALSE(noNote.ok());
  auto postponed = app::recordPostponement(*registry, c.workup.id, c.workup.rowVersion, QStringLiteral("单位不批假"),
                                           test::staff());
  REQUIRE(postponed.ok());
  CHECK(postponed.value->postponements == 1);
  model::FamilySession session;
  session.caseId = c.workup.id;
  session.heldOn = QDate::currentDate().addDays(1);
  session.attendees = QStringLiteral("父亲、母亲");
  CHECK_FALSE(app::recordFamilySession(*registry, session, test::staff()));  // a date to come
  session.heldOn = QDate::currentDate();
  session.attendees = QStringLiteral("  ");
  CHECK_FALSE(app::recordFamilySession(*registry, session, test::staff()));  // nobody came
  session.attendees = QStringLiteral("父亲、母亲");
  session.letterPrinted = true;
  REQUIRE(app::recordFamilySession(*registry, session, test::staff()));
  auto sessions = app::familySessions(*registry, c.workup.id);
  REQUIRE(sessions);
  REQUIRE(sessions->size() == 1);
  CHECK(sessions->at(0).letterPrinted);
  for (int i = 0; i < 2; ++i) {
    model::ContactAttempt attempt;
    attempt.volunteerId = c.donor.id;
    attempt.outcome = model::ContactOutcome::NoAnswer;
    REQUIRE(registry->recordContact(attempt, test::staff()));
  }
  auto risk = app::caseRisk(*registry, c.workup.id);
  REQUIRE(risk);
  CHECK(risk->failedContactsSinceOpened == 2);
  bool derived = false, postponement = false;
  for (const model::CaseRiskFlag& f : risk->flags) {
    derived = derived || (f.id == 0 && f.kind == model::RiskFlagKind::MissedContacts);
    postponement = postponement || f.kind == model::RiskFlagKind::Postponement;
  }
  CHECK(derived);
  CHECK(postponement);
}
