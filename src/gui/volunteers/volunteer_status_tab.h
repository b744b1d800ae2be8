#pragma once
// The volunteer editor's Status tab: the current status, a change with its
// reason (deferral until a date, withdrawal at a workup stage) saved at once
// as its own use case, and the history of changes.
#include <memory>

#include <QWidget>

#include "model/entities.h"

namespace Ui {
class VolunteerStatusTab;
}

namespace dd::app {
class Registry;
}

namespace dd::gui {

class VolunteerStatusTab : public QWidget {
  Q_OBJECT
 public:
  explicit VolunteerStatusTab(QWidget* parent = nullptr);
  ~VolunteerStatusTab() override;

  void setRegistry(app::Registry* registry) { registry_ = registry; }
  // Shows the status and its history (a volunteer not registered yet has none).
  void showVolunteer(const model::Volunteer& volunteer);
  bool changeStatus();

 Q_SIGNALS:
  void volunteerChanged(const model::Volunteer& volunteer);

 private:
  void statusChoiceChanged();
  void loadHistory();

  std::unique_ptr<Ui::VolunteerStatusTab> ui_;
  app::Registry* registry_ = nullptr;
  model::Volunteer volunteer_;
};

}  // namespace dd::gui
