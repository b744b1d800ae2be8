// The volunteer editor as a registrar uses it on a drive day and afterwards:
// the new number is shown, the drive carries over, the history reads as
// history, phones keep their past, contact attempts can be back-dated, the
// status tab offers only what staff may set, and messages never go stale.
#include <catch2/catch.hpp>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include "gui/widgets/date_field.h"
#include "gui/widgets/field_errors.h"
#include "gui/volunteers/volunteer_editor.h"
#include "gui/volunteers/volunteer_table_model.h"
#include "gui/volunteers/volunteers_page.h"
#include "editor_test_support.h"
#include "support/widget_driving.h"
#include "mnemonic_check.h"
#include "support/qt_string_maker.h"

using dd::gui::DateField;
using dd::gui::VolunteerEditor;
using namespace dd::test;

namespace {
QPushButton* button(QWidget* editor, QDialogButtonBox::StandardButton which) {
  return child<QDialogButtonBox>(editor, "buttons")->button(which);
}

QPushButton* registerAnotherButton(QWidget* editor) {
  for (QPushButton* b : child<QDialogButtonBox>(editor, "buttons")->findChildren<QPushButton*>())
    if (b->text().remove(QLatin1Char('&')).contains("Register another")) return b;
  return nullptr;
}

QStringList column(QTableWidget* table, int c) {
  QStringList cells;
  for (int r = 0; r < table->rowCount(); ++r) cells << (table->item(r, c) ? table->item(r, c)->text() : QString());
  return cells;
}
}  // namespace

TEST_CASE_METHOD(VolunteerEditorFixture,
                 "a registration shows the new number, stays open, and the next volunteer keeps the drive") {
  const QDate today = QDate::currentDate();
  QList<qint64> ids;
  {
    VolunteerEditor editor(registry.get(), 0);
    editor.show();
    REQUIRE(registerAnotherButton(&editor));
    CHECK_FALSE(registerAnotherButton(&editor)->isVisible());
    typeVolunteer(&editor, dd::test::sampleVolunteer(QStringLiteral("周一"), 11));
    child<DateField>(&editor, "driveDate")->setDate(today);
    child<QLineEdit>(&editor, "drivePlace")->setText(QStringLiteral("山东大学体育馆"));
    child<QLineEdit>(&editor, "driveOrganiser")->setText(QStringLiteral("校红十字会"));
    button(&editor, QDialogButtonBox::Save)->click();
    // Still open, telling the number to write on the volunteer's card.
    REQUIRE(editor.isVisible());
    REQUIRE(editor.registeredIds().size() == 1);
    auto first = registry->volunteer(editor.registeredIds().front());
    REQUIRE(first);
    CHECK(first->drive.place == QStringLiteral("山东大学体育馆"));
    CHECK(first->drive.organiser == QStringLiteral("校红十字会"));
    CHECK(first->drive.date == today);
    auto* note = child<QLabel>(&editor, "savedNote");
    CHECK_FALSE(note->isHidden());
    CHECK(note->text().contains(first->registryNo));
    CHECK(registerAnotherButton(&editor)->isVisible());
    // The buttons that appear now (Register another, Close) take letters no
    // field of the form uses.
    {
      const QStringList clashing = dd::test::clashesOnEveryTab(&editor, QStringLiteral("after registering"));
      INFO(clashing.join(QLatin1Char('\n')).toStdString());
      CHECK(clashing.isEmpty());
      child<QTabWidget>(&editor, "tabs")->setCurrentIndex(0);
    }
    // The next volunteer of the same drive: a blank form with the drive kept.
    registerAnotherButton(&editor)->click();
    CHECK(child<QLineEdit>(&editor, "name")->text().isEmpty());
    CHECK(child<QLineEdit>(&editor, "registryNo")->text().isEmpty());
    CHECK(child<QLineEdit>(&editor, "drivePlace")->text() == QStringLiteral("山东大学体育馆"));
    CHECK(child<DateField>(&editor, "driveDate")->date() == today);
    CHECK(child<QLineEdit>(&editor, "consentVersion")->text() == first->consentVersion);  // the drive's form
    CHECK(note->isHidden());
    typeVolunteer(&editor, dd::test::sampleVolunteer(QStringLiteral("周二"), 12));
    button(&editor, QDialogButtonBox::Save)->click();
    REQUIRE(editor.registeredIds().size() == 2);
    ids = editor.registeredIds();
  }
  auto second = registry->volunteer(ids.at(1));
  REQUIRE(second);
  CHECK(second->drive.place == QStringLiteral("山东大学体育馆"));
  // Both are in the drive's list, so its forms print for both.
  auto drives = registry->recruitmentDrives();
  REQUIRE(drives);
  REQUIRE(drives->size() == 1);
  CHECK(drives->front().volunteerCount == 2);
  // A new editor the same day starts with today's drive.
  VolunteerEditor later(registry.get(), 0);
  CHECK(child<QLineEdit>(&later, "drivePlace")->text() == QStringLiteral("山东大学体育馆"));
}

TEST_CASE_METHOD(VolunteerEditorFixture,
                 "the volunteers page counts every volunteer registered in one sitting") {
  dd::gui::VolunteersPage page(registry.get());
  page.show();
  QList<qint64> announced;
  QObject::connect(&page, &dd::gui::VolunteersPage::volunteerSaved, [&](qint64 id) { announced << id; });
  dd::test::whenModalAppears([&](QWidget* modal) {
    typeVolunteer(modal, dd::test::sampleVolunteer(QStringLiteral("吴一"), 21));
    button(modal, QDialogButtonBox::Save)->click();
    registerAnotherButton(modal)->click();
    typeVolunteer(modal, dd::test::sampleVolunteer(QStringLiteral("吴二"), 22));
    button(modal, QDialogButtonBox::Save)->click();
    button(modal, QDialogButtonBox::Cancel)->click();  // now labelled Close
  });
  page.createRecord();
  CHECK(announced.size() == 2);
  CHECK(*registry->countVolunteers({}) == 2);
  CHECK(page.model()->rowCount() == 2);
}

TEST_CASE_METHOD(VolunteerEditorFixture,
                 "the history tab reads as translated history with personal numbers masked") {
  dd::model::Volunteer v = dd::test::sampleVolunteer(QStringLiteral("郑洁"), 31);
  v.address = QStringLiteral("济南市历下区旧址");
  v.hla.at(dd::model::Locus::A).raw = QStringLiteral("A*02:01+A*24:02");
  const qint64 id = registered(v).id;
  auto saved = registry->volunteer(id);
  REQUIRE(saved);
  dd::model::Volunteer edited = *saved;
  edited.address = QStringLiteral("济南市历下区新地址 1 号");
  edited.phones = {dd::model::Phone{QStringLiteral("13966667777"), QStringLiteral("mobile"), true, {}, {}}};
  REQUIRE(registry->updateVolunteer(edited, {QStringLiteral("复核员")}).ok());

  VolunteerEditor editor(registry.get(), id);
  auto* table = child<QTableWidget>(&editor, "auditTable");
  REQUIRE(table->rowCount() > 3);
  QStringList everything;
  for (int c = 0; c < table->columnCount(); ++c) everything += column(table, c);
  const QString all = everything.join(QLatin1Char('\n'));
  // No internals: no full ID number or phone, no JSON, no column or action keys.
  CHECK_FALSE(all.contains(v.idNumber));
  CHECK_FALSE(all.contains(v.phones.at(0).number));
  CHECK_FALSE(all.contains(QLatin1Char('{')));
  for (const char* internal : {"id_number", "registry_no", "create", "update", "hla_a_raw", "consent_date"})
    CHECK_FALSE(everything.contains(QLatin1String(internal)));
  const QStringList actions = column(table, 2), fields = column(table, 3), olds = column(table, 4),
                    news = column(table, 5), staff = column(table, 1);
  const int idRow = static_cast<int>(fields.indexOf("ID number"));
  REQUIRE(idRow >= 0);
  CHECK(actions.at(idRow) == "Registered");
  CHECK(staff.at(idRow) == QStringLiteral("登记员"));
  CHECK(news.at(idRow).startsWith(v.idNumber.left(6)));
  CHECK(news.at(idRow).contains(QLatin1Char('*')));
  CHECK(fields.count("HLA-A") == 1);  // as entered; the normalised copy is not repeated
  const int addressRow = static_cast<int>(fields.lastIndexOf("Address"));
  REQUIRE(addressRow >= 0);
  CHECK(actions.at(addressRow) == "Changed");
  CHECK(staff.at(addressRow) == QStringLiteral("复核员"));
  CHECK(olds.at(addressRow) == v.address);
  CHECK(news.at(addressRow) == edited.address);
  CHECK(column(table, 0).at(addressRow).size() == QStringLiteral("2026-12-01 08:00").size());
  // Phones read in words: masked numbers, which is current, which was
  // replaced and when (the date itself not masked), no storage notation.
  const int phoneRow = static_cast<int>(fields.lastIndexOf("Phone numbers"));
  REQUIRE(phoneRow >= 0);
  const QString phones = news.at(phoneRow);
  INFO(phones.toStdString());
  CHECK(phones.contains(QStringLiteral("139****7777 (mobile, current)")));
  CHECK(phones.contains(QStringLiteral("replaced ") + QDate::currentDate().toString(Qt::ISODate)));
  CHECK_FALSE(phones.contains(QStringLiteral("[replaced")));
  CHECK_FALSE(phones.contains(QStringLiteral(")*")));
  CHECK(olds.at(phoneRow) == QStringLiteral("%1 (mobile, current)").arg(v.phones.at(0).number.left(3) +
                                                                         QStringLiteral("****") +
                                                                         v.phones.at(0).number.right(4)));
}

TEST_CASE_METHOD(VolunteerEditorFixture,
                 "replacing the phone keeps the old number as dated history shown in the editor") {
  const dd::model::Volunteer v = dd::test::sampleVolunteer(QStringLiteral("钱多"), 41);
  const qint64 id = registered(v).id;
  {
    VolunteerEditor editor(registry.get(), id);
    editor.show();
    CHECK(child<QLabel>(&editor, "formerPhones")->isHidden());
    child<QLineEdit>(&editor, "phone")->setText(QStringLiteral("13955556666"));
    REQUIRE(editor.save());
  }
  auto now = registry->volunteer(id);
  REQUIRE(now);
  CHECK(now->currentPhone() == QStringLiteral("13955556666"));
  REQUIRE(now->phones.size() == 2);
  CHECK(now->phones.at(1).number == v.phones.at(0).number);
  CHECK(now->phones.at(1).replacedOn == QDate::currentDate());
  VolunteerEditor reopened(registry.get(), id);
  reopened.show();
  auto* former = child<QLabel>(&reopened, "formerPhones");
  CHECK_FALSE(former->isHidden());
  CHECK(former->text().contains(QDate::currentDate().toString(Qt::ISODate)));
  CHECK(former->text().contains(v.phones.at(0).number.right(4)));
  CHECK_FALSE(former->text().contains(v.phones.at(0).number));  // masked
  CHECK(child<QLineEdit>(&reopened, "phone")->text() == QStringLiteral("13955556666"));
  CHECK(child<QLineEdit>(&reopened, "phone2")->text().isEmpty());
  CHECK_FALSE(reopened.isDirty());  // history alone is not an unsaved edit
}

TEST_CASE_METHOD(VolunteerEditorFixture,
                 "a contact attempt can be back-dated in the contact log, never dated ahead") {
  const qint64 id = registered(dd::test::sampleVolunteer(QStringLiteral("孙立"), 51)).id;
  VolunteerEditor editor(registry.get(), id);
  editor.show();
  auto* date = child<DateField>(&editor, "contactDate");
  CHECK(date->date() == QDate::currentDate());
  const QDate threeDaysAgo = QDate::currentDate().addDays(-3);
  date->setDate(threeDaysAgo);
  child<QLineEdit>(&editor, "contactNote")->setText(QStringLiteral("周末电话，今日补记"));
  child<QPushButton>(&editor, "addContactButton")->click();
  auto contacts = registry->contacts(id);
  REQUIRE(contacts);
  REQUIRE(contacts->size() == 1);
  CHECK(contacts->front().at.toLocalTime().date() == threeDaysAgo);
  CHECK(registry->volunteer(id)->lastContactOk == threeDaysAgo);
  auto* table = child<QTableWidget>(&editor, "contactTable");
  REQUIRE(table->rowCount() == 1);
  CHECK(table->item(0, 0)->text().startsWith(threeDaysAgo.toString(Qt::ISODate)));
  CHECK(date->date() == QDate::currentDate());  // back to today for the next one
  // The history dates the entry when it was written, and names the contact's own date.
  auto* history = child<QTableWidget>(&editor, "auditTable");
  const QStringList fields = column(history, 3);
  const int row = static_cast<int>(fields.lastIndexOf("Contact attempt"));
  REQUIRE(row >= 0);
  CHECK(column(history, 0).at(row).startsWith(QDate::currentDate().toString(Qt::ISODate)));
  CHECK(column(history, 5).at(row).contains(threeDaysAgo.toString(Qt::ISODate)));

  date->setDate(QDate::currentDate().addDays(5));
  child<QPushButton>(&editor, "addContactButton")->click();
  auto* error = child<QLabel>(&editor, "contactError");
  CHECK_FALSE(error->isHidden());
  CHECK(error->text().contains("in the future"));
  CHECK(registry->contacts(id)->size() == 1);
}

TEST_CASE_METHOD(VolunteerEditorFixture, "the status tab offers only what staff may set by hand") {
  const qint64 id = registered(dd::test::sampleVolunteer(QStringLiteral("李想"), 61)).id;
  dd::model::Patient patient;
  patient.name = QStringLiteral("患者乙");
  patient.birthDate = QDate(2010, 1, 1);
  patient.searchRequestDate = QDate::currentDate();
  auto created = registry->createPatient(patient, {QStringLiteral("t")});
  REQUIRE(created.ok());
  auto v = registry->volunteer(id);
  REQUIRE(registry->reserveForPatient(id, v->rowVersion, created.value->id, {QStringLiteral("t")}).ok());

  VolunteerEditor editor(registry.get(), id);
  editor.show();
  auto* choices = child<QComboBox>(&editor, "newStatus");
  QStringList offered;
  for (int i = 0; i < choices->count(); ++i) offered << choices->itemText(i);
  CHECK_FALSE(offered.contains("Reserved"));
  CHECK_FALSE(offered.contains("Donated"));
  CHECK(offered.contains("Withdrawn"));
  CHECK(offered.contains("Lost contact"));
  CHECK(child<QLabel>(&editor, "currentStatus")->text().contains("Reserved"));
  // The reservation shows the patient's case number in the history, not an id.
  auto* table = child<QTableWidget>(&editor, "auditTable");
  const QStringList fields = column(table, 3), news = column(table, 5);
  const int row = static_cast<int>(fields.lastIndexOf("Reserved for patient"));
  REQUIRE(row >= 0);
  CHECK(news.at(row) == created.value->caseNo);
}

TEST_CASE_METHOD(VolunteerEditorFixture,
                 "messages go when the mistake goes, and sit on the field that is wrong") {
  VolunteerEditor editor(registry.get(), 0);
  editor.show();
  const dd::model::Volunteer v = dd::test::sampleVolunteer(QStringLiteral("冯雪"), 71);
  typeVolunteer(&editor, v);
  auto* id = child<QLineEdit>(&editor, "idNumber");
  QString wrong = v.idNumber;
  wrong[17] = wrong[17] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
  id->setText(wrong);
  child<QLineEdit>(&editor, "phone2")->setText(QStringLiteral("12345"));
  CHECK_FALSE(editor.save());
  auto* idError = child<QLabel>(&editor, "idNumberError");
  CHECK_FALSE(idError->isHidden());
  CHECK_FALSE(idError->text().contains(QStringLiteral("expected")));
  // The bad second number is flagged on the second field, not the first.
  CHECK_FALSE(child<QLabel>(&editor, "phone2Error")->isHidden());
  CHECK(child<QLabel>(&editor, "phoneError")->isHidden());
  // Fixing the ID number clears its message at once, before any save.
  id->setText(v.idNumber);
  QTest::keyClick(id, Qt::Key_End);  // a real edit signal
  Q_EMIT id->textEdited(id->text());
  CHECK(idError->isHidden());
  CHECK(editor.fieldErrors().message(QStringLiteral("id_number")).isEmpty());
  CHECK_FALSE(child<QLabel>(&editor, "phone2Error")->isHidden());  // still wrong: still shown

  // No way to reach the volunteer: said on the phone field; WeChat fixes it.
  auto* phone2 = child<QLineEdit>(&editor, "phone2");
  phone2->clear();
  Q_EMIT phone2->textEdited(QString());
  auto* phone = child<QLineEdit>(&editor, "phone");
  phone->clear();
  CHECK_FALSE(editor.save());
  auto* phoneError = child<QLabel>(&editor, "phoneError");
  CHECK_FALSE(phoneError->isHidden());
  CHECK(phoneError->text().contains("At least one way to reach"));
  auto* wechat = child<QLineEdit>(&editor, "wechat");
  wechat->setText(QStringLiteral("feng_xue_71"));
  Q_EMIT wechat->textEdited(wechat->text());
  CHECK(phoneError->isHidden());
  CHECK(editor.save());
  CHECK(*registry->countVolunteers({}) == 1);
}

TEST_CASE_METHOD(VolunteerEditorFixture, "Ctrl+S saves the editor and keeps it open") {
  const qint64 id = registered(dd::test::sampleVolunteer(QStringLiteral("陈晨"), 81)).id;
  VolunteerEditor editor(registry.get(), id);
  editor.show();
  QApplication::setActiveWindow(&editor);
  auto* address = child<QLineEdit>(&editor, "address");
  address->setFocus();
  address->setText(QStringLiteral("青岛市市南区"));
  QTest::keyClick(address, Qt::Key_S, Qt::ControlModifier);
  CHECK(registry->volunteer(id)->address == QStringLiteral("青岛市市南区"));
  CHECK(editor.isVisible());
  CHECK_FALSE(editor.isDirty());
}

TEST_CASE_METHOD(VolunteerEditorFixture,
                 "the status tab shows a pending withdrawal request and confirms or cancels it") {
  const qint64 id = registered(dd::test::sampleVolunteer(QStringLiteral("周退"), 61)).id;
  {
    VolunteerEditor plain(registry.get(), id);
    plain.show();
    CHECK(child<QWidget>(&plain, "withdrawalRequestBox")->isHidden());
  }
  REQUIRE(registry->requestWithdrawal(id, QDate(2026, 5, 2), QStringLiteral("SMS 0"), dd::app::Actor{QStringLiteral("tester")}));
  VolunteerEditor editor(registry.get(), id);
  editor.show();
  CHECK_FALSE(child<QWidget>(&editor, "withdrawalRequestBox")->isHidden());
  CHECK(child<QLabel>(&editor, "withdrawalRequest")->text().contains("2026-05-02"));
  // Cancelling needs a note: nothing changes without one.
  child<QPushButton>(&editor, "cancelWithdrawalButton")->click();
  CHECK_FALSE(child<QLabel>(&editor, "statusChangeError")->text().isEmpty());
  CHECK(registry->volunteer(id)->withdrawalRequestedOn.isValid());
  child<QLineEdit>(&editor, "withdrawalNote")->setText(QStringLiteral("不再联系"));
  child<QPushButton>(&editor, "confirmWithdrawalButton")->click();
  auto now = registry->volunteer(id);
  REQUIRE(now);
  CHECK(now->status == dd::model::VolunteerStatus::Withdrawn);
  CHECK(now->statusReason == QStringLiteral("不再联系"));
  CHECK_FALSE(now->withdrawalRequestedOn.isValid());
  CHECK(child<QWidget>(&editor, "withdrawalRequestBox")->isHidden());
}

TEST_CASE_METHOD(VolunteerEditorFixture,
                 "the status tab extends a reservation and releases it for the patient's reason") {
  const qint64 id = registered(dd::test::sampleVolunteer(QStringLiteral("孙留"), 62)).id;
  {
    VolunteerEditor plain(registry.get(), id);
    plain.show();
    CHECK(child<QWidget>(&plain, "reservationBox")->isHidden());  // not reserved
  }
  dd::model::Patient patient;
  patient.name = QStringLiteral("患者丙");
  patient.birthDate = QDate(2012, 1, 1);
  patient.searchRequestDate = QDate::currentDate();
  auto created = registry->createPatient(patient, {QStringLiteral("t")});
  REQUIRE(created.ok());
  const QDate expires = QDate::currentDate().addDays(20);
  REQUIRE(registry->reserveForPatient(id, registry->volunteer(id)->rowVersion, created.value->id,
                                      {QStringLiteral("t")}, expires)
              .ok());
  VolunteerEditor editor(registry.get(), id);
  editor.show();
  REQUIRE_FALSE(child<QWidget>(&editor, "reservationBox")->isHidden());
  CHECK(child<QLabel>(&editor, "reservation")->text().contains(expires.toString(Qt::ISODate)));
  // a date before today is refused with a message, nothing changes
  auto* until = child<DateField>(&editor, "reservationUntil");
  until->setDate(QDate::currentDate().addDays(-1));
  child<QPushButton>(&editor, "extendReservationButton")->click();
  CHECK_FALSE(child<QLabel>(&editor, "statusChangeError")->text().isEmpty());
  CHECK(registry->volunteer(id)->reservationExpires == expires);
  const QDate later = QDate::currentDate().addDays(60);
  until->setDate(later);
  child<QPushButton>(&editor, "extendReservationButton")->click();
  CHECK(child<QLabel>(&editor, "statusChangeError")->text().isEmpty());
  CHECK(registry->volunteer(id)->reservationExpires == later);
  CHECK(child<QLabel>(&editor, "reservation")->text().contains(later.toString(Qt::ISODate)));

  // only the patient's reasons are offered for a release
  auto* reasons = child<QComboBox>(&editor, "releaseReason");
  REQUIRE(reasons->count() == 3);
  reasons->setCurrentIndex(reasons->findData(static_cast<int>(dd::model::StopReason::PatientDied)));
  child<QLineEdit>(&editor, "releaseNote")->setText(QStringLiteral("患者已故"));
  child<QPushButton>(&editor, "releaseReservationButton")->click();
  auto now = registry->volunteer(id);
  REQUIRE(now);
  CHECK(now->status == dd::model::VolunteerStatus::Active);
  CHECK(now->reservedForPatientId == 0);
  CHECK(child<QWidget>(&editor, "reservationBox")->isHidden());
}

TEST_CASE_METHOD(VolunteerEditorFixture, "the readiness tab records the yearly check and lists the checks") {
  const qint64 id = registered(dd::test::sampleVolunteer(QStringLiteral("钱备"), 63)).id;
  VolunteerEditor editor(registry.get(), id);
  editor.show();
  auto* table = child<QTableWidget>(&editor, "readinessTable");
  CHECK(table->rowCount() == 0);
  // an unreadable date is refused, nothing recorded
  child<DateField>(&editor, "absenceFrom")->lineEdit()->setText(QStringLiteral("下个月"));
  child<QPushButton>(&editor, "recordCheckButton")->click();
  CHECK_FALSE(child<QLabel>(&editor, "readinessError")->text().isEmpty());
  CHECK(registry->readinessChecks(id)->isEmpty());

  child<DateField>(&editor, "absenceFrom")->setDate({});
  auto* willing = child<QComboBox>(&editor, "willing");
  willing->setCurrentIndex(willing->findData(static_cast<int>(dd::model::Willingness::No)));
  auto* family = child<QComboBox>(&editor, "familyAttitude");
  family->setCurrentIndex(family->findData(static_cast<int>(dd::model::FamilyAttitude::Opposed)));
  child<QLineEdit>(&editor, "readinessNote")->setText(QStringLiteral("家属反对"));
  child<QPushButton>(&editor, "recordCheckButton")->click();
  CHECK(child<QLabel>(&editor, "readinessError")->text().isEmpty());
  auto checks = registry->readinessChecks(id);
  REQUIRE(checks);
  REQUIRE(checks->size() == 1);
  CHECK(checks->at(0).willing == dd::model::Willingness::No);
  CHECK(checks->at(0).familyAttitude == dd::model::FamilyAttitude::Opposed);
  CHECK(checks->at(0).note == QStringLiteral("家属反对"));
  // a "no" asks for withdrawal: the Status tab shows the request at once
  CHECK(registry->volunteer(id)->withdrawalRequestedOn == QDate::currentDate());
  CHECK_FALSE(child<QWidget>(&editor, "withdrawalRequestBox")->isHidden());
  REQUIRE(table->rowCount() == 1);
  CHECK(table->item(0, 6)->text() == QStringLiteral("家属反对"));
  CHECK(child<QLineEdit>(&editor, "readinessNote")->text().isEmpty());  // ready for the next one
}
