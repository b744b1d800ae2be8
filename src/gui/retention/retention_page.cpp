#include "gui/retention/retention_page.h"

#include <QMessageBox>

#include "app/csv_file.h"
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
  // double-click or Enter, as on the Volunteers page
  connect(ui_->worklistTable, &QTableView::activated, this, &RetentionPage::openCurrent);
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
