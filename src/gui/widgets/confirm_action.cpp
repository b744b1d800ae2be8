#include "gui/widgets/confirm_action.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

namespace dd::gui {

bool confirmAction(QWidget* parent, const QString& title, const QString& whatHappens, const QString& actionText) {
  QMessageBox box(QMessageBox::Question, title, whatHappens, QMessageBox::NoButton, parent);
  box.setObjectName(QStringLiteral("confirmAction"));
  QPushButton* act = box.addButton(actionText, QMessageBox::AcceptRole);
  box.addButton(QMessageBox::Cancel);
  box.setDefaultButton(act);
  box.setEscapeButton(QMessageBox::Cancel);
  box.exec();
  return box.clickedButton() == act;
}

std::optional<QString> askReason(QWidget* parent, const QString& title, const QString& question) {
  QInputDialog dialog(parent);
  dialog.setObjectName(QStringLiteral("askReason"));
  dialog.setWindowTitle(title);
  dialog.setLabelText(question);
  dialog.setInputMode(QInputDialog::TextInput);
  while (dialog.exec() == QDialog::Accepted) {
    const QString reason = dialog.textValue().trimmed();
    if (!reason.isEmpty()) return reason;
  }
  return std::nullopt;
}

}  // namespace dd::gui
