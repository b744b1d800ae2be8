// Alt+letter must reach one control. Two visible labels or buttons with the
// same accelerator in one window (相合标准(&S) and 检索(&S)) make Alt+S cycle
// between them instead of acting: checked on every page, every dialog and
// every tab, in English and in Chinese.
#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMap>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>

#include "core/qt/localization.h"
#include "gui/main_window.h"
#include "gui/workspace.h"
#include "gui_test_support.h"
#include "support/qt_string_maker.h"

using dd::gui::Workspace;

namespace {

// The accelerator letter of a text ("Sta&ge" -> 'g'; "&&" is a literal &).
QChar mnemonic(const QString& text) {
  for (qsizetype i = text.indexOf(QLatin1Char('&')); i >= 0 && i + 1 < text.size();
       i = text.indexOf(QLatin1Char('&'), i + 2)) {
    if (text.at(i + 1) != QLatin1Char('&')) return text.at(i + 1).toLower();
  }
  return {};
}

// "s: &Scale / &Search" for each letter used twice among what is visible.
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

// Every tab of every tab widget in turn (a hidden tab's accelerators are off).
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

QStringList clashesEverywhere() {
  QTemporaryDir dir;
  Workspace workspace;
  REQUIRE(workspace.openDatabase(dir.filePath(QStringLiteral("m.sqlite"))));
  // The editing dialogs open an existing record.
  REQUIRE(workspace.registry()->registerVolunteer(dd::test::sampleVolunteer(QStringLiteral("甲"), 1), {QStringLiteral("t")}).ok());
  dd::store::Patient patient;
  patient.name = QStringLiteral("乙");
  patient.birthDate = QDate(2012, 1, 1);
  patient.searchRequestDate = QDate::currentDate();
  REQUIRE(workspace.registry()->createPatient(patient, {QStringLiteral("t")}).ok());
  workspace.window().show();
  QStringList found;
  for (const QString& name : Workspace::pageNames()) {
    workspace.window().showPage(*Workspace::pageByName(name));
    found += clashesOnEveryTab(&workspace.window(), name);
  }
  for (const QString& name : Workspace::dialogNames()) {
    std::unique_ptr<QDialog> dialog(workspace.createDialog(name, &workspace.window()));
    REQUIRE(dialog);
    dialog->show();
    found += clashesOnEveryTab(dialog.get(), name);
    dialog->hide();
  }
  return found;
}

}  // namespace

TEST_CASE("the mnemonic reader finds the accelerator and ignores a literal ampersand") {
  CHECK(mnemonic(QStringLiteral("Sta&ge")) == QLatin1Char('g'));
  CHECK(mnemonic(QStringLiteral("检索(&S)")) == QLatin1Char('s'));
  CHECK(mnemonic(QStringLiteral("R && D")).isNull());
  CHECK(mnemonic(QStringLiteral("R && &D")) == QLatin1Char('d'));
  CHECK(mnemonic(QStringLiteral("no accelerator")).isNull());
  // And the check can fail: two buttons with the same letter are reported.
  QWidget window;
  auto* layout = new QHBoxLayout(&window);
  layout->addWidget(new QPushButton(QStringLiteral("&Scale")));
  layout->addWidget(new QPushButton(QStringLiteral("&Search")));
  window.show();
  const QStringList found = clashes(&window);
  REQUIRE(found.size() == 1);
  CHECK(found.front().startsWith(QStringLiteral("s: ")));
}

TEST_CASE("no two visible controls share an accelerator, in English") {
  REQUIRE(dd::qt::installTranslators(QStringLiteral("en")));
  const QStringList found = clashesEverywhere();
  INFO(found.join(QLatin1Char('\n')).toStdString());
  CHECK(found.isEmpty());
}

TEST_CASE("no two visible controls share an accelerator, in Chinese") {
  REQUIRE(dd::qt::installTranslators(QStringLiteral("zh_CN")));
  const QStringList found = clashesEverywhere();
  dd::qt::installTranslators(QStringLiteral("en"));
  INFO(found.join(QLatin1Char('\n')).toStdString());
  CHECK(found.isEmpty());
}
