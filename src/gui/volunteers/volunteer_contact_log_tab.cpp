#include "gui/volunteers/volunteer_contact_log_tab.h"

#include <QTime>

#include "app/registry.h"
#include "core/qt/localization.h"
#include "gui/widgets/display_text.h"
#include "gui/widgets/form_helpers.h"
#include "ui_volunteer_contact_log_tab.h"

namespace dd::gui {

VolunteerContactLogTab::VolunteerContactLogTab(QWidget* parent)
    : QWidget(parent), ui_(std::make_unique<Ui::VolunteerContactLogTab>()) {
  ui_->setupUi(this);
  for (int c = 0; c <= static_cast<int>(model::ContactChannel::Visit); ++c)
    ui_->contactChannel->addItem(channelText(static_cast<model::ContactChannel>(c)), c);
  for (int o = 0; o < model::kContactOutcomeCount; ++o)
    ui_->contactOutcome->addItem(outcomeText(static_cast<model::ContactOutcome>(o)), o);
  form::showMessage(ui_->contactError, {});
  connect(ui_->addContactButton, &QPushButton::clicked, this, &VolunteerContactLogTab::addContact);
}

VolunteerContactLogTab::~VolunteerContactLogTab() = default;

void VolunteerContactLogTab::showVolunteer(const model::Volunteer& volunteer) {
  volunteer_ = volunteer;
  ui_->contactDate->setDate(QDate::currentDate());
  loadAttempts();
}

void VolunteerContactLogTab::loadAttempts() {
  QList<QStringList> rows;
  if (volunteer_.id != 0 && registry_)
    if (auto contacts = registry_->contacts(volunteer_.id))
      for (const model::ContactAttempt& attempt : *contacts)
        rows.append({attempt.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                     channelText(attempt.channel), outcomeText(attempt.outcome), attempt.note, attempt.staff});
  form::setRows(ui_->contactTable, {tr("When"), tr("Channel"), tr("Outcome"), tr("Note"), tr("Staff")}, rows);
}

bool VolunteerContactLogTab::addContact() {
  model::ContactAttempt attempt;
  attempt.volunteerId = volunteer_.id;
  // Today: now. An earlier day (a call written up later): midday of that
  // day, so the log keeps its order and the date reads the same everywhere.
  const QDate on = form::dateOf(ui_->contactDate);
  if (!ui_->contactDate->isReadable()) {
    form::showMessage(ui_->contactError, tr("The contact date is not a date: type it as 2026-11-28."));
    return false;
  }
  attempt.at = !on.isValid() || on == QDate::currentDate() ? QDateTime::currentDateTimeUtc()
                                                           : QDateTime(on, QTime(12, 0)).toUTC();
  attempt.channel = static_cast<model::ContactChannel>(ui_->contactChannel->currentData().toInt());
  attempt.outcome = static_cast<model::ContactOutcome>(ui_->contactOutcome->currentData().toInt());
  attempt.note = ui_->contactNote->text().trimmed();
  attempt.staff = app::Actor::fromOperatingSystem().staff;
  const auto saved = registry_->recordContact(attempt, app::Actor::fromOperatingSystem());
  if (!saved) {
    form::showMessage(ui_->contactError, dd::qt::translated(saved.error()));
    return false;
  }
  form::showMessage(ui_->contactError, {});
  ui_->contactNote->clear();
  ui_->contactDate->setDate(QDate::currentDate());
  // The contact log maintains lastContactOk (and the row version): re-read.
  if (auto fresh = registry_->volunteer(volunteer_.id)) Q_EMIT volunteerChanged(*fresh);
  else loadAttempts();
  return true;
}

}  // namespace dd::gui
