// The statistics against figures worked out by hand from a small registry
// built through the use cases, on both backends.
#include <catch2/catch.hpp>

#include "app/registry.h"
#include "core/qt/localization.h"
#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"

using namespace dd;

namespace {

const QDate kToday(2026, 11, 15);

int countOf(const model::Counts& counts, const char* key) {
  for (const auto& [k, count] : counts)
    if (k == QString::fromUtf8(key)) return count;
  return 0;
}

model::Volunteer volunteerBorn(int serial, const QDate& birth, const QString& prefecture, const QDate& consent) {
  model::Volunteer v = test::sampleVolunteer(serial);
  v.birthDate = birth;
  v.idNumber = test::validIdNumber(birth, v.sex, serial);
  v.prefecture = prefecture;
  v.consentDate = consent;
  return v;
}

model::Patient patient(const char* name, bool overseas) {
  model::Patient p;
  p.name = QString::fromUtf8(name);
  p.sex = model::Sex::Male;
  p.birthDate = QDate(2010, 3, 4);
  p.hla.at(model::Locus::A).raw = QStringLiteral("A*02:01+A*11:01");
  p.searchRequestDate = QDate::currentDate();
  p.overseas = overseas;
  return p;
}

void requireSaved(const app::SaveResult<model::WorkupCase>& result) {
  INFO((result.errors.empty() ? std::string() : qt::translated(result.errors.at(0)).toStdString()));
  REQUIRE(result.ok());
}

}  // namespace

TEST_CASE("statistics equal the figures counted by hand") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  // Ages on 2026-11-15: 22 (birthday tomorrow: still 22), 30, 30, 50.
  const auto young = test::registered(*registry, volunteerBorn(1, QDate(2003, 11, 16), "济南市", QDate(2024, 5, 1)));
  const auto a = test::registered(*registry, volunteerBorn(2, QDate(1996, 1, 1), "济南市", QDate(2025, 6, 1)));
  const auto b = test::registered(*registry, volunteerBorn(3, QDate(1996, 2, 2), "青岛市", QDate(2025, 7, 1)));
  const auto old = test::registered(*registry, volunteerBorn(4, QDate(1976, 5, 5), "", QDate(2020, 8, 1)));

  // Reached within 12 months of kToday: young (this month) and b (a year
  // and a month ago: outside). a was never reached.
  model::ContactAttempt reached{0, young.id, QDateTime(QDate(2026, 11, 1), QTime(10, 0)), model::ContactChannel::Phone,
                                {}, model::ContactOutcome::Reached, {}, {}, model::ContactPerson::Volunteer, 0, {}};
  REQUIRE(registry->recordContact(reached, test::staff()));
  reached.volunteerId = b.id;
  reached.at = QDateTime(QDate(2025, 10, 1), QTime(10, 0));
  REQUIRE(registry->recordContact(reached, test::staff()));
  // old is lost, a withdrew: lost counts among those who should be reachable, withdrawn does not.
  app::StatusChangeRequest lost;
  lost.to = model::VolunteerStatus::LostContact;
  REQUIRE(registry->changeStatus(old.id, registry->volunteer(old.id)->rowVersion, lost, test::staff()).ok());

  // Cases: one open at confirmatory typing, one stopped at the medical exam,
  // two collected (one for a patient abroad).
  auto home = registry->createPatient(patient("患者甲", false), test::staff());
  auto abroad = registry->createPatient(patient("患者乙", true), test::staff());
  REQUIRE(home.ok());
  REQUIRE(abroad.ok());
  auto open = registry->startWorkup(home.value->id, a.id, QDate(2026, 9, 1), test::staff());
  requireSaved(open);
  requireSaved(registry->advanceWorkup(open.value->id, open.value->rowVersion, model::WorkupStage::ConfirmatoryTyping,
                                       QDate(2026, 9, 10), test::staff()));
  auto stopped = registry->startWorkup(abroad.value->id, b.id, QDate(2026, 8, 1), test::staff());
  requireSaved(stopped);
  auto examined = registry->advanceWorkup(stopped.value->id, stopped.value->rowVersion,
                                          model::WorkupStage::MedicalExam, QDate(2026, 8, 20), test::staff(),
                                          QStringLiteral("typed at the drive"));
  requireSaved(examined);
  requireSaved(registry->stopWorkup(examined.value->id, examined.value->rowVersion,
                                    model::StopReason::FamilyOpposition, model::WorkupStage::MedicalExam,
                                    QStringLiteral("家属反对"), QDate(2026, 8, 25), test::staff()));
  for (const auto& [donor, who] : {std::pair{young, home.value->id}, std::pair{b, abroad.value->id}}) {
    auto started = registry->startWorkup(who, donor.id, QDate(2025, 1, 5), test::staff());
    requireSaved(started);
    auto consented = registry->advanceWorkup(started.value->id, started.value->rowVersion,
                                             model::WorkupStage::ConsentSigned, QDate(2025, 2, 1), test::staff(),
                                             QStringLiteral("recorded late"));
    requireSaved(consented);
    requireSaved(registry->advanceWorkup(consented.value->id, consented.value->rowVersion,
                                         model::WorkupStage::Collection, QDate(2025, 3, 1), test::staff(),
                                         QStringLiteral("recorded late")));
  }
  for (const QDateTime& at : {QDateTime(QDate(2026, 10, 3), QTime(9, 0), Qt::UTC),
                              QDateTime(QDate(2026, 11, 3), QTime(9, 0), Qt::UTC),
                              QDateTime(QDate(2026, 11, 4), QTime(9, 0), Qt::UTC)})
    REQUIRE(registry->recordSearchRun({0, at, QStringLiteral("tester"), home.value->id, QStringLiteral("gui"), 3}));

  auto stats = registry->statistics(kToday);
  REQUIRE(stats);
  CHECK(stats->volunteers == 4);
  // young and b donated; a is reserved (open case); old lost.
  CHECK(countOf(stats->byStatus, "donated") == 2);
  CHECK(countOf(stats->byStatus, "reserved") == 1);
  CHECK(countOf(stats->byStatus, "lost_contact") == 1);
  CHECK(stats->contactable == 2);  // a (reserved) and old (lost); the donors are no longer asked
  CHECK(stats->reachedLast12Months == 0);
  CHECK(stats->lostContact == 1);
  CHECK(stats->lostContactRate() == Approx(0.5));
  CHECK(countOf(stats->byPrefecture, "济南市") == 2);
  CHECK(countOf(stats->byPrefecture, "青岛市") == 1);
  CHECK(countOf(stats->byPrefecture, "") == 1);
  CHECK(stats->byPrefecture.first().second == 2);  // largest first
  CHECK(countOf(stats->byAgeBand, "18-25") == 1);
  CHECK(countOf(stats->byAgeBand, "26-35") == 2);
  CHECK(countOf(stats->byAgeBand, "46-55") == 1);
  CHECK(countOf(stats->byYearJoined, "2024") == 1);
  CHECK(countOf(stats->byYearJoined, "2025") == 2);
  CHECK(countOf(stats->byYearJoined, "2020") == 1);
  CHECK(countOf(stats->openCasesByStage, "confirmatory_typing") == 1);
  CHECK(countOf(stats->openCasesByStage, "collection") == 2);
  CHECK(countOf(stats->stoppedCasesByStage, "medical_exam") == 1);
  CHECK(countOf(stats->withdrawalsByReason, "family_opposition") == 1);
  CHECK(stats->stopsByPatientReason.isEmpty());
  CHECK(countOf(stats->donationsDomesticByYear, "2025") == 1);
  CHECK(countOf(stats->donationsOverseasByYear, "2025") == 1);
  CHECK(countOf(stats->searchesByMonth, "2026-10") == 1);
  CHECK(countOf(stats->searchesByMonth, "2026-11") == 2);
}

TEST_CASE("statistics of an empty registry are zeros, not errors") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  auto stats = registry->statistics(kToday);
  REQUIRE(stats);
  CHECK(stats->volunteers == 0);
  CHECK(stats->contactRate() == 0);
  CHECK(stats->byStatus.isEmpty());
  CHECK(stats->searchesByMonth.isEmpty());
}
