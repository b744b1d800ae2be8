#include "gui/widgets/field_errors.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QStyle>
#include <QWidget>

#include "core/qt/localization.h"
#include "gui/widgets/date_field.h"

namespace dd::gui {

void markInvalid(QWidget* widget, bool invalid) {
  if (!widget || widget->property("fieldError").toBool() == invalid) return;
  widget->setProperty("fieldError", invalid);
  widget->style()->unpolish(widget);
  widget->style()->polish(widget);
}

FieldErrors::FieldErrors() : connections_(std::make_unique<QObject>()) {}
FieldErrors::~FieldErrors() = default;

void FieldErrors::watchEdits(QWidget* editor) {
  if (!editor) return;
  for (const Entry& entry : std::as_const(entries_))
    if (entry.editor == editor) return;  // already watched (several fields can share an editor)
  QObject* context = connections_.get();
  auto changed = [this, editor] { edited(editor); };
  if (auto* date = qobject_cast<DateField*>(editor)) {
    QObject::connect(date->lineEdit(), &QLineEdit::textChanged, context, changed);
  } else if (auto* line = qobject_cast<QLineEdit*>(editor)) {
    QObject::connect(line, &QLineEdit::textEdited, context, changed);
  } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
    QObject::connect(combo, &QComboBox::activated, context, changed);
    QObject::connect(combo, &QComboBox::editTextChanged, context, changed);
  } else if (auto* spin = qobject_cast<QDoubleSpinBox*>(editor)) {
    QObject::connect(spin, &QDoubleSpinBox::valueChanged, context, changed);
  } else if (auto* integer = qobject_cast<QSpinBox*>(editor)) {
    QObject::connect(integer, &QSpinBox::valueChanged, context, changed);
  } else if (auto* text = qobject_cast<QPlainTextEdit*>(editor)) {
    QObject::connect(text, &QPlainTextEdit::textChanged, context, changed);
  }
}

void FieldErrors::edited(QWidget* editor) {
  bool flagged = false;
  for (const Entry& entry : std::as_const(entries_)) flagged = flagged || !entry.message.isEmpty();
  if (!flagged) return;
  if (recheck_) {
    keepOnly(recheck_());
    return;
  }
  for (const QString& field : std::as_const(order_))
    if (entries_.value(field).editor == editor) clear(field);
}

void FieldErrors::keepOnly(const std::vector<dd::Error>& current) {
  QHash<QString, QString> still;
  for (const dd::Error& error : current) {
    const QString field = QString::fromStdString(error.field);
    if (!still.contains(field)) still.insert(field, dd::qt::translated(error));
  }
  for (const QString& field : std::as_const(order_)) {
    if (entries_.value(field).message.isEmpty()) continue;
    if (still.contains(field))
      show(field, still.value(field));
    else
      clear(field);
  }
}

void FieldErrors::add(const QString& field, QWidget* editor, QLabel* messageLabel) {
  watchEdits(editor);
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
