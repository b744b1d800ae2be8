// The Retention page's worklists tab (docs/retention.md): choose a list, a
// region, open a volunteer, export the page.
#include <catch2/catch.hpp>

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>

#include "app/follow_ups.h"
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

TEST_CASE("the retention page offers the follow-up-due list and shows a donor whose call is due") {
  QTemporaryDir dir;
  auto registry = dd::test::openRegistry(dir.filePath("r.sqlite"));
  const dd::app::Actor actor{QStringLiteral("t")};
  auto volunteer = registry->registerVolunteer(dd::test::sampleVolunteer(QStringLiteral("黄磊"), 21), actor);
  REQUIRE(volunteer.ok());
  dd::model::Patient p;
  p.name = QStringLiteral("患者甲");
  p.birthDate = QDate(2012, 6, 1);
  p.diagnosis = QStringLiteral("急性髓系白血病");
  p.hospital = QStringLiteral("山东大学齐鲁医院");
  p.hla.at(dd::model::Locus::A).raw = QStringLiteral("A*02:01+A*11:01");
  p.searchRequestDate = QDate::currentDate().addDays(-60);
  auto patient = registry->createPatient(p, actor);
  REQUIRE(patient.ok());
  const QDate today = QDate::currentDate();
  auto started = registry->startWorkup(patient.value->id, volunteer.value->id, today.addDays(-30), actor);
  REQUIRE(started.ok());
  auto consent = registry->advanceWorkup(started.value->id, started.value->rowVersion,
                                         dd::model::WorkupStage::ConsentSigned, today.addDays(-20), actor,
                                         QStringLiteral("test"));
  REQUIRE(consent.ok());
  auto atConsent = registry->workupCase(started.value->id);
  REQUIRE(atConsent);
  REQUIRE(registry
              ->advanceWorkup(started.value->id, atConsent->rowVersion, dd::model::WorkupStage::Collection,
                              today.addDays(-5), actor, QStringLiteral("test"))
              .ok());

  dd::gui::RetentionPage page(registry.get());
  page.show();
  page.pageShown();
  auto* chooser = page.findChild<QComboBox*>("worklistChooser");
  REQUIRE(chooser->count() == dd::model::kWorklistCount);
  const int index = chooser->findData(static_cast<int>(dd::model::Worklist::FollowUpDue));
  REQUIRE(index >= 0);
  CHECK(chooser->itemText(index) == QStringLiteral("Follow-up due"));
  chooser->setCurrentIndex(index);
  REQUIRE(page.model()->rowCount() == 1);
  CHECK(page.model()->rows().at(0).registryNo == volunteer.value->registryNo);
  CHECK(page.model()->rows().at(0).due == today.addDays(-3));  // two days after the collection
}

TEST_CASE("a due follow-up call is recorded from the follow-up-due list and leaves it") {
  QTemporaryDir dir;
  auto registry = dd::test::openRegistry(dir.filePath("r.sqlite"));
  const dd::app::Actor actor{QStringLiteral("t")};
  auto volunteer = registry->registerVolunteer(dd::test::sampleVolunteer(QStringLiteral("吴捐"), 22), actor);
  REQUIRE(volunteer.ok());
  dd::model::Patient p;
  p.name = QStringLiteral("患者乙");
  p.birthDate = QDate(2011, 3, 1);
  p.searchRequestDate = QDate::currentDate().addDays(-60);
  auto patient = registry->createPatient(p, actor);
  REQUIRE(patient.ok());
  const QDate today = QDate::currentDate();
  auto started = registry->startWorkup(patient.value->id, volunteer.value->id, today.addDays(-30), actor);
  REQUIRE(started.ok());
  REQUIRE(registry
              ->advanceWorkup(started.value->id, started.value->rowVersion, dd::model::WorkupStage::ConsentSigned,
                              today.addDays(-20), actor, QStringLiteral("test"))
              .ok());
  REQUIRE(registry
              ->advanceWorkup(started.value->id, registry->workupCase(started.value->id)->rowVersion,
                              dd::model::WorkupStage::Collection, today.addDays(-4), actor, QStringLiteral("test"))
              .ok());

  dd::gui::RetentionPage page(registry.get());
  page.show();
  auto* chooser = page.findChild<QComboBox*>("worklistChooser");
  auto* record = page.findChild<QPushButton*>("recordFollowUpButton");
  REQUIRE(record);
  CHECK(record->isHidden());  // only on the follow-up list
  chooser->setCurrentIndex(chooser->findData(static_cast<int>(dd::model::Worklist::FollowUpDue)));
  CHECK_FALSE(record->isHidden());
  CHECK_FALSE(record->isEnabled());  // no row chosen yet
  REQUIRE(page.model()->rowCount() == 1);
  CHECK_FALSE(page.recordFollowUp(5, {}));  // no such row: refused, nothing written
  auto* table = page.findChild<QTableView*>("worklistTable");
  table->setCurrentIndex(page.model()->index(0, 0));
  CHECK(record->isEnabled());
  REQUIRE(page.recordFollowUp(0, QStringLiteral("  一切正常  ")));
  auto schedule = dd::app::followUpSchedule(*registry, volunteer.value->id);
  REQUIRE(schedule);
  REQUIRE(schedule->entries.at(0).record);
  CHECK(schedule->entries.at(0).record->note == QStringLiteral("一切正常"));
  CHECK(schedule->entries.at(0).record->doneOn == today);
  CHECK(page.model()->rowCount() == 0);  // the next call (a week) is not due yet
}
