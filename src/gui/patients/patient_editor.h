#pragma once
// The patient editor: the search request (diagnosis, hospital, urgency,
// status), the HLA typing with live validation, and the audit history. Same
// rules as the volunteer editor: errors at their fields, nothing written
// while any is wrong, unsaved changes asked about, conflicts shown.
#include <memory>

#include "gui/widgets/record_editor.h"
#include "model/entities.h"

namespace Ui {
class PatientEditor;
}

namespace dd::app {
class Registry;
}

namespace dd::gui {

class PatientEditor : public RecordEditor {
  Q_OBJECT
 public:
  PatientEditor(app::Registry* registry, qint64 id, QWidget* parent = nullptr);
  ~PatientEditor() override;

  qint64 patientId() const { return patient_.id; }
  bool isDirty() const override;
  bool save() override;

 private:
  void display(const model::Patient& patient);
  void read(model::Patient& patient) const;
  void loadAudit();

  std::unique_ptr<Ui::PatientEditor> ui_;
  app::Registry* registry_;
  model::Patient patient_;
};

}  // namespace dd::gui
