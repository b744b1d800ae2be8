#include "gui/volunteers/volunteer_editor.h"

#include <QMessageBox>
#include <QPushButton>
#include <QTime>

#include "app/registry.h"
#include "core/qt/localization.h"
#include "gui/settings/app_settings.h"
#include "gui/widgets/conflict_dialog.h"
#include "gui/widgets/field_errors.h"
#include "gui/widgets/hla_field_watcher.h"
#include "gui/volunteers/volunteer_form.h"
#include "gui/volunteers/volunteer_record_tabs.h"
#include "ui_volunteer_editor.h"

namespace dd::gui {

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
  recordTabs_ = new VolunteerRecordTabs(registry_, ui_.get(), this);
  connect(recordTabs_, &VolunteerRecordTabs::volunteerChanged, this, [this](const model::Volunteer& changed) {
    // A status change is saved on its own: the form keeps its edits (still
    // unsaved), the next save uses the new version number.
    volunteer_ = changed;
    markSaved();
    recordTabs_->show(volunteer_);
    updateTitle();
  });
  display(volunteer_);
  resize(860, 680);
  AppSettings::restoreGeometry(QStringLiteral("volunteerEditor"), this);
  ui_->tabs->setCurrentIndex(0);
  ui_->name->setFocus();
}

VolunteerEditor::~VolunteerEditor() { AppSettings::saveGeometry(QStringLiteral("volunteerEditor"), this); }

void VolunteerEditor::display(const model::Volunteer& volunteer) {
  volunteer_form::fill(*ui_, volunteer);
  recordTabs_->show(volunteer);
  clearErrors();
  updateTitle();
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
