#pragma once
// The volunteer editor's Readiness tab (docs/retention.md): record the
// yearly readiness check (still willing, health changes, planned absence,
// family informed and its attitude, contact details confirmed), saved at once
// as its own use case, and the checks so far, newest first.
#include <memory>

#include <QWidget>

#include "model/entities.h"

namespace Ui {
class VolunteerReadinessTab;
}

namespace dd::app {
class Registry;
}

namespace dd::gui {

class VolunteerReadinessTab : public QWidget {
  Q_OBJECT
 public:
  explicit VolunteerReadinessTab(QWidget* parent = nullptr);
  ~VolunteerReadinessTab() override;

  void setRegistry(app::Registry* registry) { registry_ = registry; }
  void showVolunteer(const model::Volunteer& volunteer);
  bool recordCheck();

 Q_SIGNALS:
  // A check dates the volunteer's last check; a "no" asks for withdrawal.
  void volunteerChanged(const model::Volunteer& volunteer);

 private:
  void loadChecks();
  void clearForm();

  std::unique_ptr<Ui::VolunteerReadinessTab> ui_;
  app::Registry* registry_ = nullptr;
  model::Volunteer volunteer_;
};

}  // namespace dd::gui
