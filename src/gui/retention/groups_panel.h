#pragma once
// The Retention page's Groups tab: the WeChat and region groups a branch
// posts its reminders in (docs/retention.md, Groups). Create a group, add
// members by pasting registry numbers or by region, page through the
// members, export their list for the group's WeChat admin, and record that
// a message was posted. Adding a region and exporting may touch a large
// part of a million volunteers, so they run on a connection of their own
// off the GUI thread; the rest reads one indexed page.
#include <functional>
#include <memory>

#include <QWidget>

#include "app/registry.h"
#include "core/expected.h"

namespace Ui {
class GroupsPanel;
}

namespace dd::gui {

class GroupsPanel : public QWidget {
  Q_OBJECT
 public:
  // databaseUrl: what the background work opens (empty: it runs on
  // `registry`, on the GUI thread).
  GroupsPanel(app::Registry* registry, const QString& databaseUrl, QWidget* parent = nullptr);
  ~GroupsPanel() override;

  // Reads the groups again, keeping the chosen one.
  void reload();
  qint64 currentGroupId() const;  // 0 = none chosen
  bool selectGroup(qint64 groupId);
  int groupCount() const;
  // What the member table shows, by registry number, for tests and the
  // removal of the selected rows.
  QStringList shownRegistryNumbers() const;
  QString statusText() const;
  // Writes the chosen group's members to path in the chosen encoding, in
  // the background; workFinished() follows.
  void exportMembersTo(const QString& path);

 Q_SIGNALS:
  // Background work (a region added, an export) is done and shown.
  void workFinished();

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  // What background work reports: a line for the status label.
  struct Outcome {
    bool ok = false;
    QString text;
  };
  using Work = std::function<Outcome(app::Registry&)>;
  void runInBackground(const Work& work);
  void finish(const Outcome& outcome);
  void setBusy(bool busy);

  void createGroup();
  void addNumbers();
  void addRegion();
  void removeSelected();
  void chooseExportFile();
  void recordMessage();
  void groupChosen();
  void reloadMembers();
  void reloadMessages();
  void updateButtons();
  void showStatus(const QString& text, bool ok);

  std::unique_ptr<Ui::GroupsPanel> ui_;
  app::Registry* registry_;
  QString url_;
  qint64 shownGroup_ = 0;
  int memberOffset_ = 0;
  int memberTotal_ = 0;
  bool busy_ = false;
  bool loadedOnce_ = false;
  static constexpr int kMemberPage = 100;
};

}  // namespace dd::gui
