#pragma once
// Versioned, cumulative schema migrations. The version lives in the meta
// table (key "schema_version"); each migration runs in its own transaction
// together with the version bump, so a database is always at exactly one
// version. A database newer than this program is refused, never touched.
#include <QString>
#include <QStringList>

#include "core/expected.h"

namespace dd::store {

class Database;

struct Migration {
  int version;
  const char* description;
  QStringList statements;  // portable SQL; %ID%, %BLOB%, %TODATE% are replaced per backend
};

const QList<Migration>& migrations();
int latestSchemaVersion();

int currentSchemaVersion(Database& db);  // 0 when the database is empty
// Applies every migration above the current version up to targetVersion (-1 = latest).
Status migrate(Database& db, int targetVersion = -1);
// Refuses a database written by a newer DonorDesk.
Status checkNotNewer(Database& db);
// Refuses one older than this program ("store.schema_old"): for a caller that
// opened it read-only (not upgraded) and needs today's layout.
Status checkCurrent(Database& db);

}  // namespace dd::store
