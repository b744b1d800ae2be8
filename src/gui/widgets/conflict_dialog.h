#pragma once
// Optimistic-lock conflict: someone saved the record after this editor read
// it. Shows both versions of every field that differs and lets staff choose:
// save theirs-plus-mine (their version number, my values), take theirs, or
// keep editing. Nothing is written by the dialog itself.
#include <QDialog>
#include <QList>
#include <memory>

namespace Ui {
class ConflictDialog;
}

namespace dd::gui {

struct FieldDifference {
  QString field;  // label shown
  QString mine;
  QString theirs;
};

class ConflictDialog : public QDialog {
  Q_OBJECT
 public:
  enum Choice { KeepEditing, KeepMine, TakeTheirs };

  ConflictDialog(const QString& savedBy, const QList<FieldDifference>& differences, QWidget* parent = nullptr);
  ~ConflictDialog() override;
  Choice choice() const { return choice_; }

 private:
  std::unique_ptr<Ui::ConflictDialog> ui_;
  Choice choice_ = KeepEditing;
};

}  // namespace dd::gui
