#include <catch2/catch.hpp>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "gui/settings/app_settings.h"
#include "gui/main_window.h"
#include "gui/settings/settings_dialog.h"
#include "gui/volunteers/volunteer_table_model.h"
#include "gui/volunteers/volunteers_page.h"
#include "gui/workspace.h"
#include "support/widget_driving.h"
#include "support/qt_string_maker.h"

using dd::gui::AppSettings;
using dd::gui::SettingsDialog;
using dd::gui::Workspace;

namespace {
void chooseSqliteFile(QWidget* dialog, const QString& path) {
  dialog->findChild<QComboBox*>(QStringLiteral("databaseKind"))->setCurrentIndex(1);
  dialog->findChild<QLineEdit*>(QStringLiteral("sqlitePath"))->setText(path);
}
QPushButton* okButton(QWidget* dialog) {
  return dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok);
}
}  // namespace

TEST_CASE("settings dialog refuses bad values at their fields and stores good ones") {
  QSettings().clear();
  SettingsDialog dialog;
  dialog.show();
  SECTION("SQLite file in a folder that does not exist") {
    chooseSqliteFile(&dialog, QStringLiteral("/no/such/folder/x.sqlite"));
    CHECK_FALSE(dialog.validate());
    CHECK(dialog.findChild<QLabel*>(QStringLiteral("databaseError"))->text().contains(QStringLiteral("/no/such/folder")));
    okButton(&dialog)->click();
    CHECK(dialog.isVisible());
    CHECK(AppSettings::database().isEmpty());
  }
  SECTION("PostgreSQL URL without a database name") {
    dialog.findChild<QComboBox*>(QStringLiteral("databaseKind"))->setCurrentIndex(2);
    dialog.findChild<QLineEdit*>(QStringLiteral("postgresUrl"))->setText(QStringLiteral("postgresql://registry@db1"));
    CHECK_FALSE(dialog.validate());
    CHECK_FALSE(dialog.findChild<QLabel*>(QStringLiteral("databaseError"))->isHidden());
  }
  SECTION("HLA release folder without wmda files") {
    QTemporaryDir empty;
    dialog.findChild<QLineEdit*>(QStringLiteral("hlaReleaseDir"))->setText(empty.path());
    CHECK_FALSE(dialog.validate());
    CHECK(dialog.findChild<QLabel*>(QStringLiteral("hlaReleaseError"))->text().contains(QStringLiteral("wmda")));
  }
  SECTION("good values are stored") {
    QTemporaryDir dir;
    chooseSqliteFile(&dialog, dir.filePath(QStringLiteral("branch.sqlite")));
    dialog.findChild<QLineEdit*>(QStringLiteral("organisationName"))->setText(QStringLiteral("山东省分库"));
    auto* language = dialog.findChild<QComboBox*>(QStringLiteral("language"));
    language->setCurrentIndex(language->findData(QStringLiteral("en")));
    okButton(&dialog)->click();
    CHECK_FALSE(dialog.isVisible());
    CHECK(AppSettings::database() == dir.filePath(QStringLiteral("branch.sqlite")));
    CHECK(AppSettings::organisation().name == QStringLiteral("山东省分库"));
    CHECK(AppSettings::language() == QStringLiteral("en"));
    SettingsDialog again;
    CHECK(again.databaseUrl() == dir.filePath(QStringLiteral("branch.sqlite")));
  }
  QSettings().clear();
}

TEST_CASE("test connection runs the tester off the GUI thread and reports both outcomes") {
  QTemporaryDir dir;
  SettingsDialog dialog;
  dialog.setConnectionTester(&Workspace::testConnection);
  QSignalSpy spy(&dialog, &SettingsDialog::connectionTested);
  auto* button = dialog.findChild<QPushButton*>(QStringLiteral("testConnection"));
  { auto existing = dd::test::openRegistry(dir.filePath(QStringLiteral("there.sqlite"))); }
  chooseSqliteFile(&dialog, dir.filePath(QStringLiteral("there.sqlite")));
  button->click();
  REQUIRE(spy.wait(10000));
  CHECK(spy.takeFirst().at(0).toBool());
  dialog.findChild<QComboBox*>(QStringLiteral("databaseKind"))->setCurrentIndex(2);
  dialog.findChild<QLineEdit*>(QStringLiteral("postgresUrl"))->setText(QStringLiteral("postgresql://nobody@127.0.0.1:1/none"));
  button->click();
  REQUIRE(spy.wait(15000));
  const auto failed = spy.takeFirst();
  CHECK_FALSE(failed.at(0).toBool());
  CHECK_FALSE(failed.at(1).toString().isEmpty());
}

TEST_CASE("settings switch the database the workspace shows") {
  QSettings().clear();
  QTemporaryDir dir;
  const QString first = dir.filePath(QStringLiteral("first.sqlite"));
  const QString second = dir.filePath(QStringLiteral("second.sqlite"));
  {
    auto registry = dd::test::openRegistry(first);
    REQUIRE(registry->registerVolunteer(dd::test::sampleVolunteer(QStringLiteral("刘洋"), 1), {QStringLiteral("t")}).ok());
  }
  Workspace workspace;
  REQUIRE(workspace.openDatabase(first));
  auto volunteersPage = [&] {
    return qobject_cast<dd::gui::VolunteersPage*>(workspace.window().page(dd::gui::Page::Volunteers));
  };
  REQUIRE(volunteersPage());
  CHECK(volunteersPage()->model()->totalRows() == 1);

  dd::test::whenModalAppears([&](QWidget* modal) {
    chooseSqliteFile(modal, second);
    okButton(modal)->click();
  });
  workspace.showSettings();
  CHECK(workspace.databaseUrl() == second);
  CHECK(AppSettings::database() == second);
  CHECK(QFileInfo::exists(second));  // created and migrated on first open
  REQUIRE(volunteersPage());
  CHECK(volunteersPage()->model()->totalRows() == 0);
  auto* label = workspace.window().findChild<QLabel*>(QStringLiteral("databaseLabel"));
  CHECK(label->text().contains(second));
  QSettings().clear();
}

TEST_CASE("Settings opens on the database in use, OK after editing only the organisation keeps it") {
  QSettings().clear();
  QTemporaryDir dir;
  const QString inUse = dir.filePath(QStringLiteral("office.sqlite"));
  { auto registry = dd::test::openRegistry(inUse); }
  Workspace workspace;
  REQUIRE(workspace.openDatabase(inUse));  // as with --db: the saved setting still names the default
  REQUIRE(AppSettings::database().isEmpty());
  QString shownPath;
  dd::test::whenModalAppears([&](QWidget* modal) {
    shownPath = modal->findChild<QLineEdit*>(QStringLiteral("sqlitePath"))->text();
    modal->findChild<QLineEdit*>(QStringLiteral("organisationName"))->setText(QStringLiteral("山东省分库"));
    okButton(modal)->click();
  });
  workspace.showSettings();
  CHECK(shownPath == inUse);
  CHECK(workspace.databaseUrl() == inUse);      // not switched to the default, empty database
  CHECK(AppSettings::database().isEmpty());      // nothing saved that was not edited
  CHECK(AppSettings::organisation().name == QStringLiteral("山东省分库"));
  QSettings().clear();
}
