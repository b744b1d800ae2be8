// The Retention page's worklists tab (docs/retention.md): choose a list, a
// region, open a volunteer, export the page.
#include <catch2/catch.hpp>

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>

#include "gui/retention/retention_page.h"
#include "gui/retention/worklist_table_model.h"
#include "support/qt_string_maker.h"
#include "support/sample_people.h"
#include "support/widget_driving.h"

TEST_CASE("the retention page lists a worklist, filters by region, opens a volunteer and exports the page") {
  QTemporaryDir dir;
  auto registry = dd::test::openRegistry(dir.filePath("r.sqlite"));
  const dd::app::Actor actor{QStringLiteral("t")};
  auto volunteer = registry->registerVolunteer(dd::test::sampleVolunteer(QStringLiteral("黄磊"), 21), actor);
  REQUIRE(volunteer.ok());
  dd::gui::RetentionPage page(registry.get());
  page.show();
  page.pageShown();
  auto* tabs = page.findChild<QTabWidget*>("retentionTabs");
  REQUIRE(tabs);
  CHECK(tabs->widget(0)->objectName() == QStringLiteral("worklistsTab"));
  // the first list is not-reached: a volunteer never reached is on it
  REQUIRE(page.model()->rowCount() == 1);
  CHECK(page.model()->rows().at(0).registryNo == volunteer.value->registryNo);

  auto* region = page.findChild<QLineEdit*>("regionFilter");
  region->setText(QStringLiteral("无此县"));
  Q_EMIT region->editingFinished();
  CHECK(page.model()->rowCount() == 0);
  region->setText(volunteer.value->county);
  Q_EMIT region->editingFinished();
  CHECK(page.model()->rowCount() == 1);

  auto* chooser = page.findChild<QComboBox*>("worklistChooser");
  chooser->setCurrentIndex(static_cast<int>(dd::model::Worklist::WithdrawalRequested));
  CHECK(page.model()->rowCount() == 0);
  chooser->setCurrentIndex(static_cast<int>(dd::model::Worklist::NotReached));
  REQUIRE(page.model()->rowCount() == 1);

  QSignalSpy opened(&page, &dd::gui::RetentionPage::volunteerRequested);
  auto* table = page.findChild<QTableView*>("worklistTable");
  table->setCurrentIndex(page.model()->index(0, 0));
  Q_EMIT table->activated(table->currentIndex());
  REQUIRE(opened.size() == 1);
  CHECK(opened.at(0).at(0).toLongLong() == volunteer.value->id);

  const QString path = dir.filePath("worklist.csv");
  REQUIRE(page.exportCsv(path));  // a Status
  QFile file(path);
  REQUIRE(file.open(QIODevice::ReadOnly));
  const QString text = QString::fromUtf8(file.readAll());
  CHECK(text.contains(volunteer.value->registryNo));
  CHECK_FALSE(page.exportCsv(dir.filePath("no/such/folder/x.csv")));
}
