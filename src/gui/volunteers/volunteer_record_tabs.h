#pragma once
// The editor's record-keeping tabs: status (change it with a reason, see its
// history), contact log (add an attempt, see the attempts) and the audit
// history. Each action is its own use case and is saved at once, separately
// from the form's unsaved edits.
#include <QObject>

#include "model/entities.h"

namespace Ui {
class VolunteerEditor;
}

namespace dd::app {
class Registry;
}

namespace dd::gui {

class VolunteerRecordTabs : public QObject {
  Q_OBJECT
 public:
  VolunteerRecordTabs(app::Registry* registry, Ui::VolunteerEditor* ui, QObject* parent);
  // Shows the status, history, contacts and audit of `volunteer` (disabled
  // for a volunteer that is not registered yet).
  void show(const model::Volunteer& volunteer);
  bool changeStatus();
  bool addContact();

 Q_SIGNALS:
  void volunteerChanged(const model::Volunteer& volunteer);

 private:
  void statusChoiceChanged();
  void loadHistory();

  app::Registry* registry_;
  Ui::VolunteerEditor* ui_;
  model::Volunteer volunteer_;
};

}  // namespace dd::gui
