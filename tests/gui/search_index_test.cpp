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
#include "gui/match_search_page.h"
#include "gui/search_index.h"
#include "gui/search_result_model.h"
#include "gui/search_runner.h"
#include "gui/volunteer_editor.h"
#include "gui/workspace.h"
#include "gui_test_support.h"
#include "support/qt_string_maker.h"

using dd::gui::SearchResultModel;

namespace {
const char* kPatient =
    "A*02:01+A*24:02^B*40:01+B*46:01^C*01:02+C*03:04^DRB1*09:01+DRB1*15:01^DQB1*03:03+DQB1*06:02";

void waitForHla() {
  auto& reader = dd::gui::HlaReader::instance();
  reader.startLoading();
  if (!reader.ready() && !reader.failed()) {
    QSignalSpy ready(&reader, &dd::gui::HlaReader::readyChanged);
    ready.wait(60000);
  }
  INFO(reader.loadError().toStdString());
  REQUIRE(reader.ready());
}

qint64 addDonor(dd::app::Registry& registry, int serial, const QString& a) {
  auto v = dd::test::sampleVolunteer(QStringLiteral("供者%1").arg(serial), serial);
  using dd::store::Locus;
  v.hla.at(Locus::A).raw = a;
  v.hla.at(Locus::B).raw = QStringLiteral("B*40:01+B*46:01");
  v.hla.at(Locus::C).raw = QStringLiteral("C*01:02+C*03:04");
  v.hla.at(Locus::DRB1).raw = QStringLiteral("DRB1*09:01+DRB1*15:01");
  v.hla.at(Locus::DQB1).raw = QStringLiteral("DQB1*03:03+DQB1*06:02");
  auto saved = registry.registerVolunteer(v, {QStringLiteral("t")}, true);
  INFO((saved.errors.empty() ? std::string() : saved.errors.front().english()));
  REQUIRE(saved.ok());
  return saved.value->id;
}

qint64 addPatient(dd::app::Registry& registry) {
  dd::store::Patient patient;
  patient.name = QStringLiteral("吴磊");
  patient.birthDate = QDate(1990, 1, 1);
  const QStringList loci = QString::fromLatin1(kPatient).split(QLatin1Char('^'));
  for (int i = 0; i < loci.size(); ++i) patient.hla.loci[static_cast<std::size_t>(i)].raw = loci[i];
  auto created = registry.createPatient(patient, {QStringLiteral("t")});
  REQUIRE(created.ok());
  return created.value->id;
}

int rowOf(const SearchResultModel& model, qint64 volunteerId) {
  for (int r = 0; r < model.rowCount(); ++r)
    if (model.result(r).volunteerId == volunteerId) return r;
  return -1;
}

// Runs the page's search to the end; the results are in page.model().
void searchAndWait(dd::gui::MatchSearchPage& page) {
  QSignalSpy done(&page, &dd::gui::MatchSearchPage::searchFinished);
  REQUIRE(page.search());
  REQUIRE(done.wait(60000));
}
}  // namespace

TEST_CASE("a donor reserved from the results drops out of the next search unless unavailable ones are included") {
  waitForHla();
  QTemporaryDir dir;
  const QString path = dir.filePath("r.sqlite");
  auto registry = dd::test::openRegistry(path);
  const qint64 donor = addDonor(*registry, 1, QStringLiteral("A*02:01+A*24:02"));
  const qint64 other = addDonor(*registry, 2, QStringLiteral("A*02:01+A*24:02"));
  const qint64 patient = addPatient(*registry);
  dd::gui::SearchIndex index(registry.get(), path);
  dd::gui::MatchSearchPage page(registry.get(), &index);
  page.show();
  dd::test::ModelCheck tester(page.model());
  page.selectPatient(patient);
  searchAndWait(page);
  REQUIRE(page.model()->rowCount() == 2);
  page.findChild<QTableView*>("results")->selectRow(rowOf(*page.model(), donor));
  REQUIRE(page.reserveSelected());

  searchAndWait(page);
  CHECK(page.model()->rowCount() == 1);
  CHECK(rowOf(*page.model(), donor) < 0);
  CHECK(rowOf(*page.model(), other) >= 0);
  page.findChild<QCheckBox*>("includeUnavailable")->setChecked(true);
  searchAndWait(page);
  CHECK(rowOf(*page.model(), donor) >= 0);
  CHECK(index.builds() == 1);  // kept current one volunteer at a time, not rebuilt
}

TEST_CASE("a typing edited and saved in the volunteer editor is what the next search matches") {
  waitForHla();
  QTemporaryDir dir;
  const QString path = dir.filePath("r.sqlite");
  auto registry = dd::test::openRegistry(path);
  const qint64 donor = addDonor(*registry, 1, QStringLiteral("A*02:01+A*24:02"));
  dd::gui::SearchIndex index(registry.get(), path);
  dd::gui::MatchSearchPage page(registry.get(), &index);
  page.findChild<QSpinBox*>("minimum")->setValue(0);
  page.setTyping(QString::fromLatin1(kPatient));
  searchAndWait(page);
  REQUIRE(page.model()->rowCount() == 1);
  CHECK(page.model()->index(0, SearchResultModel::Total).data().toString() == QStringLiteral("10/10"));

  {
    dd::gui::VolunteerEditor editor(registry.get(), donor);
    editor.findChild<QLineEdit*>("hlaA")->setText(QStringLiteral("A*01:01+A*24:02"));
    REQUIRE(editor.save());
  }
  searchAndWait(page);
  REQUIRE(page.model()->rowCount() == 1);
  CHECK(page.model()->index(0, SearchResultModel::Total).data().toString().startsWith(QStringLiteral("9/10")));

  // A status change saved on its own (deferral) makes the donor unavailable too.
  dd::app::StatusChangeRequest deferral;
  deferral.to = dd::store::VolunteerStatus::TemporarilyDeferred;
  deferral.reason = QStringLiteral("出差");
  deferral.until = QDate::currentDate().addDays(20);
  auto current = registry->volunteer(donor);
  REQUIRE(registry->changeStatus(donor, current->rowVersion, deferral, {QStringLiteral("t")}).ok());
  searchAndWait(page);
  CHECK(page.model()->rowCount() == 0);
  CHECK(index.builds() == 1);
}

TEST_CASE("on a shared database another workstation's change makes the next search rebuild the index") {
  waitForHla();
  QTemporaryDir dir;
  const QString path = dir.filePath("r.sqlite");
  auto registry = dd::test::openRegistry(path);
  const qint64 donor = addDonor(*registry, 1, QStringLiteral("A*02:01+A*24:02"));
  dd::gui::SearchIndex index(registry.get(), path);
  index.setSharedDatabase(true);
  dd::gui::MatchSearchPage page(registry.get(), &index);
  page.setTyping(QString::fromLatin1(kPatient));
  searchAndWait(page);
  REQUIRE(page.model()->rowCount() == 1);
  searchAndWait(page);
  CHECK(index.builds() == 1);  // nothing changed: no rebuild

  auto otherWorkstation = dd::test::openRegistry(path);
  const qint64 added = addDonor(*otherWorkstation, 2, QStringLiteral("A*02:01+A*24:02"));
  auto theirs = otherWorkstation->volunteer(donor);
  dd::app::StatusChangeRequest deferral;
  deferral.to = dd::store::VolunteerStatus::TemporarilyDeferred;
  deferral.reason = QStringLiteral("出差");
  deferral.until = QDate::currentDate().addDays(20);
  REQUIRE(otherWorkstation->changeStatus(donor, theirs->rowVersion, deferral, {QStringLiteral("t")}).ok());
  searchAndWait(page);
  CHECK(index.builds() == 2);
  REQUIRE(page.model()->rowCount() == 1);
  CHECK(page.model()->result(0).volunteerId == added);
}

TEST_CASE("opening a database builds its search index in the background with progress in the status bar") {
  waitForHla();
  QTemporaryDir dir;
  const QString path = dir.filePath("r.sqlite");
  {
    auto registry = dd::test::openRegistry(path);
    addDonor(*registry, 1, QStringLiteral("A*02:01+A*24:02"));
    addDonor(*registry, 2, QStringLiteral("A*01:01+A*24:02"));
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
  addDonor(*workspace.registry(), 3, QStringLiteral("A*02:01+A*24:02"));
  CHECK(index->service()->size() == 3);
}
