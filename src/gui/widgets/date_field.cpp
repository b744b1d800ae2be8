#include "gui/widgets/date_field.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QStyle>
#include <QToolButton>
#include <QWidgetAction>

namespace dd::gui {

DateField::DateField(QWidget* parent)
    : QWidget(parent), edit_(new QLineEdit(this)), calendarButton_(new QToolButton(this)) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addWidget(edit_, 1);
  layout->addWidget(calendarButton_);
  edit_->setPlaceholderText(tr("yyyy-mm-dd"));
  edit_->setMaxLength(16);
  calendarButton_->setText(QStringLiteral("…"));
  calendarButton_->setToolTip(tr("Choose from a calendar"));
  calendarButton_->setFocusPolicy(Qt::NoFocus);  // Tab goes from field to field, not to the button
  setFocusProxy(edit_);
  setFocusPolicy(Qt::StrongFocus);
  connect(edit_, &QLineEdit::editingFinished, this, &DateField::normalise);
  connect(edit_, &QLineEdit::textChanged, this, [this] {
    setProperty("fieldError", !isReadable());
    style()->unpolish(edit_);
    style()->polish(edit_);
  });
  connect(calendarButton_, &QToolButton::clicked, this, &DateField::openCalendar);
}

QDate DateField::parse(const QString& text) {
  const QString t = text.trimmed();
  if (t.isEmpty()) return {};
  static const QRegularExpression separated(
      QStringLiteral("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$"));
  static const QRegularExpression compact(QStringLiteral("^(\\d{4})(\\d{2})(\\d{2})$"));
  QRegularExpressionMatch m = separated.match(t);
  if (!m.hasMatch()) m = compact.match(t);
  if (!m.hasMatch()) return {};
  return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());  // invalid if impossible
}

QDate DateField::date() const { return parse(edit_->text()); }

bool DateField::isBlank() const { return edit_->text().trimmed().isEmpty(); }

bool DateField::isReadable() const { return isBlank() || date().isValid(); }

void DateField::setDate(const QDate& date) {
  edit_->setText(date.isValid() ? date.toString(Qt::ISODate) : QString());
}

void DateField::normalise() {
  if (const QDate d = date(); d.isValid() && edit_->text() != d.toString(Qt::ISODate)) setDate(d);
}

void DateField::openCalendar() {
  auto* calendar = new QCalendarWidget;
  calendar->setGridVisible(true);
  calendar->setSelectedDate(date().isValid() ? date() : QDate::currentDate());
  QMenu popup(this);
  auto* action = new QWidgetAction(&popup);
  action->setDefaultWidget(calendar);
  popup.addAction(action);
  const auto choose = [this, &popup](const QDate& chosen) {
    setDate(chosen);
    popup.close();
  };
  connect(calendar, &QCalendarWidget::clicked, &popup, choose);    // mouse
  connect(calendar, &QCalendarWidget::activated, &popup, choose);  // Enter
  popup.exec(mapToGlobal(QPoint(0, height())));
  edit_->setFocus();
}

}  // namespace dd::gui
