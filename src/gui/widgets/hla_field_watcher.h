#pragma once
// Live validation of the HLA fields of an editor: as staff type, the field
// shows the engine's message (red frame) or its reading (normalised form,
// P group, serology). Used by the volunteer and the patient editors.
#include <QList>
#include <QObject>

#include "model/vocabulary.h"

class QLabel;
class QLineEdit;

namespace dd::app {
class Registry;
}

namespace dd::gui {

class FieldErrors;

class HlaFieldWatcher : public QObject {
  Q_OBJECT
 public:
  HlaFieldWatcher(app::Registry* registry, QObject* parent);
  void watch(model::Locus locus, QLineEdit* edit, QLabel* reading, FieldErrors& errors);
  void refreshAll();

 private:
  struct Field {
    model::Locus locus;
    QLineEdit* edit;
    QLabel* reading;
    FieldErrors* errors;
  };
  void refresh(const Field& field);

  app::Registry* registry_;
  QList<Field> fields_;
};

}  // namespace dd::gui
