#pragma once
// Finds accelerator letters (Alt+letter) used twice among the controls a
// window shows: a clash makes Alt+letter cycle instead of act.
#include <QChar>
#include <QString>
#include <QStringList>

class QWidget;

namespace dd::test {

// The accelerator letter of a text ("Sta&ge" -> 'g'; "&&" is a literal &), or null.
QChar mnemonic(const QString& text);
// "s: &Scale / &Search" for each letter used twice among what `window` shows now.
QStringList clashes(QWidget* window);
// The same on every tab of every tab widget in turn (a hidden tab's letters are off).
QStringList clashesOnEveryTab(QWidget* window, const QString& where);

}  // namespace dd::test
