#pragma once
// The Retention page's Campaigns tab (docs/campaigns.md): the yearly contact
// clean-up from the GUI, the same use cases as `campaign create|export-sms|
// import-results`. Writing a batch file of 100,000 messages or reading its
// results takes seconds, so both run off the GUI thread on a connection of
// their own (one Registry per thread), with progress and Cancel; a results
// file is always checked first (a dry run) and its preview shown, and only
// then applied.
#include <atomic>
#include <functional>
#include <memory>

#include <optional>

#include <QFuture>
#include <QString>
#include <QWidget>

#include "app/campaign_results.h"

namespace Ui {
class CampaignsPanel;
}

class QProgressDialog;
class QStandardItemModel;

namespace dd::app {
class Registry;
}

namespace dd::gui {

class CampaignsPanel : public QWidget {
  Q_OBJECT
 public:
  // databaseUrl: what the background work opens its own connection to.
  CampaignsPanel(app::Registry* registry, QString databaseUrl, QWidget* parent = nullptr);
  ~CampaignsPanel() override;

  void reload();  // the campaign list, newest first
  qint64 currentCampaign() const;  // 0 when none is selected
  void selectCampaign(qint64 id);
  int campaignCount() const;

  // Background work; each ends with jobFinished(ok, message).
  void exportSms(qint64 campaignId, const QString& path, const QString& encoding);
  // A dry run of the file; its report is lastReport() when jobFinished comes.
  void checkResults(qint64 campaignId, const QString& path);
  void applyResults(qint64 campaignId, const QString& path);
  bool busy() const { return busy_; }
  const app::ResultsReport& lastReport() const { return lastReport_; }
  QString statusText() const;

 Q_SIGNALS:
  void jobFinished(bool ok, const QString& message);

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  struct JobResult {
    bool ok = false;
    QString message;
    app::ResultsReport report;
  };
  using Job = std::function<JobResult(app::Registry& registry, const std::function<bool(int, int)>& progress)>;
  void run(const QString& title, Job job, std::function<void(const JobResult&)> then);
  void newCampaign();
  void chooseExportFile();
  void chooseResultsFile();
  void showPreview(qint64 campaignId, const QString& path);
  void updateButtons();

  std::unique_ptr<Ui::CampaignsPanel> ui_;
  app::Registry* registry_;
  QString url_;
  QStandardItemModel* model_;
  bool busy_ = false;
  bool lastJobSaid_ = false;  // the status line holds a job's or a creation's outcome
  std::shared_ptr<std::atomic_bool> cancelled_;  // the running job's Cancel
  std::optional<QFuture<JobResult>> running_;
  app::ResultsReport lastReport_;
};

}  // namespace dd::gui
