#include "gui/retention/campaign_results_dialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/qt/localization.h"

namespace dd::gui {
namespace {

QTableWidget* table(const QStringList& headings, QWidget* parent) {
  auto* t = new QTableWidget(0, int(headings.size()), parent);
  t->setHorizontalHeaderLabels(headings);
  t->setEditTriggers(QAbstractItemView::NoEditTriggers);
  t->setSelectionBehavior(QAbstractItemView::SelectRows);
  t->verticalHeader()->hide();
  t->horizontalHeader()->setStretchLastSection(true);
  return t;
}

void addRow(QTableWidget* t, const QStringList& cells) {
  const int row = t->rowCount();
  t->insertRow(row);
  for (int c = 0; c < cells.size(); ++c) t->setItem(row, c, new QTableWidgetItem(cells.at(c)));
}

}  // namespace

QString CampaignResultsDialog::kindText(const QString& kind) {
  if (kind == QLatin1String("reached")) return tr("Still willing (replied 1)");
  if (kind == QLatin1String("new_phone")) return tr("New phone number (replied 2)");
  if (kind == QLatin1String("withdrawal_requested")) return tr("Asks to withdraw (replied 0): to confirm");
  if (kind == QLatin1String("reply")) return tr("Other reply, kept as a note");
  if (kind == QLatin1String("delivered")) return tr("Delivered, no reply");
  if (kind == QLatin1String("undelivered")) return tr("Not delivered");
  return kind;
}

CampaignResultsDialog::CampaignResultsDialog(const app::ResultsReport& report, const QString& fileName,
                                             QWidget* parent)
    : QDialog(parent) {
  setWindowTitle(tr("Platform results: %1").arg(fileName));
  resize(820, 560);
  auto* layout = new QVBoxLayout(this);
  const int problemCount = int(report.malformed.size() + report.unknown.size());
  canApply_ = report.malformed.isEmpty() && !report.changes.isEmpty();
  QString summary =
      tr("%Ln change(s) to apply; ", nullptr, int(report.changes.size())) +
      tr("%Ln row(s) applied before; ", nullptr, report.alreadyApplied) +
      tr("%Ln row(s) with status unknown (nothing recorded); ", nullptr, report.unknownStatus) +
      tr("%Ln number(s) not in this campaign (skipped).", nullptr, int(report.unknown.size()));
  if (!report.malformed.isEmpty())
    summary += QLatin1Char('\n') + tr("%Ln malformed row(s): the file cannot be applied until they are corrected.",
                                      nullptr, int(report.malformed.size()));
  else if (report.changes.isEmpty())
    summary += QLatin1Char('\n') + tr("Nothing to apply.");
  auto* label = new QLabel(summary, this);
  label->setObjectName(QStringLiteral("summary"));
  label->setWordWrap(true);
  layout->addWidget(label);

  changes_ = table({tr("Row"), tr("Phone"), tr("Change"), tr("Detail")}, this);
  changes_->setObjectName(QStringLiteral("changes"));
  for (const app::ResultChange& change : report.changes)
    addRow(changes_, {QString::number(change.row), change.phone, kindText(change.kind), change.detail});
  changes_->resizeColumnsToContents();  // the change's words, not the empty detail, get the room
  layout->addWidget(changes_, 3);

  problems_ = table({tr("Row"), tr("Phone"), tr("Problem")}, this);
  problems_->setObjectName(QStringLiteral("problems"));
  for (const app::ResultProblem& p : report.malformed)
    addRow(problems_, {QString::number(p.row), p.phone, dd::qt::translated(p.error)});
  for (const app::ResultProblem& p : report.unknown)
    addRow(problems_, {QString::number(p.row), p.phone, dd::qt::translated(p.error)});
  problems_->resizeColumnsToContents();
  problems_->setVisible(problemCount > 0);
  layout->addWidget(problems_, 1);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  apply_ = buttons->addButton(tr("&Apply changes"), QDialogButtonBox::AcceptRole);
  apply_->setObjectName(QStringLiteral("applyButton"));
  apply_->setEnabled(canApply_);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
}

}  // namespace dd::gui
