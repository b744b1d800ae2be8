#pragma once
// Bulk import of volunteers from a recruitment drive CSV. Every row is
// validated first; nothing is written unless all rows are valid (or, with
// skipInvalid, the valid rows are written and the rest go to a rejects CSV).
// One transaction: a failure half-way leaves the database as it was.
#include <functional>
#include <vector>

#include <QString>

#include "app/actor.h"
#include "core/expected.h"
#include "core/message.h"

namespace dd::app {

class Registry;

struct ImportOptions {
  bool dryRun = false;       // validate and report only
  bool skipInvalid = false;  // import the valid rows, write the others to rejectsPath
  QString rejectsPath;       // default: FILE.rejects.csv next to the input
  QString encoding;          // "utf-8", "gb18030" or empty = detect
  Actor actor = Actor::fromOperatingSystem();
  // Called now and then for a progress display: rows checked (writing false),
  // then rows written (writing true), out of total.
  std::function<void(int done, int total, bool writing)> progress;
};

struct RowProblem {
  int row = 0;  // 1-based data row number as a spreadsheet shows it (header = row 1)
  Error error;  // error.field names the column key
};

struct ImportReport {
  int rows = 0;      // data rows read
  int valid = 0;
  int imported = 0;  // 0 for a dry run or a refused import
  std::vector<RowProblem> problems;
  QString rejectsPath;  // written when skipInvalid and problems exist
  qint64 batchId = 0;
  QString encoding;     // as detected or given
};

// Fails (Error) only when the file cannot be read at all or the header lacks
// required columns; bad rows are reported in ImportReport::problems.
Expected<ImportReport> importVolunteersCsv(Registry& registry, const QString& path, const ImportOptions& options);

// Accepted header names (English keys and common Chinese headings) per field.
QString describeImportColumns();

}  // namespace dd::app
