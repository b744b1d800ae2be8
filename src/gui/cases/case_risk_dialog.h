#pragma once
// A case's late-withdrawal risk, where staff act on it: the family's
// attitude ("opposed" raises a flag), the family-education sessions, the
// risk flags (raise one, resolve the selected one) and the donor's
// postponements. Each button is one audited use case of app/case_risk.h;
// the dialog re-reads the case after each so what it shows is what is stored.
#include <QDialog>
#include <memory>

#include "core/message.h"
#include "model/entities.h"

namespace Ui {
class CaseRiskDialog;
}

namespace dd::app {
class Registry;
}

namespace dd::gui {

class CaseRiskDialog : public QDialog {
  Q_OBJECT
 public:
  CaseRiskDialog(app::Registry* registry, qint64 caseId, QWidget* parent = nullptr);
  ~CaseRiskDialog() override;

  // Whether anything was written (the page reloads then).
  bool changedSomething() const { return changed_; }

  // The buttons' work, also called by the tests.
  bool saveAttitude();
  bool recordSession();
  bool raiseFlag();
  bool resolveSelectedFlag();
  bool recordPostponement();

 private:
  void reload();
  void showError(const QString& message);
  bool showed(const dd::Error& error);  // shows it; false
  qint64 selectedFlagId() const;    // 0 when none or a derived flag

  std::unique_ptr<Ui::CaseRiskDialog> ui_;
  app::Registry* registry_;
  qint64 caseId_;
  model::WorkupCase case_;
  bool changed_ = false;
};

}  // namespace dd::gui
