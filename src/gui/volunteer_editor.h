#pragma once
// The volunteer editor: personal, contact, HLA (live validation with the P
// group / serology reading), status (change with reason, history), contact
// log and audit history. Save validates through app/ first and writes nothing
// while any field is wrong; closing with unsaved edits asks first; a version
// conflict shows both versions (ConflictDialog).
#include <memory>
#include <vector>

#include <QDialog>
#include <QList>

#include "core/message.h"
#include "model/entities.h"

class QPushButton;

namespace Ui {
class VolunteerEditor;
}

namespace dd::app {
class Registry;
}

namespace dd::gui {

class FieldErrors;
class HlaFieldWatcher;
class VolunteerRecordTabs;

class VolunteerEditor : public QDialog {
  Q_OBJECT
 public:
  // id 0 registers a new volunteer.
  VolunteerEditor(app::Registry* registry, qint64 id, QWidget* parent = nullptr);
  ~VolunteerEditor() override;

  QString loadError() const { return loadError_; }
  qint64 volunteerId() const { return volunteer_.id; }
  const model::Volunteer& volunteer() const { return volunteer_; }
  bool savedAnything() const { return saved_; }
  bool isDirty() const;
  const FieldErrors& fieldErrors() const { return *errors_; }

  // Every volunteer registered in this editor (Register, Register another, ...).
  const QList<qint64>& registeredIds() const { return registeredIds_; }

  // Validates and saves; true when written. Shows problems in the form.
  bool save();
  // Close without the unsaved-changes question when nothing changed.
  void reject() override;

 private:
  model::Volunteer edited() const;
  void display(const model::Volunteer& volunteer);
  bool showErrors(const std::vector<Error>& errors);
  bool resolveConflict(model::Volunteer mine);
  void showRegistered(const model::Volunteer& v);
  void updateTitle();
  void saveFromButton();  // Save closes; Register stays open to show the number
  void startAnotherRegistration();
  // Unsaved edits: asks Save / Discard / Cancel. False keeps the editor as it
  // is; *saved tells whether the edits were saved on the way.
  bool mayLeave(bool* saved);

  std::unique_ptr<Ui::VolunteerEditor> ui_;
  std::unique_ptr<FieldErrors> errors_;
  app::Registry* registry_;
  model::Volunteer volunteer_;  // as last read or saved
  VolunteerRecordTabs* recordTabs_ = nullptr;
  HlaFieldWatcher* hlaWatcher_ = nullptr;
  QString loadError_;
  bool saved_ = false;
  bool registeredHere_ = false;
  QList<qint64> registeredIds_;
  QPushButton* registerAnother_ = nullptr;
};

}  // namespace dd::gui
