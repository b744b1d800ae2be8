#pragma once
// The preview of a bulk-SMS platform's results file before it is applied
// (docs/campaigns.md): every change the file would make, row by row, and
// every row that is malformed (then nothing can be applied) or names a
// number the campaign never sent to. "Apply" is offered only when the file
// can be applied and would change something.
#include <QDialog>

#include "app/campaign_results.h"

class QLabel;
class QTableWidget;
class QPushButton;

namespace dd::gui {

class CampaignResultsDialog : public QDialog {
  Q_OBJECT
 public:
  CampaignResultsDialog(const app::ResultsReport& report, const QString& fileName, QWidget* parent = nullptr);

  bool canApply() const { return canApply_; }
  QTableWidget* changesTable() const { return changes_; }
  QTableWidget* problemsTable() const { return problems_; }

  // What a change kind of the report means, in words.
  static QString kindText(const QString& kind);

 private:
  QTableWidget* changes_;
  QTableWidget* problems_;
  QPushButton* apply_ = nullptr;
  bool canApply_ = false;
};

}  // namespace dd::gui
