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
#include "dialog_catalogue.h"
#include "support/widget_driving.h"
#include "mnemonic_check.h"
#include "support/qt_string_maker.h"

using dd::gui::Workspace;
using dd::test::clashes;
using dd::test::clashesOnEveryTab;
using dd::test::mnemonic;

namespace {

QStringList clashesEverywhere() {
  QTemporaryDir dir;
  Workspace workspace;
  REQUIRE(workspace.openDatabase(dir.filePath(QStringLiteral("m.sqlite"))));
  // The editing dialogs open an existing record.
  REQUIRE(workspace.registry()->registerVolunteer(dd::test::sampleVolunteer(QStringLiteral("甲"), 1), {QStringLiteral("t")}).ok());
  dd::model::Patient patient;
  patient.name = QStringLiteral("乙");
  patient.birthDate = QDate(2012, 1, 1);
  patient.searchRequestDate = QDate::currentDate();
  REQUIRE(workspace.registry()->createPatient(patient, {QStringLiteral("t")}).ok());
  workspace.window().show();
  QStringList found;
  for (const QString& name : dd::gui::MainWindow::pageNames()) {
    workspace.window().showPage(*dd::gui::MainWindow::pageByName(name));
    found += clashesOnEveryTab(&workspace.window(), name);
  }
  for (const QString& name : dd::gui::DialogCatalogue::names()) {
    std::unique_ptr<QDialog> dialog(dd::gui::DialogCatalogue::create(workspace, name, &workspace.window()));
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
