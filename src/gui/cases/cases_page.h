#pragma once
// The cases page: every workup by stage with its dates; advance the selected
// case to the next stage (a skip asks for its reason), undo a wrong click, or
// stop it with a coded reason and the stage reached. Entering mobilisation
// with open risk flags asks again; the Risk and family dialog records the
// family's attitude, its sessions and the flags. Each asks staff to confirm first.
#include <QWidget>
#include <memory>

#include "app/save_result.h"
#include "gui/page_commands.h"
#include "model/entities.h"

namespace Ui {
class CasesPage;
}

namespace dd::app {
class Registry;
}

namespace dd::gui {

class CaseTableModel;
class CollatingProxyModel;
struct CaseRow;

class CasesPage : public QWidget, public PageCommands {
  Q_OBJECT
 public:
  explicit CasesPage(app::Registry* registry, QWidget* parent = nullptr);
  ~CasesPage() override;

  void focusFind() override;
  void pageShown() override { reload(); }
  // Ctrl+P: the donation consent form of the selected case.
  void printPage() override;

  void reload();
  void selectCase(qint64 caseId);
  // Each asks staff to confirm (and, for a skip or an undo, for the reason).
  bool advanceSelected();
  bool stopSelected();
  bool undoSelected();
  // The family, sessions and risk flags of the selected case (CaseRiskDialog).
  bool riskOfSelected();
  CaseTableModel* model() const { return model_; }
  CollatingProxyModel* proxy() const { return proxy_; }

 private:
  void selectionChanged();
  int selectedRow() const;  // model row, -1 when none
  void showError(const QString& message);
  // Shows the use case's errors; true when it succeeded.
  bool succeeded(const app::SaveResult<model::WorkupCase>& result);
  QString describe(const CaseRow& row) const;
  bool dateIsReadable();  // shows the error when the typed date is not one

  std::unique_ptr<Ui::CasesPage> ui_;
  app::Registry* registry_;
  CaseTableModel* model_;
  CollatingProxyModel* proxy_;
};

}  // namespace dd::gui
