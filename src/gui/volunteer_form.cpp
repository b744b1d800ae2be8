#include "gui/volunteer_form.h"

#include <functional>

#include <QCoreApplication>

#include "app/volunteer_validation.h"
#include "gui/display_text.h"
#include "gui/field_errors.h"
#include "gui/form_helpers.h"
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
}  // namespace

void setUp(Ui::VolunteerEditor& ui) {
  ui.sex->addItem(sexText(model::Sex::Male), 0);
  ui.sex->addItem(sexText(model::Sex::Female), 1);
  ui.ethnicity->addItems(app::ethnicGroups());
  ui.ethnicity->setCurrentIndex(-1);
  form::fillBloodChoices(ui.abo, ui.rh, ui.cmv);
}

void registerFields(Ui::VolunteerEditor& ui, QWidget* dialog, FieldErrors& errors) {
  const std::pair<const char*, const char*> fields[] = {
      {"name", "name"},          {"id_number", "idNumber"},     {"sex", "sex"},
      {"birth_date", "birthDate"}, {"ethnicity", "ethnicity"},  {"address", "address"},
      {"prefecture", "prefecture"}, {"county", "county"},       {"work_unit", "workUnit"},
      {"abo", "abo"},            {"rh", "rh"},                  {"cmv", "cmv"},
      {"weight_kg", "weightKg"}, {"consent_date", "consentDate"}, {"consent_version", "consentVersion"},
      {"phones", "phone"},       {"phone", "phone"},            {"phone2", "phone2"},
      {"wechat", "wechat"},      {"email", "email"},
      {"drive_date", "driveDate"}, {"drive_place", "drivePlace"}, {"drive_organiser", "driveOrganiser"},
      {"emergency_name", "emergencyName"}, {"emergency_relation", "emergencyRelation"},
      {"emergency_phone", "emergencyPhone"}};
  for (const auto& [field, editor] : fields)
    errors.add(QLatin1String(field), dialog, QLatin1String(editor));
  for (model::Locus locus : model::kAllLoci) {
    const QString key = QString::fromLatin1(model::key(locus).data(), model::key(locus).size());
    const QString editor = QStringLiteral("hla") + key;
    errors.add(QStringLiteral("hla_") + key.toLower(), dialog, editor);
    errors.add(QStringLiteral("hla_") + key, dialog, editor);
  }
  (void)ui;
}

void fill(Ui::VolunteerEditor& ui, const model::Volunteer& v) {
  ui.registryNo->setText(v.registryNo);
  ui.name->setText(v.name);
  ui.idNumber->setText(v.idNumber);
  ui.sex->setCurrentIndex(v.sex == model::Sex::Male ? 0 : 1);
  setDate(ui.birthDate, v.birthDate);
  ui.ethnicity->setCurrentText(v.ethnicity);
  ui.address->setText(v.address);
  ui.prefecture->setText(v.prefecture);
  ui.county->setText(v.county);
  ui.workUnit->setText(v.workUnit);
  setChoice(ui.abo, v.abo);
  setChoice(ui.rh, v.rh);
  setChoice(ui.cmv, v.cmv);
  ui.weightKg->setValue(v.weightKg);
  setDate(ui.consentDate, v.consentDate);
  ui.consentVersion->setText(v.consentVersion);
  setDate(ui.driveDate, v.drive.date);
  ui.drivePlace->setText(v.drive.place);
  ui.driveOrganiser->setText(v.drive.organiser);
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
  ui.wechat->setText(v.wechat);
  ui.email->setText(v.email);
  ui.emergencyName->setText(v.emergency.name);
  ui.emergencyRelation->setText(v.emergency.relation);
  ui.emergencyPhone->setText(v.emergency.phone);
  for (model::Locus locus : model::kAllLoci) hlaEdit(ui, locus)->setText(v.hla.at(locus).raw);
  ui.sampleId->setText(v.sampleId);
  ui.lab->setText(v.lab);
  setDate(ui.typingDate, v.typingDate);
}

void read(const Ui::VolunteerEditor& ui, model::Volunteer& v) {
  v.name = ui.name->text().trimmed();
  v.idNumber = ui.idNumber->text().trimmed().toUpper();
  v.sex = ui.sex->currentIndex() == 1 ? model::Sex::Female : model::Sex::Male;
  v.birthDate = dateOf(ui.birthDate);
  v.ethnicity = ui.ethnicity->currentText().trimmed();
  v.address = ui.address->text().trimmed();
  v.prefecture = ui.prefecture->text().trimmed();
  v.county = ui.county->text().trimmed();
  v.workUnit = ui.workUnit->text().trimmed();
  v.abo = ui.abo->currentData().toString();
  v.rh = ui.rh->currentData().toString();
  v.cmv = ui.cmv->currentData().toString();
  v.weightKg = ui.weightKg->value();
  v.consentDate = dateOf(ui.consentDate);
  v.consentVersion = ui.consentVersion->text().trimmed();
  v.drive = {dateOf(ui.driveDate), ui.drivePlace->text().trimmed(), ui.driveOrganiser->text().trimmed()};
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
  v.wechat = ui.wechat->text().trimmed();
  v.email = ui.email->text().trimmed();
  v.emergency = {ui.emergencyName->text().trimmed(), ui.emergencyRelation->text().trimmed(),
                 ui.emergencyPhone->text().trimmed()};
  for (model::Locus locus : model::kAllLoci) {
    const QString raw = hlaEdit(ui, locus)->text().trimmed();
    if (raw != v.hla.at(locus).raw) v.hla.at(locus) = {raw, {}};
  }
  v.sampleId = ui.sampleId->text().trimmed();
  v.lab = ui.lab->text().trimmed();
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
  const std::pair<const char*, std::function<QString(const model::Volunteer&)>> fields[] = {
      {"name", [](const auto& v) { return v.name; }},
      {"id_number", [](const auto& v) { return v.idNumber; }},
      {"sex", [](const auto& v) { return sexText(v.sex); }},
      {"birth_date", [](const auto& v) { return dateText(v.birthDate); }},
      {"ethnicity", [](const auto& v) { return v.ethnicity; }},
      {"address", [](const auto& v) { return v.address; }},
      {"prefecture", [](const auto& v) { return v.prefecture; }},
      {"county", [](const auto& v) { return v.county; }},
      {"work_unit", [](const auto& v) { return v.workUnit; }},
      {"phones", phones},
      {"wechat", [](const auto& v) { return v.wechat; }},
      {"email", [](const auto& v) { return v.email; }},
      {"emergency_name", [](const auto& v) { return v.emergency.name; }},
      {"emergency_phone", [](const auto& v) { return v.emergency.phone; }},
      {"abo", [](const auto& v) { return v.abo; }},
      {"rh", [](const auto& v) { return v.rh; }},
      {"cmv", [](const auto& v) { return v.cmv; }},
      {"weight_kg", [](const auto& v) { return v.weightKg > 0 ? QString::number(v.weightKg) : QString(); }},
      {"consent_date", [](const auto& v) { return dateText(v.consentDate); }},
      {"consent_version", [](const auto& v) { return v.consentVersion; }},
      {"drive_date", [](const auto& v) { return dateText(v.drive.date); }},
      {"drive_place", [](const auto& v) { return v.drive.place; }},
      {"drive_organiser", [](const auto& v) { return v.drive.organiser; }},
      {"sample_id", [](const auto& v) { return v.sampleId; }},
      {"lab", [](const auto& v) { return v.lab; }},
      {"typing_date", [](const auto& v) { return dateText(v.typingDate); }},
      {"emergency_relation", [](const auto& v) { return v.emergency.relation; }},
      {"status", [](const auto& v) { return statusText(v.status); }},
  };
  QList<FieldDifference> result;
  for (const auto& [key, value] : fields)
    if (value(mine) != value(theirs)) result.append({app::fieldLabel(QLatin1String(key)), value(mine), value(theirs)});
  for (model::Locus locus : model::kAllLoci)
    if (mine.hla.at(locus).raw != theirs.hla.at(locus).raw)
      result.append({QStringLiteral("HLA-") + QLatin1String(model::key(locus).data(), model::key(locus).size()),
                     mine.hla.at(locus).raw, theirs.hla.at(locus).raw});
  return result;
}

}  // namespace dd::gui::volunteer_form
