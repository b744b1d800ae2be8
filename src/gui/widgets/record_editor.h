#pragma once
// What every record editor of the registry shares (KeePassXC's EditWidget is
// the model): each message at its field and the rest in a general area, the
// first wrong field brought into view on whichever tab it is, Ctrl+S saves
// and stays open, and closing with unsaved edits asks Save / Discard /
// Cancel. A subclass builds its form, calls setUpEditor() and implements
// save() and isDirty().
#include <memory>
#include <vector>

#include <QDialog>

#include "core/message.h"

class QLabel;
class QTabWidget;

namespace dd::gui {

class FieldErrors;

class RecordEditor : public QDialog {
  Q_OBJECT
 public:
  ~RecordEditor() override;

  // Why the record could not be read (the editor then shows nothing).
  QString loadError() const { return loadError_; }
  // Whether anything was written from this editor (the list reloads).
  bool savedAnything() const { return saved_; }
  const FieldErrors& fieldErrors() const { return *errors_; }

  // Validates and saves; true when written. Problems are shown in the form.
  virtual bool save() = 0;
  // The form differs from the record as last read or saved.
  virtual bool isDirty() const = 0;
  // Closes, asking first when there are unsaved edits.
  void reject() override;

 protected:
  explicit RecordEditor(QWidget* parent);
  // generalError: where messages without a field go; tabs: the form's tabs.
  // unsavedQuestion: what closing with unsaved edits asks.
  void setUpEditor(QLabel* generalError, QTabWidget* tabs, QString unsavedQuestion);
  FieldErrors& errors() { return *errors_; }
  // Shows each error at its field, the others in the general area; true
  // when there was any.
  bool showErrors(const std::vector<Error>& errors);
  void clearErrors();
  // Unsaved edits: asks Save / Discard / Cancel. False keeps the editor as
  // it is; *saved tells whether the edits were saved on the way.
  bool mayLeave(bool* saved);
  void setLoadError(QString error) { loadError_ = std::move(error); }
  void markSaved() { saved_ = true; }

 private:
  std::unique_ptr<FieldErrors> errors_;
  QLabel* generalError_ = nullptr;
  QTabWidget* tabs_ = nullptr;
  QString unsavedQuestion_;
  QString loadError_;
  bool saved_ = false;
};

}  // namespace dd::gui
