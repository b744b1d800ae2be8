#include "gui/volunteers/volunteer_status_tab.h"

#include "app/registry.h"
#include "core/qt/localization.h"
#include "gui/widgets/display_text.h"
#include "gui/widgets/form_helpers.h"
#include "ui_volunteer_status_tab.h"

namespace dd::gui {
namespace {
QString localTime(const QDateTime& utc) { return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")); }
}  // namespace

VolunteerStatusTab::VolunteerStatusTab(QWidget* parent)
    : QWidget(parent), ui_(std::make_unique<Ui::VolunteerStatusTab>()) {
  ui_->setupUi(this);
  // Reserved and donated are the workflow's to set (app::Registry::settableByHand).
  for (int s = 0; s < model::kVolunteerStatusCount; ++s)
    if (app::Registry::settableByHand(static_cast<model::VolunteerStatus>(s)))
      ui_->newStatus->addItem(statusText(static_cast<model::VolunteerStatus>(s)), s);
  for (int s = 0; s < model::kWorkupStageCount; ++s)
    ui_->withdrawalStage->addItem(stageText(static_cast<model::WorkupStage>(s)), s);
  form::showMessage(ui_->statusChangeError, {});
  connect(ui_->newStatus, &QComboBox::currentIndexChanged, this, &VolunteerStatusTab::statusChoiceChanged);
  connect(ui_->changeStatusButton, &QPushButton::clicked, this, &VolunteerStatusTab::changeStatus);
  connect(ui_->confirmWithdrawalButton, &QPushButton::clicked, this, &VolunteerStatusTab::confirmWithdrawal);
  connect(ui_->cancelWithdrawalButton, &QPushButton::clicked, this, &VolunteerStatusTab::cancelWithdrawalRequest);
  // a reservation is released for the patient's side of things only (the
  // donor's side stops the case instead)
  for (int r = 0; r < model::kStopReasonCount; ++r)
    if (!model::isDonorReason(static_cast<model::StopReason>(r)))
      ui_->releaseReason->addItem(stopReasonText(static_cast<model::StopReason>(r)), r);
  ui_->reservationUntil->setToolTip(tr("The new date the reservation lapses on"));
  connect(ui_->extendReservationButton, &QPushButton::clicked, this, &VolunteerStatusTab::extendReservation);
  connect(ui_->releaseReservationButton, &QPushButton::clicked, this, &VolunteerStatusTab::releaseReservation);
}

VolunteerStatusTab::~VolunteerStatusTab() = default;

void VolunteerStatusTab::showVolunteer(const model::Volunteer& volunteer) {
  volunteer_ = volunteer;
  const bool registered = volunteer.id != 0;
  QString current = tr("Current status: <b>%1</b>").arg(statusText(volunteer.status));
  if (!volunteer.statusReason.isEmpty()) current += tr(" — %1").arg(volunteer.statusReason.toHtmlEscaped());
  if (volunteer.statusUntil.isValid()) current += tr(" (until %1)").arg(dateText(volunteer.statusUntil));
  ui_->currentStatus->setText(registered ? current : tr("Status, contacts and history are kept once the volunteer "
                                                        "is registered."));
  const bool requested = registered && volunteer.withdrawalRequestedOn.isValid();
  ui_->withdrawalRequestBox->setVisible(requested);
  if (requested)
    ui_->withdrawalRequest->setText(tr("<b>Asked to withdraw on %1</b>: out of searches until confirmed or cancelled.")
                                        .arg(dateText(volunteer.withdrawalRequestedOn)));
  const bool reserved = registered && volunteer.status == model::VolunteerStatus::Reserved;
  ui_->reservationBox->setVisible(reserved);
  if (reserved) {
    ui_->reservation->setText(volunteer.reservationExpires.isValid()
                                  ? tr("Reserved until <b>%1</b>.").arg(dateText(volunteer.reservationExpires))
                                  : tr("Reserved, with no end date."));
    const QDate from = std::max(QDate::currentDate(), volunteer.reservationExpires);
    ui_->reservationUntil->setDate(from.addDays(app::Registry::kReservationDays));
    ui_->releaseNote->clear();
  }
  ui_->newStatus->setCurrentIndex(std::max(0, ui_->newStatus->findData(static_cast<int>(volunteer.status))));
  statusChoiceChanged();
  loadHistory();
}

void VolunteerStatusTab::statusChoiceChanged() {
  const auto to = static_cast<model::VolunteerStatus>(ui_->newStatus->currentData().toInt());
  ui_->statusUntil->setEnabled(to == model::VolunteerStatus::TemporarilyDeferred);
  ui_->withdrawalStage->setEnabled(to == model::VolunteerStatus::Withdrawn);
}

void VolunteerStatusTab::loadHistory() {
  QList<QStringList> rows;
  if (volunteer_.id != 0 && registry_)
    if (auto history = registry_->statusHistory(volunteer_.id))
      for (const model::StatusChange& change : *history)
        rows.append({localTime(change.at), change.from ? statusText(*change.from) : QString(), statusText(change.to),
                     change.reason, dateText(change.until), change.staff});
  form::setRows(ui_->statusHistory, {tr("When"), tr("From"), tr("To"), tr("Reason"), tr("Until"), tr("Staff")}, rows);
}

void VolunteerStatusTab::showError(const std::vector<Error>& errors) {
  QStringList messages;
  for (const Error& error : errors) messages << dd::qt::translated(error);
  form::showMessage(ui_->statusChangeError, messages.join(QLatin1Char('\n')));
}

bool VolunteerStatusTab::confirmWithdrawal() {
  const auto result = registry_->confirmWithdrawal(volunteer_.id, ui_->withdrawalNote->text().trimmed(),
                                                   app::Actor::fromOperatingSystem());
  if (!result.ok()) {
    showError(result.errors);
    return false;
  }
  form::showMessage(ui_->statusChangeError, {});
  ui_->withdrawalNote->clear();
  Q_EMIT volunteerChanged(*result.value);
  return true;
}

bool VolunteerStatusTab::cancelWithdrawalRequest() {
  auto result = registry_->cancelWithdrawalRequest(volunteer_.id, ui_->withdrawalNote->text().trimmed(),
                                                   app::Actor::fromOperatingSystem());
  if (!result) {
    showError({result.error()});
    return false;
  }
  form::showMessage(ui_->statusChangeError, {});
  ui_->withdrawalNote->clear();
  Q_EMIT volunteerChanged(*result);
  return true;
}

bool VolunteerStatusTab::extendReservation() {
  if (!ui_->reservationUntil->isReadable()) {
    form::showMessage(ui_->statusChangeError, tr("The date is not readable: type it as 2026-11-28."));
    return false;
  }
  const auto result = registry_->extendReservation(volunteer_.id, volunteer_.rowVersion,
                                                   form::dateOf(ui_->reservationUntil), app::Actor::fromOperatingSystem());
  if (!result.ok()) {
    showError(result.errors);
    return false;
  }
  form::showMessage(ui_->statusChangeError, {});
  Q_EMIT volunteerChanged(*result.value);
  return true;
}

bool VolunteerStatusTab::releaseReservation() {
  const auto reason = static_cast<model::StopReason>(ui_->releaseReason->currentData().toInt());
  const auto result = registry_->releaseReservation(volunteer_.id, volunteer_.rowVersion, reason,
                                                    ui_->releaseNote->text().trimmed(), app::Actor::fromOperatingSystem());
  if (!result.ok()) {
    showError(result.errors);
    return false;
  }
  form::showMessage(ui_->statusChangeError, {});
  Q_EMIT volunteerChanged(*result.value);
  return true;
}

bool VolunteerStatusTab::changeStatus() {
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
    form::showMessage(ui_->statusChangeError, messages.join(QLatin1Char('\n')));
    return false;
  }
  form::showMessage(ui_->statusChangeError, {});
  ui_->statusReason->clear();
  Q_EMIT volunteerChanged(*result.value);
  return true;
}

}  // namespace dd::gui
