#pragma once
// A date staff can type the way they write it — 2026-11-28, 2026/11/28,
// 2026.11.28, 20261128 or 2026年11月28日 — or pick from a calendar that
// opens at the date shown (today when blank). Blank is a value ("no date");
// text that is not a date keeps what was typed, marks the field and reads
// as no date, so validation names the field. Replaces QDateEdit, whose
// sections swallowed separators and stole the next field's Tab.
#include <QDate>
#include <QWidget>

class QLineEdit;
class QToolButton;

namespace dd::gui {

class DateField : public QWidget {
  Q_OBJECT
 public:
  explicit DateField(QWidget* parent = nullptr);

  QDate date() const;        // invalid when blank or unreadable
  void setDate(const QDate& date);  // invalid: blank
  bool isBlank() const;
  bool isReadable() const;   // blank or a date
  QLineEdit* lineEdit() const { return edit_; }

  // The date in text, or an invalid date (also for impossible dates such as 2026-02-30).
  static QDate parse(const QString& text);

 private:
  void normalise();  // after editing: show the date as yyyy-MM-dd
  void openCalendar();

  QLineEdit* edit_;
  QToolButton* calendarButton_;
};

}  // namespace dd::gui
