#pragma once
// The patient editor: the search request (diagnosis, hospital, urgency,
// status), the HLA typing with live validation, and the audit history. Same
// rules as the volunteer editor: errors at their fields, nothing written
// while any is wrong, unsaved changes asked about, conflicts shown.
#include <QDialog>
#include <memory>
#include <vector>

#include "core/message.h"
#include "model/entities.h"

namespace Ui {
class PatientEditor;
}

namespace dd::app {
class Registry;
}

namespace dd::gui {

class FieldErrors;

class PatientEditor : public QDialog {
  Q_OBJECT
 public:
  PatientEditor(app::Registry* registry, qint64 id, QWidget* parent = nullptr);
  ~PatientEditor() override;

  QString loadError() const { return loadError_; }
  qint64 patientId() const { return patient_.id; }
  bool savedAnything() const { return saved_; }
  bool isDirty() const;
  const FieldErrors& fieldErrors() const { return *errors_; }
  bool save();
  void reject() override;

 private:
  void display(const model::Patient& patient);
  void read(model::Patient& patient) const;
  bool showErrors(const std::vector<Error>& errors);
  void loadAudit();

  std::unique_ptr<Ui::PatientEditor> ui_;
  std::unique_ptr<FieldErrors> errors_;
  app::Registry* registry_;
  model::Patient patient_;
  QString loadError_;
  bool saved_ = false;
};

}  // namespace dd::gui
