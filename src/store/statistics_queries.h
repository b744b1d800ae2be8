#pragma once
// The grouped queries behind model::RegistryStatistics. Each reads an index
// or one pass over a table, so a million volunteers take well under the two
// seconds staff wait for the Statistics page.
#include <QDate>

#include "core/expected.h"
#include "model/entities.h"
#include "model/statistics.h"

namespace dd::store {

class Database;

Expected<model::RegistryStatistics> readStatistics(Database& db, const QDate& today);
// One row of the search log the statistics count (the caller's transaction).
Status insertSearchRun(Database& db, const model::SearchRun& run);

}  // namespace dd::store
