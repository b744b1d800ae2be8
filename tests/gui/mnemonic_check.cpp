#include "mnemonic_check.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QMap>
#include <QMenuBar>
#include <QTabWidget>
#include <QWidget>

namespace dd::test {

QChar mnemonic(const QString& text) {
  for (qsizetype i = text.indexOf(QLatin1Char('&')); i >= 0 && i + 1 < text.size();
       i = text.indexOf(QLatin1Char('&'), i + 2)) {
    if (text.at(i + 1) != QLatin1Char('&')) return text.at(i + 1).toLower();
  }
  return {};
}

QStringList clashes(QWidget* window) {
  QMap<QChar, QStringList> owners;
  auto note = [&](const QString& text) {
    if (const QChar letter = mnemonic(text); !letter.isNull()) owners[letter] << text;
  };
  for (QAbstractButton* button : window->findChildren<QAbstractButton*>())
    if (button->isVisibleTo(window)) note(button->text());
  for (QLabel* label : window->findChildren<QLabel*>())
    if (label->buddy() && label->isVisibleTo(window)) note(label->text());
  for (QGroupBox* box : window->findChildren<QGroupBox*>())
    if (box->isVisibleTo(window)) note(box->title());
  for (QTabWidget* tabs : window->findChildren<QTabWidget*>())
    if (tabs->isVisibleTo(window))
      for (int i = 0; i < tabs->count(); ++i) note(tabs->tabText(i));
  if (auto* bar = window->findChild<QMenuBar*>())
    for (QAction* action : bar->actions()) note(action->text());
  QStringList found;
  for (auto it = owners.cbegin(); it != owners.cend(); ++it)
    if (it.value().size() > 1) found << QStringLiteral("%1: %2").arg(it.key(), it.value().join(QStringLiteral(" / ")));
  return found;
}

QStringList clashesOnEveryTab(QWidget* window, const QString& where) {
  QStringList found;
  auto tabs = window->findChildren<QTabWidget*>();
  if (tabs.isEmpty()) {
    for (const QString& clash : clashes(window)) found << where + QStringLiteral(": ") + clash;
    return found;
  }
  for (QTabWidget* tab : tabs)
    for (int i = 0; i < tab->count(); ++i) {
      tab->setCurrentIndex(i);
      for (const QString& clash : clashes(window))
        found << QStringLiteral("%1 [%2]: %3").arg(where, tab->tabText(i), clash);
    }
  found.removeDuplicates();
  return found;
}

}  // namespace dd::test
