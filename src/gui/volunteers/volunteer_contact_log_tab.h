#pragma once
// The volunteer editor's Contact log tab: record a contact attempt (channel,
// outcome, note; a call written up later keeps its day), saved at once as its
// own use case, and the attempts so far.
#include <memory>

#include <QWidget>

#include "model/entities.h"

namespace Ui {
class VolunteerContactLogTab;
}

namespace dd::app {
class Registry;
}

namespace dd::gui {

class VolunteerContactLogTab : public QWidget {
  Q_OBJECT
 public:
  explicit VolunteerContactLogTab(QWidget* parent = nullptr);
  ~VolunteerContactLogTab() override;

  void setRegistry(app::Registry* registry) { registry_ = registry; }
  void showVolunteer(const model::Volunteer& volunteer);
  bool addContact();

 Q_SIGNALS:
  // The log maintains the volunteer's last successful contact (and its row version).
  void volunteerChanged(const model::Volunteer& volunteer);

 private:
  void loadAttempts();

  std::unique_ptr<Ui::VolunteerContactLogTab> ui_;
  app::Registry* registry_ = nullptr;
  model::Volunteer volunteer_;
};

}  // namespace dd::gui
