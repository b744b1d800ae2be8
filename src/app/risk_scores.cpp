#include "app/risk_scores.h"

#include "app/registry_store_access.h"
#include "store/risk_facts_query.h"

namespace dd::app {

Expected<QHash<qint64, RiskScore>> riskScores(Registry& registry, const QList<qint64>& volunteerIds,
                                              const QDate& today) {
  auto facts = store::readRiskFacts(storeDatabase(registry), volunteerIds.mid(0, kMaxScored));
  if (!facts) return facts.error();
  QHash<qint64, RiskScore> scores;
  scores.reserve(facts->size());
  for (const model::RiskFacts& f : *facts) {
    RiskInputs inputs;
    inputs.registeredOn = f.registeredOn;
    inputs.birthDate = f.birthDate;
    inputs.failedContacts = f.failedContacts;
    inputs.familyAttitude = f.familyAttitude;
    inputs.everUnsure = f.everUnsure;
    inputs.withdrawalRequested = f.withdrawalRequested;
    inputs.today = today;
    scores.insert(f.volunteerId, riskScore(inputs));
  }
  return scores;
}

}  // namespace dd::app
