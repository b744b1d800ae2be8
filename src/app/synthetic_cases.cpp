#include "app/synthetic_cases.h"

#include <array>

#include "app/case_risk.h"
#include "app/follow_ups.h"
#include "app/registry.h"
#include "app/synthetic_people.h"
#include "match/random.h"
#include "model/follow_up_schedule.h"

namespace dd::app {
namespace {

using dd::match::Random;
using model::StopReason;
using model::WorkupCase;
using model::WorkupStage;

constexpr int kStages = model::kWorkupStageCount;
constexpr int kMinCasesForEveryStage = 11;

// Days from the previous stage to this one, as a workup usually runs:
// confirmatory typing and the medical exam take weeks, collection follows
// mobilisation by four or five days, the product is delivered the same or
// the next day.
struct Gap {
  int low;
  int high;
};
constexpr std::array<Gap, kStages> kGaps{{{0, 0}, {10, 30}, {10, 30}, {3, 14}, {7, 21}, {4, 5}, {0, 1}, {2, 14}}};

int between(Random& random, int low, int high) {
  return low + static_cast<int>(random.below(static_cast<std::uint32_t>(high - low + 1)));
}

template <class T>
Error refused(const SaveResult<T>& result) {
  if (!result.errors.empty()) return result.errors.front();
  return result.warnings.front();
}

// Every stop reason in turn from a random start, a patient's reason in
// every three, so a handful of stopped cases already shows donors' and
// patients' reasons side by side.
const std::array<StopReason, model::kStopReasonCount> kStopOrder{
    StopReason::TransplantedOtherDonor, StopReason::FamilyOpposition, StopReason::Health,
    StopReason::PatientDied,            StopReason::Fear,             StopReason::WorkLeaveRefused,
    StopReason::SearchClosed,           StopReason::LostContact,      StopReason::Other};

const char* const kAttendees[] = {"父亲、母亲", "母亲", "配偶", "父亲、母亲、姐姐", "配偶、岳母", "哥哥"};
const char* const kHesitations[] = {"担心影响工作", "听说捐献伤身体，有些犹豫", "想再考虑一周"};
const char* const kPostponements[] = {"单位年底考核，请求推迟两周", "孩子中考，希望推迟体检"};
const char* const kFollowUpNotes[] = {"身体恢复良好", "略感乏力，已恢复", "无不适", "已恢复正常工作",
                                      "血常规正常"};

class CaseMaker {
 public:
  CaseMaker(Registry& registry, const SyntheticCasesInput& input, Random& random)
      : registry_(registry), input_(input), random_(random), today_(QDate::currentDate()),
        volunteers_(input.availableVolunteerIds) {}

  // One case of patient `patientId` that reaches `stage`; stopped there (or
  // earlier, as the donor's stage reached) with `stopCode` when given.
  Status make(qint64 patientId, WorkupStage stage, std::optional<StopReason> stopCode) {
    if (volunteers_.isEmpty()) return {};  // a tiny registry runs out of donors: fewer cases
    const qint64 volunteerId = volunteers_.takeAt(random_.below(static_cast<std::uint32_t>(volunteers_.size())));
    const std::array<QDate, kStages> dates = stageDates(stage, stopCode.has_value());
    if (Status s = reserve(volunteerId, patientId, dates[0]); !s) return s;
    auto opened = registry_.startWorkup(patientId, volunteerId, dates[0], input_.actor);
    if (!opened.ok()) return refused(opened);
    const qint64 caseId = opened.value->id;
    for (int s = 1; s <= static_cast<int>(stage); ++s) {
      auto current = registry_.workupCase(caseId);
      if (!current) return current.error();
      auto advanced = registry_.advanceWorkup(caseId, current->rowVersion, static_cast<WorkupStage>(s),
                                              dates[static_cast<std::size_t>(s)], input_.actor, {}, true);
      if (!advanced.ok()) return refused(advanced);
    }
    // a stopped case's talks happened before it stopped
    const QDate talksUntil = stopCode ? dates[static_cast<std::size_t>(stage)] : today_;
    if (Status s = familyAndRisk(caseId, stage, dates[0], talksUntil, stopCode); !s) return s;
    if (stopCode) {
      if (Status s = stop(caseId, stage, *stopCode, dates[static_cast<std::size_t>(stage)]); !s) return s;
      ++report.stopped;
    }
    ++report.cases;
    if (!stopCode && stage >= WorkupStage::Collection) donors_ << volunteerId;
    return {};
  }

  // The follow-up calls of every donor: most recorded on time, the latest
  // due one left open for about half of them (the follow-up-due worklist).
  Status followUps() {
    QList<qint64> all = donors_;
    all << input_.donorIds;
    for (qint64 id : all) {
      auto donor = registry_.volunteer(id);
      if (!donor) return donor.error();
      const QDate donated = donor->donationDate;
      QList<model::FollowUpPoint> due;
      for (int p = 0; p < model::kFollowUpPointCount; ++p) {
        const auto point = static_cast<model::FollowUpPoint>(p);
        if (model::followUpDueOn(donated, point) <= today_) due << point;
      }
      if (due.isEmpty()) continue;
      const bool leaveLatestOpen = random_.uniform() < 0.5;
      const qsizetype recorded = leaveLatestOpen ? due.size() - 1 : due.size();
      for (qsizetype i = 0; i < recorded; ++i) {
        const QDate on = model::followUpDueOn(donated, due.at(i));
        const QDate done = on.addDays(between(random_, 0, int(qMin<qint64>(6, on.daysTo(today_)))));
        const QString note = QString::fromUtf8(synthetic::pick(random_, kFollowUpNotes));
        auto written = recordFollowUp(registry_, {id, due.at(i), done, note}, input_.actor);
        if (!written) return written.error();
        ++report.followUps;
      }
    }
    return {};
  }

  SyntheticCasesReport report;

 private:
  // The day each stage up to `stage` was reached, all in the past and in
  // order; open cases before collection are recent (a workup takes weeks),
  // a case in follow-up may be years old, a stopped one some months.
  std::array<QDate, kStages> stageDates(WorkupStage stage, bool stopped) {
    const int last = static_cast<int>(stage);
    int span = 0;
    std::array<int, kStages> gaps{};
    for (int s = 1; s <= last; ++s) {
      gaps[static_cast<std::size_t>(s)] =
          between(random_, kGaps[static_cast<std::size_t>(s)].low, kGaps[static_cast<std::size_t>(s)].high);
      span += gaps[static_cast<std::size_t>(s)];
    }
    int age = between(random_, 0, 20);
    if (stopped) age = between(random_, 15, 300);
    else if (stage == WorkupStage::Collection) age = between(random_, 0, 5);
    else if (stage == WorkupStage::ProductDelivered) age = between(random_, 1, 12);
    else if (stage == WorkupStage::FollowUp) age = between(random_, 20, 4 * 365);
    std::array<QDate, kStages> dates{};
    dates[0] = today_.addDays(-(span + age));
    for (int s = 1; s <= last; ++s)
      dates[static_cast<std::size_t>(s)] = dates[static_cast<std::size_t>(s - 1)].addDays(gaps[static_cast<std::size_t>(s)]);
    return dates;
  }

  // Reserved for the patient when the case opened: 90 days from then, or,
  // when that has passed, extended to a date in the coming weeks (some
  // within the reservation-expiring worklist's 14 days).
  Status reserve(qint64 volunteerId, qint64 patientId, const QDate& opened) {
    auto donor = registry_.volunteer(volunteerId);
    if (!donor) return donor.error();
    QDate expires = opened.addDays(Registry::kReservationDays);
    if (expires <= today_) expires = today_.addDays(between(random_, 3, 45));
    auto reserved = registry_.reserveForPatient(volunteerId, donor->rowVersion, patientId, input_.actor, expires);
    if (!reserved.ok()) return refused(reserved);
    return {};
  }

  Status familyAndRisk(qint64 caseId, WorkupStage stage, const QDate& opened, const QDate& talksUntil,
                       std::optional<StopReason> stopCode) {
    const double u = random_.uniform();
    model::FamilyAttitude attitude = u < 0.55   ? model::FamilyAttitude::Supportive
                                     : u < 0.80 ? model::FamilyAttitude::Neutral
                                     : u < 0.90 ? model::FamilyAttitude::Opposed
                                                : model::FamilyAttitude::Unknown;
    if (stopCode == StopReason::FamilyOpposition) attitude = model::FamilyAttitude::Opposed;
    if (attitude != model::FamilyAttitude::Unknown) {
      auto current = registry_.workupCase(caseId);
      if (!current) return current.error();
      auto set = setFamilyAttitude(registry_, caseId, current->rowVersion, attitude, input_.actor);
      if (!set.ok()) return refused(set);
    }
    // a talk with the family: most often where the family is opposed or unsure
    const bool session = attitude == model::FamilyAttitude::Opposed || random_.uniform() < 0.25;
    if (session) {
      model::FamilySession s;
      s.caseId = caseId;
      s.heldOn = synthetic::randomDate(random_, opened, talksUntil);
      s.attendees = QString::fromUtf8(synthetic::pick(random_, kAttendees));
      s.letterPrinted = random_.uniform() < 0.6;
      auto held = recordFamilySession(registry_, s, input_.actor);
      if (!held) return held.error();
    }
    // hesitation and postponements are signs while the donation is ahead
    if (stage < WorkupStage::Collection) {
      const double r = random_.uniform();
      if (r < 0.15) {
        auto raised = raiseRiskFlag(registry_, caseId, model::RiskFlagKind::Hesitation,
                                    QString::fromUtf8(synthetic::pick(random_, kHesitations)), input_.actor);
        if (!raised) return raised.error();
      } else if (r < 0.25) {
        auto current = registry_.workupCase(caseId);
        if (!current) return current.error();
        auto moved = recordPostponement(registry_, caseId, current->rowVersion,
                                        QString::fromUtf8(synthetic::pick(random_, kPostponements)), input_.actor);
        if (!moved.ok()) return refused(moved);
      }
    }
    return {};
  }

  Status stop(qint64 caseId, WorkupStage stage, StopReason code, const QDate& lastStageDate) {
    auto current = registry_.workupCase(caseId);
    if (!current) return current.error();
    // the donor may have stopped before the furthest stage was done
    const WorkupStage reached =
        stage > WorkupStage::InitialMatch && random_.uniform() < 0.3 ? static_cast<WorkupStage>(int(stage) - 1) : stage;
    const QDate when = qMin(today_, lastStageDate.addDays(between(random_, 1, 10)));
    const QString words = code == StopReason::Other ? QStringLiteral("出国工作两年") : QString();
    auto stopped = registry_.stopWorkup(caseId, current->rowVersion, code, reached, words, when, input_.actor);
    if (!stopped.ok()) return refused(stopped);
    return {};
  }

  Registry& registry_;
  const SyntheticCasesInput& input_;
  Random& random_;
  const QDate today_;
  QList<qint64> volunteers_;  // not yet in a case
  QList<qint64> donors_;      // donated through one of these cases
};

// An open case's stage beyond the first eight: most cases are early on.
WorkupStage randomOpenStage(Random& random) {
  const double u = random.uniform();
  if (u < 0.30) return WorkupStage::InitialMatch;
  if (u < 0.55) return WorkupStage::ConfirmatoryTyping;
  if (u < 0.70) return WorkupStage::MedicalExam;
  if (u < 0.80) return WorkupStage::ConsentSigned;
  if (u < 0.85) return WorkupStage::Mobilisation;
  if (u < 0.88) return WorkupStage::Collection;
  if (u < 0.92) return WorkupStage::ProductDelivered;
  return WorkupStage::FollowUp;
}

}  // namespace

SyntheticCaseCounts syntheticCaseCounts(int patients) {
  if (patients <= 0) return {};
  SyntheticCaseCounts counts;
  counts.total = (patients * 3 + 4) / 5;
  // 11 cases: 8 open ones, one at every stage, and a quarter (3) stopped
  if (patients >= kStages) counts.total = qMax(counts.total, kMinCasesForEveryStage);
  counts.stopped = (counts.total + 2) / 4;
  return counts;
}

Expected<SyntheticCasesReport> generateSyntheticCases(Registry& registry, const SyntheticCasesInput& input,
                                                      Random& random) {
  const int patients = int(input.patientIds.size());
  const SyntheticCaseCounts counts = syntheticCaseCounts(patients);
  CaseMaker maker(registry, input, random);
  const std::size_t firstReason = random.below(model::kStopReasonCount);
  const int everyStage = patients >= kStages ? kStages : 0;
  for (int i = 0; i < counts.total; ++i) {
    const qint64 patientId = input.patientIds.at(i % patients);
    Status made;
    if (i < everyStage) {
      made = maker.make(patientId, static_cast<WorkupStage>(i), std::nullopt);
    } else if (i < everyStage + counts.stopped) {
      // stopped before the donation, at any stage up to mobilisation
      const auto stage = static_cast<WorkupStage>(random.below(static_cast<std::uint32_t>(WorkupStage::Mobilisation) + 1));
      const StopReason code = kStopOrder[(firstReason + std::size_t(i - everyStage)) % kStopOrder.size()];
      made = maker.make(patientId, stage, code);
    } else {
      made = maker.make(patientId, randomOpenStage(random), std::nullopt);
    }
    if (!made) return made.error();
  }
  if (Status s = maker.followUps(); !s) return s.error();
  return maker.report;
}

}  // namespace dd::app
