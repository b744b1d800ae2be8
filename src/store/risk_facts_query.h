#pragma once
// The risk score's inputs for given volunteers (model/risk_facts.h): by
// primary key, a few hundred ids per statement, so scoring a page of search
// results costs milliseconds whatever the registry's size.
#include <QList>

#include "core/expected.h"
#include "model/risk_facts.h"

namespace dd::store {

class Database;

// In no particular order; unknown ids are left out.
Expected<QList<model::RiskFacts>> readRiskFacts(Database& db, const QList<qint64>& volunteerIds);

}  // namespace dd::store
