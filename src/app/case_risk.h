#pragma once
// Late withdrawal (悔捐): the signs on a case that its donor may withdraw
// after the patient's preparation has begun, and what staff do about them.
// A case's risk is its open flags plus a derived "missed contacts" flag when
// the volunteer has failed to answer twice since the case opened; a case at
// risk warns before it enters mobilisation (Registry::advanceWorkup).
// Every write is one UnitOfWork with its audit rows under the case.
#include <QList>
#include <QString>

#include "app/actor.h"
#include "app/save_result.h"
#include "core/expected.h"
#include "model/entities.h"

namespace dd::app {

class Registry;

// Failed attempts (no answer, wrong number, undelivered) since the case
// opened that make the derived "missed contacts" sign.
inline constexpr int kMissedContactsForRisk = 2;

struct CaseRisk {
  QList<model::CaseRiskFlag> flags;  // the open ones; a derived flag has id 0
  int failedContactsSinceOpened = 0;
  bool atRisk() const { return !flags.isEmpty(); }
};

Expected<CaseRisk> caseRisk(Registry& registry, qint64 caseId);
// The translated names of the flags' kinds, comma-separated ("" when none).
QString riskFlagNames(const QList<model::CaseRiskFlag>& flags);
// Every flag of a case, open and resolved, oldest first.
Expected<QList<model::CaseRiskFlag>> caseRiskFlags(Registry& registry, qint64 caseId);
Expected<QList<model::FamilySession>> familySessions(Registry& registry, qint64 caseId);

// "Opposed" raises a family-opposed flag unless one is open already.
SaveResult<model::WorkupCase> setFamilyAttitude(Registry& registry, qint64 caseId, int rowVersion,
                                                model::FamilyAttitude attitude, const Actor& actor);
// Refused on a stopped case and when a flag of that kind is open already.
Expected<model::CaseRiskFlag> raiseRiskFlag(Registry& registry, qint64 caseId, model::RiskFlagKind kind,
                                            const QString& note, const Actor& actor);
// The resolution (what was done, what came of it) is required.
Expected<model::CaseRiskFlag> resolveRiskFlag(Registry& registry, qint64 flagId, const QString& resolution,
                                              const Actor& actor);
// A session needs its date (not to come, not before the case opened) and who came.
Expected<model::FamilySession> recordFamilySession(Registry& registry, const model::FamilySession& session,
                                                   const Actor& actor);
// The donor asked to move a date: counts it and raises a postponement flag
// (unless one is open); the note (why) is required.
SaveResult<model::WorkupCase> recordPostponement(Registry& registry, qint64 caseId, int rowVersion,
                                                 const QString& note, const Actor& actor);

}  // namespace dd::app
