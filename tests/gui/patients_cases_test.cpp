#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include "gui/widgets/date_field.h"
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>

#include "gui/cases/case_table_model.h"
#include "gui/cases/cases_page.h"
#include "gui/widgets/collating_proxy_model.h"
#include "gui/widgets/field_errors.h"
#include "gui/patients/patient_editor.h"
#include "gui/patients/patient_table_model.h"
#include "gui/patients/patients_page.h"
#include "support/widget_driving.h"
#include "support/qt_string_maker.h"

using dd::gui::CaseTableModel;
using dd::gui::PatientTableModel;

TEST_CASE("a patient created through the dialog appears in the list, a nameless one is refused at the field") {
  QTemporaryDir dir;
  auto registry = dd::test::openRegistry(dir.filePath("r.sqlite"));
  dd::gui::PatientsPage page(registry.get());
  page.show();
  dd::test::ModelCheck tester(page.model());
  dd::test::ModelCheck proxyTester(page.proxy());

  {
    dd::gui::PatientEditor editor(registry.get(), 0);
    editor.show();
    editor.findChild<QLineEdit*>("diagnosis")->setText("AML");
    CHECK_FALSE(editor.save());
    CHECK_FALSE(editor.fieldErrors().message("name").isEmpty());
    CHECK_FALSE(editor.findChild<QLabel*>("nameError")->isHidden());
    auto listed = registry->listPatients({});
    REQUIRE(listed);
    CHECK(listed->isEmpty());
  }

  QString leftOpen;
  dd::test::whenModalAppears([&leftOpen](QWidget* modal) {
    modal->findChild<QLineEdit*>("name")->setText(QStringLiteral("孙丽"));
    modal->findChild<dd::gui::DateField*>("birthDate")->setDate(QDate(1988, 4, 2));
    modal->findChild<QLineEdit*>("diagnosis")->setText(QStringLiteral("AML"));
    modal->findChild<QLineEdit*>("hospital")->setText(QStringLiteral("山东大学齐鲁医院"));
    modal->findChild<QLineEdit*>("hlaA")->setText(QStringLiteral("A*02:01+A*24:02"));
    modal->findChild<QDialogButtonBox*>("buttons")->button(QDialogButtonBox::Save)->click();
    if (modal->isVisible()) {  // not saved: say why, and do not hang
      for (auto* label : modal->findChildren<QLabel*>())
        if (!label->isHidden() && label->property("role").toString() == "fieldMessage")
          leftOpen += label->objectName() + ": " + label->text() + "\n";
      static_cast<QDialog*>(modal)->done(QDialog::Rejected);
    }
  });
  page.createRecord();
  INFO(leftOpen.toStdString());
  REQUIRE(leftOpen.isEmpty());
  REQUIRE(page.model()->rowCount() == 1);
  CHECK(page.model()->index(0, PatientTableModel::Name).data().toString() == QStringLiteral("孙丽"));
  CHECK(page.model()->index(0, PatientTableModel::Hla).data().toString().contains("A*02:01"));
  const auto stored = registry->listPatients({});
  REQUIRE(stored->size() == 1);
  CHECK(stored->at(0).hospital == QStringLiteral("山东大学齐鲁医院"));
  CHECK_FALSE(stored->at(0).caseNo.isEmpty());
}

TEST_CASE("cases page advances a stage and stops a case with a coded reason") {
  QTemporaryDir dir;
  auto registry = dd::test::openRegistry(dir.filePath("r.sqlite"));
  const dd::app::Actor actor{QStringLiteral("t")};
  auto volunteer = registry->registerVolunteer(dd::test::sampleVolunteer(QStringLiteral("黄磊"), 21), actor);
  REQUIRE(volunteer.ok());
  dd::model::Patient patient;
  patient.name = QStringLiteral("马超");
  patient.birthDate = QDate(1979, 9, 30);
  auto created = registry->createPatient(patient, actor);
  REQUIRE(created.ok());
  auto workup = registry->startWorkup(created.value->id, volunteer.value->id, QDate::currentDate(), actor);
  REQUIRE(workup.ok());

  dd::gui::CasesPage page(registry.get());
  page.show();
  dd::test::ModelCheck tester(page.model());
  REQUIRE(page.model()->rowCount() == 1);
  CHECK(page.model()->index(0, CaseTableModel::Volunteer).data().toString() == volunteer.value->registryNo);
  page.selectCase(workup.value->id);
  auto* nextStage = page.findChild<QComboBox*>("nextStage");
  CHECK(nextStage->currentData().toInt() == static_cast<int>(dd::model::WorkupStage::ConfirmatoryTyping));
  // Cancelling the confirmation changes nothing.
  dd::test::answerConfirmation(false);
  CHECK_FALSE(page.advanceSelected());
  CHECK(registry->workupCase(workup.value->id)->stage == dd::model::WorkupStage::InitialMatch);
  QString asked;
  dd::test::answerConfirmation(true, &asked);
  REQUIRE(page.advanceSelected());
  CHECK(asked.contains(volunteer.value->registryNo));
  CHECK(registry->workupCase(workup.value->id)->stage == dd::model::WorkupStage::ConfirmatoryTyping);
  CHECK(page.model()->index(0, CaseTableModel::Stage).data().toString() ==
        page.findChild<QComboBox*>("stageFilter")->itemText(2));

  // Going back a stage is refused with the use case's message.
  page.selectCase(workup.value->id);
  nextStage->setCurrentIndex(0);
  CHECK_FALSE(page.advanceSelected());
  CHECK_FALSE(page.findChild<QLabel*>("actionError")->isHidden());

  // Straight to collection: refused before any question (no consent on file).
  page.selectCase(workup.value->id);
  nextStage->setCurrentIndex(static_cast<int>(dd::model::WorkupStage::Collection));
  CHECK_FALSE(page.advanceSelected());
  CHECK(page.findChild<QLabel*>("actionError")->text().contains("consent"));
  CHECK(registry->volunteer(volunteer.value->id)->status == dd::model::VolunteerStatus::Reserved);
  // Skipping the medical exam asks why; the reason is kept.
  page.selectCase(workup.value->id);
  nextStage->setCurrentIndex(static_cast<int>(dd::model::WorkupStage::ConsentSigned));
  dd::test::answerReason(QStringLiteral("exam done at the hospital"));
  REQUIRE(page.advanceSelected());
  CHECK(registry->workupCase(workup.value->id)->stageNote == "exam done at the hospital");
  // A wrong click is taken back with a reason.
  page.selectCase(workup.value->id);
  dd::test::answerReason(QStringLiteral("wrong case"));
  REQUIRE(page.undoSelected());
  CHECK(registry->workupCase(workup.value->id)->stage == dd::model::WorkupStage::ConfirmatoryTyping);

  page.selectCase(workup.value->id);
  page.findChild<QComboBox*>("stopReason")->setCurrentIndex(1);  // health
  page.findChild<QComboBox*>("stopStage")->setCurrentIndex(0);    // initial match: the stage the donor had reached
  page.findChild<QLineEdit*>("stopNote")->setText(QStringLiteral("血压高"));
  dd::test::answerConfirmation(true);
  REQUIRE(page.stopSelected());
  const auto stopped = registry->workupCase(workup.value->id);
  CHECK(stopped->stopped());
  CHECK(stopped->stopReason == QStringLiteral("血压高"));
  CHECK(stopped->stopCode == dd::model::StopReason::Health);
  CHECK(stopped->regretStage == dd::model::WorkupStage::InitialMatch);
  CHECK(page.model()->rowCount() == 0);  // stopped cases hidden by default
  page.findChild<QCheckBox*>("showStopped")->setChecked(true);
  REQUIRE(page.model()->rowCount() == 1);
  CHECK(page.model()->index(0, CaseTableModel::StopReason).data().toString().contains(QStringLiteral("血压高")));
  // The reserved volunteer is released when the case stops.
  CHECK(registry->volunteer(volunteer.value->id)->status == dd::model::VolunteerStatus::Active);
}
