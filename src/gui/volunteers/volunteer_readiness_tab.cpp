#include "gui/volunteers/volunteer_readiness_tab.h"

#include "app/registry.h"
#include "core/qt/localization.h"
#include "gui/widgets/date_field.h"
#include "gui/widgets/display_text.h"
#include "gui/widgets/form_helpers.h"
#include "ui_volunteer_readiness_tab.h"

namespace dd::gui {
namespace {

QString willingText(model::Willingness value) {
  return QCoreApplication::translate("dd::model", model::displayName(value));
}

}  // namespace

VolunteerReadinessTab::VolunteerReadinessTab(QWidget* parent)
    : QWidget(parent), ui_(std::make_unique<Ui::VolunteerReadinessTab>()) {
  ui_->setupUi(this);
  for (int w = 0; w < model::kWillingnessCount; ++w)
    ui_->willing->addItem(willingText(static_cast<model::Willingness>(w)), w);
  for (int a = 0; a < model::kFamilyAttitudeCount; ++a)
    ui_->familyAttitude->addItem(familyAttitudeText(static_cast<model::FamilyAttitude>(a)), a);
  form::showMessage(ui_->readinessError, {});
  connect(ui_->recordCheckButton, &QPushButton::clicked, this, &VolunteerReadinessTab::recordCheck);
}

VolunteerReadinessTab::~VolunteerReadinessTab() = default;

void VolunteerReadinessTab::showVolunteer(const model::Volunteer& volunteer) {
  volunteer_ = volunteer;
  clearForm();
  loadChecks();
}

void VolunteerReadinessTab::clearForm() {
  ui_->checkedOn->setDate(QDate::currentDate());
  ui_->willing->setCurrentIndex(ui_->willing->findData(static_cast<int>(model::Willingness::Yes)));
  ui_->familyAttitude->setCurrentIndex(ui_->familyAttitude->findData(static_cast<int>(model::FamilyAttitude::Unknown)));
  ui_->healthChanges->clear();
  ui_->absenceFrom->setDate({});
  ui_->absenceUntil->setDate({});
  ui_->familyInformed->setChecked(false);
  ui_->contactUpdated->setChecked(false);
  ui_->readinessNote->clear();
}

void VolunteerReadinessTab::loadChecks() {
  QList<QStringList> rows;
  if (volunteer_.id != 0 && registry_)
    if (auto checks = registry_->readinessChecks(volunteer_.id))
      for (const model::ReadinessCheck& c : *checks) {
        QString absence;
        if (c.absenceFrom.isValid() || c.absenceUntil.isValid())
          absence = tr("%1 to %2").arg(dateText(c.absenceFrom), dateText(c.absenceUntil));
        rows.append({dateText(c.checkedOn), willingText(c.willing), c.healthChanges, absence,
                     familyAttitudeText(c.familyAttitude) + (c.familyInformed ? tr(", informed") : QString()),
                     c.contactUpdated ? tr("yes") : QString(), c.note, c.staff});
      }
  form::setRows(ui_->readinessTable,
                {tr("Checked on"), tr("Willing"), tr("Health changes"), tr("Absence"), tr("Family"),
                 tr("Contact confirmed"), tr("Note"), tr("Staff")},
                rows);
}

bool VolunteerReadinessTab::recordCheck() {
  for (const DateField* field : {ui_->checkedOn, ui_->absenceFrom, ui_->absenceUntil})
    if (!field->isReadable()) {
      form::showMessage(ui_->readinessError, tr("A date is not readable: type it as 2026-11-28."));
      return false;
    }
  model::ReadinessCheck check;
  check.volunteerId = volunteer_.id;
  check.checkedOn = form::dateOf(ui_->checkedOn);
  check.willing = static_cast<model::Willingness>(ui_->willing->currentData().toInt());
  check.healthChanges = ui_->healthChanges->text().trimmed();
  check.absenceFrom = form::dateOf(ui_->absenceFrom);
  check.absenceUntil = form::dateOf(ui_->absenceUntil);
  check.familyInformed = ui_->familyInformed->isChecked();
  check.familyAttitude = static_cast<model::FamilyAttitude>(ui_->familyAttitude->currentData().toInt());
  check.contactUpdated = ui_->contactUpdated->isChecked();
  check.note = ui_->readinessNote->text().trimmed();
  const auto saved = registry_->recordReadinessCheck(check, app::Actor::fromOperatingSystem());
  if (!saved) {
    form::showMessage(ui_->readinessError, dd::qt::translated(saved.error()));
    return false;
  }
  form::showMessage(ui_->readinessError, {});
  // the check dates the volunteer's last check (and may ask for withdrawal): re-read
  if (auto fresh = registry_->volunteer(volunteer_.id)) Q_EMIT volunteerChanged(*fresh);
  else showVolunteer(volunteer_);
  return true;
}

}  // namespace dd::gui
