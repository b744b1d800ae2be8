#pragma once
// SQL of the retention worklists (model/worklist.h, docs/retention.md): one
// query per list, each driven by an index so the first page comes quickly on
// a registry of a million volunteers. Read-only.
#include <QList>

#include "core/expected.h"
#include "model/worklist.h"

namespace dd::store {

class Database;

// query.today must be valid; failedAttempts: the lost-contact rule's N.
Expected<QList<model::WorklistRow>> worklistRows(Database& db, const model::WorklistQuery& query, int failedAttempts);

}  // namespace dd::store
