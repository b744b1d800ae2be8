#include "gui/cases/cases_page.h"

#include <QHeaderView>
#include <QLineEdit>

#include "app/case_risk.h"
#include "app/registry.h"
#include "core/qt/localization.h"
#include "gui/settings/app_settings.h"
#include "gui/cases/case_risk_dialog.h"
#include "gui/cases/case_table_model.h"
#include "gui/widgets/collating_proxy_model.h"
#include "gui/widgets/confirm_action.h"
#include "gui/widgets/date_field.h"
#include "gui/widgets/display_text.h"
#include "gui/documents/documents_actions.h"
#include "gui/widgets/paged_table_model.h"
#include "gui/widgets/quick_filter.h"
#include "gui/widgets/record_table.h"
#include "ui_cases_page.h"

namespace dd::gui {

CasesPage::CasesPage(app::Registry* registry, QWidget* parent)
    : QWidget(parent),
      PageCommands(PageCommands::Find | PageCommands::Print),
      ui_(std::make_unique<Ui::CasesPage>()),
      registry_(registry),
      model_(new CaseTableModel(registry, this)),
      proxy_(new CollatingProxyModel(this)) {
  ui_->setupUi(this);
  ui_->stageFilter->addItem(tr("All stages"), -1);
  for (int s = 0; s < model::kWorkupStageCount; ++s) {
    ui_->stageFilter->addItem(stageText(static_cast<model::WorkupStage>(s)), s);
    ui_->nextStage->addItem(stageText(static_cast<model::WorkupStage>(s)), s);
    ui_->stopStage->addItem(stageText(static_cast<model::WorkupStage>(s)), s);
  }
  for (int r = 0; r < model::kStopReasonCount; ++r)
    ui_->stopReason->addItem(stopReasonText(static_cast<model::StopReason>(r)), r);
  ui_->actionDate->setDate(QDate::currentDate());
  ui_->actionError->setProperty("role", QStringLiteral("fieldMessage"));
  ui_->actionError->hide();
  proxy_->setSourceModel(model_);
  ui_->table->sortByColumn(CaseTableModel::StageDate, Qt::DescendingOrder);
  record_table::setUp(ui_->table, proxy_, QStringLiteral("cases"),
                      {{CaseTableModel::CaseCode, 150}, {CaseTableModel::Patient, 180},
                       {CaseTableModel::Volunteer, 130}, {CaseTableModel::Stage, 150}});
  connect(ui_->quickFilter, &QLineEdit::textChanged, proxy_, &CollatingProxyModel::setQuickFilter);
  enterGoesToResults(ui_->quickFilter, ui_->table);
  // The count follows what is shown, quick filter included.
  record_table::onRowsChanged(proxy_, this, [this] {
    if (model_->lastError().isEmpty()) ui_->countLabel->setText(tr("%Ln case(s)", nullptr, proxy_->rowCount()));
  });
  connect(ui_->stageFilter, &QComboBox::currentIndexChanged, this, &CasesPage::reload);
  connect(ui_->showStopped, &QCheckBox::toggled, this, &CasesPage::reload);
  connect(ui_->table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CasesPage::selectionChanged);
  // A refusal answers the choice it was about: a new choice clears it.
  for (QComboBox* choice : {ui_->nextStage, ui_->stopReason})
    connect(choice, &QComboBox::activated, this, [this] { showError({}); });
  connect(ui_->actionDate->lineEdit(), &QLineEdit::textEdited, this, [this] { showError({}); });
  connect(ui_->advanceButton, &QPushButton::clicked, this, &CasesPage::advanceSelected);
  connect(ui_->stopButton, &QPushButton::clicked, this, &CasesPage::stopSelected);
  connect(ui_->undoButton, &QPushButton::clicked, this, &CasesPage::undoSelected);
  connect(ui_->riskButton, &QPushButton::clicked, this, &CasesPage::riskOfSelected);
  reload();
}

CasesPage::~CasesPage() = default;

void CasesPage::reload() {
  const int row = selectedRow();
  const qint64 selected = row >= 0 ? model_->row(row).workup.id : 0;
  if (!model_->reload(ui_->stageFilter->currentData().toInt(), ui_->showStopped->isChecked()))
    ui_->countLabel->setText(tr("Could not load cases: %1").arg(model_->lastError()));
  else
    ui_->countLabel->setText(tr("%Ln case(s)", nullptr, proxy_->rowCount()));
  if (selected) selectCase(selected);
  selectionChanged();
}

void CasesPage::focusFind() { ui_->quickFilter->setFocus(Qt::ShortcutFocusReason); }

void CasesPage::selectCase(qint64 caseId) {
  for (int r = 0; r < model_->rowCount(); ++r)
    if (model_->row(r).workup.id == caseId) {
      ui_->table->selectRow(proxy_->mapFromSource(model_->index(r, 0)).row());
      return;
    }
}

int CasesPage::selectedRow() const {
  const QModelIndexList rows = ui_->table->selectionModel() ? ui_->table->selectionModel()->selectedRows()
                                                            : QModelIndexList();
  return rows.isEmpty() ? -1 : proxy_->mapToSource(rows.first()).row();
}

void CasesPage::selectionChanged() {
  const int row = selectedRow();
  const bool open = row >= 0 && !model_->row(row).workup.stopped();
  ui_->actionBox->setEnabled(open);
  if (open) {
    const int next = static_cast<int>(model_->row(row).workup.stage) + 1;
    ui_->nextStage->setCurrentIndex(qMin(next, model::kWorkupStageCount - 1));
    ui_->stopStage->setCurrentIndex(static_cast<int>(model_->row(row).workup.stage));
  }
  const QString risk = open ? model_->row(row).risk : QString();
  ui_->riskSummary->setText(risk.isEmpty() ? QString() : tr("Open risk flags: %1").arg(risk));
  showError({});
}

void CasesPage::showError(const QString& message) {
  ui_->actionError->setText(message);
  ui_->actionError->setVisible(!message.isEmpty());
}

void CasesPage::printPage() {
  const int row = selectedRow();
  if (row < 0) {
    showError(tr("Select the case whose consent form you want to print."));
    return;
  }
  printConsent(this, *registry_, model_->row(row).workup.id);
}

QString CasesPage::describe(const CaseRow& row) const {
  return tr("case %1 (patient %2 %3, volunteer No. %4)")
      .arg(row.workup.caseCode, row.patientCaseNo, row.patientName, row.registryNo);
}

bool CasesPage::dateIsReadable() {
  if (ui_->actionDate->isReadable()) return true;
  showError(tr("'%1' is not a date; write it as 2026-11-28.").arg(ui_->actionDate->lineEdit()->text()));
  return false;
}

bool CasesPage::succeeded(const app::SaveResult<model::WorkupCase>& result) {
  if (result.ok()) return true;
  QStringList messages;
  for (const Error& e : result.errors) messages << dd::qt::translated(e);
  showError(messages.join(QLatin1Char('\n')));
  return false;
}

bool CasesPage::advanceSelected() {
  const int row = selectedRow();
  if (row < 0) return false;
  const CaseRow selected = model_->row(row);
  const model::WorkupCase& w = selected.workup;
  const auto stage = static_cast<model::WorkupStage>(ui_->nextStage->currentData().toInt());
  if (!dateIsReadable()) return false;
  const QDate date = ui_->actionDate->date();
  QString whatHappens = tr("Advance %1 to the stage '%2' on %3?")
                            .arg(describe(selected), stageText(stage), date.toString(Qt::ISODate));
  if (stage == model::WorkupStage::Collection)
    whatHappens += QLatin1String("\n\n") + tr("This records the donation: the volunteer's status becomes 'Donated'.");
  // The use case's own rules decide what to ask: a skip asks for its reason
  // (which stands for the confirmation), a possible move asks to confirm, a
  // move the rules refuse is sent on and refused with its message.
  QString skipReason;
  const Status allowed = app::Registry::checkAdvance(w, stage, date, {});
  if (!allowed && allowed.error().code == "validation.stage_skipped") {
    const auto reason = askReason(this, tr("Skip a stage"),
                                  tr("'%1' does not follow '%2'. Why is the stage in between skipped?")
                                      .arg(stageText(stage), stageText(w.stage)));
    if (!reason) return false;
    skipReason = *reason;
  } else if (allowed && !confirmAction(this, tr("Advance stage"), whatHappens, tr("Advance"))) {
    return false;
  }
  auto advanced =
      registry_->advanceWorkup(w.id, w.rowVersion, stage, date, app::Actor::fromOperatingSystem(), skipReason);
  // Open risk flags before mobilisation: staff decide, knowing them.
  if (advanced.needsConfirmation()) {
    QStringList warnings;
    for (const Error& e : advanced.warnings) warnings << dd::qt::translated(e);
    if (!confirmAction(this, tr("Case at risk"), warnings.join(QLatin1Char('\n')), tr("Advance anyway")))
      return false;
    advanced = registry_->advanceWorkup(w.id, w.rowVersion, stage, date, app::Actor::fromOperatingSystem(),
                                        skipReason, true);
  }
  if (!succeeded(advanced)) return false;
  reload();
  selectCase(w.id);
  return true;
}

bool CasesPage::stopSelected() {
  const int row = selectedRow();
  if (row < 0) return false;
  const CaseRow selected = model_->row(row);
  if (!dateIsReadable()) return false;
  const auto code = static_cast<model::StopReason>(ui_->stopReason->currentData().toInt());
  const auto reached = static_cast<model::WorkupStage>(ui_->stopStage->currentData().toInt());
  if (!confirmAction(this, tr("Stop case"),
                     tr("Stop %1 for the reason '%2' at the stage '%3'? A stopped case cannot be continued; a "
                        "volunteer reserved for this patient becomes available again.")
                         .arg(describe(selected), ui_->stopReason->currentText(), stageText(reached)),
                     tr("Stop case")))
    return false;
  if (!succeeded(registry_->stopWorkup(selected.workup.id, selected.workup.rowVersion, code, reached,
                                       ui_->stopNote->text(), ui_->actionDate->date(),
                                       app::Actor::fromOperatingSystem())))
    return false;
  ui_->stopNote->clear();
  reload();
  return true;
}

bool CasesPage::riskOfSelected() {
  const int row = selectedRow();
  if (row < 0) return false;
  const qint64 caseId = model_->row(row).workup.id;
  CaseRiskDialog dialog(registry_, caseId, this);
  dialog.exec();
  if (!dialog.changedSomething()) return false;
  reload();
  selectCase(caseId);
  return true;
}

bool CasesPage::undoSelected() {
  const int row = selectedRow();
  if (row < 0) return false;
  const CaseRow selected = model_->row(row);
  const auto reason = askReason(this, tr("Undo last stage"),
                                tr("Take back the stage '%1' of %2? Give the reason (it is kept in the history).")
                                    .arg(stageText(selected.workup.stage), describe(selected)));
  if (!reason) return false;
  if (!succeeded(registry_->undoLastStage(selected.workup.id, selected.workup.rowVersion, *reason,
                                          app::Actor::fromOperatingSystem())))
    return false;
  reload();
  selectCase(selected.workup.id);
  return true;
}

}  // namespace dd::gui
