// The cases generate makes (docs/cases.md): every stage, stopped cases with
// coded reasons, reservations with expiry dates, donations and their
// follow-ups, the same for the same seed. On a fresh SQLite file, as
// scripts/run makes the demo registry.
#include <catch2/catch.hpp>

#include <QSqlQuery>
#include <QTemporaryDir>

#include "app/case_risk.h"
#include "app/synthetic_cases.h"
#include "app/synthetic_data.h"
#include "app/worklists.h"
#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"

using namespace dd;
using model::WorkupStage;

namespace {

std::unique_ptr<app::Registry> generated(const QString& path, int volunteers, int patients, quint64 seed) {
  auto registry = app::Registry::open(path);
  REQUIRE(registry);
  app::GenerateOptions options;
  options.volunteers = volunteers;
  options.patients = patients;
  options.seed = seed;
  options.actor = {QStringLiteral("demo")};
  auto report = app::generateSyntheticData(**registry, options);
  INFO((report ? std::string() : report.error().english()));
  REQUIRE(report);
  CHECK(report->cases == app::syntheticCaseCounts(patients).total);
  return std::move(*registry);
}

// What identifies a generated case, compared between two runs.
QStringList describe(app::Registry& registry) {
  QStringList lines;
  auto cases = registry.listWorkupCases();
  REQUIRE(cases);
  for (const model::WorkupCase& w : *cases) {
    auto v = registry.volunteer(w.volunteerId);
    REQUIRE(v);
    QStringList dates;
    for (const QDate& d : w.stageDates) dates << d.toString(Qt::ISODate);
    lines << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
                 .arg(w.caseCode, v->registryNo, QString::fromLatin1(model::key(w.stage).data()), dates.join(','),
                      w.stoppedDate.toString(Qt::ISODate),
                      w.stopCode ? QString::fromLatin1(model::key(*w.stopCode).data()) : QString(),
                      QString::fromLatin1(model::key(w.familyAttitude).data()))
                 .arg(w.postponements);
  }
  return lines;
}

}  // namespace

TEST_CASE("case counts follow the patients: every stage from 8 patients on, a quarter stopped") {
  CHECK(app::syntheticCaseCounts(0).total == 0);
  CHECK(app::syntheticCaseCounts(1).total == 1);
  CHECK(app::syntheticCaseCounts(5).total == 3);
  for (int patients : {8, 9, 20, 50, 300}) {
    INFO(patients);
    const auto counts = app::syntheticCaseCounts(patients);
    CHECK(counts.total >= 8 + counts.stopped);
    CHECK(counts.total * 3 >= patients);      // at least 1 case in 3 patients
    CHECK(counts.total <= patients * 3 / 2);  // at most 1.5 per patient
    CHECK(counts.stopped * 100 >= counts.total * 18);
    CHECK(counts.stopped * 100 <= counts.total * 32);
  }
}

TEST_CASE("generate makes realistic cases at every stage, stopped ones coded, and follow-ups") {
  QTemporaryDir dir;
  auto registry = generated(dir.filePath(QStringLiteral("demo.sqlite")), 400, 20, 1);
  const QDate today = QDate::currentDate();
  auto cases = registry->listWorkupCases();
  REQUIRE(cases);
  REQUIRE(cases->size() == app::syntheticCaseCounts(20).total);

  bool openAt[model::kWorkupStageCount] = {};
  int stopped = 0;
  bool donorReason = false, patientReason = false;
  int openFlags = 0, sessions = 0;
  for (const model::WorkupCase& w : *cases) {
    INFO(w.caseCode.toStdString());
    // the dates are in the past and in order
    QDate previous = w.stageDates[0];
    REQUIRE(previous.isValid());
    for (int s = 1; s <= static_cast<int>(w.stage); ++s) {
      const QDate d = w.stageDates[static_cast<std::size_t>(s)];
      REQUIRE(d.isValid());
      CHECK(d >= previous);
      previous = d;
    }
    CHECK(previous <= today);
    auto v = registry->volunteer(w.volunteerId);
    REQUIRE(v);
    if (w.stopped()) {
      ++stopped;
      REQUIRE(w.stopCode);
      REQUIRE(w.regretStage);
      CHECK(*w.regretStage <= w.stage);
      CHECK(w.stoppedDate >= w.stageDates[0]);
      CHECK(w.stoppedDate <= today);
      CHECK(w.stage < WorkupStage::Collection);
      (model::isDonorReason(*w.stopCode) ? donorReason : patientReason) = true;
      CHECK(v->status == model::VolunteerStatus::Active);  // released by the stop
      if (*w.stopCode == model::StopReason::Other) CHECK_FALSE(w.stopReason.isEmpty());
    } else {
      openAt[static_cast<int>(w.stage)] = true;
      if (w.stage < WorkupStage::Collection) {
        // reserved for the patient until a date ahead
        CHECK(v->status == model::VolunteerStatus::Reserved);
        CHECK(v->reservedForPatientId == w.patientId);
        CHECK(v->reservationExpires > today);
      } else {
        CHECK(v->status == model::VolunteerStatus::Donated);
        CHECK(v->donationDate == w.stageDates[static_cast<std::size_t>(WorkupStage::Collection)]);
      }
    }
    auto risk = app::caseRisk(*registry, w.id);
    REQUIRE(risk);
    auto flags = app::caseRiskFlags(*registry, w.id);
    REQUIRE(flags);
    for (const model::CaseRiskFlag& f : *flags) openFlags += f.open() ? 1 : 0;
    auto talks = app::familySessions(*registry, w.id);
    REQUIRE(talks);
    sessions += int(talks->size());
    for (const model::FamilySession& s : *talks) {
      CHECK(s.heldOn >= w.stageDates[0]);
      CHECK(s.heldOn <= today);
    }
  }
  for (int s = 0; s < model::kWorkupStageCount; ++s) {
    INFO("stage " << s);
    CHECK(openAt[s]);
  }
  CHECK(stopped == app::syntheticCaseCounts(20).stopped);
  CHECK(donorReason);
  CHECK(patientReason);
  CHECK(openFlags > 0);
  CHECK(sessions > 0);

  // follow-ups: some recorded, some donors due (the demo's worklist)
  CHECK(test::rowCount(*registry, "donation_follow_up") > 0);
  model::WorklistQuery due;
  due.list = model::Worklist::FollowUpDue;
  auto rows = app::worklist(*registry, due);
  REQUIRE(rows);
  CHECK_FALSE(rows->isEmpty());
  for (const model::WorklistRow& r : *rows) CHECK(r.due <= today);
  // every case write is in the audit trail, under the generating staff
  QSqlQuery q(app::storeDatabase(*registry).sql());
  REQUIRE(q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE entity = 'workup_case' AND staff = 'demo'")));
  REQUIRE(q.next());
  CHECK(q.value(0).toInt() >= cases->size());
}

TEST_CASE("generate's cases are the same for the same seed and differ for another") {
  QTemporaryDir dir;
  auto a = generated(dir.filePath(QStringLiteral("a.sqlite")), 300, 10, 7);
  auto b = generated(dir.filePath(QStringLiteral("b.sqlite")), 300, 10, 7);
  auto c = generated(dir.filePath(QStringLiteral("c.sqlite")), 300, 10, 8);
  const QStringList first = describe(*a);
  CHECK(first.size() == app::syntheticCaseCounts(10).total);
  CHECK(first == describe(*b));
  CHECK(first != describe(*c));
  CHECK(test::rowCount(*a, "donation_follow_up") == test::rowCount(*b, "donation_follow_up"));
  CHECK(test::rowCount(*a, "family_session") == test::rowCount(*b, "family_session"));
}

TEST_CASE("generated volunteers' failure counts agree with their own contact log") {
  QTemporaryDir dir;
  auto registry = generated(dir.filePath("g.sqlite"), 400, 0, 11);
  int withFailures = 0;
  auto contactsFailed = [](const QList<model::ContactAttempt>& log) {
    // failures at the volunteer since the last time they were reached
    QDateTime lastReached;
    for (const auto& a : log)
      if (model::reachedThem(a.outcome) && a.person == model::ContactPerson::Volunteer && a.at > lastReached)
        lastReached = a.at;
    int failed = 0;
    for (const auto& a : log)
      if (model::isFailedAttempt(a.outcome) && a.person == model::ContactPerson::Volunteer && a.at > lastReached)
        ++failed;
    return failed;
  };
  for (qint64 id = 1; id <= 400; ++id) {
    auto v = registry->volunteer(id);
    REQUIRE(v);
    auto log = registry->contacts(id);
    REQUIRE(log);
    INFO(v->registryNo.toStdString());
    CHECK(v->failedContacts == contactsFailed(*log));
    withFailures += v->failedContacts > 0 ? 1 : 0;
  }
  CHECK(withFailures > 20);  // the demo's "every channel failed" list has people on it
}
