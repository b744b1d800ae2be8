#pragma once
// Shows validation messages where the mistake is: the editor gets a red frame
// (dynamic property fieldError, styled in style.cpp) and its message label
// (by convention the .ui names it "<editor>Error") shows the text. Errors
// from app/ carry the field name in dd::Error::field; show(error) puts them
// at the right editor.
#include <functional>
#include <memory>
#include <vector>

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include "core/message.h"

class QLabel;
class QWidget;

namespace dd::gui {

class FieldErrors {
 public:
  FieldErrors();
  ~FieldErrors();
  FieldErrors(const FieldErrors&) = delete;
  FieldErrors& operator=(const FieldErrors&) = delete;

  // `field` is the name app/ uses in Error::field (e.g. "id_number").
  void add(const QString& field, QWidget* editor, QLabel* messageLabel);
  // Finds "<editorName>" and its "<editorName>Error" label under `form`.
  void add(const QString& field, QWidget* form, const QString& editorName);

  void show(const QString& field, const QString& message);
  // Shows the error at its field; false if no editor is registered for it
  // (the caller then shows it in a general place).
  bool show(const dd::Error& error);
  void clear(const QString& field);
  void clearAll();

  bool hasErrors() const;
  QString message(const QString& field) const;
  QWidget* editor(const QString& field) const;
  // Focuses the first editor (in registration order) that has an error.
  void focusFirst() const;

  // A message must not outlive its mistake. When staff edit a field that
  // shows an error, `recheck` is asked for the form's errors now and
  // keepOnly() drops the messages that no longer apply (a fixed ID number
  // also clears the birth-date disagreement). Without `recheck`, editing a
  // field clears that field's own message.
  void setRecheck(std::function<std::vector<dd::Error>()> recheck) { recheck_ = std::move(recheck); }
  // Keeps (and re-words) only the shown messages still among `current`;
  // never adds one for a field not flagged yet: untouched fields stay calm.
  void keepOnly(const std::vector<dd::Error>& current);

 private:
  struct Entry {
    QPointer<QWidget> editor;
    QPointer<QLabel> label;
    QString message;
  };
  void watchEdits(QWidget* editor);
  void edited(QWidget* editor);

  QHash<QString, Entry> entries_;
  QStringList order_;
  std::function<std::vector<dd::Error>()> recheck_;
  std::unique_ptr<QObject> connections_;  // the edit signals' context: they end with this object
};

// Sets or clears the red frame on any widget.
void markInvalid(QWidget* widget, bool invalid);

}  // namespace dd::gui
