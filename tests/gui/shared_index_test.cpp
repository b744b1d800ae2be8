// The search index of an open database across sessions and workstations:
// opened again it is read from its snapshot; on PostgreSQL another
// workstation's write reaches the index and the volunteer list within two
// seconds, without a rebuild.
#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTemporaryDir>
#include <QThread>

#include "app/search_service.h"
#include "gui/hla_reader.h"
#include "gui/main_window.h"
#include "gui/search/search_index.h"
#include "gui/volunteers/volunteer_table_model.h"
#include "gui/volunteers/volunteers_page.h"
#include "gui/workspace.h"
#include "match/search.h"
#include "search_test_support.h"
#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"
#include "support/widget_driving.h"

using namespace dd::test;

namespace {

// Processes events until done() or the deadline; whether done().
bool processUntil(const std::function<bool()>& done, int milliseconds) {
  QDeadlineTimer deadline(milliseconds);
  while (!done() && !deadline.hasExpired()) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QThread::msleep(5);
  }
  return done();
}

void waitUntilBuilt(dd::gui::SearchIndex& index, int builds = 1) {
  REQUIRE(processUntil([&] { return index.builds() >= builds && !index.building(); }, 60000));
}

// The ids of the available donors the index finds for the test patient.
QList<qint64> foundDonors(dd::gui::SearchIndex& index) {
  auto typing = dd::match::parseTyping(kSearchPatientTyping, *dd::gui::HlaReader::instance().nomenclature());
  REQUIRE(typing);
  dd::match::SearchOptions options;
  options.minMatches = 0;
  auto results = index.service()->search(*typing, options);
  REQUIRE(results);
  QList<qint64> ids;
  for (const auto& result : *results) ids << result.volunteerId;
  std::sort(ids.begin(), ids.end());
  return ids;
}


}  // namespace

TEST_CASE(
    "a database opened again reads its search index from the snapshot until someone changes a volunteer") {
  waitForHla();
  QTemporaryDir dir;
  const QString path = dir.filePath("r.sqlite");
  qint64 first = 0, second = 0;
  {
    auto registry = dd::test::openRegistry(path);
    first = addSearchDonor(*registry, 1, QStringLiteral("A*02:01+A*24:02"));
    second = addSearchDonor(*registry, 2, QStringLiteral("A*01:01+A*24:02"));
  }
  {
    dd::gui::Workspace workspace;
    REQUIRE(workspace.openDatabase(path));
    waitUntilBuilt(*workspace.searchIndex());
    CHECK_FALSE(workspace.searchIndex()->fromSnapshot());  // the first open builds it
    CHECK(foundDonors(*workspace.searchIndex()) == QList<qint64>{first, second});
  }
  {
    dd::gui::Workspace workspace;
    REQUIRE(workspace.openDatabase(path));
    waitUntilBuilt(*workspace.searchIndex());
    CHECK(workspace.searchIndex()->fromSnapshot());
    CHECK(foundDonors(*workspace.searchIndex()) == QList<qint64>{first, second});
  }
  // Another program defers one of them: the snapshot is out of date.
  {
    auto other = dd::test::openRegistry(path);
    auto theirs = other->volunteer(first);
    REQUIRE(other->changeStatus(first, theirs->rowVersion, deferral(), {QStringLiteral("t")}).ok());
  }
  dd::gui::Workspace workspace;
  REQUIRE(workspace.openDatabase(path));
  waitUntilBuilt(*workspace.searchIndex());
  CHECK_FALSE(workspace.searchIndex()->fromSnapshot());
  CHECK(foundDonors(*workspace.searchIndex()) == QList<qint64>{second});
}

TEST_CASE(
    "on PostgreSQL another workstation's write reaches the search index and the volunteer list within 2 s") {
  auto db = dd::test::TestDatabase::create("postgres");
  if (!db) return;  // no PostgreSQL outside CI: the fixture warned
  waitForHla();
  qint64 first = 0;
  {
    auto registry = db->open();
    first = addSearchDonor(*registry, 1, QStringLiteral("A*02:01+A*24:02"));
  }
  dd::gui::Workspace workspace;
  REQUIRE(workspace.openDatabase(db->url()));
  workspace.window().show();
  workspace.window().showPage(dd::gui::Page::Volunteers);
  dd::gui::SearchIndex& index = *workspace.searchIndex();
  waitUntilBuilt(index);
  REQUIRE(index.listening());
  auto* volunteers =
      qobject_cast<dd::gui::VolunteersPage*>(workspace.window().page(dd::gui::Page::Volunteers));
  REQUIRE(volunteers);
  REQUIRE(processUntil([&] { return volunteers->model()->rowOf(first) >= 0; }, 10000));
  CHECK(foundDonors(index) == QList<qint64>{first});

  // Another workstation registers a donor: in the index and the list within 2 s.
  auto otherWorkstation = db->open();
  const qint64 added = addSearchDonor(*otherWorkstation, 2, QStringLiteral("A*02:01+A*24:02"));
  CHECK(processUntil(
      [&] {
        return index.service()->size() == 2 && !volunteers->model()->loading() &&
               volunteers->model()->rowOf(added) >= 0;
      },
      2000));
  CHECK(foundDonors(index) == QList<qint64>{first, added});
  // (the index is updated on a worker; the count when it reported back)
  CHECK(processUntil([&] { return index.announcementsApplied() == 1; }, 2000));
  // ... and defers the first: out of the search within 2 s.
  auto theirs = otherWorkstation->volunteer(first);
  REQUIRE(otherWorkstation->changeStatus(first, theirs->rowVersion, deferral(), {QStringLiteral("t")}).ok());
  CHECK(processUntil([&] { return foundDonors(index) == QList<qint64>{added}; }, 2000));
  CHECK(processUntil([&] { return index.announcementsApplied() == 2; }, 2000));

  // Applied one by one, never rebuilt; and the stamp check before the next
  // search finds the index current.
  bool ready = false;
  index.whenCurrent([&](bool ok, const QString&) { ready = ok; });
  REQUIRE(processUntil([&] { return ready; }, 10000));
  CHECK(index.builds() == 1);

  // A change the announcements missed (written as if the connection had
  // dropped: the listener stopped) is still caught by the stamp check.
  workspace.registry()->stopListening();
  const qint64 unheard = addSearchDonor(*otherWorkstation, 3, QStringLiteral("A*02:01+A*24:02"));
  QThread::msleep(300);
  QCoreApplication::processEvents();
  CHECK(index.service()->size() == 2);
  ready = false;
  index.whenCurrent([&](bool ok, const QString&) { ready = ok; });
  REQUIRE(processUntil([&] { return ready; }, 60000));
  CHECK(index.builds() == 2);
  CHECK(foundDonors(index) == QList<qint64>{added, unheard});
}
