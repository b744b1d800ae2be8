#pragma once
// The Retention page: keeping in touch with volunteers. Its tabs
// (retentionTabs) start with the worklists: pick a list and a region, page
// through who to contact next, open a volunteer, export the page as CSV.
#include <memory>

#include <QWidget>

#include "app/registry.h"
#include "core/expected.h"
#include "gui/page_commands.h"

namespace Ui {
class RetentionPage;
}

namespace dd::gui {

class WorklistTableModel;

class RetentionPage : public QWidget, public PageCommands {
  Q_OBJECT
 public:
  explicit RetentionPage(app::Registry* registry, QWidget* parent = nullptr);
  ~RetentionPage() override;

  void pageShown() override { reload(); }
  // Reads the chosen list's current page again.
  void reload();
  void nextPage();
  void previousPage();
  Status exportCsv(const QString& path);  // the page with the CLI's --format csv columns
  WorklistTableModel* model() const { return model_; }
  // Another tab after the worklists (campaigns, groups): the page owns it.
  void addPanel(QWidget* panel, const QString& title);

 Q_SIGNALS:
  void volunteerRequested(qint64 volunteerId);

 private:
  void openCurrent();
  void chooseExportFile();

  std::unique_ptr<Ui::RetentionPage> ui_;
  app::Registry* registry_;
  WorklistTableModel* model_;
  int offset_ = 0;
  static constexpr int kPageSize = 100;
};

}  // namespace dd::gui
