#include "gui/retention/retention_page.h"

#include <QInputDialog>
#include <QLocale>
#include <QMessageBox>

#include "app/actor.h"
#include "app/csv_file.h"
#include "app/follow_ups.h"
#include "app/worklists.h"
#include "core/qt/localization.h"
#include "gui/retention/campaigns_panel.h"
#include "gui/retention/groups_panel.h"
#include "gui/retention/worklist_table_model.h"
#include "gui/widgets/file_dialogs.h"
#include "ui_retention_page.h"

namespace dd::gui {

RetentionPage::RetentionPage(app::Registry* registry, const QString& databaseUrl, QWidget* parent)
    : QWidget(parent), ui_(new Ui::RetentionPage), registry_(registry), model_(new WorklistTableModel(this)) {
  ui_->setupUi(this);
  ui_->retentionTabs->addTab(new CampaignsPanel(registry, databaseUrl), tr("Campa&igns"));
  ui_->retentionTabs->addTab(new GroupsPanel(registry, databaseUrl), tr("&Groups"));
  for (int i = 0; i < model::kWorklistCount; ++i) {
    const auto list = static_cast<model::Worklist>(i);
    ui_->worklistChooser->addItem(QCoreApplication::translate("dd::model", model::displayName(list)), i);
    ui_->worklistChooser->setItemData(i, QCoreApplication::translate("dd::model", model::worklistDescription(list)),
                                      Qt::ToolTipRole);
  }
  ui_->worklistTable->setModel(model_);
  connect(ui_->worklistChooser, &QComboBox::currentIndexChanged, this, [this] {
    offset_ = 0;
    reload();
  });
  connect(ui_->regionFilter, &QLineEdit::editingFinished, this, [this] {
    offset_ = 0;
    reload();
  });
  connect(ui_->nextPageButton, &QPushButton::clicked, this, &RetentionPage::nextPage);
  connect(ui_->previousPageButton, &QPushButton::clicked, this, &RetentionPage::previousPage);
  connect(ui_->exportButton, &QPushButton::clicked, this, &RetentionPage::chooseExportFile);
  connect(ui_->recordFollowUpButton, &QPushButton::clicked, this, &RetentionPage::askAndRecordFollowUp);
  connect(ui_->worklistTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          &RetentionPage::updateFollowUpButton);
  // double-click or Enter, as on the Volunteers page
  connect(ui_->worklistTable, &QTableView::activated, this, &RetentionPage::openCurrent);
  updateFollowUpButton();
}

RetentionPage::~RetentionPage() = default;


void RetentionPage::reload() {
  model::WorklistQuery query;
  query.list = static_cast<model::Worklist>(ui_->worklistChooser->currentData().toInt());
  query.region = ui_->regionFilter->text().trimmed();
  query.limit = kPageSize;
  query.offset = offset_;
  // One indexed page (docs/retention.md: at most a few hundred ms on a
  // million volunteers, most lists a few ms), so it runs on the GUI thread.
  auto rows = app::worklist(*registry_, query);
  if (!rows) {
    model_->setRows({});
    ui_->pageLabel->setText(dd::qt::translated(rows.error()));
    return;
  }
  const int count = int(rows->size());
  model_->setRows(std::move(*rows));
  ui_->pageLabel->setText(count == 0 ? tr("Nobody on this list.")
                                     : tr("Rows %1–%2").arg(offset_ + 1).arg(offset_ + count));
  ui_->previousPageButton->setEnabled(offset_ > 0);
  ui_->nextPageButton->setEnabled(count == kPageSize);
  ui_->exportButton->setEnabled(count > 0);
  updateFollowUpButton();
}

void RetentionPage::updateFollowUpButton() {
  const bool followUps =
      static_cast<model::Worklist>(ui_->worklistChooser->currentData().toInt()) == model::Worklist::FollowUpDue;
  ui_->recordFollowUpButton->setVisible(followUps);
  ui_->recordFollowUpButton->setEnabled(followUps && ui_->worklistTable->currentIndex().isValid());
}

Status RetentionPage::recordFollowUp(int row, const QString& note) {
  if (row < 0 || row >= model_->rowCount() || !model_->rows().at(row).followUp)
    return makeError("validation.follow_up_point", "dd::gui",
                     QT_TRANSLATE_NOOP("dd::gui", "Choose a donor on the follow-up-due list first."), {});
  const model::WorklistRow& r = model_->rows().at(row);
  app::FollowUpRequest request;
  request.volunteerId = r.volunteerId;
  request.point = *r.followUp;
  request.note = note.trimmed();
  auto recorded = app::recordFollowUp(*registry_, request, app::Actor::fromOperatingSystem());
  if (!recorded) {
    ui_->pageLabel->setText(dd::qt::translated(recorded.error()));
    return recorded.error();
  }
  reload();
  return {};
}

void RetentionPage::askAndRecordFollowUp() {
  const QModelIndex index = ui_->worklistTable->currentIndex();
  if (!index.isValid()) return;
  const model::WorklistRow& r = model_->rows().at(index.row());
  if (!r.followUp) return;
  bool ok = false;
  const QString note = QInputDialog::getText(
      this, tr("Record follow-up call"),
      tr("%1 (%2), follow-up '%3' due on %4: what did the donor say? (optional)")
          .arg(r.name, r.registryNo, QCoreApplication::translate("dd::model", model::displayName(*r.followUp)),
               QLocale().toString(r.due, QLocale::ShortFormat)),
      QLineEdit::Normal, {}, &ok);
  if (!ok) return;
  if (const Status recorded = recordFollowUp(index.row(), note); !recorded)
    QMessageBox::warning(this, tr("Record follow-up call"), dd::qt::translated(recorded.error()));
}

void RetentionPage::nextPage() {
  if (model_->rowCount() < kPageSize) return;
  offset_ += kPageSize;
  reload();
}

void RetentionPage::previousPage() {
  offset_ = qMax(0, offset_ - kPageSize);
  reload();
}

void RetentionPage::openCurrent() {
  const QModelIndex index = ui_->worklistTable->currentIndex();
  if (!index.isValid()) return;
  Q_EMIT volunteerRequested(index.data(WorklistTableModel::IdRole).toLongLong());
}

Status RetentionPage::exportCsv(const QString& path) {
  QList<QStringList> cells;
  for (const model::WorklistRow& row : model_->rows()) cells.append(app::worklistCells(row));
  return app::writeCsvFile(path, app::worklistHeadings(), cells);
}

void RetentionPage::chooseExportFile() {
  const QString path = FileDialogs::saveFile(this, tr("Export CSV"), QStringLiteral("worklist.csv"),
                                             tr("CSV files (*.csv)"));
  if (path.isEmpty()) return;
  if (const Status written = exportCsv(path); !written)
    QMessageBox::warning(this, tr("Export CSV"), dd::qt::translated(written.error()));
}

}  // namespace dd::gui
