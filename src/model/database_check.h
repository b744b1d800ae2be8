#pragma once
// What `db check` found in a registry database (store::checkDatabase fills
// it, app and the CLI report it).
#include <QStringList>

namespace dd::model {

struct DatabaseCheck {
  int schemaVersion = 0;
  int latestSchemaVersion = 0;
  QStringList integrityProblems;  // as SQLite words them, at most 50
  QStringList orphanRows;         // "contact_attempt row 12 -> volunteer (missing)"
  bool ok() const {
    return integrityProblems.isEmpty() && orphanRows.isEmpty() && schemaVersion == latestSchemaVersion;
  }
};

// Rows of one table (db info); count is -1 when the table cannot be read.
struct TableRowCount {
  QString table;
  qint64 count = -1;
  bool operator==(const TableRowCount&) const = default;
};

}  // namespace dd::model
