#pragma once
// Bulk import of volunteers from a recruitment drive CSV. Every row is
// validated first; nothing is written unless all rows are valid (or, with
// skipInvalid, the valid rows are written and the rest go to a rejects CSV).
// One transaction: a failure half-way leaves the database as it was.
#include <functional>
#include <vector>

#include <QString>
#include <QStringList>

#include "app/actor.h"
#include "core/expected.h"
#include "core/message.h"

namespace dd::app {

class Registry;

struct ImportOptions {
  bool dryRun = false;       // validate and report only
  bool skipInvalid = false;  // import the valid rows, write the others to rejectsPath
  QString rejectsPath;       // default: FILE.rejects.csv next to the input
  QString encoding;          // see decodeText; empty = decide from the bytes
  // Headings to leave out on purpose. Any other heading that maps to no
  // field refuses the import: a misspelt "HLA-DQB" would otherwise lose a
  // whole locus without a word.
  QStringList ignoredColumns;
  Actor actor = Actor::fromOperatingSystem();
  // Called now and then for a progress display: rows checked (writing false),
  // then rows written (writing true), out of total.
  std::function<void(int done, int total, bool writing)> progress;
};

struct RowProblem {
  int row = 0;  // 1-based data row number as a spreadsheet shows it (header = row 1)
  Error error;  // error.field names the column key
};

// How one heading of the file was read (the --dry-run mapping).
struct ImportColumn {
  QString heading;
  QString field;  // the field key, empty when ignored
};

struct ImportReport {
  int rows = 0;      // data rows read
  int valid = 0;
  int imported = 0;  // 0 for a dry run or a refused import
  std::vector<RowProblem> problems;
  QString rejectsPath;  // written when skipInvalid and problems exist
  qint64 batchId = 0;
  QString encoding;     // as detected or given
  std::vector<ImportColumn> columns;
};

// Fails (Error) when the file cannot be read, holds no data rows, or its
// header lacks required columns or has headings that fill no field; bad rows
// are reported in ImportReport::problems. When no row is valid nothing is
// written, not even an empty import batch (imported stays 0).
Expected<ImportReport> importVolunteersCsv(Registry& registry, const QString& path, const ImportOptions& options);

// Accepted header names (English keys and common Chinese headings) per field.
QString describeImportColumns();

}  // namespace dd::app
