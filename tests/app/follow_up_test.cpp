// The follow-up calls after a donation (docs/retention.md) on both backends:
// the follow-up-due worklist on a seeded registry, recording a point and
// every refusal, and a donor's schedule.
#include <catch2/catch.hpp>

#include <QSqlQuery>
#include <QTimeZone>

#include "app/follow_ups.h"
#include "app/worklists.h"
#include "model/follow_up_schedule.h"
#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"

using namespace dd;
using model::FollowUpPoint;
using model::Worklist;

namespace {

const QDate kToday = QDate::currentDate();

// A volunteer whose latest donation was on `donated` (invalid: none), as the
// collection stage leaves it.
model::Volunteer donor(app::Registry& registry, int n, const char* name, const QDate& donated,
                       const char* county = "历下区") {
  model::Volunteer v = test::sampleVolunteer(n);
  v.name = QString::fromUtf8(name);
  v.county = QString::fromUtf8(county);
  v.emergency.phone = QStringLiteral("1390000%1").arg(1000 + n);
  const model::Volunteer saved = test::registered(registry, v);
  if (donated.isValid()) {
    QSqlQuery q(app::storeDatabase(registry).sql());
    q.prepare(QStringLiteral("UPDATE volunteer SET status = 'donated', donation_date = ?, donation_count = 1 "
                             "WHERE id = ?"));
    q.addBindValue(donated.toString(Qt::ISODate));
    q.addBindValue(saved.id);
    REQUIRE(q.exec());
  }
  return saved;
}

model::DonationFollowUp record(app::Registry& registry, qint64 id, FollowUpPoint point, const QDate& on = {},
                               const char* staff = "tester") {
  auto done = app::recordFollowUp(registry, {id, point, on, QStringLiteral("恢复良好")}, test::staff(staff));
  INFO((done ? std::string() : done.error().english()));
  REQUIRE(done);
  return *done;
}

// Records every point up to and including `last`, each on its due day.
void recordThrough(app::Registry& registry, qint64 id, const QDate& donated, FollowUpPoint last) {
  for (int p = 0; p <= static_cast<int>(last); ++p) {
    const auto point = static_cast<FollowUpPoint>(p);
    record(registry, id, point, model::followUpDueOn(donated, point));
  }
}

QList<model::WorklistRow> dueRows(app::Registry& registry, const QString& region = {}, const QString& staff = {}) {
  model::WorklistQuery q;
  q.list = Worklist::FollowUpDue;
  q.region = region;
  q.staff = staff;
  auto rows = app::worklist(registry, q);
  INFO((rows ? std::string() : rows.error().english()));
  REQUIRE(rows);
  return *rows;
}

QStringList names(const QList<model::WorklistRow>& rows) {
  QStringList out;
  for (const model::WorklistRow& r : rows) out << r.name;
  return out;
}

dd::Error refusal(app::Registry& registry, const app::FollowUpRequest& request) {
  auto done = app::recordFollowUp(registry, request, test::staff());
  REQUIRE_FALSE(done);
  return done.error();
}

}  // namespace

TEST_CASE("the follow-up-due worklist lists donors whose next call is due, most overdue first") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const QDate tenDaysAgo = kToday.addDays(-10);
  const auto due = donor(*registry, 1, "刚到期", tenDaysAgo);                 // day2 due 8 days ago
  const auto notYet = donor(*registry, 2, "未到期", kToday.addDays(-1));       // day2 due tomorrow
  const auto upToDate = donor(*registry, 3, "已记录", tenDaysAgo);             // day2, week1 recorded
  const QDate longAgo = kToday.addYears(-11);
  const auto finished = donor(*registry, 4, "十年满", longAgo);                // every point recorded
  const QDate lastYear = kToday.addDays(-400);
  const auto yearly = donor(*registry, 5, "年度到期", lastYear, "市中区");     // through month6: year1 due
  const auto halfDone = donor(*registry, 6, "十年未满", longAgo);              // through year9: year10 due
  donor(*registry, 7, "未捐献", QDate());

  recordThrough(*registry, upToDate.id, tenDaysAgo, FollowUpPoint::Week1);
  recordThrough(*registry, finished.id, longAgo, FollowUpPoint::Year10);
  recordThrough(*registry, yearly.id, lastYear, FollowUpPoint::Month6);
  recordThrough(*registry, halfDone.id, longAgo, FollowUpPoint::Year9);
  // a follow-up of an earlier donation does not count for the latest one
  {
    QSqlQuery q(app::storeDatabase(*registry).sql());
    q.prepare(QStringLiteral("INSERT INTO donation_follow_up (volunteer_id, donation_date, point, done_on, staff, "
                             "created_at) VALUES (?, '2015-01-01', 'day2', '2015-01-03', 'x', '2015-01-03')"));
    q.addBindValue(due.id);
    REQUIRE(q.exec());
  }

  const auto rows = dueRows(*registry);
  // year 10 of the eleven-year-old donation (a year overdue), then year 1, then day 2
  REQUIRE(names(rows) == QStringList{"十年未满", "年度到期", "刚到期"});
  CHECK(rows.at(0).due == model::followUpDueOn(longAgo, FollowUpPoint::Year10));
  CHECK(rows.at(0).followUp == FollowUpPoint::Year10);
  CHECK(rows.at(1).due == lastYear.addMonths(12));
  CHECK(rows.at(1).followUp == FollowUpPoint::Year1);
  CHECK(rows.at(2).due == tenDaysAgo.addDays(2));
  CHECK(rows.at(2).followUp == FollowUpPoint::Day2);
  CHECK(rows.at(2).registryNo == due.registryNo);
  CHECK(app::worklistJson(rows).contains(QStringLiteral("\"follow_up_point\": \"year10\"")));

  // the filters of the other lists
  CHECK(names(dueRows(*registry, QStringLiteral("市中区"))) == QStringList{"年度到期"});
  CHECK(dueRows(*registry, QStringLiteral("无此区")).isEmpty());
  model::ContactAttempt call;
  call.volunteerId = due.id;
  call.at = QDateTime(kToday.addDays(-1), QTime(10, 0), QTimeZone::utc());
  call.staff = QStringLiteral("王");
  REQUIRE(registry->recordContact(call, test::staff("王")));
  CHECK(names(dueRows(*registry, {}, QStringLiteral("王"))) == QStringList{"刚到期"});
  // paging
  model::WorklistQuery q;
  q.list = Worklist::FollowUpDue;
  q.limit = 1;
  q.offset = 1;
  auto page = app::worklist(*registry, q);
  REQUIRE(page);
  CHECK(names(*page) == QStringList{"年度到期"});

  // recording the due call takes the donor off until the next point
  record(*registry, due.id, FollowUpPoint::Day2);
  CHECK(names(dueRows(*registry)) == QStringList{"十年未满", "年度到期", "刚到期"});  // week1 is due too
  CHECK(dueRows(*registry).at(2).followUp == FollowUpPoint::Week1);
  record(*registry, due.id, FollowUpPoint::Week1);
  record(*registry, halfDone.id, FollowUpPoint::Year10);
  CHECK(names(dueRows(*registry)) == QStringList{"年度到期"});
  (void)notYet;
}

TEST_CASE("recording a follow-up writes one row and its audit entry, and refusals write nothing") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const QDate donated = kToday.addDays(-40);
  const auto d = donor(*registry, 1, "捐献者", donated);
  const auto never = donor(*registry, 2, "未捐献", QDate());

  const auto done = record(*registry, d.id, FollowUpPoint::Day2, donated.addDays(3), "李");
  CHECK(done.id > 0);
  CHECK(done.donationDate == donated);
  CHECK(done.doneOn == donated.addDays(3));
  CHECK(done.staff == QStringLiteral("李"));
  CHECK(done.caseId == 0);  // recorded by hand, no case collected that day
  CHECK(test::rowCount(*registry, "donation_follow_up") == 1);
  auto trail = registry->auditTrail(QStringLiteral("volunteer"), d.id);
  REQUIRE(trail);
  bool audited = false;
  for (const model::AuditEntry& e : *trail)
    if (e.action == QStringLiteral("follow_up") && e.newValue.startsWith(QStringLiteral("day2 ")) &&
        e.newValue.contains(donated.toString(Qt::ISODate)) && e.staff == QStringLiteral("李"))
      audited = true;
  CHECK(audited);

  // already recorded: the message names the point and when it was done
  auto again = refusal(*registry, {d.id, FollowUpPoint::Day2, kToday, {}});
  CHECK(again.code == "validation.follow_up_recorded");
  CHECK(QString::fromStdString(again.english()).contains(QStringLiteral("After 2 days")));
  CHECK(QString::fromStdString(again.english()).contains(donated.addDays(3).toString(Qt::ISODate)));
  // before the point is due (1 month: donated + 1 month)
  auto early = refusal(*registry, {d.id, FollowUpPoint::Month1, donated.addMonths(1).addDays(-1), {}});
  CHECK(early.code == "validation.follow_up_early");
  CHECK(QString::fromStdString(early.english()).contains(donated.addMonths(1).toString(Qt::ISODate)));
  CHECK(refusal(*registry, {d.id, FollowUpPoint::Month6, {}, {}}).code == "validation.follow_up_early");
  // in the future
  CHECK(refusal(*registry, {d.id, FollowUpPoint::Week1, kToday.addDays(1), {}}).code == "validation.follow_up_future");
  // never donated
  auto none = refusal(*registry, {never.id, FollowUpPoint::Day2, {}, {}});
  CHECK(none.code == "validation.never_donated");
  CHECK(QString::fromStdString(none.english()).contains(never.registryNo));
  // an unknown volunteer, a note too long
  CHECK(refusal(*registry, {999999, FollowUpPoint::Day2, {}, {}}).code == "store.not_found");
  CHECK(refusal(*registry, {d.id, FollowUpPoint::Week1, {}, QString(501, QLatin1Char('x'))}).code ==
        "validation.too_long");
  // an unknown point key
  auto key = app::followUpPointFromKey(QStringLiteral("year11"));
  REQUIRE_FALSE(key);
  CHECK(key.error().code == "validation.follow_up_point");
  CHECK(QString::fromStdString(key.error().english()).contains(QStringLiteral("year11")));
  CHECK(QString::fromStdString(key.error().english()).contains(QStringLiteral("day2, week1")));
  CHECK(app::followUpPointFromKey(QStringLiteral(" Year10 ")).value() == FollowUpPoint::Year10);
  CHECK(test::rowCount(*registry, "donation_follow_up") == 1);

  // the point exactly on its due day is fine
  record(*registry, d.id, FollowUpPoint::Month1, donated.addMonths(1));
  CHECK(test::rowCount(*registry, "donation_follow_up") == 2);
}

TEST_CASE("a donor's schedule says which points are done, due, overdue or to come") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const QDate donated = kToday.addDays(-10);
  const auto d = donor(*registry, 1, "捐献者", donated);
  record(*registry, d.id, FollowUpPoint::Day2, donated.addDays(2));
  auto schedule = app::followUpSchedule(*registry, d.id);
  REQUIRE(schedule);
  CHECK(schedule->donationDate == donated);
  REQUIRE(schedule->entries.size() == model::kFollowUpPointCount);
  CHECK(schedule->entries.at(0).state == app::FollowUpState::Done);
  CHECK(schedule->entries.at(0).record->doneOn == donated.addDays(2));
  CHECK(schedule->entries.at(1).state == app::FollowUpState::Due);  // week 1; month 1 still ahead
  CHECK(schedule->entries.at(1).dueOn == donated.addDays(7));
  CHECK(schedule->entries.at(2).state == app::FollowUpState::NotYetDue);
  CHECK(schedule->entries.at(13).dueOn == donated.addMonths(120));
  // seen 30 days later, week 1 missed its moment: overdue, month 1 due
  auto later = app::followUpSchedule(*registry, d.id, donated.addMonths(1).addDays(3));
  REQUIRE(later);
  CHECK(later->entries.at(1).state == app::FollowUpState::Overdue);
  CHECK(later->entries.at(2).state == app::FollowUpState::Due);
  const QString json = app::followUpJson(*schedule);
  CHECK(json.contains(QStringLiteral("\"state\": \"done\"")));
  CHECK(json.contains(QStringLiteral("\"point\": \"year10\"")));
  CHECK(app::followUpCsv(*schedule).split(QLatin1Char('\n'), Qt::SkipEmptyParts).size() == 15);

  const auto never = donor(*registry, 2, "未捐献", QDate());
  auto none = app::followUpSchedule(*registry, never.id);
  REQUIRE_FALSE(none);
  CHECK(none.error().code == "validation.never_donated");
}

TEST_CASE("a donation through a case: the follow-up belongs to the case collected that day") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  model::Patient p;
  p.name = QStringLiteral("患者甲");
  p.birthDate = QDate(2012, 6, 1);
  p.diagnosis = QStringLiteral("急性髓系白血病");
  p.hospital = QStringLiteral("山东大学齐鲁医院");
  p.hla.at(model::Locus::A).raw = QStringLiteral("A*02:01+A*11:01");
  p.searchRequestDate = kToday.addDays(-60);
  auto patient = registry->createPatient(p, test::staff());
  REQUIRE(patient.ok());
  const auto d = donor(*registry, 1, "捐献者", QDate());
  auto started = registry->startWorkup(patient.value->id, d.id, kToday.addDays(-30), test::staff());
  REQUIRE(started.ok());
  auto consent = registry->advanceWorkup(started.value->id, started.value->rowVersion,
                                         model::WorkupStage::ConsentSigned, kToday.addDays(-20), test::staff(),
                                         QStringLiteral("test"));
  REQUIRE(consent.ok());
  auto atConsent = registry->workupCase(started.value->id);
  REQUIRE(atConsent);
  auto collected = registry->advanceWorkup(started.value->id, atConsent->rowVersion, model::WorkupStage::Collection,
                                           kToday.addDays(-5), test::staff(), QStringLiteral("test"));
  REQUIRE(collected.ok());
  CHECK(names(dueRows(*registry)) == QStringList{"捐献者"});
  const auto done = record(*registry, d.id, FollowUpPoint::Day2);
  CHECK(done.caseId == started.value->id);
  CHECK(done.donationDate == kToday.addDays(-5));
  CHECK(dueRows(*registry).isEmpty());  // week 1 is two days ahead
}
