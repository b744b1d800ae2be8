#include "gui/volunteers/volunteer_editor.h"

#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTime>
#include <functional>

#include "app/registry.h"
#include "app/volunteer_validation.h"
#include "core/qt/localization.h"
#include "gui/settings/app_settings.h"
#include "gui/volunteers/volunteer_contact_log_tab.h"
#include "gui/volunteers/volunteer_readiness_tab.h"
#include "gui/volunteers/volunteer_status_tab.h"
#include "gui/widgets/conflict_dialog.h"
#include "gui/widgets/display_text.h"
#include "gui/widgets/field_errors.h"
#include "gui/widgets/form_helpers.h"
#include "gui/widgets/hla_field_watcher.h"
#include "gui/widgets/record_history_table.h"
#include "model/volunteer_fields.h"
#include "ui_volunteer_editor.h"

namespace dd::gui {
namespace {
// Moves a volunteer between the form's widgets and model::Volunteer, and
// names which widget shows which field's errors (the keys app/ puts in
// Error::field); the field table (model/volunteer_fields) drives the text fields.
namespace volunteer_form {
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
  form::setCmv(ui.cmv, v.cmv);
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
  v.cmv = form::cmvOf(ui.cmv);
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
    model::Phone phone{number, phones.isEmpty() ? QStringLiteral("mobile") : QString(), phones.isEmpty(), {}, {}};
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
      {"cmv", [](const auto& v) { return cmvText(v.cmv); }},
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

}  // namespace volunteer_form
}  // namespace

VolunteerEditor::VolunteerEditor(app::Registry* registry, qint64 id, QWidget* parent)
    : RecordEditor(parent), ui_(std::make_unique<Ui::VolunteerEditor>()), registry_(registry) {
  ui_->setupUi(this);
  setUpEditor(ui_->generalError, ui_->tabs, tr("This volunteer has changes that are not saved. Save them?"));
  ui_->savedNote->hide();
  volunteer_form::setUp(*ui_);
  volunteer_form::registerFields(*ui_, this, errors());
  registerAnother_ = ui_->buttons->addButton(tr("Re&gister another"), QDialogButtonBox::ActionRole);
  connect(registerAnother_, &QPushButton::clicked, this, &VolunteerEditor::startAnotherRegistration);
  connect(ui_->buttons, &QDialogButtonBox::accepted, this, &VolunteerEditor::saveFromButton);
  connect(ui_->buttons, &QDialogButtonBox::rejected, this, &VolunteerEditor::reject);
  errors().setRecheck([this] {
    model::Volunteer v = edited();
    return registry_->validate(v, v.id == 0);
  });
  connect(ui_->idNumber, &QLineEdit::textEdited, this, [this] { volunteer_form::followIdNumber(*ui_); });
  hlaWatcher_ = new HlaFieldWatcher(registry_, this);
  hlaWatcher_->watch(model::Locus::A, ui_->hlaA, ui_->hlaAReading, errors());
  hlaWatcher_->watch(model::Locus::B, ui_->hlaB, ui_->hlaBReading, errors());
  hlaWatcher_->watch(model::Locus::C, ui_->hlaC, ui_->hlaCReading, errors());
  hlaWatcher_->watch(model::Locus::DRB1, ui_->hlaDRB1, ui_->hlaDRB1Reading, errors());
  hlaWatcher_->watch(model::Locus::DQB1, ui_->hlaDQB1, ui_->hlaDQB1Reading, errors());
  hlaWatcher_->watch(model::Locus::DPB1, ui_->hlaDPB1, ui_->hlaDPB1Reading, errors());

  if (id != 0) {
    auto loaded = registry_->volunteer(id);
    if (!loaded) {
      setLoadError(dd::qt::translated(loaded.error()));
      return;
    }
    volunteer_ = *loaded;
  } else if (const model::RecruitmentDrive drive = AppSettings::lastDrive(); drive.date == QDate::currentDate()) {
    volunteer_.drive = drive;  // the next volunteer of today's drive
  }
  ui_->statusTab->setRegistry(registry_);
  ui_->contactLogTab->setRegistry(registry_);
  ui_->readinessTab->setRegistry(registry_);
  // A status change or a contact attempt is saved on its own: the form keeps
  // its edits (still unsaved), the next save uses the new version number.
  const auto savedApart = [this](const model::Volunteer& changed) {
    volunteer_ = changed;
    markSaved();
    showRecordTabs(volunteer_);
    updateTitle();
  };
  connect(ui_->statusTab, &VolunteerStatusTab::volunteerChanged, this, savedApart);
  connect(ui_->contactLogTab, &VolunteerContactLogTab::volunteerChanged, this, savedApart);
  connect(ui_->readinessTab, &VolunteerReadinessTab::volunteerChanged, this, savedApart);
  display(volunteer_);
  resize(860, 680);
  AppSettings::restoreGeometry(QStringLiteral("volunteerEditor"), this);
  ui_->tabs->setCurrentIndex(0);
  ui_->name->setFocus();
}

VolunteerEditor::~VolunteerEditor() { AppSettings::saveGeometry(QStringLiteral("volunteerEditor"), this); }

void VolunteerEditor::display(const model::Volunteer& volunteer) {
  volunteer_form::fill(*ui_, volunteer);
  showRecordTabs(volunteer);
  clearErrors();
  updateTitle();
}

void VolunteerEditor::showRecordTabs(const model::Volunteer& volunteer) {
  // Status, contacts and history are kept once the volunteer is registered.
  const bool registered = volunteer.id != 0;
  for (QWidget* tab : {static_cast<QWidget*>(ui_->statusTab), static_cast<QWidget*>(ui_->contactLogTab),
                       static_cast<QWidget*>(ui_->readinessTab), ui_->auditTab})
    tab->setEnabled(registered);
  ui_->statusTab->showVolunteer(volunteer);
  ui_->contactLogTab->showVolunteer(volunteer);
  ui_->readinessTab->showVolunteer(volunteer);
  ui_->auditTable->showTrail(*registry_, QStringLiteral("volunteer"), volunteer.id);
}

void VolunteerEditor::updateTitle() {
  const bool registering = volunteer_.id == 0;
  setWindowTitle(registering ? tr("Register volunteer")
                             : tr("Volunteer %1 %2").arg(volunteer_.registryNo, volunteer_.name));
  ui_->buttons->button(QDialogButtonBox::Save)->setText(registering ? tr("&Register") : tr("&Save"));
  // After a registration the editor stays open to show the new number;
  // the next volunteer of the drive is one click away.
  registerAnother_->setVisible(registeredHere_ && !registering);
  ui_->buttons->button(QDialogButtonBox::Cancel)->setText(registeredHere_ ? tr("C&lose") : tr("Cancel"));
}

void VolunteerEditor::saveFromButton() {
  const bool registering = volunteer_.id == 0;
  if (!save()) return;
  if (!registering) accept();
}

void VolunteerEditor::startAnotherRegistration() {
  bool saved = false;
  if (!mayLeave(&saved)) return;
  // What a drive shares: its date, place and organiser, and the consent form
  // signed there (date and version).
  model::Volunteer next;
  next.drive = volunteer_.drive;
  next.consentDate = volunteer_.consentDate;
  next.consentVersion = volunteer_.consentVersion;
  volunteer_ = next;
  display(volunteer_);
  ui_->savedNote->hide();
  ui_->tabs->setCurrentIndex(0);
  ui_->name->setFocus();
}

model::Volunteer VolunteerEditor::edited() const {
  model::Volunteer v = volunteer_;
  volunteer_form::read(*ui_, v);
  return v;
}

bool VolunteerEditor::isDirty() const {
  model::Volunteer reread = volunteer_;
  volunteer_form::read(*ui_, reread);
  return !volunteer_form::differences(reread, volunteer_).isEmpty();
}

bool VolunteerEditor::save() {
  model::Volunteer v = edited();
  const bool registering = v.id == 0;
  if (showErrors(registry_->validate(v, registering))) return false;
  app::SaveResult<model::Volunteer> result =
      registering ? registry_->registerVolunteer(v, app::Actor::fromOperatingSystem())
                  : registry_->updateVolunteer(v, app::Actor::fromOperatingSystem());
  if (result.needsConfirmation()) {
    QStringList warnings;
    for (const Error& warning : result.warnings) warnings << dd::qt::translated(warning);
    const auto answer = QMessageBox::question(
        this, tr("Possible duplicate"),
        tr("%1\n\nRegister this volunteer anyway?").arg(warnings.join(QLatin1Char('\n'))),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes) return false;
    result = registry_->registerVolunteer(v, app::Actor::fromOperatingSystem(), true);
  }
  if (result.conflict()) return resolveConflict(v);
  if (!result.ok()) {
    showErrors(result.errors);
    return false;
  }
  volunteer_ = *result.value;
  markSaved();
  display(volunteer_);
  if (!registering) {
    ui_->savedNote->setText(tr("Saved at %1.").arg(QTime::currentTime().toString(QStringLiteral("HH:mm"))));
    ui_->savedNote->show();
  }
  if (registering) {
    registeredHere_ = true;
    registeredIds_.append(volunteer_.id);
    AppSettings::setLastDrive(volunteer_.drive);
    updateTitle();
    showRegistered(volunteer_);
  }
  return true;
}

void VolunteerEditor::showRegistered(const model::Volunteer& v) {
  // The number staff write on the volunteer's card; and why an untyped
  // volunteer will not show up in a search yet.
  QString note = tr("Registered as No. %1.").arg(v.registryNo);
  bool searchable = true;
  for (model::Locus locus : {model::Locus::A, model::Locus::B, model::Locus::DRB1})
    searchable = searchable && !v.hla.at(locus).raw.trimmed().isEmpty();
  if (!searchable)
    note += QLatin1Char(' ') + tr("Not searchable until typed at HLA-A, -B and -DRB1; add the typing when it arrives.");
  ui_->savedNote->setText(note);
  ui_->savedNote->show();
}

bool VolunteerEditor::resolveConflict(model::Volunteer mine) {
  auto theirs = registry_->volunteer(mine.id);
  if (!theirs) {
    showErrors({theirs.error()});
    return false;
  }
  ConflictDialog dialog(QString(), volunteer_form::differences(mine, *theirs), this);
  dialog.exec();
  if (dialog.choice() == ConflictDialog::TakeTheirs) {
    volunteer_ = *theirs;
    display(volunteer_);
    return false;
  }
  if (dialog.choice() == ConflictDialog::KeepMine) {
    volunteer_ = *theirs;  // their version number, my values
    volunteer_form::read(*ui_, volunteer_);
    return save();
  }
  return false;
}

}  // namespace dd::gui
