#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include "gui/widgets/date_field.h"

#include "gui/widgets/collating_proxy_model.h"
#include "gui/widgets/field_errors.h"
#include "gui/volunteers/volunteer_editor.h"
#include "gui/volunteers/volunteer_table_model.h"
#include "gui/volunteers/volunteers_page.h"
#include "model/volunteer_fields.h"
#include "editor_test_support.h"
#include "support/widget_driving.h"
#include "support/qt_string_maker.h"

using dd::gui::VolunteerEditor;
using namespace dd::test;
using dd::gui::VolunteersPage;

namespace {
QPushButton* saveButton(QWidget* editor) {
  return child<QDialogButtonBox>(editor, "buttons")->button(QDialogButtonBox::Save);
}

// Checks that the editor holds a message for the field and shows that very
// message in the field's label; returns the label.
QLabel* checkMessageShownAt(VolunteerEditor& editor, const char* field, const char* labelName) {
  const QString message = editor.fieldErrors().message(QLatin1String(field));
  INFO("field " << field);
  CHECK_FALSE(message.isEmpty());
  auto* label = child<QLabel>(&editor, labelName);
  CHECK_FALSE(label->isHidden());
  CHECK(label->text() == message);
  return label;
}
}  // namespace

TEST_CASE_METHOD(VolunteerEditorFixture,
                 "registering a volunteer through the dialog puts it in the table and the database") {
  VolunteersPage page(registry.get());
  page.show();
  dd::test::ModelCheck tester(page.model());
  dd::test::ModelCheck proxyTester(page.proxy());
  REQUIRE(page.model()->rowCount() == 0);

  const dd::model::Volunteer v = dd::test::sampleVolunteer(QStringLiteral("王小明"), 7);
  bool dialogSeen = false;
  QString leftOpen;
  dd::test::whenModalAppears([&](QWidget* modal) {
    auto* editor = qobject_cast<VolunteerEditor*>(modal);
    dialogSeen = editor != nullptr;
    typeVolunteer(modal, v);
    saveButton(modal)->click();
    if (editor && editor->registeredIds().isEmpty()) {  // not saved: say why
      for (auto* label : editor->findChildren<QLabel*>())
        if (!label->isHidden() && label->property("role").toString() == "fieldMessage")
          leftOpen += label->objectName() + ": " + label->text() + "\n";
    }
    // A registration keeps the editor open to show the number; close it.
    if (editor) editor->done(QDialog::Rejected);
  });
  page.createRecord();
  REQUIRE(dialogSeen);
  INFO(leftOpen.toStdString());
  REQUIRE(leftOpen.isEmpty());

  auto stored = registry->listVolunteers({});
  REQUIRE(stored);
  REQUIRE(stored->size() == 1);
  CHECK(stored->at(0).name == v.name);
  CHECK(stored->at(0).idNumber == v.idNumber);
  REQUIRE(page.model()->rowCount() == 1);
  const QModelIndex name = page.model()->index(0, dd::gui::VolunteerTableModel::Name);
  CHECK(name.data().toString() == v.name);
  // The list masks personal numbers.
  const QString shownId = page.model()->index(0, dd::gui::VolunteerTableModel::IdNumber).data().toString();
  CHECK(shownId != v.idNumber);
  CHECK(shownId.startsWith(v.idNumber.left(6)));
  CHECK(shownId.contains(QLatin1Char('*')));
}

TEST_CASE_METHOD(VolunteerEditorFixture,
                 "an invalid ID number shows the message at the field and writes nothing") {
  VolunteerEditor editor(registry.get(), 0);
  editor.show();
  dd::model::Volunteer v = dd::test::sampleVolunteer(QStringLiteral("李娜"), 3);
  SECTION("wrong check digit") {
    v.idNumber[17] = v.idNumber[17] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
  }
  SECTION("too short") { v.idNumber.chop(3); }
  typeVolunteer(&editor, v);
  CHECK_FALSE(editor.save());
  auto* label = checkMessageShownAt(editor, "id_number", "idNumberError");
  CHECK(child<QLineEdit>(&editor, "idNumber")->property("fieldError").toBool());
  CHECK(editor.isVisible());
  CHECK(*registry->countVolunteers({}) == 0);
  // Correcting the number clears the message and saves.
  child<QLineEdit>(&editor, "idNumber")->setText(dd::test::sampleVolunteer(QStringLiteral("李娜"), 3).idNumber);
  CHECK(editor.save());
  CHECK(editor.fieldErrors().message(QStringLiteral("id_number")).isEmpty());
  CHECK(label->isHidden());
  CHECK(*registry->countVolunteers({}) == 1);
  // The registrar is told the new number (and, with no typing yet, that the
  // volunteer is not searchable until typed).
  auto* note = child<QLabel>(&editor, "savedNote");
  CHECK_FALSE(note->isHidden());
  auto saved = registry->listVolunteers({});
  REQUIRE(saved);
  REQUIRE(saved->size() == 1);
  CHECK(note->text().contains(saved->front().registryNo));
  auto full = registry->volunteer(saved->front().id);
  REQUIRE(full);
  const bool typed = !full->hla.at(dd::model::Locus::A).raw.isEmpty() &&
                     !full->hla.at(dd::model::Locus::B).raw.isEmpty() &&
                     !full->hla.at(dd::model::Locus::DRB1).raw.isEmpty();
  CHECK(note->text().contains("Not searchable") == !typed);
}

TEST_CASE_METHOD(VolunteerEditorFixture,
                 "HLA fields show the engine's message as you type and block saving") {
  VolunteerEditor editor(registry.get(), 0);
  editor.show();
  typeVolunteer(&editor, dd::test::sampleVolunteer(QStringLiteral("赵敏"), 5));
  auto* hlaA = child<QLineEdit>(&editor, "hlaA");
  hlaA->setText(QStringLiteral("B*07:02"));  // a B allele in the A field
  CHECK_FALSE(editor.save());
  CHECK_FALSE(editor.fieldErrors().message(QStringLiteral("hla_a")).isEmpty());
  CHECK(*registry->countVolunteers({}) == 0);
  hlaA->setText(QStringLiteral("A*02:01"));
  CHECK(editor.save());
  auto saved = registry->volunteer(editor.volunteerId());
  REQUIRE(saved);
  CHECK(saved->hla.at(dd::model::Locus::A).raw == QStringLiteral("A*02:01"));
  // The list shows the typing (read for the rows on screen).
  dd::gui::VolunteerTableModel model(registry.get());
  model.reload();
  REQUIRE(model.rowCount() == 1);
  CHECK(model.index(0, dd::gui::VolunteerTableModel::Hla).data().toString() == QStringLiteral("A*02:01"));
}

TEST_CASE_METHOD(VolunteerEditorFixture,
                 "closing with unsaved changes asks, and Cancel keeps the editor open") {
  const dd::model::Volunteer stored = registered(dd::test::sampleVolunteer(QStringLiteral("陈静"), 9));
  VolunteerEditor editor(registry.get(), stored.id);
  editor.show();
  CHECK_FALSE(editor.isDirty());
  child<QLineEdit>(&editor, "wechat")->setText(QStringLiteral("chenjing88"));
  CHECK(editor.isDirty());

  dd::test::answerMessageBox(QMessageBox::Cancel);
  editor.reject();
  CHECK(editor.isVisible());
  CHECK(editor.result() == 0);

  dd::test::answerMessageBox(QMessageBox::Discard);
  editor.reject();
  CHECK_FALSE(editor.isVisible());
  CHECK(registry->volunteer(stored.id)->wechat.isEmpty());
}

TEST_CASE_METHOD(VolunteerEditorFixture, "a version conflict shows both versions and can take theirs") {
  const dd::model::Volunteer stored = registered(dd::test::sampleVolunteer(QStringLiteral("周杰"), 11));
  VolunteerEditor editor(registry.get(), stored.id);
  editor.show();
  // Another workstation saves first.
  dd::model::Volunteer theirs = stored;
  theirs.address = QStringLiteral("济南市历下区泉城路1号");
  REQUIRE(registry->updateVolunteer(theirs, {QStringLiteral("other")}).ok());

  child<QLineEdit>(&editor, "address")->setText(QStringLiteral("青岛市市南区香港中路2号"));
  QStringList shown;
  dd::test::whenModalAppears([&](QWidget* modal) {
    auto* table = modal->findChild<QTableWidget*>(QStringLiteral("differences"));
    CHECK(table);
    for (int r = 0; table && r < table->rowCount(); ++r)
      for (int c = 0; c < table->columnCount(); ++c) shown << table->item(r, c)->text();
    modal->findChild<QPushButton*>(QStringLiteral("takeTheirs"))->click();
  });
  CHECK_FALSE(editor.save());
  CHECK(shown.contains(QStringLiteral("济南市历下区泉城路1号")));
  CHECK(shown.contains(QStringLiteral("青岛市市南区香港中路2号")));
  CHECK(child<QLineEdit>(&editor, "address")->text() == QStringLiteral("济南市历下区泉城路1号"));
  CHECK(registry->volunteer(stored.id)->address == QStringLiteral("济南市历下区泉城路1号"));
}

TEST_CASE_METHOD(VolunteerEditorFixture,
                 "the second emergency contact is typed, checked at its field, saved and shown again") {
  VolunteerEditor editor(registry.get(), 0);
  editor.show();
  typeVolunteer(&editor, dd::test::sampleVolunteer(QStringLiteral("孙丽"), 8));
  child<QLineEdit>(&editor, "emergency2Name")->setText(QStringLiteral("王芳"));
  child<QLineEdit>(&editor, "emergency2Relation")->setText(QStringLiteral("姐姐"));
  child<QLineEdit>(&editor, "emergency2Address")->setText(QStringLiteral("青岛市市南区"));
  auto* phone = child<QLineEdit>(&editor, "emergency2Phone");
  phone->setText(QStringLiteral("not a number"));
  CHECK_FALSE(editor.save());
  checkMessageShownAt(editor, "emergency2_phone", "emergency2PhoneError");
  CHECK(*registry->countVolunteers({}) == 0);

  phone->setText(QStringLiteral("13912345678"));
  REQUIRE(editor.save());
  auto saved = registry->volunteer(editor.volunteerId());
  REQUIRE(saved);
  CHECK(saved->emergency2 == dd::model::EmergencyContact{QStringLiteral("王芳"), QStringLiteral("姐姐"),
                                                          QStringLiteral("13912345678"), QStringLiteral("青岛市市南区")});
  // Opened again, the editor shows what was stored.
  VolunteerEditor reopened(registry.get(), saved->id);
  CHECK(child<QLineEdit>(&reopened, "emergency2Name")->text() == QStringLiteral("王芳"));
  CHECK(child<QLineEdit>(&reopened, "emergency2Phone")->text() == QStringLiteral("13912345678"));
  CHECK(child<QLineEdit>(&reopened, "emergency2Address")->text() == QStringLiteral("青岛市市南区"));
}

TEST_CASE_METHOD(VolunteerEditorFixture, "every form field of the field table has its widget in the editor") {
  VolunteerEditor editor(registry.get(), 0);
  for (const dd::model::VolunteerField& field : dd::model::volunteerFields()) {
    if (field.widget.isEmpty()) continue;
    INFO(field.key.toStdString() << " -> " << field.widget.toStdString());
    CHECK(editor.findChild<QWidget*>(field.widget) != nullptr);
  }
}

TEST_CASE_METHOD(VolunteerEditorFixture, "a CMV status chosen in the editor counts as an edit, is saved and shown again") {
  // CMV is a choice, not free text: an edit of it must still ask before
  // closing and reach the database.
  dd::model::Volunteer sample = dd::test::sampleVolunteer(QStringLiteral("钱敏"), 12);
  sample.cmv = dd::model::Cmv::Unknown;
  const dd::model::Volunteer stored = registered(sample);
  VolunteerEditor editor(registry.get(), stored.id);
  editor.show();
  CHECK_FALSE(editor.isDirty());
  auto* cmv = child<QComboBox>(&editor, "cmv");
  cmv->setCurrentIndex(cmv->findData(static_cast<int>(dd::model::Cmv::Positive)));
  CHECK(editor.isDirty());
  REQUIRE(editor.save());
  CHECK(registry->volunteer(stored.id)->cmv == dd::model::Cmv::Positive);
  VolunteerEditor reopened(registry.get(), stored.id);
  CHECK(child<QComboBox>(&reopened, "cmv")->currentData().toInt() == static_cast<int>(dd::model::Cmv::Positive));
}
