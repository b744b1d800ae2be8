#include "gui/field_errors.h"

#include <QLabel>
#include <QStyle>
#include <QWidget>

#include "core/qt/localization.h"

namespace dd::gui {

void markInvalid(QWidget* widget, bool invalid) {
  if (!widget || widget->property("fieldError").toBool() == invalid) return;
  widget->setProperty("fieldError", invalid);
  widget->style()->unpolish(widget);
  widget->style()->polish(widget);
}

void FieldErrors::add(const QString& field, QWidget* editor, QLabel* messageLabel) {
  if (!entries_.contains(field)) order_.append(field);
  entries_[field] = Entry{editor, messageLabel, {}};
  if (messageLabel) {
    messageLabel->setProperty("role", QStringLiteral("fieldMessage"));
    messageLabel->setWordWrap(true);
    // Expanding, so a form layout gives the message the field's full width.
    messageLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    messageLabel->hide();
  }
}

void FieldErrors::add(const QString& field, QWidget* form, const QString& editorName) {
  add(field, form->findChild<QWidget*>(editorName), form->findChild<QLabel*>(editorName + QStringLiteral("Error")));
}

void FieldErrors::show(const QString& field, const QString& message) {
  auto it = entries_.find(field);
  if (it == entries_.end()) return;
  it->message = message;
  markInvalid(it->editor, true);
  if (it->editor) it->editor->setToolTip(message);
  if (it->label) {
    it->label->setText(message);
    it->label->show();
  }
}

bool FieldErrors::show(const dd::Error& error) {
  const QString field = QString::fromStdString(error.field);
  if (!entries_.contains(field)) return false;
  show(field, dd::qt::translated(error));
  return true;
}

void FieldErrors::clear(const QString& field) {
  auto it = entries_.find(field);
  if (it == entries_.end() || it->message.isEmpty()) return;
  it->message.clear();
  markInvalid(it->editor, false);
  if (it->editor) it->editor->setToolTip({});
  if (it->label) {
    it->label->clear();
    it->label->hide();
  }
}

void FieldErrors::clearAll() {
  for (const QString& field : std::as_const(order_)) clear(field);
}

bool FieldErrors::hasErrors() const {
  for (const auto& entry : entries_)
    if (!entry.message.isEmpty()) return true;
  return false;
}

QString FieldErrors::message(const QString& field) const { return entries_.value(field).message; }

QWidget* FieldErrors::editor(const QString& field) const { return entries_.value(field).editor; }

void FieldErrors::focusFirst() const {
  for (const QString& field : order_) {
    const Entry& entry = entries_[field];
    if (!entry.message.isEmpty() && entry.editor) {
      entry.editor->setFocus(Qt::OtherFocusReason);
      return;
    }
  }
}

}  // namespace dd::gui
