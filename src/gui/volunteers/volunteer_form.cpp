#include "gui/volunteers/volunteer_form.h"

#include <functional>

#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>

#include "app/volunteer_validation.h"
#include "gui/widgets/display_text.h"
#include "gui/widgets/field_errors.h"
#include "gui/widgets/form_helpers.h"
#include "model/volunteer_fields.h"
#include "ui_volunteer_editor.h"

namespace dd::gui::volunteer_form {
namespace {
using form::dateOf;
using form::setChoice;
using form::setDate;

QLineEdit* hlaEdit(const Ui::VolunteerEditor& ui, model::Locus locus) {
  QLineEdit* edits[] = {ui.hlaA, ui.hlaB, ui.hlaC, ui.hlaDRB1, ui.hlaDQB1, ui.hlaDPB1};
  return edits[static_cast<int>(locus)];
}

// The line edit of a text field of the field table (nullptr: the field is
// not on the form, or has an editor of its own kind handled below).
QLineEdit* textEdit(const Ui::VolunteerEditor& ui, const model::VolunteerField& field) {
  if (!field.isText() || field.widget.isEmpty()) return nullptr;
  return ui.tabs->findChild<QLineEdit*>(field.widget);
}
}  // namespace

void setUp(Ui::VolunteerEditor& ui) {
  ui.sex->addItem(sexText(model::Sex::Male), 0);
  ui.sex->addItem(sexText(model::Sex::Female), 1);
  ui.ethnicity->addItems(app::ethnicGroups());
  ui.ethnicity->setCurrentIndex(-1);
  form::fillBloodChoices(ui.abo, ui.rh, ui.cmv);
}

void registerFields(Ui::VolunteerEditor& ui, QWidget* dialog, FieldErrors& errors) {
  // A field whose widget has no message label below it (named <widget>Error)
  // keeps its messages in the dialog's general area, where they stay visible.
  for (const model::VolunteerField& field : model::volunteerFields())
    if (!field.widget.isEmpty() && !field.has(model::kReadOnlyOnForm) &&
        dialog->findChild<QLabel*>(field.widget + QStringLiteral("Error")))
      errors.add(field.key, dialog, field.widget);
  // The phone list is no single field: its messages go to the two number fields.
  const std::pair<const char*, const char*> phones[] = {{"phones", "phone"}, {"phone", "phone"}, {"phone2", "phone2"}};
  for (const auto& [field, editor] : phones) errors.add(QLatin1String(field), dialog, QLatin1String(editor));
  for (model::Locus locus : model::kAllLoci) {
    const QString key = QString::fromLatin1(model::key(locus).data(), model::key(locus).size());
    const QString editor = QStringLiteral("hla") + key;
    errors.add(QStringLiteral("hla_") + key.toLower(), dialog, editor);
    errors.add(QStringLiteral("hla_") + key, dialog, editor);
  }
  (void)ui;
}

void fill(Ui::VolunteerEditor& ui, const model::Volunteer& v) {
  for (const model::VolunteerField& field : model::volunteerFields())
    if (QLineEdit* edit = textEdit(ui, field)) edit->setText(field.text(v));
  ui.sex->setCurrentIndex(v.sex == model::Sex::Male ? 0 : 1);
  setDate(ui.birthDate, v.birthDate);
  ui.ethnicity->setCurrentText(v.ethnicity);
  setChoice(ui.abo, v.abo);
  setChoice(ui.rh, v.rh);
  setChoice(ui.cmv, v.cmv);
  ui.weightKg->setValue(v.weightKg);
  setDate(ui.consentDate, v.consentDate);
  setDate(ui.driveDate, v.drive.date);
  ui.phone->setText(v.currentPhone());
  QString other;
  QStringList replaced;
  for (const model::Phone& phone : v.phones) {
    if (!phone.inUse())
      replaced << QCoreApplication::translate("dd::gui", "%1 (replaced %2)")
                      .arg(maskPhone(phone.number), dateText(phone.replacedOn));
    else if (phone.number != v.currentPhone())
      other = phone.number;
  }
  ui.phone2->setText(other);
  ui.formerPhones->setText(replaced.join(QStringLiteral("; ")));
  ui.formerPhones->setVisible(!replaced.isEmpty());
  ui.formerPhonesLabel->setVisible(!replaced.isEmpty());
  for (model::Locus locus : model::kAllLoci) hlaEdit(ui, locus)->setText(v.hla.at(locus).raw);
  setDate(ui.typingDate, v.typingDate);
}

void read(const Ui::VolunteerEditor& ui, model::Volunteer& v) {
  for (const model::VolunteerField& field : model::volunteerFields())
    if (QLineEdit* edit = textEdit(ui, field); edit && !field.has(model::kReadOnlyOnForm))
      field.set(v, edit->text().trimmed());
  v.idNumber = v.idNumber.toUpper();
  v.sex = ui.sex->currentIndex() == 1 ? model::Sex::Female : model::Sex::Male;
  v.birthDate = dateOf(ui.birthDate);
  v.ethnicity = ui.ethnicity->currentText().trimmed();
  v.abo = ui.abo->currentData().toString();
  v.rh = ui.rh->currentData().toString();
  v.cmv = ui.cmv->currentData().toString();
  v.weightKg = ui.weightKg->value();
  v.consentDate = dateOf(ui.consentDate);
  v.drive.date = dateOf(ui.driveDate);
  // Phones: the first is current; labels of numbers that stay are kept, and
  // so are replaced numbers (history; the registry dates a number that was
  // in use and is no longer in either field).
  QList<model::Phone> phones;
  const QString numbers[] = {ui.phone->text().trimmed(), ui.phone2->text().trimmed()};
  for (const QString& number : numbers) {
    if (number.isEmpty()) continue;
    model::Phone phone{number, phones.isEmpty() ? QStringLiteral("mobile") : QString(), phones.isEmpty(), {}};
    for (const model::Phone& old : v.phones)
      if (old.number == number && !old.label.isEmpty()) phone.label = old.label;
    phones.append(phone);
  }
  for (const model::Phone& old : v.phones)
    if (!old.inUse() && old.number != numbers[0] && old.number != numbers[1]) phones.append(old);
  v.phones = phones;
  for (model::Locus locus : model::kAllLoci) {
    const QString raw = hlaEdit(ui, locus)->text().trimmed();
    if (raw != v.hla.at(locus).raw) v.hla.at(locus) = {raw, {}};
  }
  v.typingDate = dateOf(ui.typingDate);
}

void followIdNumber(Ui::VolunteerEditor& ui) {
  const QString id = ui.idNumber->text().trimmed();
  if (id.size() != 18 || app::checkIdNumber(id)) return;
  if (const QDate birth = app::birthDateFromId(id); birth.isValid()) ui.birthDate->setDate(birth);
  if (const auto sex = app::sexFromId(id)) ui.sex->setCurrentIndex(*sex == model::Sex::Male ? 0 : 1);
}

QList<FieldDifference> differences(const model::Volunteer& mine, const model::Volunteer& theirs) {
  auto phones = [](const model::Volunteer& v) {
    QStringList numbers;
    for (const model::Phone& phone : v.phones) numbers << phone.number;
    return numbers.join(QStringLiteral(", "));
  };
  // Free text from the field table; the rest as the form shows it.
  const std::pair<const char*, std::function<QString(const model::Volunteer&)>> shown[] = {
      {"sex", [](const auto& v) { return sexText(v.sex); }},
      {"birth_date", [](const auto& v) { return dateText(v.birthDate); }},
      {"phones", phones},
      {"weight_kg", [](const auto& v) { return v.weightKg > 0 ? QString::number(v.weightKg) : QString(); }},
      {"consent_date", [](const auto& v) { return dateText(v.consentDate); }},
      {"drive_date", [](const auto& v) { return dateText(v.drive.date); }},
      {"typing_date", [](const auto& v) { return dateText(v.typingDate); }},
      {"status", [](const auto& v) { return statusText(v.status); }},
  };
  QList<FieldDifference> result;
  for (const model::VolunteerField& field : model::volunteerFields())
    if (field.isText() && !field.widget.isEmpty()) form::addDifference(result, field.key, field.text(mine), field.text(theirs));
  for (const auto& [key, value] : shown) form::addDifference(result, QLatin1String(key), value(mine), value(theirs));
  form::addTypingDifferences(result, mine.hla, theirs.hla);
  return result;
}

}  // namespace dd::gui::volunteer_form
