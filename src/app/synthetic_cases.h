#pragma once
// The workup cases of a generated registry (docs/cases.md): cases at every
// stage, some stopped with coded reasons, family attitudes, risk flags and
// family sessions, reservations with expiry dates, donations and the
// follow-up calls after them. Written through the same use cases the Cases
// page and the CLI call (Registry, app/case_risk.h, app/follow_ups.h), so a
// demo case is one staff could have made. Deterministic for a seed (on a
// given day: every date is counted back from today).
#include <QList>

#include "app/actor.h"
#include "core/expected.h"

namespace dd::match {
class Random;
}

namespace dd::app {

class Registry;

struct SyntheticCasesReport {
  int cases = 0;
  int stopped = 0;
  int followUps = 0;
};

struct SyntheticCasesInput {
  QList<qint64> patientIds;
  QList<qint64> availableVolunteerIds;  // active, young enough to donate: the cases' donors
  QList<qint64> donorIds;               // generated with a donation on record (no case)
  Actor actor;
};

// How many cases a registry of this many patients gets: about 3 for every
// 5 patients, a quarter of them stopped, and with 8 patients or more at
// least 11 (one open case at every stage besides the stopped ones).
struct SyntheticCaseCounts {
  int total = 0;
  int stopped = 0;
};
SyntheticCaseCounts syntheticCaseCounts(int patients);

// Runs inside the caller's transaction (generate's): any refusal is returned
// as an error and the caller's commit then rolls everything back.
Expected<SyntheticCasesReport> generateSyntheticCases(Registry& registry, const SyntheticCasesInput& input,
                                                      dd::match::Random& random);

}  // namespace dd::app
