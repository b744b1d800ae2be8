#pragma once
// `db check`: is this registry whole? SQLite's full integrity check, its
// foreign-key check (orphan phones, contacts, cases whose volunteer or
// patient is gone) and the schema version. PostgreSQL checks its own pages
// and enforces foreign keys itself, so only the schema version is compared.
#include <QList>

#include "core/expected.h"
#include "model/database_check.h"

class QSqlDatabase;

namespace dd::store {

class Database;

Expected<model::DatabaseCheck> checkDatabase(Database& db);

// Rows of each of the registry's main tables, in one fixed order (db info
// shows them, a backup's copy must hold the same).
QList<model::TableRowCount> rowCounts(QSqlDatabase& db);

}  // namespace dd::store
