// Patients and workup cases: stages in order, reservation and donation of
// the volunteer, stopping with the regret stage, the documents' read model.
#include <catch2/catch.hpp>

#include "core/qt/localization.h"
#include "support/registry_fixture.h"
#include "support/qt_string_maker.h"

using namespace dd;
using model::VolunteerStatus;
using model::WorkupStage;

namespace {
model::Patient samplePatient() {
  model::Patient p;
  p.name = QStringLiteral("患者甲");
  p.sex = model::Sex::Male;
  p.birthDate = QDate(2012, 6, 1);
  p.diagnosis = QStringLiteral("急性髓系白血病");
  p.hospital = QStringLiteral("山东大学齐鲁医院");
  p.physician = QStringLiteral("王医生");
  p.hla.at(model::Locus::A).raw = "A*02:01+A*11:01";
  p.abo = "O";
  p.rh = "+";
  p.urgency = "urgent";
  p.searchRequestDate = QDate::currentDate();
  return p;
}

// A sample patient and volunteer n, both stored: the pair a workup case is opened for.
struct PatientAndDonor {
  model::Patient patient;
  model::Volunteer donor;
};

PatientAndDonor storedPatientAndDonor(app::Registry& registry, int donorSerial) {
  auto patient = registry.createPatient(samplePatient(), test::staff());
  REQUIRE(patient.ok());
  return {*patient.value, test::registered(registry, test::sampleVolunteer(donorSerial))};
}

// Opens a workup case for the patient and volunteer; fails the test, saying
// why, when it cannot.
model::WorkupCase startedWorkup(app::Registry& registry, qint64 patientId, qint64 volunteerId,
                                const QDate& opened = {}) {
  auto started = registry.startWorkup(patientId, volunteerId, opened, test::staff());
  INFO((started.errors.empty() ? std::string() : qt::translated(started.errors.at(0)).toStdString()));
  REQUIRE(started.ok());
  return *started.value;
}
}  // namespace

TEST_CASE("patients are created with a case number, read back, and updated with optimistic locking") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  auto created = registry->createPatient(samplePatient(), test::staff());
  REQUIRE(created.ok());
  CHECK(created.value->caseNo.startsWith(QStringLiteral("P%1-").arg(QDate::currentDate().year())));
  auto read = registry->patientByCaseNo(created.value->caseNo);
  REQUIRE(read);
  CHECK(read->name == QStringLiteral("患者甲"));
  CHECK(read->hla.at(model::Locus::A).raw == "A*02:01+A*11:01");
  CHECK(read->urgency == "urgent");
  model::Patient edit = *read;
  edit.urgency = "critical";
  REQUIRE(registry->updatePatient(edit, test::staff()).ok());
  edit.notes = "stale";
  CHECK(registry->updatePatient(edit, test::staff()).conflict());
  auto listed = registry->listPatients({QStringLiteral("患者"), {}, 0, 10});
  REQUIRE(listed);
  CHECK(listed->size() == 1);
  auto missing = registry->patient(9999);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == "store.not_found");
}

TEST_CASE("a workup reserves the volunteer, advances in order, and collection records the donation") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const auto [patient, donor] = storedPatientAndDonor(*registry, 1);
  const model::WorkupCase started = startedWorkup(*registry, patient.id, donor.id, QDate(2024, 1, 2));
  auto reserved = registry->volunteer(donor.id);
  REQUIRE(reserved);
  CHECK(reserved->status == VolunteerStatus::Reserved);
  CHECK(reserved->reservedForPatientId == patient.id);
  // A second case for the same patient and volunteer while the first is open is refused.
  auto second = registry->startWorkup(patient.id, donor.id, {}, test::staff());
  REQUIRE_FALSE(second.ok());
  CHECK(second.errors.at(0).code == "validation.case_open");
  // Cases are named by their code: the patient's case number and the nth case.
  CHECK(started.caseCode == patient.caseNo + QStringLiteral("-01"));
  CHECK(registry->workupCase(started.id)->caseCode == started.caseCode);
  CHECK(qt::translated(second.errors.at(0)).contains(started.caseCode));
  // Another patient cannot take a volunteer reserved for this one; the status
  // is named in the staff's language.
  auto otherPatient = registry->createPatient(samplePatient(), test::staff());
  REQUIRE(otherPatient.ok());
  auto taken = registry->startWorkup(otherPatient.value->id, donor.id, {}, test::staff());
  REQUIRE_FALSE(taken.ok());
  CHECK(qt::translated(taken.errors.at(0)) ==
        QStringLiteral("Volunteer No. %1 is 'Reserved' and cannot start a workup.").arg(donor.registryNo));
  REQUIRE(qt::installTranslators("zh_CN"));
  auto takenZh = registry->startWorkup(otherPatient.value->id, donor.id, {}, test::staff());
  const QString chinese = qt::translated(takenZh.errors.at(0));
  qt::installTranslators("en");
  CHECK_FALSE(chinese.contains("Reserved"));
  CHECK(chinese.contains(QStringLiteral("已预留")));

  model::WorkupCase w = started;
  auto typed = registry->advanceWorkup(w.id, w.rowVersion, WorkupStage::ConfirmatoryTyping, QDate(2024, 1, 20),
                                       test::staff());
  REQUIRE(typed.ok());
  auto backwards = registry->advanceWorkup(w.id, typed.value->rowVersion, WorkupStage::InitialMatch, {}, test::staff());
  REQUIRE_FALSE(backwards.ok());
  CHECK(qt::translated(backwards.errors.at(0)) ==
        "The case is already at stage 'Confirmatory typing'; it cannot move to 'Initial match'.");
  // From confirmatory typing straight to collection: refused, whatever the reason.
  auto jump = registry->advanceWorkup(w.id, typed.value->rowVersion, WorkupStage::Collection, QDate(2024, 3, 1),
                                      test::staff(), QStringLiteral("urgent"));
  REQUIRE_FALSE(jump.ok());
  CHECK(jump.errors.at(0).code == "validation.consent_missing");
  CHECK(registry->volunteer(donor.id)->status == VolunteerStatus::Reserved);
  // Skipping the medical exam needs a reason, which is kept.
  auto skip = registry->advanceWorkup(w.id, typed.value->rowVersion, WorkupStage::ConsentSigned, QDate(2024, 2, 1),
                                      test::staff());
  REQUIRE_FALSE(skip.ok());
  CHECK(skip.errors.at(0).code == "validation.stage_skipped");
  CHECK(qt::translated(skip.errors.at(0)).contains("Medical exam"));
  auto exam = registry->advanceWorkup(w.id, typed.value->rowVersion, WorkupStage::MedicalExam, QDate(2024, 1, 10),
                                      test::staff());
  REQUIRE_FALSE(exam.ok());  // dated before confirmatory typing
  CHECK(exam.errors.at(0).code == "validation.stage_date");
  exam = registry->advanceWorkup(w.id, typed.value->rowVersion, WorkupStage::MedicalExam, QDate(2024, 2, 1),
                                 test::staff());
  REQUIRE(exam.ok());
  auto consent = registry->advanceWorkup(w.id, exam.value->rowVersion, WorkupStage::ConsentSigned, QDate(2024, 2, 10),
                                         test::staff());
  REQUIRE(consent.ok());
  auto collected = registry->advanceWorkup(w.id, consent.value->rowVersion, WorkupStage::Collection,
                                           QDate(2024, 3, 1), test::staff(), QStringLiteral("G-CSF given at the centre"));
  REQUIRE(collected.ok());
  CHECK(collected.value->stageNote == "G-CSF given at the centre");  // mobilisation was skipped, with its reason
  auto detail = registry->workupCaseDetail(w.id);
  REQUIRE(detail);
  CHECK(detail->workup.stage == WorkupStage::Collection);
  CHECK(detail->workup.stageDates[0] == QDate(2024, 1, 2));
  CHECK(detail->workup.stageDates[1] == QDate(2024, 1, 20));
  CHECK(detail->workup.stageDates[5] == QDate(2024, 3, 1));
  CHECK(detail->patient.caseNo == patient.caseNo);
  CHECK(detail->volunteer.status == VolunteerStatus::Donated);
  CHECK(detail->volunteer.donationCount == 1);
  CHECK(detail->volunteer.donationDate == QDate(2024, 3, 1));
  auto cases = registry->workupCasesForVolunteer(donor.id);
  REQUIRE(cases);
  CHECK(cases->size() == 1);
}

TEST_CASE("a volunteer reserved for this patient can start this patient's case (reserve, then workup)") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const auto [patient, donor] = storedPatientAndDonor(*registry, 3);
  auto reserved = registry->reserveForPatient(donor.id, donor.rowVersion, patient.id, test::staff());
  REQUIRE(reserved.ok());
  const model::WorkupCase started = startedWorkup(*registry, patient.id, donor.id);
  auto after = registry->volunteer(donor.id);
  REQUIRE(after);
  CHECK(after->status == VolunteerStatus::Reserved);
  CHECK(after->reservedForPatientId == patient.id);
  CHECK(after->rowVersion == reserved.value->rowVersion);  // no second, meaningless status write
  // Stopping that case releases the volunteer as usual.
  auto stopped =
      registry->stopWorkup(started.id, started.rowVersion, model::StopReason::SearchClosed, WorkupStage::InitialMatch,
                           QStringLiteral("患者病情变化"), {}, test::staff());
  REQUIRE(stopped.ok());
  auto released = registry->volunteer(donor.id);
  REQUIRE(released);
  CHECK(released->status == VolunteerStatus::Active);
  // The patient's next case is the second one.
  auto next = registry->startWorkup(patient.id, donor.id, {}, test::staff());
  REQUIRE(next.ok());
  CHECK(next.value->caseCode == patient.caseNo + QStringLiteral("-02"));
}

TEST_CASE("a wrong click is undone with a reason: the stage goes back, a donation is taken off the record") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const auto [patient, donor] = storedPatientAndDonor(*registry, 4);
  model::WorkupCase c = startedWorkup(*registry, patient.id, donor.id, QDate(2024, 1, 2));
  for (auto stage : {WorkupStage::ConfirmatoryTyping, WorkupStage::MedicalExam, WorkupStage::ConsentSigned,
                     WorkupStage::Mobilisation, WorkupStage::Collection}) {
    auto next = registry->advanceWorkup(c.id, c.rowVersion, stage, QDate(2024, 2, 1), test::staff());
    REQUIRE(next.ok());
    c = *next.value;
  }
  REQUIRE(registry->volunteer(donor.id)->status == VolunteerStatus::Donated);
  auto noReason = registry->undoLastStage(c.id, c.rowVersion, "  ", test::staff());
  REQUIRE_FALSE(noReason.ok());
  CHECK(noReason.errors.at(0).field == "undo_reason");
  auto undone = registry->undoLastStage(c.id, c.rowVersion, QStringLiteral("clicked the wrong row"), test::staff());
  REQUIRE(undone.ok());
  CHECK(undone.value->stage == WorkupStage::Mobilisation);
  CHECK_FALSE(undone.value->stageDates[static_cast<std::size_t>(WorkupStage::Collection)].isValid());
  auto volunteer = registry->volunteer(donor.id);
  REQUIRE(volunteer);
  CHECK(volunteer->status == VolunteerStatus::Reserved);
  CHECK(volunteer->reservedForPatientId == patient.id);
  CHECK(volunteer->donationCount == 0);
  CHECK_FALSE(volunteer->donationDate.isValid());
  // The audit trail holds the undo with its reason.
  auto audit = registry->auditTrail("workup_case", c.id);
  REQUIRE(audit);
  bool found = false;
  for (const auto& entry : *audit) found = found || (entry.field == "stage_note" && entry.newValue == "clicked the wrong row");
  CHECK(found);
  // Back to the first stage, then nothing is left to undo.
  for (int i = 0; i < 4; ++i) {
    undone = registry->undoLastStage(c.id, undone.value->rowVersion, QStringLiteral("test"), test::staff());
    REQUIRE(undone.ok());
  }
  CHECK(undone.value->stage == WorkupStage::InitialMatch);
  auto nothing = registry->undoLastStage(c.id, undone.value->rowVersion, QStringLiteral("test"), test::staff());
  REQUIRE_FALSE(nothing.ok());
  CHECK(nothing.errors.at(0).code == "validation.nothing_to_undo");
}

TEST_CASE("stopping a workup records the reason and regret stage and releases the volunteer") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const auto [patient, donor] = storedPatientAndDonor(*registry, 2);
  const model::WorkupCase started = startedWorkup(*registry, patient.id, donor.id);
  auto exam = registry->advanceWorkup(started.id, 1, WorkupStage::MedicalExam, {}, test::staff(),
                                      QStringLiteral("confirmatory typing done at recruitment"));
  REQUIRE(exam.ok());
  auto noReason = registry->stopWorkup(started.id, exam.value->rowVersion, model::StopReason::Other,
                                       WorkupStage::MedicalExam, " ", {}, test::staff());
  REQUIRE_FALSE(noReason.ok());
  CHECK(qt::translated(noReason.errors.at(0)) == "Reason for stopping is required.");
  auto stopped = registry->stopWorkup(started.id, exam.value->rowVersion, model::StopReason::Health,
                                      WorkupStage::MedicalExam, QStringLiteral("体检不合格"), {}, test::staff());
  REQUIRE(stopped.ok());
  CHECK(stopped.value->regretStage == WorkupStage::MedicalExam);
  auto again = registry->advanceWorkup(started.id, stopped.value->rowVersion, WorkupStage::ConsentSigned, {},
                                       test::staff());
  REQUIRE_FALSE(again.ok());
  CHECK(qt::translated(again.errors.at(0)).contains("was stopped on"));
  auto released = registry->volunteer(donor.id);
  REQUIRE(released);
  CHECK(released->status == VolunteerStatus::Active);
  auto audit = registry->auditTrail("workup_case", started.id);
  REQUIRE(audit);
  CHECK(audit->size() >= 3);
}
