#include "gui/retention/campaigns_panel.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardItemModel>
#include <QTimer>
#include <QtConcurrent>

#include "app/actor.h"
#include "app/campaigns.h"
#include "app/registry.h"
#include "core/qt/localization.h"
#include "gui/retention/campaign_dialog.h"
#include "gui/retention/campaign_results_dialog.h"
#include "gui/widgets/display_text.h"
#include "gui/widgets/file_dialogs.h"
#include "ui_campaigns_panel.h"

namespace dd::gui {
namespace {

enum Column { Name, Region, NotReached, Statuses, Created, Staff, Note, ColumnCount };
constexpr int kIdRole = Qt::UserRole + 1;

}  // namespace

CampaignsPanel::CampaignsPanel(app::Registry* registry, QString databaseUrl, QWidget* parent)
    : QWidget(parent),
      ui_(std::make_unique<Ui::CampaignsPanel>()),
      registry_(registry),
      url_(std::move(databaseUrl)),
      model_(new QStandardItemModel(0, ColumnCount, this)) {
  ui_->setupUi(this);
  model_->setHorizontalHeaderLabels(
      {tr("Name"), tr("Region"), tr("Not reached for"), tr("Statuses"), tr("Created"), tr("By"), tr("Note")});
  ui_->campaignTable->setModel(model_);
  ui_->encoding->addItem(tr("UTF-8"), QStringLiteral("utf-8"));
  ui_->encoding->addItem(tr("GB18030 (older platforms)"), QStringLiteral("gb18030"));
  ui_->encoding->setToolTip(tr("The character encoding the operator's platform expects in its batch file."));
  connect(ui_->newButton, &QPushButton::clicked, this, &CampaignsPanel::newCampaign);
  connect(ui_->exportButton, &QPushButton::clicked, this, &CampaignsPanel::chooseExportFile);
  connect(ui_->importButton, &QPushButton::clicked, this, &CampaignsPanel::chooseResultsFile);
  connect(ui_->campaignTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          &CampaignsPanel::updateButtons);
  reload();
}

CampaignsPanel::~CampaignsPanel() {
  // the worker posts progress to this panel: it must end first
  if (auto* cancel = cancelled_.get()) cancel->store(true);
  if (running_) running_->waitForFinished();
}

void CampaignsPanel::reload() {
  const qint64 keep = currentCampaign();
  model_->removeRows(0, model_->rowCount());
  auto campaigns = app::listCampaigns(*registry_);
  if (!campaigns) {
    ui_->statusLabel->setText(dd::qt::translated(campaigns.error()));
    updateButtons();
    return;
  }
  // newest first: this year's clean-up on top
  for (auto it = campaigns->crbegin(); it != campaigns->crend(); ++it) {
    const model::Campaign& c = *it;
    QStringList statuses;
    for (const QString& key : app::campaignStatuses(c))
      if (auto status = model::parseVolunteerStatus(key.toStdString())) statuses << dd::gui::statusText(*status);
    QList<QStandardItem*> row;
    row << new QStandardItem(c.name) << new QStandardItem(c.region.isEmpty() ? tr("whole province") : c.region)
        << new QStandardItem(c.notReachedMonths > 0 ? tr("%Ln month(s)", nullptr, c.notReachedMonths) : tr("any time"))
        << new QStandardItem(statuses.join(QStringLiteral(", ")))
        << new QStandardItem(QLocale().toString(c.createdAt.toLocalTime(), QLocale::ShortFormat))
        << new QStandardItem(c.staff) << new QStandardItem(c.note);
    row.first()->setData(c.id, kIdRole);
    row.first()->setToolTip(c.messageTemplate);
    model_->appendRow(row);
  }
  ui_->campaignTable->resizeColumnsToContents();
  selectCampaign(keep);
  if (currentCampaign() == 0 && model_->rowCount() > 0) ui_->campaignTable->selectRow(0);
  if (!busy_) {  // what the last job said stays, but never "no campaign" beside a list of them
    if (model_->rowCount() == 0)
      ui_->statusLabel->setText(tr("No campaign yet: start with New campaign."));
    else if (!lastJobSaid_)
      ui_->statusLabel->clear();
  }
  updateButtons();
}

qint64 CampaignsPanel::currentCampaign() const {
  const QModelIndex index = ui_->campaignTable->currentIndex();
  if (!index.isValid()) return 0;
  return model_->index(index.row(), Name).data(kIdRole).toLongLong();
}

void CampaignsPanel::selectCampaign(qint64 id) {
  for (int r = 0; r < model_->rowCount(); ++r)
    if (model_->index(r, Name).data(kIdRole).toLongLong() == id) {
      ui_->campaignTable->selectRow(r);
      return;
    }
}

void CampaignsPanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (!busy_) reload();  // campaigns made meanwhile with `campaign create`
}

int CampaignsPanel::campaignCount() const { return model_->rowCount(); }

QString CampaignsPanel::statusText() const { return ui_->statusLabel->text(); }

void CampaignsPanel::updateButtons() {
  const bool chosen = currentCampaign() != 0;
  ui_->newButton->setEnabled(!busy_);
  ui_->exportButton->setEnabled(chosen && !busy_);
  ui_->importButton->setEnabled(chosen && !busy_);
}

void CampaignsPanel::run(const QString& title, Job job, std::function<void(const JobResult&)> then) {
  busy_ = true;
  updateButtons();
  ui_->statusLabel->setText(title);
  cancelled_ = std::make_shared<std::atomic_bool>(false);
  auto* progress = new QProgressDialog(title, tr("Cancel"), 0, 0, this);
  progress->setWindowModality(Qt::WindowModal);
  progress->setMinimumDuration(400);  // a small campaign finishes before it shows
  progress->setAutoClose(false);
  progress->setAutoReset(false);
  connect(progress, &QProgressDialog::canceled, this, [flag = cancelled_] { flag->store(true); });
  auto* watcher = new QFutureWatcher<JobResult>(this);
  connect(watcher, &QFutureWatcher<JobResult>::finished, this, [this, watcher, progress, then = std::move(then)] {
    const JobResult result = watcher->result();
    watcher->deleteLater();
    progress->deleteLater();
    running_.reset();
    busy_ = false;
    then(result);
    ui_->statusLabel->setText(result.message);
    lastJobSaid_ = true;
    updateButtons();
    Q_EMIT jobFinished(result.ok, result.message);
  });
  running_ = QtConcurrent::run([this, url = url_, job = std::move(job), flag = cancelled_, progress]() {
    auto opened = app::Registry::open(url, app::Access::Upgrade);
    if (!opened) return JobResult{false, dd::qt::translated(opened.error()), {}};
    // called on this worker thread: the dialog is updated on the GUI thread
    // (the panel's destructor waits for this thread, so `this` outlives it)
    const auto report = [this, flag, progress](int done, int total) {
      QMetaObject::invokeMethod(
          this,
          [progress, done, total] {
            if (total > 0) {
              progress->setMaximum(total);
              progress->setValue(done);
            }
            progress->setLabelText(total > 0 ? tr("%1 of %2 rows").arg(done).arg(total)
                                             : tr("%1 messages written").arg(done));
          },
          Qt::QueuedConnection);
      return !flag->load();
    };
    return job(**opened, report);
  });
  watcher->setFuture(*running_);
}

void CampaignsPanel::exportSms(qint64 campaignId, const QString& path, const QString& encoding) {
  const QString fileName = QFileInfo(path).fileName();
  run(tr("Writing the batch file %1…").arg(fileName),
      [campaignId, path, encoding, fileName](app::Registry& registry, const std::function<bool(int, int)>& progress) {
        app::SmsExportOptions options;
        options.path = path;
        options.encoding = encoding;
        options.progress = [&progress](int done) { return progress(done, 0); };
        auto written = app::exportSms(registry, campaignId, options, app::Actor::fromOperatingSystem());
        if (!written) return JobResult{false, dd::qt::translated(written.error()), {}};
        QString message = tr("%Ln message(s) written to %1.", nullptr, written->messages).arg(fileName);
        if (written->reused > 0)
          message += QLatin1Char(' ') +
                     tr("%Ln of them keep the message id of an earlier export.", nullptr, written->reused);
        return JobResult{true, message, {}};
      },
      [](const JobResult&) {});
}

void CampaignsPanel::checkResults(qint64 campaignId, const QString& path) {
  run(tr("Checking %1…").arg(QFileInfo(path).fileName()),
      [campaignId, path](app::Registry& registry, const std::function<bool(int, int)>& progress) {
        app::ResultsOptions options;
        options.path = path;
        options.dryRun = true;
        options.progress = progress;
        auto checked = app::importCampaignResults(registry, campaignId, options, app::Actor::fromOperatingSystem());
        if (!checked) return JobResult{false, dd::qt::translated(checked.error()), {}};
        const bool ok = checked->malformed.isEmpty();
        const QString message =
            ok ? tr("Checked: %Ln change(s) ready to apply.", nullptr, int(checked->changes.size()))
               : tr("%Ln malformed row(s): nothing can be applied.", nullptr, int(checked->malformed.size()));
        return JobResult{ok, message, *checked};
      },
      [this](const JobResult& result) { lastReport_ = result.report; });
}

void CampaignsPanel::applyResults(qint64 campaignId, const QString& path) {
  run(tr("Applying %1…").arg(QFileInfo(path).fileName()),
      [campaignId, path](app::Registry& registry, const std::function<bool(int, int)>& progress) {
        app::ResultsOptions options;
        options.path = path;
        options.progress = progress;
        auto applied = app::importCampaignResults(registry, campaignId, options, app::Actor::fromOperatingSystem());
        if (!applied) return JobResult{false, dd::qt::translated(applied.error()), {}};
        if (!applied->applied)
          return JobResult{false, tr("Nothing applied: the file has malformed rows."), *applied};
        return JobResult{true,
                         tr("Applied %Ln change(s) to the contact log.", nullptr, int(applied->changes.size())),
                         *applied};
      },
      [this](const JobResult& result) { lastReport_ = result.report; });
}

void CampaignsPanel::newCampaign() {
  CampaignDialog dialog(registry_, this);
  if (dialog.exec() != QDialog::Accepted) return;
  reload();
  selectCampaign(dialog.createdId());
  ui_->statusLabel->setText(tr("Campaign created. Write its batch file for the platform next."));
  lastJobSaid_ = true;
}

void CampaignsPanel::chooseExportFile() {
  const qint64 id = currentCampaign();
  if (id == 0) return;
  const QString path = FileDialogs::saveFile(this, tr("Write SMS batch file"), QStringLiteral("campaign-%1.csv").arg(id),
                                             tr("CSV files (*.csv)"));
  if (path.isEmpty()) return;
  exportSms(id, path, ui_->encoding->currentData().toString());
}

void CampaignsPanel::chooseResultsFile() {
  const qint64 id = currentCampaign();
  if (id == 0) return;
  const QString path =
      FileDialogs::openFile(this, tr("Read platform results"), QString(), tr("CSV files (*.csv);;All files (*)"));
  if (path.isEmpty()) return;
  // the preview comes once the dry run is done; nothing is applied before OK
  auto connection = std::make_shared<QMetaObject::Connection>();
  *connection = connect(this, &CampaignsPanel::jobFinished, this, [this, connection, id, path] {
    disconnect(*connection);
    // a file that could not be read at all has no preview: say why
    if (lastReport_.changes.isEmpty() && lastReport_.malformed.isEmpty() && lastReport_.unknown.isEmpty() &&
        lastReport_.alreadyApplied == 0 && lastReport_.unknownStatus == 0) {
      QMessageBox::warning(this, tr("Read platform results"), statusText());
      return;
    }
    QTimer::singleShot(0, this, [this, id, path] { showPreview(id, path); });
  });
  checkResults(id, path);
}

void CampaignsPanel::showPreview(qint64 campaignId, const QString& path) {
  CampaignResultsDialog preview(lastReport_, QFileInfo(path).fileName(), this);
  if (preview.exec() == QDialog::Accepted && preview.canApply()) applyResults(campaignId, path);
}

}  // namespace dd::gui
