#pragma once
// Online backup: a consistent copy while others keep working.
#include <QString>

#include "core/expected.h"

namespace dd::store {

class Database;

// SQLite: VACUUM INTO (SQLite's own online, transactionally consistent copy;
// readers and writers carry on, the copy is compact). Refuses to overwrite an
// existing file. PostgreSQL: an error explaining to use pg_dump (the command
// line is in the message).
Status backupTo(Database& db, const QString& targetPath);

}  // namespace dd::store
