#include "gui/volunteers/volunteer_record_tabs.h"

#include <QHeaderView>
#include <QTime>
#include <QTimeZone>

#include "app/registry.h"
#include "core/qt/localization.h"
#include "gui/widgets/display_text.h"
#include "gui/widgets/form_helpers.h"
#include "gui/widgets/record_history.h"
#include "ui_volunteer_editor.h"

namespace dd::gui {
namespace {
void setRows(QTableWidget* table, const QStringList& headers, const QList<QStringList>& rows) {
  table->clear();
  table->setColumnCount(headers.size());
  table->setHorizontalHeaderLabels(headers);
  table->setRowCount(rows.size());
  for (int r = 0; r < rows.size(); ++r)
    for (int c = 0; c < rows[r].size() && c < headers.size(); ++c)
      table->setItem(r, c, new QTableWidgetItem(rows[r][c]));
  table->resizeColumnsToContents();
}

QString localTime(const QDateTime& utc) { return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")); }

void showError(QLabel* label, const QString& message) {
  label->setProperty("role", QStringLiteral("fieldMessage"));
  label->setText(message);
  label->setVisible(!message.isEmpty());
}
}  // namespace

VolunteerRecordTabs::VolunteerRecordTabs(app::Registry* registry, Ui::VolunteerEditor* ui, QObject* parent)
    : QObject(parent), registry_(registry), ui_(ui) {
  // Reserved and donated are the workflow's to set (app::Registry::settableByHand).
  for (int s = 0; s < model::kVolunteerStatusCount; ++s)
    if (app::Registry::settableByHand(static_cast<model::VolunteerStatus>(s)))
      ui_->newStatus->addItem(statusText(static_cast<model::VolunteerStatus>(s)), s);
  for (int s = 0; s < model::kWorkupStageCount; ++s)
    ui_->withdrawalStage->addItem(stageText(static_cast<model::WorkupStage>(s)), s);
  for (int c = 0; c <= static_cast<int>(model::ContactChannel::Visit); ++c)
    ui_->contactChannel->addItem(channelText(static_cast<model::ContactChannel>(c)), c);
  for (int o = 0; o <= static_cast<int>(model::ContactOutcome::Refused); ++o)
    ui_->contactOutcome->addItem(outcomeText(static_cast<model::ContactOutcome>(o)), o);
  showError(ui_->statusChangeError, {});
  showError(ui_->contactError, {});
  connect(ui_->newStatus, &QComboBox::currentIndexChanged, this, &VolunteerRecordTabs::statusChoiceChanged);
  connect(ui_->changeStatusButton, &QPushButton::clicked, this, &VolunteerRecordTabs::changeStatus);
  connect(ui_->addContactButton, &QPushButton::clicked, this, &VolunteerRecordTabs::addContact);
}

void VolunteerRecordTabs::show(const model::Volunteer& volunteer) {
  volunteer_ = volunteer;
  const bool registered = volunteer.id != 0;
  for (QWidget* tab : {ui_->statusTab, ui_->contactLogTab, ui_->auditTab}) tab->setEnabled(registered);
  QString current = tr("Current status: <b>%1</b>").arg(statusText(volunteer.status));
  if (!volunteer.statusReason.isEmpty()) current += tr(" — %1").arg(volunteer.statusReason.toHtmlEscaped());
  if (volunteer.statusUntil.isValid()) current += tr(" (until %1)").arg(dateText(volunteer.statusUntil));
  ui_->currentStatus->setText(registered ? current : tr("Status, contacts and history are kept once the volunteer "
                                                        "is registered."));
  ui_->newStatus->setCurrentIndex(std::max(0, ui_->newStatus->findData(static_cast<int>(volunteer.status))));
  ui_->contactDate->setDate(QDate::currentDate());
  statusChoiceChanged();
  loadHistory();
}

void VolunteerRecordTabs::statusChoiceChanged() {
  const auto to = static_cast<model::VolunteerStatus>(ui_->newStatus->currentData().toInt());
  ui_->statusUntil->setEnabled(to == model::VolunteerStatus::TemporarilyDeferred);
  ui_->withdrawalStage->setEnabled(to == model::VolunteerStatus::Withdrawn);
}

void VolunteerRecordTabs::loadHistory() {
  if (volunteer_.id == 0) {
    for (QTableWidget* table : {ui_->statusHistory, ui_->contactTable, ui_->auditTable}) table->clear();
    return;
  }
  QList<QStringList> rows;
  if (auto history = registry_->statusHistory(volunteer_.id)) {
    for (const model::StatusChange& change : *history)
      rows.append({localTime(change.at), change.from ? statusText(*change.from) : QString(), statusText(change.to),
                   change.reason, dateText(change.until), change.staff});
  }
  setRows(ui_->statusHistory, {tr("When"), tr("From"), tr("To"), tr("Reason"), tr("Until"), tr("Staff")}, rows);
  rows.clear();
  if (auto contacts = registry_->contacts(volunteer_.id)) {
    for (const model::ContactAttempt& attempt : *contacts)
      rows.append({localTime(attempt.at), channelText(attempt.channel), outcomeText(attempt.outcome), attempt.note,
                   attempt.staff});
  }
  setRows(ui_->contactTable, {tr("When"), tr("Channel"), tr("Outcome"), tr("Note"), tr("Staff")}, rows);
  rows.clear();
  if (auto audit = registry_->auditTrail(QStringLiteral("volunteer"), volunteer_.id)) {
    const auto caseNoOf = [this](qint64 patientId) {
      auto patient = registry_->patient(patientId);
      return patient ? patient->caseNo : QString();
    };
    for (const HistoryRow& row : readableHistory(*audit, caseNoOf))
      rows.append({row.when, row.staff, row.action, row.field, row.oldValue, row.newValue});
  }
  setRows(ui_->auditTable, {tr("When"), tr("Staff"), tr("Action"), tr("Field"), tr("Old value"), tr("New value")},
          rows);
}

bool VolunteerRecordTabs::changeStatus() {
  app::StatusChangeRequest request;
  request.to = static_cast<model::VolunteerStatus>(ui_->newStatus->currentData().toInt());
  request.reason = ui_->statusReason->text().trimmed();
  if (ui_->statusUntil->isEnabled()) request.until = form::dateOf(ui_->statusUntil);
  if (ui_->withdrawalStage->isEnabled()) {
    const auto stage = model::key(static_cast<model::WorkupStage>(ui_->withdrawalStage->currentData().toInt()));
    request.stage = QString::fromLatin1(stage.data(), stage.size());
  }
  const auto result =
      registry_->changeStatus(volunteer_.id, volunteer_.rowVersion, request, app::Actor::fromOperatingSystem());
  if (!result.ok()) {
    QStringList messages;
    for (const Error& error : result.errors) messages << dd::qt::translated(error);
    showError(ui_->statusChangeError, messages.join(QLatin1Char('\n')));
    return false;
  }
  showError(ui_->statusChangeError, {});
  ui_->statusReason->clear();
  Q_EMIT volunteerChanged(*result.value);
  return true;
}

bool VolunteerRecordTabs::addContact() {
  model::ContactAttempt attempt;
  attempt.volunteerId = volunteer_.id;
  // Today: now. An earlier day (a call written up later): midday of that
  // day, so the log keeps its order and the date reads the same everywhere.
  const QDate on = form::dateOf(ui_->contactDate);
  if (!ui_->contactDate->isReadable()) {
    showError(ui_->contactError, tr("The contact date is not a date: type it as 2026-11-28."));
    return false;
  }
  attempt.at = !on.isValid() || on == QDate::currentDate()
                   ? QDateTime::currentDateTimeUtc()
                   : QDateTime(on, QTime(12, 0)).toUTC();
  attempt.channel = static_cast<model::ContactChannel>(ui_->contactChannel->currentData().toInt());
  attempt.outcome = static_cast<model::ContactOutcome>(ui_->contactOutcome->currentData().toInt());
  attempt.note = ui_->contactNote->text().trimmed();
  attempt.staff = app::Actor::fromOperatingSystem().staff;
  const auto saved = registry_->recordContact(attempt, app::Actor::fromOperatingSystem());
  if (!saved) {
    showError(ui_->contactError, dd::qt::translated(saved.error()));
    return false;
  }
  showError(ui_->contactError, {});
  ui_->contactNote->clear();
  ui_->contactDate->setDate(QDate::currentDate());
  // The contact log maintains lastContactOk (and the row version): re-read.
  if (auto fresh = registry_->volunteer(volunteer_.id)) Q_EMIT volunteerChanged(*fresh);
  else loadHistory();
  return true;
}

}  // namespace dd::gui
