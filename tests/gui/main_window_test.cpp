#include <catch2/catch.hpp>

#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QImage>
#include <QLabel>
#include <QAction>
#include <QSettings>

#include "gui/page_commands.h"

#include "core/version.h"
#include "gui/about_dialog.h"
#include "gui/main_window.h"
#include "support/process_runner.h"
#include "support/qt_string_maker.h"

using dd::gui::MainWindow;
using dd::gui::Page;

TEST_CASE("main window offers the product's six pages and switches between them") {
  MainWindow window("test.sqlite");
  window.show();
  auto* nav = window.findChild<QListWidget*>("navigationList");
  auto* stack = window.findChild<QStackedWidget*>("pageStack");
  REQUIRE(nav);
  REQUIRE(stack);
  REQUIRE(nav->count() == 6);
  CHECK(stack->count() == 6);
  CHECK(nav->item(0)->text() == "Volunteers");
  CHECK(nav->item(5)->text() == "Statistics");
  nav->setCurrentRow(2);
  CHECK(stack->currentIndex() == 2);
  window.showPage(Page::Cases);
  CHECK(stack->currentIndex() == 3);
  CHECK(nav->currentRow() == 3);
}

TEST_CASE("status bar names the database in use") {
  MainWindow window("/data/registry.sqlite");
  const auto labels = window.statusBar()->findChildren<QLabel*>();
  bool found = false;
  for (auto* label : labels) found = found || label->text().contains("/data/registry.sqlite");
  CHECK(found);
}

TEST_CASE("setPage replaces a placeholder and keeps the current page") {
  MainWindow window("x");
  window.showPage(Page::Patients);
  auto* custom = new QLabel("custom patients page");
  window.setPage(Page::Patients, custom);
  CHECK(window.page(Page::Patients) == custom);
  auto* stack = window.findChild<QStackedWidget*>("pageStack");
  CHECK(stack->currentWidget() == custom);
  CHECK(stack->count() == 6);
}

TEST_CASE("About box carries the IPD-IMGT/HLA citation and licence") {
  const QString credits = dd::gui::AboutDialog::creditsHtml();
  CHECK(credits.contains("Nucleic Acids Research"));
  CHECK(credits.contains("3.58.0"));
  CHECK(credits.contains("Attribution-NoDerivs"));
  dd::gui::AboutDialog dialog;
  auto* licence = dialog.findChild<QWidget*>("imgtLicenceText");
  REQUIRE(licence);
  CHECK(licence->property("plainText").toString().contains("Creative Commons"));
}

TEST_CASE("donordesk --smoke opens every page with no Qt warning, in both languages") {
  for (const char* language : {"zh_CN", "en"}) {
    INFO(language);
    const auto result = dd::test::runProcess(dd::test::guiPath(), {"--smoke", "--lang", language});
    INFO(result.err.toStdString());
    CHECK(result.exitCode == 0);
    CHECK_FALSE(result.crashed);
    // The self-check exits 1 on any Qt warning routed to the log (tests_core
    // shows that routing records them); a connection Qt refuses is printed
    // that way, as "QObject::connect(...)".
    CHECK_FALSE(result.err.contains("QObject::"));
    CHECK_FALSE(result.err.contains("Qt warning"));
  }
}

TEST_CASE("donordesk --smoke fails, saying why, when the HLA tables cannot be read") {
  QTemporaryDir empty;
  const auto result = dd::test::runProcess(dd::test::guiPath(), {"--smoke", "--lang", "en", "--hla-data", empty.path()});
  CHECK(result.exitCode == 1);
  CHECK(result.err.contains("HLA tables could not be loaded"));
}

TEST_CASE("donordesk --version and a bad option") {
  auto result = dd::test::runProcess(dd::test::guiPath(), {"--version"});
  CHECK(result.exitCode == 0);
  CHECK(result.out.contains(dd::kVersion));
  result = dd::test::runProcess(dd::test::guiPath(), {"--frobnicate"});
  CHECK(result.exitCode == 2);
  CHECK(result.err.contains("frobnicate"));
}

TEST_CASE("donordesk-screenshot writes a PNG of the window") {
  QTemporaryDir dir;
  const QString path = dir.filePath("shot.png");
  const auto result = dd::test::runProcess(dd::test::screenshotToolPath(), {"--output", path, "--lang", "en"});
  INFO(result.err.toStdString());
  REQUIRE(result.exitCode == 0);
  QImage image(path);
  CHECK(image.width() >= 800);
  CHECK(image.height() >= 500);
}

namespace {
class CountingPage : public QLabel, public dd::gui::PageCommands {
 public:
  CountingPage() : PageCommands(Create | Find | Print) {}
  int created = 0, found = 0, printed = 0;
  void createRecord() override { ++created; }
  void focusFind() override { ++found; }
  void printPage() override { ++printed; }
};
}  // namespace

TEST_CASE("Ctrl+N, Ctrl+F and Ctrl+P go to the page on screen, and are off where they mean nothing") {
  MainWindow window("x");
  window.show();
  auto* page = new CountingPage;
  window.setPage(Page::Cases, page);
  auto* newAction = window.findChild<QAction*>("actionNew");
  auto* findAction = window.findChild<QAction*>("actionFind");
  auto* printAction = window.findChild<QAction*>("actionPrint");
  REQUIRE(newAction);
  REQUIRE(findAction);
  REQUIRE(printAction);
  CHECK(newAction->shortcut() == QKeySequence(QKeySequence::New));
  CHECK(findAction->shortcut() == QKeySequence(QStringLiteral("Ctrl+F")));
  CHECK(printAction->shortcut() == QKeySequence(QStringLiteral("Ctrl+P")));

  window.showPage(Page::Statistics);  // still a placeholder
  CHECK_FALSE(newAction->isEnabled());
  newAction->trigger();
  CHECK(page->created == 0);

  window.showPage(Page::Cases);
  CHECK(newAction->isEnabled());
  newAction->trigger();
  findAction->trigger();
  printAction->trigger();
  CHECK(page->created == 1);
  CHECK(page->found == 1);
  CHECK(page->printed == 1);
}

TEST_CASE("the window remembers its size") {
  QSettings().clear();
  {
    MainWindow window("x");
    window.show();
    window.resize(900, 640);
    window.close();
  }
  MainWindow again("x");
  CHECK(again.size() == QSize(900, 640));
  QSettings().clear();
}

TEST_CASE("donordesk-screenshot renders a page or a dialog, and names unknown ones") {
  QTemporaryDir dir;
  const QString path = dir.filePath("page.png");
  const QString tool = dd::test::screenshotToolPath();
  auto result = dd::test::runProcess(tool, {"--output", path, "--page", "volunteers", "--lang", "en"});
  INFO(result.err.toStdString());
  REQUIRE(result.exitCode == 0);
  CHECK(QImage(path).width() >= 800);
  const QString dialogPath = dir.filePath("settings.png");
  result = dd::test::runProcess(tool, {"--output", dialogPath, "--dialog", "settings", "--lang", "en"});
  REQUIRE(result.exitCode == 0);
  CHECK(QImage(dialogPath).width() >= 400);
  result = dd::test::runProcess(tool, {"--output", path, "--page", "nowhere"});
  CHECK(result.exitCode == 2);
  CHECK(result.err.contains("nowhere"));
  result = dd::test::runProcess(tool, {"--output", path, "--dialog", "nothing"});
  CHECK(result.exitCode == 2);
  CHECK(result.err.contains("nothing"));
  result = dd::test::runProcess(tool, {"--page", "volunteers", "--lang", "en"});
  CHECK(result.exitCode == 2);
  CHECK(result.err.contains("--output"));
}

TEST_CASE("the shipped donordesk has no screenshot or dialog options") {
  // The documentation renderer is its own program; office PCs never get it.
  for (const char* option : {"--screenshot", "--dialog", "--output"}) {
    const auto result = dd::test::runProcess(dd::test::guiPath(), {option, "x", "--lang", "en"});
    INFO(option);
    CHECK(result.exitCode == 2);
    CHECK(result.err.contains(QString::fromLatin1(option).mid(2)));
  }
  const auto help = dd::test::runProcess(dd::test::guiPath(), {"--help"});
  REQUIRE(help.exitCode == 0);
  CHECK(help.out.contains("--page"));
  CHECK_FALSE(help.out.contains("--screenshot"));
  CHECK_FALSE(help.out.contains("--dialog"));
}

TEST_CASE("donordesk --db with a database that cannot be opened fails with the reason") {
  const auto result =
      dd::test::runProcess(dd::test::guiPath(), {"--smoke", "--db", "postgresql://nobody@127.0.0.1:1/none"});
  CHECK(result.exitCode == 1);
  CHECK_FALSE(result.err.isEmpty());
}
