#pragma once
// The volunteer editor: personal, contact, HLA (live validation with the P
// group / serology reading), status (change with reason, history), contact
// log and audit history. Save validates through app/ first and writes nothing
// while any field is wrong; closing with unsaved edits asks first; a version
// conflict shows both versions (ConflictDialog).
#include <memory>

#include <QList>

#include "gui/widgets/record_editor.h"
#include "model/entities.h"

class QPushButton;

namespace Ui {
class VolunteerEditor;
}

namespace dd::app {
class Registry;
}

namespace dd::gui {

class HlaFieldWatcher;

class VolunteerEditor : public RecordEditor {
  Q_OBJECT
 public:
  // id 0 registers a new volunteer.
  VolunteerEditor(app::Registry* registry, qint64 id, QWidget* parent = nullptr);
  ~VolunteerEditor() override;

  qint64 volunteerId() const { return volunteer_.id; }
  const model::Volunteer& volunteer() const { return volunteer_; }
  bool isDirty() const override;

  // Every volunteer registered in this editor (Register, Register another, ...).
  const QList<qint64>& registeredIds() const { return registeredIds_; }

  bool save() override;

 private:
  model::Volunteer edited() const;
  void display(const model::Volunteer& volunteer);
  void showRecordTabs(const model::Volunteer& volunteer);
  bool resolveConflict(model::Volunteer mine);
  void showRegistered(const model::Volunteer& v);
  void updateTitle();
  void saveFromButton();  // Save closes; Register stays open to show the number
  void startAnotherRegistration();

  std::unique_ptr<Ui::VolunteerEditor> ui_;
  app::Registry* registry_;
  model::Volunteer volunteer_;  // as last read or saved
  HlaFieldWatcher* hlaWatcher_ = nullptr;
  bool registeredHere_ = false;
  QList<qint64> registeredIds_;
  QPushButton* registerAnother_ = nullptr;
};

}  // namespace dd::gui
