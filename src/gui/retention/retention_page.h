#pragma once
// The Retention page: keeping in touch with volunteers. Its tabs
// (retentionTabs) start with the worklists: pick a list and a region, page
// through who to contact next, open a volunteer, export the page as CSV;
// then the volunteer groups (GroupsPanel).
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
  // databaseUrl: the connection the Groups tab's background work opens
  // (empty: that work runs on `registry`).
  explicit RetentionPage(app::Registry* registry, const QString& databaseUrl = {}, QWidget* parent = nullptr);
  ~RetentionPage() override;

  void pageShown() override { reload(); }
  // Reads the chosen list's current page again.
  void reload();
  void nextPage();
  void previousPage();
  Status exportCsv(const QString& path);  // the page with the CLI's --format csv columns
  // On the follow-up-due list: the due call of the donor in `row` was made
  // today (app::recordFollowUp); the list is read again. The error, if any,
  // is also shown under the list.
  Status recordFollowUp(int row, const QString& note);
  WorklistTableModel* model() const { return model_; }

 Q_SIGNALS:
  void volunteerRequested(qint64 volunteerId);

 private:
  void openCurrent();
  void chooseExportFile();
  void askAndRecordFollowUp();
  void updateFollowUpButton();

  std::unique_ptr<Ui::RetentionPage> ui_;
  app::Registry* registry_;
  WorklistTableModel* model_;
  int offset_ = 0;
  static constexpr int kPageSize = 100;
};

}  // namespace dd::gui
