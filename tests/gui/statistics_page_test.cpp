// The Statistics page reads its figures off the GUI thread and shows them as
// charts that can be saved as PNG files.
#include <catch2/catch.hpp>

#include <QDir>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "gui/statistics/statistics_page.h"
#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"

using namespace dd;

namespace {
// Waits for the page's background read; false after 20 s.
bool refreshedIn(QSignalSpy& spy) {
  return spy.count() > 0 || spy.wait(20000);
}
}  // namespace

TEST_CASE("the statistics page counts the registry off the GUI thread and saves its charts as PNG") {
  auto db = test::TestDatabase::create("sqlite");
  REQUIRE(db);
  {
    auto registry = db->open();
    for (int n = 1; n <= 3; ++n) test::registered(*registry, test::sampleVolunteer(n));
  }
  gui::StatisticsPage page(db->url());
  QSignalSpy spy(&page, &gui::StatisticsPage::refreshed);
  page.resize(1000, 700);
  page.show();  // the first look reads the figures
  CHECK(page.busy());
  REQUIRE(refreshedIn(spy));
  CHECK_FALSE(page.busy());
  CHECK(page.shown().volunteers == 3);
  CHECK(page.findChild<QLabel*>("summaryLabel")->text().contains("3"));

  // A new volunteer appears after Refresh.
  {
    auto registry = db->open();
    test::registered(*registry, test::sampleVolunteer(4));
  }
  spy.clear();
  page.findChild<QPushButton*>("refreshButton")->click();
  REQUIRE(refreshedIn(spy));
  CHECK(page.shown().volunteers == 4);

  QTemporaryDir out;
  const QStringList written = page.exportCharts(out.path());
  CHECK(written.size() == 8);
  for (const QString& path : written) {
    INFO(path.toStdString());
    const QImage image(path);
    CHECK(image.width() > 100);
    CHECK(image.height() > 100);
  }
  // A folder that cannot be written: nothing claimed as saved.
  CHECK(page.exportCharts(out.filePath("no/such/folder")).isEmpty());
}

TEST_CASE("the statistics page says why when the registry cannot be read") {
  QTemporaryDir dir;
  gui::StatisticsPage page(dir.filePath("missing.sqlite"));
  QSignalSpy spy(&page, &gui::StatisticsPage::refreshed);
  page.refresh();
  REQUIRE(refreshedIn(spy));
  const QString status = page.findChild<QLabel*>("statusLabel")->text();
  CHECK(status.contains("missing.sqlite"));
  CHECK(page.shown().volunteers == 0);
  CHECK_FALSE(page.findChild<QPushButton*>("exportButton")->isEnabled());
}
