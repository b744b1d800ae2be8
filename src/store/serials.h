#pragma once
// Registry and case numbers: a prefix plus a serial counted in the meta table.
// The counter is bumped inside the caller's transaction, so two workstations
// never hand out the same number (PostgreSQL row lock, SQLite write lock).
#include <QString>

#include "core/expected.h"

namespace dd::store {

class Database;

Expected<QString> metaValue(Database& db, const char* key);
Status setMetaValue(Database& db, const char* key, const QString& value);
// Reserves `count` consecutive serials and returns the first.
Expected<qint64> reserveSerials(Database& db, const char* key, qint64 count);
QString formatSerial(const QString& prefix, qint64 serial);  // "SD" + 8 digits

}  // namespace dd::store
