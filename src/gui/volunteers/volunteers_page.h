#pragma once
// The volunteers page: quick find (name, registry no, ID number, phone),
// status and region filters, the paged list, and the editor for new and
// existing volunteers. Filters run in the database after a short pause in
// typing, so each keystroke does not cost a query.
#include <QTimer>
#include <QWidget>
#include <memory>

#include "gui/page_commands.h"

namespace Ui {
class VolunteersPage;
}

namespace dd::app {
class Registry;
}

namespace dd::gui {

class CollatingProxyModel;
class VolunteerTableModel;

class VolunteersPage : public QWidget, public PageCommands {
  Q_OBJECT
 public:
  explicit VolunteersPage(app::Registry* registry, QWidget* parent = nullptr);
  ~VolunteersPage() override;

  void createRecord() override;
  void focusFind() override;
  void pageShown() override;
  // Ctrl+P: the registration form of the selected volunteer.
  void printPage() override;

  // Applies the filter fields now (instead of after the typing pause).
  void applyFilter();
  // Typing in the filters then queries on a worker thread (its own
  // connection to this database), so the window never waits for a scan.
  void setBackgroundFiltering(const QString& databaseUrl);
  void openVolunteer(qint64 id);
  // Another workstation wrote these volunteers (empty: many): the list reads
  // them again now when it is shown, else when it is next shown.
  void showChangesFromElsewhere(const QList<qint64>& volunteerIds);
  VolunteerTableModel* model() const { return model_; }
  CollatingProxyModel* proxy() const { return proxy_; }

 Q_SIGNALS:
  // A volunteer was registered or changed (other pages may refresh).
  void volunteerSaved(qint64 id);

 private:
  void openSelected();
  void updateCount();

  std::unique_ptr<Ui::VolunteersPage> ui_;
  app::Registry* registry_;
  VolunteerTableModel* model_;
  CollatingProxyModel* proxy_;
  QTimer filterDelay_;
  bool stale_ = false;
  bool background_ = false;
  QString databaseUrl_;
};

}  // namespace dd::gui
