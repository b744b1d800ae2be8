// Other connections' volunteer writes announced as they commit (schema
// version 9's trigger, LISTEN through Registry::listenForVolunteerChanges):
// on PostgreSQL within a second or two, on SQLite refused with a reason.
#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSqlQuery>
#include <QThread>
#include <vector>

#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"

using namespace dd;

namespace {
struct Heard {
  qint64 id;
  bool fromHere;
};

// Processes events until `done` or two seconds passed; whether done.
bool waitFor(const std::function<bool()>& done) {
  QDeadlineTimer deadline(2000);
  while (!done() && !deadline.hasExpired()) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QThread::msleep(5);
  }
  return done();
}
}  // namespace

TEST_CASE("a volunteer written through one connection is announced to another within two seconds") {
  DD_FRESH_DATABASE(db);
  auto listener = db->open();
  std::vector<Heard> heard;
  const Status listening = listener->listenForVolunteerChanges([&](qint64 id, bool fromHere) {
    heard.push_back({id, fromHere});
  });
  if (!db->isPostgres()) {
    REQUIRE_FALSE(listening);
    CHECK(listening.error().code == "store.no_notifications");
    return;
  }
  REQUIRE(listening);
  auto writer = db->open();  // another workstation
  auto saved = writer->registerVolunteer(test::sampleVolunteer(1), test::staff());
  REQUIRE(saved.ok());
  REQUIRE(waitFor([&] { return !heard.empty(); }));
  CHECK(heard.front().id == saved.value->id);
  CHECK_FALSE(heard.front().fromHere);

  // An edit, and a write through the listening connection itself.
  heard.clear();
  model::Volunteer edited = *saved.value;
  edited.workUnit = QStringLiteral("山东大学");
  auto updated = writer->updateVolunteer(edited, test::staff());
  REQUIRE(updated.ok());
  REQUIRE(waitFor([&] { return !heard.empty(); }));
  CHECK(heard.front().id == saved.value->id);
  heard.clear();
  auto own = listener->registerVolunteer(test::sampleVolunteer(2), test::staff());
  REQUIRE(own.ok());
  REQUIRE(waitFor([&] { return !heard.empty(); }));
  CHECK(heard.back().id == own.value->id);
  CHECK(heard.back().fromHere);

  // A delete (no use case deletes, but the database may be cleaned by hand).
  heard.clear();
  {
    QSqlQuery q(app::storeDatabase(*writer).sql());
    REQUIRE(q.exec(QStringLiteral("DELETE FROM volunteer_phone WHERE volunteer_id = %1").arg(own.value->id)));
    REQUIRE(q.exec(QStringLiteral("DELETE FROM status_change WHERE volunteer_id = %1").arg(own.value->id)));
    REQUIRE(q.exec(QStringLiteral("DELETE FROM volunteer WHERE id = %1").arg(own.value->id)));
  }
  REQUIRE(waitFor([&] { return !heard.empty(); }));
  CHECK(heard.front().id == own.value->id);

  // A rolled-back write is never announced; nor is another registry's.
  heard.clear();
  {
    QSqlQuery q(app::storeDatabase(*writer).sql());
    REQUIRE(q.exec(QStringLiteral("BEGIN")));
    REQUIRE(
        q.exec(QStringLiteral("UPDATE volunteer SET work_unit = 'x' WHERE id = %1").arg(saved.value->id)));
    REQUIRE(q.exec(QStringLiteral("ROLLBACK")));
    REQUIRE(q.exec(QStringLiteral("SELECT pg_notify('donordesk_volunteer', 'some_other_schema %1')")
                       .arg(saved.value->id)));
    REQUIRE(q.exec(
        QStringLiteral("SELECT pg_notify('donordesk_volunteer', current_schema() || ' not-a-number')")));
  }
  CHECK_FALSE(waitFor([&] { return !heard.empty(); }));

  // Stopped: nothing more arrives.
  listener->stopListening();
  REQUIRE(writer->updateVolunteer(*updated.value, test::staff()).ok());
  CHECK_FALSE(waitFor([&] { return !heard.empty(); }));
}

TEST_CASE("a transaction writing more than a thousand volunteers is announced as many, not one by one") {
  DD_FRESH_DATABASE(db);
  if (!db->isPostgres()) return;
  auto listener = db->open();
  std::vector<Heard> heard;
  REQUIRE(listener->listenForVolunteerChanges([&](qint64 id, bool fromHere) {
    heard.push_back({id, fromHere});
  }));
  auto writer = db->open();
  auto saved = writer->registerVolunteer(test::sampleVolunteer(1), test::staff());
  REQUIRE(saved.ok());
  REQUIRE(waitFor([&] { return !heard.empty(); }));
  heard.clear();
  {
    // 1,200 updates of the one volunteer in one transaction: the count is
    // per row written, so this is as many notices as 1,200 volunteers.
    QSqlQuery q(app::storeDatabase(*writer).sql());
    REQUIRE(q.exec(QStringLiteral("BEGIN")));
    for (int i = 0; i < 1200; ++i)
      REQUIRE(q.exec(QStringLiteral("UPDATE volunteer SET row_version = row_version + 1 WHERE id = %1")
                         .arg(saved.value->id)));
    REQUIRE(q.exec(QStringLiteral("COMMIT")));
  }
  REQUIRE(waitFor([&] { return !heard.empty() && heard.back().id == 0; }));
  // PostgreSQL folds repeated identical notices: the one id, then "many".
  CHECK(heard.size() == 2);
  CHECK(heard.front().id == saved.value->id);
}
