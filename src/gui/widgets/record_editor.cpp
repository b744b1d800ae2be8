#include "gui/widgets/record_editor.h"

#include <QKeySequence>
#include <QLabel>
#include <QShortcut>
#include <QTabWidget>

#include "core/qt/localization.h"
#include "gui/widgets/field_errors.h"
#include "gui/widgets/form_helpers.h"

namespace dd::gui {

RecordEditor::RecordEditor(QWidget* parent) : QDialog(parent), errors_(std::make_unique<FieldErrors>()) {}

RecordEditor::~RecordEditor() = default;

void RecordEditor::setUpEditor(QLabel* generalError, QTabWidget* tabs, QString unsavedQuestion) {
  generalError_ = generalError;
  tabs_ = tabs;
  unsavedQuestion_ = std::move(unsavedQuestion);
  generalError_->setProperty("role", QStringLiteral("fieldMessage"));
  generalError_->hide();
  // Ctrl+S saves and keeps the editor open, as in any editor.
  auto* saveShortcut = new QShortcut(QKeySequence::Save, this);
  connect(saveShortcut, &QShortcut::activated, this, [this] { save(); });
}

bool RecordEditor::showErrors(const std::vector<Error>& errors) {
  errors_->clearAll();
  QStringList general;
  for (const Error& error : errors)
    if (!errors_->show(error)) general << dd::qt::translated(error);
  generalError_->setText(general.join(QLatin1Char('\n')));
  generalError_->setVisible(!general.isEmpty());
  // Bring the first wrong field into view, on whichever tab it is.
  errors_->focusFirst();
  for (int tab = 0; tab < tabs_->count(); ++tab)
    if (QWidget* focus = focusWidget(); focus && tabs_->widget(tab)->isAncestorOf(focus)) tabs_->setCurrentIndex(tab);
  return !errors.empty();
}

void RecordEditor::clearErrors() {
  errors_->clearAll();
  generalError_->hide();
}

bool RecordEditor::mayLeave(bool* saved) {
  *saved = false;
  if (!isDirty()) return true;
  return form::mayCloseWithUnsavedChanges(this, tr("Unsaved changes"), unsavedQuestion_, [this] { return save(); },
                                          saved);
}

void RecordEditor::reject() {
  bool saved = false;
  if (!mayLeave(&saved)) return;
  if (saved)
    accept();
  else
    QDialog::reject();
}

}  // namespace dd::gui
