#include "gui/cases/case_risk_dialog.h"

#include <QHeaderView>
#include <QPushButton>

#include "app/actor.h"
#include "app/case_risk.h"
#include "app/registry.h"
#include "core/qt/localization.h"
#include "gui/widgets/date_field.h"
#include "gui/widgets/display_text.h"
#include "ui_case_risk_dialog.h"

namespace dd::gui {

namespace {
enum FlagColumn { FlagKind, FlagState, FlagRaised, FlagNote, FlagResolution, FlagColumnCount };
}

CaseRiskDialog::CaseRiskDialog(app::Registry* registry, qint64 caseId, QWidget* parent)
    : QDialog(parent), ui_(std::make_unique<Ui::CaseRiskDialog>()), registry_(registry), caseId_(caseId) {
  ui_->setupUi(this);
  for (int a = 0; a < model::kFamilyAttitudeCount; ++a)
    ui_->attitude->addItem(familyAttitudeText(static_cast<model::FamilyAttitude>(a)), a);
  for (int k = 0; k < model::kRiskFlagKindCount; ++k)
    ui_->kind->addItem(riskFlagText(static_cast<model::RiskFlagKind>(k)), k);
  ui_->sessionDate->setDate(QDate::currentDate());
  ui_->flags->setColumnCount(FlagColumnCount);
  ui_->flags->setHorizontalHeaderLabels({tr("Kind"), tr("State"), tr("Raised on"), tr("Note"), tr("Resolution")});
  ui_->error->setProperty("role", QStringLiteral("fieldMessage"));
  connect(ui_->saveAttitude, &QPushButton::clicked, this, &CaseRiskDialog::saveAttitude);
  connect(ui_->recordSession, &QPushButton::clicked, this, &CaseRiskDialog::recordSession);
  connect(ui_->raiseFlag, &QPushButton::clicked, this, &CaseRiskDialog::raiseFlag);
  connect(ui_->resolveFlag, &QPushButton::clicked, this, &CaseRiskDialog::resolveSelectedFlag);
  connect(ui_->recordPostponement, &QPushButton::clicked, this, &CaseRiskDialog::recordPostponement);
  connect(ui_->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  reload();
}

CaseRiskDialog::~CaseRiskDialog() = default;

void CaseRiskDialog::showError(const QString& message) {
  ui_->error->setText(message);
  ui_->error->setVisible(!message.isEmpty());
}

bool CaseRiskDialog::showed(const Error& error) {
  showError(dd::qt::translated(error));
  return false;
}

void CaseRiskDialog::reload() {
  auto w = registry_->workupCase(caseId_);
  if (!w) {
    showed(w.error());
    return;
  }
  case_ = *w;
  ui_->caseLabel->setText(tr("Case %1, stage '%2'; postponed %Ln time(s).", nullptr, case_.postponements)
                              .arg(case_.caseCode, stageText(case_.stage)));
  ui_->attitude->setCurrentIndex(ui_->attitude->findData(static_cast<int>(case_.familyAttitude)));
  const bool open = !case_.stopped();
  for (QWidget* action : std::initializer_list<QWidget*>{ui_->saveAttitude, ui_->recordSession, ui_->raiseFlag,
                                                         ui_->resolveFlag, ui_->recordPostponement})
    action->setEnabled(open);
  QStringList held;
  if (auto sessions = app::familySessions(*registry_, caseId_))
    for (const model::FamilySession& s : *sessions)
      held << tr("%1: %2%3").arg(dateText(s.heldOn), s.attendees,
                                 s.letterPrinted ? tr(" (family letter handed over)") : QString());
  ui_->sessions->setText(held.isEmpty() ? tr("No family session recorded.") : held.join(QLatin1Char('\n')));
  auto flags = app::caseRiskFlags(*registry_, caseId_);
  auto risk = app::caseRisk(*registry_, caseId_);
  QList<model::CaseRiskFlag> shown = flags ? *flags : QList<model::CaseRiskFlag>();
  if (risk)
    for (const model::CaseRiskFlag& derived : risk->flags)
      if (derived.id == 0) shown.append(derived);
  ui_->flags->setRowCount(static_cast<int>(shown.size()));
  for (int r = 0; r < shown.size(); ++r) {
    const model::CaseRiskFlag& f = shown.at(r);
    const QString state = f.id == 0 ? tr("From the contact log") : f.open() ? tr("Open") : tr("Resolved %1").arg(dateText(f.resolvedOn));
    const QStringList cells{riskFlagText(f.kind), state, dateText(f.raisedOn), f.note, f.resolution};
    for (int c = 0; c < FlagColumnCount; ++c) {
      auto* item = new QTableWidgetItem(cells.at(c));
      item->setData(Qt::UserRole, f.open() ? f.id : 0);
      ui_->flags->setItem(r, c, item);
    }
  }
}

qint64 CaseRiskDialog::selectedFlagId() const {
  const auto rows = ui_->flags->selectionModel()->selectedRows();
  if (rows.isEmpty()) return 0;
  return ui_->flags->item(rows.first().row(), 0)->data(Qt::UserRole).toLongLong();
}

bool CaseRiskDialog::saveAttitude() {
  const auto attitude = static_cast<model::FamilyAttitude>(ui_->attitude->currentData().toInt());
  auto saved = app::setFamilyAttitude(*registry_, caseId_, case_.rowVersion, attitude, app::Actor::fromOperatingSystem());
  if (!saved.ok()) return saved.errors.empty() ? false : showed(saved.errors.front());
  changed_ = true;
  showError({});
  reload();
  return true;
}

bool CaseRiskDialog::recordSession() {
  if (!ui_->sessionDate->isReadable() || !ui_->sessionDate->date().isValid()) {
    showError(tr("Write the session's date as 2026-11-28."));
    return false;
  }
  model::FamilySession session;
  session.caseId = caseId_;
  session.heldOn = ui_->sessionDate->date();
  session.attendees = ui_->attendees->text();
  session.letterPrinted = ui_->letterPrinted->isChecked();
  session.note = ui_->sessionNote->text();
  auto saved = app::recordFamilySession(*registry_, session, app::Actor::fromOperatingSystem());
  if (!saved) return showed(saved.error());
  changed_ = true;
  ui_->attendees->clear();
  ui_->sessionNote->clear();
  ui_->letterPrinted->setChecked(false);
  showError({});
  reload();
  return true;
}

bool CaseRiskDialog::raiseFlag() {
  const auto kind = static_cast<model::RiskFlagKind>(ui_->kind->currentData().toInt());
  auto raised = app::raiseRiskFlag(*registry_, caseId_, kind, ui_->flagNote->text(), app::Actor::fromOperatingSystem());
  if (!raised) return showed(raised.error());
  changed_ = true;
  ui_->flagNote->clear();
  showError({});
  reload();
  return true;
}

bool CaseRiskDialog::resolveSelectedFlag() {
  const qint64 id = selectedFlagId();
  if (id == 0) {
    showError(tr("Select an open flag to resolve (a flag from the contact log goes when the volunteer is reached "
                 "or when it is raised and resolved by hand)."));
    return false;
  }
  auto resolved = app::resolveRiskFlag(*registry_, id, ui_->resolution->text(), app::Actor::fromOperatingSystem());
  if (!resolved) return showed(resolved.error());
  changed_ = true;
  ui_->resolution->clear();
  showError({});
  reload();
  return true;
}

bool CaseRiskDialog::recordPostponement() {
  auto saved = app::recordPostponement(*registry_, caseId_, case_.rowVersion, ui_->postponeNote->text(),
                                       app::Actor::fromOperatingSystem());
  if (!saved.ok()) return saved.errors.empty() ? false : showed(saved.errors.front());
  changed_ = true;
  ui_->postponeNote->clear();
  showError({});
  reload();
  return true;
}

}  // namespace dd::gui
