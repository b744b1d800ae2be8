#pragma once
// The patients page: every search request with its urgency and state; open
// a patient, record a new one, or jump to a donor search for the selected one.
#include <QWidget>
#include <memory>

#include "gui/page_commands.h"

namespace Ui {
class PatientsPage;
}

namespace dd::app {
class Registry;
}

namespace dd::gui {

class CollatingProxyModel;
class PatientTableModel;

class PatientsPage : public QWidget, public PageCommands {
  Q_OBJECT
 public:
  explicit PatientsPage(app::Registry* registry, QWidget* parent = nullptr);
  ~PatientsPage() override;

  void createRecord() override;
  void focusFind() override;
  void pageShown() override { reload(); }

  void reload();
  void openPatient(qint64 id);
  PatientTableModel* model() const { return model_; }
  CollatingProxyModel* proxy() const { return proxy_; }

 Q_SIGNALS:
  void searchRequested(qint64 patientId);
  void patientSaved(qint64 id);

 private:
  qint64 selectedId() const;

  std::unique_ptr<Ui::PatientsPage> ui_;
  app::Registry* registry_;
  PatientTableModel* model_;
  CollatingProxyModel* proxy_;
};

}  // namespace dd::gui
