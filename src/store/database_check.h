#pragma once
// `db check`: is this registry whole? SQLite's full integrity check, its
// foreign-key check (orphan phones, contacts, cases whose volunteer or
// patient is gone) and the schema version. PostgreSQL checks its own pages
// and enforces foreign keys itself, so only the schema version is compared.
#include <QStringList>

#include "core/expected.h"

namespace dd::store {

class Database;

struct DatabaseCheck {
  int schemaVersion = 0;
  int latestSchemaVersion = 0;
  QStringList integrityProblems;  // as SQLite words them, at most 50
  QStringList orphanRows;         // "contact_attempt row 12 -> volunteer (missing)"
  bool ok() const {
    return integrityProblems.isEmpty() && orphanRows.isEmpty() && schemaVersion == latestSchemaVersion;
  }
};

Expected<DatabaseCheck> checkDatabase(Database& db);

}  // namespace dd::store
