#include "gui/widgets/conflict_dialog.h"

#include <QHeaderView>

#include "ui_conflict_dialog.h"

namespace dd::gui {

ConflictDialog::ConflictDialog(const QString& savedBy, const QList<FieldDifference>& differences, QWidget* parent)
    : QDialog(parent), ui_(std::make_unique<Ui::ConflictDialog>()) {
  ui_->setupUi(this);
  ui_->explanation->setText(
      tr("%1 saved this record after you opened it. Nothing of yours has been saved yet. "
         "These fields differ:")
          .arg(savedBy.isEmpty() ? tr("Someone") : savedBy));
  ui_->differences->setColumnCount(3);
  ui_->differences->setHorizontalHeaderLabels({tr("Field"), tr("Your version"), tr("Saved version")});
  ui_->differences->setRowCount(differences.size());
  for (int row = 0; row < differences.size(); ++row) {
    ui_->differences->setItem(row, 0, new QTableWidgetItem(differences[row].field));
    ui_->differences->setItem(row, 1, new QTableWidgetItem(differences[row].mine));
    ui_->differences->setItem(row, 2, new QTableWidgetItem(differences[row].theirs));
  }
  ui_->differences->resizeColumnsToContents();
  connect(ui_->keepMine, &QPushButton::clicked, this, [this] { choice_ = KeepMine; accept(); });
  connect(ui_->takeTheirs, &QPushButton::clicked, this, [this] { choice_ = TakeTheirs; accept(); });
  connect(ui_->keepEditing, &QPushButton::clicked, this, [this] { choice_ = KeepEditing; reject(); });
}

ConflictDialog::~ConflictDialog() = default;

}  // namespace dd::gui
