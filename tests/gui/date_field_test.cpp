// Dates are typed the way staff write them, in either language, and the
// calendar opens at today. (QDateEdit turned "2026-11-28" into "20261128",
// kept Tab for its own sections and opened its calendar at January 1900.)
#include <catch2/catch.hpp>

#include <QApplication>
#include <QCalendarWidget>
#include <QLineEdit>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "gui/widgets/date_field.h"
#include "support/qt_string_maker.h"

using dd::gui::DateField;

TEST_CASE("date field: the ways staff write a date all read as that date") {
  const QDate expected(2026, 11, 28);
  for (const char* text : {"2026-11-28", "2026/11/28", "2026.11.28", "20261128", "2026年11月28日", " 2026-11-28 ",
                           "2026/11/28", "2026 年 11 月 28 日"}) {
    INFO(text);
    CHECK(DateField::parse(QString::fromUtf8(text)) == expected);
  }
  CHECK(DateField::parse(QStringLiteral("2026-1-5")) == QDate(2026, 1, 5));
  // Not dates: nothing is guessed.
  for (const char* text : {"2026-02-30", "2026-13-01", "28.11.2026", "11/28/2026", "2026-11", "yesterday", "2026112"}) {
    INFO(text);
    CHECK_FALSE(DateField::parse(QString::fromUtf8(text)).isValid());
  }
}

TEST_CASE("date field: typing a date, then Tab, lands in the next field with the date kept") {
  QWidget form;
  auto* layout = new QVBoxLayout(&form);
  auto* date = new DateField(&form);
  auto* next = new QLineEdit(&form);
  layout->addWidget(date);
  layout->addWidget(next);
  form.show();
  QApplication::setActiveWindow(&form);
  date->setFocus();
  QTest::keyClicks(date->lineEdit(), QStringLiteral("2026/11/28"));
  QTest::keyClick(date->lineEdit(), Qt::Key_Tab);
  CHECK(next->hasFocus());
  CHECK(date->date() == QDate(2026, 11, 28));
  CHECK(date->lineEdit()->text() == "2026-11-28");  // shown in one form after editing
  QTest::keyClicks(next, QStringLiteral("next field"));
  CHECK(next->text() == "next field");              // nothing swallowed
  CHECK(date->lineEdit()->text() == "2026-11-28");

  // Blank is "no date"; an unreadable text is kept, marked, and reads as no date.
  date->lineEdit()->clear();
  CHECK(date->isBlank());
  CHECK(date->isReadable());
  CHECK_FALSE(date->date().isValid());
  date->lineEdit()->setText(QStringLiteral("2026-02-30"));
  CHECK_FALSE(date->isReadable());
  CHECK(date->property("fieldError").toBool());
  CHECK(date->lineEdit()->text() == "2026-02-30");
}

TEST_CASE("date field: the calendar opens at today when blank, at the date otherwise, and picks a date") {
  DateField date;
  date.show();
  QDate shownAt;
  const auto pickFromCalendar = [&shownAt](const QDate& pick) {
    QTimer::singleShot(100, [&shownAt, pick] {
      QWidget* popup = QApplication::activePopupWidget();
      auto* calendar = popup ? popup->findChild<QCalendarWidget*>() : nullptr;
      CHECK(calendar);
      if (!calendar) {
        if (popup) popup->close();
        return;
      }
      shownAt = calendar->selectedDate();
      calendar->setSelectedDate(pick);
      Q_EMIT calendar->clicked(pick);
    });
  };
  pickFromCalendar(QDate(2025, 3, 4));
  date.findChild<QToolButton*>()->click();
  CHECK(shownAt == QDate::currentDate());
  CHECK(date.date() == QDate(2025, 3, 4));

  pickFromCalendar(QDate(2025, 3, 9));
  date.findChild<QToolButton*>()->click();
  CHECK(shownAt == QDate(2025, 3, 4));
  CHECK(date.date() == QDate(2025, 3, 9));
}
