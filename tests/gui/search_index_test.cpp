// The shared match-search index: built in the background when a database
// opens, kept current by edits and reservations made through the real
// widgets, rebuilt when another workstation changed volunteers.
#include <catch2/catch.hpp>

#include <QCheckBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>

#include "app/search_service.h"
#include "gui/hla_reader.h"
#include "gui/main_window.h"
#include "gui/search/match_search_page.h"
#include "gui/search/search_index.h"
#include "gui/search/search_result_model.h"
#include "gui/search/search_runner.h"
#include "gui/volunteers/volunteer_editor.h"
#include "gui/workspace.h"
#include "support/widget_driving.h"
#include "search_test_support.h"
#include "support/qt_string_maker.h"

using dd::gui::SearchResultModel;
using namespace dd::test;

TEST_CASE("a donor reserved from the results stays in that patient's search and drops out of any other") {
  MatchPageFixture f;
  const qint64 donor = addSearchDonor(*f.registry, 1, QStringLiteral("A*02:01+A*24:02"));
  const qint64 other = addSearchDonor(*f.registry, 2, QStringLiteral("A*02:01+A*24:02"));
  const qint64 patient = addSearchPatient(*f.registry);
  dd::gui::MatchSearchPage& page = f.openPage();
  page.show();
  dd::test::ModelCheck tester(page.model());
  page.selectPatient(patient);
  searchAndWait(page);
  REQUIRE(page.model()->rowCount() == 2);
  page.findChild<QTableView*>("results")->selectRow(resultRowOf(*page.model(), donor));
  dd::test::answerConfirmation(true);
  REQUIRE(page.reserveSelected());

  // The same patient's search: still listed, marked as this patient's.
  searchAndWait(page);
  CHECK(page.model()->rowCount() == 2);
  REQUIRE(resultRowOf(*page.model(), donor) >= 0);
  CHECK(page.model()->result(resultRowOf(*page.model(), donor)).reservedForThisPatient);
  // Any other search (here: the same typing, no patient): reserved, so gone.
  page.setTyping(QString::fromLatin1(kSearchPatientTyping));
  searchAndWait(page);
  CHECK(page.model()->rowCount() == 1);
  CHECK(resultRowOf(*page.model(), donor) < 0);
  CHECK(resultRowOf(*page.model(), other) >= 0);
  page.findChild<QCheckBox*>("includeUnavailable")->setChecked(true);
  searchAndWait(page);
  REQUIRE(resultRowOf(*page.model(), donor) >= 0);
  CHECK(page.model()->index(resultRowOf(*page.model(), donor), SearchResultModel::Available).data().toString() ==
        QStringLiteral("reserved (another patient)"));
  CHECK(f.index->builds() == 1);  // kept current one volunteer at a time, not rebuilt
}

TEST_CASE("a typing edited and saved in the volunteer editor is what the next search matches") {
  MatchPageFixture f;
  const qint64 donor = addSearchDonor(*f.registry, 1, QStringLiteral("A*02:01+A*24:02"));
  dd::gui::MatchSearchPage& page = f.openPage();
  page.findChild<QSpinBox*>("minimum")->setValue(0);
  page.setTyping(QString::fromLatin1(kSearchPatientTyping));
  searchAndWait(page);
  REQUIRE(page.model()->rowCount() == 1);
  CHECK(page.model()->index(0, SearchResultModel::Total).data().toString() == QStringLiteral("10/10"));

  {
    dd::gui::VolunteerEditor editor(f.registry.get(), donor);
    editor.findChild<QLineEdit*>("hlaA")->setText(QStringLiteral("A*01:01+A*24:02"));
    REQUIRE(editor.save());
  }
  searchAndWait(page);
  REQUIRE(page.model()->rowCount() == 1);
  CHECK(page.model()->index(0, SearchResultModel::Total).data().toString().startsWith(QStringLiteral("9/10")));

  // A status change saved on its own (deferral) makes the donor unavailable too.
  auto current = f.registry->volunteer(donor);
  REQUIRE(f.registry->changeStatus(donor, current->rowVersion, deferral(), {QStringLiteral("t")}).ok());
  searchAndWait(page);
  CHECK(page.model()->rowCount() == 0);
  CHECK(f.index->builds() == 1);
}

TEST_CASE("on a shared database another workstation's change makes the next search rebuild the index") {
  MatchPageFixture f;
  const qint64 donor = addSearchDonor(*f.registry, 1, QStringLiteral("A*02:01+A*24:02"));
  dd::gui::MatchSearchPage& page = f.openPage();
  f.index->setSharedDatabase(true);
  page.setTyping(QString::fromLatin1(kSearchPatientTyping));
  searchAndWait(page);
  REQUIRE(page.model()->rowCount() == 1);
  searchAndWait(page);
  CHECK(f.index->builds() == 1);  // nothing changed: no rebuild

  auto otherWorkstation = dd::test::openRegistry(f.path);
  const qint64 added = addSearchDonor(*otherWorkstation, 2, QStringLiteral("A*02:01+A*24:02"));
  auto theirs = otherWorkstation->volunteer(donor);
  REQUIRE(otherWorkstation->changeStatus(donor, theirs->rowVersion, deferral(), {QStringLiteral("t")}).ok());
  searchAndWait(page);
  CHECK(f.index->builds() == 2);
  REQUIRE(page.model()->rowCount() == 1);
  CHECK(page.model()->result(0).volunteerId == added);
}

TEST_CASE("opening a database builds its search index in the background with progress in the status bar") {
  waitForHla();
  QTemporaryDir dir;
  const QString path = dir.filePath("r.sqlite");
  {
    auto registry = dd::test::openRegistry(path);
    addSearchDonor(*registry, 1, QStringLiteral("A*02:01+A*24:02"));
    addSearchDonor(*registry, 2, QStringLiteral("A*01:01+A*24:02"));
  }
  dd::gui::Workspace workspace;
  REQUIRE(workspace.openDatabase(path));
  dd::gui::SearchIndex* index = workspace.searchIndex();
  REQUIRE(index);
  CHECK(index->building());  // returned before the build finished
  CHECK_FALSE(workspace.window().statusBar()->currentMessage().isEmpty());
  QSignalSpy progress(index, &dd::gui::SearchIndex::progress);
  REQUIRE(progress.wait(60000));
  CHECK_FALSE(index->building());
  CHECK(index->builds() == 1);
  CHECK(index->service()->size() == 2);
  CHECK(workspace.window().statusBar()->currentMessage().contains(QLatin1String("2")));

  // A registration through the workspace's registry is indexed at once.
  addSearchDonor(*workspace.registry(), 3, QStringLiteral("A*02:01+A*24:02"));
  CHECK(index->service()->size() == 3);
}

TEST_CASE("the reading beside an HLA field shows what matching sees: a null keeps its own name") {
  waitForHla();
  const auto& reader = dd::gui::HlaReader::instance();
  const dd::gui::HlaReading expressed = reader.read(dd::model::Locus::A, QStringLiteral("A*01:01:01:01"), {});
  CHECK(expressed.valid);
  CHECK(expressed.pGroup == QStringLiteral("A*01:01P"));
  CHECK(expressed.serology == QStringLiteral("A1"));
  // hla reduce prints py-ard's A*01:04:01:01N (a null is in no P group); the
  // field shows the strict reading, the one the matching engine uses.
  const dd::gui::HlaReading null = reader.read(dd::model::Locus::A, QStringLiteral("HLA-A*01:04:01:01N"), {});
  CHECK(null.valid);
  CHECK(null.normalised == QStringLiteral("A*01:04:01:01N"));
  CHECK(null.pGroup == QStringLiteral("A*01:04N"));
  CHECK(null.serology.isEmpty());  // no antigen
  const dd::gui::HlaReading split = reader.read(dd::model::Locus::B, QStringLiteral("B*15:10"), {});
  CHECK(split.serology == QStringLiteral("B70/B71"));
}
