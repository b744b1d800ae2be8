#pragma once
// The volunteer editor's Status tab: the current status, a change with its
// reason (deferral until a date, withdrawal at a workup stage) saved at once
// as its own use case, a pending withdrawal request to confirm or cancel,
// a reservation to extend or release, and the history of changes.
#include <memory>
#include <vector>

#include <QWidget>

#include "core/expected.h"
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
  // A pending withdrawal request (an SMS reply 0, a call): staff confirm it
  // (status withdrawn, the note as reason) or cancel it (the note says why).
  bool confirmWithdrawal();
  bool cancelWithdrawalRequest();
  // A reserved volunteer: the reservation runs on to the date chosen, or is
  // given back for the patient's reason (transplanted with another donor,
  // died, search closed).
  bool extendReservation();
  bool releaseReservation();

 Q_SIGNALS:
  void volunteerChanged(const model::Volunteer& volunteer);

 private:
  void statusChoiceChanged();
  void loadHistory();
  void showError(const std::vector<Error>& errors);

  std::unique_ptr<Ui::VolunteerStatusTab> ui_;
  app::Registry* registry_ = nullptr;
  model::Volunteer volunteer_;
};

}  // namespace dd::gui
