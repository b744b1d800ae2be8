// The retention worklists (docs/retention.md) on both backends: who is on
// each list and who is not, the filters, the order and bad queries.
#include <catch2/catch.hpp>

#include <QSqlQuery>
#include <QTimeZone>

#include "app/worklists.h"
#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"

using namespace dd;
using model::ContactOutcome;
using model::Worklist;

namespace {

void contact(app::Registry& registry, qint64 id, ContactOutcome outcome, int daysAgo, const char* staff = "tester") {
  model::ContactAttempt a;
  a.volunteerId = id;
  a.at = QDateTime(QDate::currentDate().addDays(-daysAgo), QTime(12, 0), QTimeZone::utc());
  a.outcome = outcome;
  REQUIRE(registry.recordContact(a, test::staff(staff)));
}

QStringList listed(app::Registry& registry, Worklist list, const QString& region = {}, const QString& staff = {}) {
  model::WorklistQuery q;
  q.list = list;
  q.region = region;
  q.staff = staff;
  auto rows = app::worklist(registry, q);
  INFO((rows ? std::string() : rows.error().english()));
  REQUIRE(rows);
  QStringList names;
  for (const model::WorklistRow& r : *rows) names << r.name;
  return names;
}

void setColumn(app::Registry& registry, qint64 id, const char* column, const QDate& date) {
  QSqlQuery q(app::storeDatabase(registry).sql());
  q.prepare(QStringLiteral("UPDATE volunteer SET %1 = ? WHERE id = ?").arg(QLatin1String(column)));
  q.addBindValue(date);
  q.addBindValue(id);
  REQUIRE(q.exec());
}

model::Volunteer person(app::Registry& registry, int n, const char* name, const char* county) {
  model::Volunteer v = test::sampleVolunteer(n);
  v.name = QString::fromUtf8(name);
  v.county = QString::fromUtf8(county);
  v.emergency.phone = QStringLiteral("1390000%1").arg(1000 + n);
  return test::registered(registry, v);
}

model::Patient samplePatient() {
  model::Patient p;
  p.name = QStringLiteral("患者甲");
  p.birthDate = QDate(2012, 6, 1);
  p.diagnosis = QStringLiteral("急性髓系白血病");
  p.hospital = QStringLiteral("山东大学齐鲁医院");
  p.hla.at(model::Locus::A).raw = QStringLiteral("A*02:01+A*11:01");
  p.searchRequestDate = QDate::currentDate();
  return p;
}

}  // namespace

TEST_CASE("worklists list who is due, most urgent first, and leave the others out") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const auto fresh = person(*registry, 1, "新近", "历下区");
  const auto lapsed = person(*registry, 2, "久违", "市中区");
  const auto failing = person(*registry, 3, "失联", "历下区");
  const auto never = person(*registry, 4, "从未", "历下区");
  contact(*registry, fresh.id, ContactOutcome::Reached, 10);
  contact(*registry, lapsed.id, ContactOutcome::Reached, 500);
  contact(*registry, failing.id, ContactOutcome::Reached, 600);
  contact(*registry, failing.id, ContactOutcome::WrongNumber, 30, "王");
  contact(*registry, failing.id, ContactOutcome::NoAnswer, 20, "王");
  contact(*registry, failing.id, ContactOutcome::NoAnswer, 10, "王");

  // never reached first, then the oldest success
  CHECK(listed(*registry, Worklist::NotReached) == QStringList{"从未", "失联", "久违"});
  CHECK(listed(*registry, Worklist::NotReached, QStringLiteral("历下区")) == QStringList{"从未", "失联"});
  CHECK(listed(*registry, Worklist::NotReached, {}, QStringLiteral("王")) == QStringList{"失联"});
  CHECK(listed(*registry, Worklist::NotReached, QStringLiteral("无此区")).isEmpty());
  CHECK(listed(*registry, Worklist::AllChannelsFailed) == QStringList{"失联"});
  // the only number is known bad: on the list, with the backup contact's phone
  CHECK(listed(*registry, Worklist::PhoneKnownBad) == QStringList{"失联"});
  model::WorklistQuery q;
  q.list = Worklist::PhoneKnownBad;
  auto rows = app::worklist(*registry, q);
  REQUIRE(rows);
  REQUIRE(rows->size() == 1);
  CHECK(rows->at(0).ownNumbersBad);
  CHECK(rows->at(0).backupPhones == failing.emergency.phone);
  CHECK(rows->at(0).lastStaff == QStringLiteral("王"));
  // scored on the page: three failures and an unknown family attitude at least
  CHECK(rows->at(0).risk >= 18 + 5);
  CHECK(rows->at(0).riskExplanation.contains(QStringLiteral("3 failed")));
  CHECK(app::worklistCsv(*rows).split(QLatin1Char('\n')).at(1).contains(failing.registryNo));

  // a raised lost-contact threshold takes them off AllChannelsFailed
  REQUIRE(registry->setRetentionRules({4, 12}, test::staff()));
  CHECK(listed(*registry, Worklist::AllChannelsFailed).isEmpty());

  CHECK(listed(*registry, Worklist::ReadinessDue).contains(QStringLiteral("新近")));
  setColumn(*registry, fresh.id, "last_readiness_check", QDate::currentDate().addMonths(-2));
  CHECK_FALSE(listed(*registry, Worklist::ReadinessDue).contains(QStringLiteral("新近")));

  CHECK(listed(*registry, Worklist::WithdrawalRequested).isEmpty());
  setColumn(*registry, lapsed.id, "withdrawal_requested_on", QDate::currentDate().addDays(-1));
  CHECK(listed(*registry, Worklist::WithdrawalRequested) == QStringList{"久违"});

  setColumn(*registry, never.id, "reservation_expires", QDate::currentDate().addDays(10));
  setColumn(*registry, fresh.id, "reservation_expires", QDate::currentDate().addDays(30));
  CHECK(listed(*registry, Worklist::ReservationExpiring) == QStringList{"从未"});
}

TEST_CASE("turning 60 and case without contact follow the birthday and the case") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  model::Volunteer old = test::sampleVolunteer(5);
  old.name = QStringLiteral("将满六十");
  const auto saved = test::registered(*registry, old);
  setColumn(*registry, saved.id, "birth_date", QDate::currentDate().addYears(-60).addDays(100));
  model::Volunteer older = test::sampleVolunteer(6);
  older.name = QStringLiteral("已满六十");
  const auto saved2 = test::registered(*registry, older);
  setColumn(*registry, saved2.id, "birth_date", QDate::currentDate().addYears(-60).addDays(-1));
  CHECK(listed(*registry, Worklist::TurningSixty) == QStringList{"将满六十"});

  auto patient = registry->createPatient(samplePatient(), test::staff());
  REQUIRE(patient.ok());
  model::Volunteer donor = test::sampleVolunteer(7);
  donor.name = QStringLiteral("在案");
  const auto inCase = test::registered(*registry, donor);
  contact(*registry, inCase.id, ContactOutcome::Reached, 20);
  CHECK(listed(*registry, Worklist::CaseWithoutContact).isEmpty());
  auto started = registry->startWorkup(patient.value->id, inCase.id, QDate::currentDate(), test::staff());
  INFO((started.errors.empty() ? std::string() : started.errors.front().english()));
  REQUIRE(started.ok());
  CHECK(listed(*registry, Worklist::CaseWithoutContact) == QStringList{"在案"});
  contact(*registry, inCase.id, ContactOutcome::Reached, 3);
  CHECK(listed(*registry, Worklist::CaseWithoutContact).isEmpty());
}

TEST_CASE("a worklist refuses a bad page or window") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  for (auto [months, limit, offset] : {std::tuple{0, 10, 0}, std::tuple{121, 10, 0}, std::tuple{12, 0, 0},
                                       std::tuple{12, app::kMaxWorklistPage + 1, 0}, std::tuple{12, 10, -1}}) {
    model::WorklistQuery q;
    q.months = months;
    q.limit = limit;
    q.offset = offset;
    auto rows = app::worklist(*registry, q);
    REQUIRE_FALSE(rows);
    CHECK(rows.error().code == "validation.worklist");
  }
  CHECK_FALSE(model::parseWorklist("not_reached"));
  for (int i = 0; i < model::kWorklistCount; ++i) {
    const auto list = static_cast<Worklist>(i);
    CHECK(model::parseWorklist(model::key(list)) == list);
  }
}
