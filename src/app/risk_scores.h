#pragma once
// The late-withdrawal risk score (app/readiness_score.h) of given volunteers,
// read and scored in one go: what the match page shows beside each result.
#include <QDate>
#include <QHash>
#include <QList>

#include "app/readiness_score.h"
#include "core/expected.h"

namespace dd::app {

class Registry;

// At most kMaxScored ids are read (the first ones): a page of results, not
// the whole registry. today: invalid = today.
inline constexpr int kMaxScored = 2000;
Expected<QHash<qint64, RiskScore>> riskScores(Registry& registry, const QList<qint64>& volunteerIds,
                                              const QDate& today = {});

}  // namespace dd::app
