#include "app/volunteer_import.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include "app/csv_file.h"
#include "app/import_mapping.h"
#include "app/registry.h"
#include "app/text_rules.h"
#include "app/volunteer_validation.h"
#include "app/registry_store_access.h"
#include "app/unit_of_work.h"
#include "core/qt/database_files.h"
#include "core/qt/localization.h"
#include "store/database.h"
#include "store/serials.h"
#include "store/store_errors.h"
#include "store/volunteer_repository.h"
#include "store/workup_repository.h"

namespace dd::app {
namespace {

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }

Error duplicateInFile(const char* field, const QString& value, int firstRow) {
  return makeError("import.duplicate_in_file", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "%1 is also on row %2 of this file."),
                   {utf8(value), std::to_string(firstRow)}, field);
}

Error registryNoTaken(const QString& registryNo) {
  return makeError("import.registry_no_taken", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "Registry number %1 is already used in the database."),
                   {utf8(registryNo)}, "registry_no");
}

// The rejects file must never replace something precious: the registry
// itself (an open database file), another SQLite file, or the input.
Status checkRejectsPath(const QString& rejects, const QString& input) {
  const QFileInfo target(rejects);
  if (Status allowed = dd::qt::database_files::refuseIfProtected(target.absoluteFilePath()); !allowed) return allowed;
  bool sqlite = false;
  if (QFile file(rejects); file.open(QIODevice::ReadOnly)) sqlite = file.read(16).startsWith("SQLite format 3");
  if (sqlite || target.canonicalFilePath() == QFileInfo(input).canonicalFilePath())
    return makeError("import.rejects_path", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "The rejects file %1 would overwrite %2; choose another name "
                                                  "(--rejects)."),
                     {utf8(rejects), utf8(sqlite ? QCoreApplication::translate("dd::app", "a database")
                                                 : QCoreApplication::translate("dd::app", "the file being imported"))});
  return {};
}

struct Row {
  int number = 0;  // spreadsheet row number (header = 1)
  qsizetype index = 0;  // in CsvTable::rows
  model::Volunteer volunteer;
  bool valid = true;
};

// Every check that needs the whole file or the database: duplicate ID and
// registry numbers within the file and against the registry.
Status checkDuplicates(Registry& registry, QList<Row>& rows, ImportReport& report) {
  QHash<QString, int> firstIdRow, firstNoRow;
  QStringList ids, numbers;
  // A value seen on an earlier row makes this row a duplicate; the first
  // occurrence of each is checked against the registry below.
  const auto firstInFile = [&report](Row& row, const char* field, const QString& value, QHash<QString, int>& first,
                                     QStringList& distinct) {
    if (value.isEmpty()) return;
    if (const auto seen = first.constFind(value); seen != first.constEnd()) {
      report.problems.push_back({row.number, duplicateInFile(field, value, seen.value())});
      row.valid = false;
      return;
    }
    first.insert(value, row.number);
    distinct << value;
  };
  for (Row& row : rows) {
    firstInFile(row, "id_number", row.volunteer.idNumber, firstIdRow, ids);
    firstInFile(row, "registry_no", row.volunteer.registryNo, firstNoRow, numbers);
  }
  store::VolunteerRepository volunteers(storeDatabase(registry));
  auto knownIds = volunteers.findRegistryNos(ids, true);
  if (!knownIds) return knownIds.error();
  auto knownNumbers = volunteers.findRegistryNos(numbers, false);
  if (!knownNumbers) return knownNumbers.error();
  for (Row& row : rows) {
    const auto id = knownIds->constFind(row.volunteer.idNumber);
    if (id != knownIds->constEnd()) {
      report.problems.push_back(
          {row.number, makeError("validation.duplicate_id", "dd::app",
                                 QT_TRANSLATE_NOOP("dd::app", "ID number %1 is already registered as No. %2."),
                                 {utf8(row.volunteer.idNumber), utf8(id.value())}, "id_number")});
      row.valid = false;
    }
    if (!row.volunteer.registryNo.isEmpty() && knownNumbers->contains(row.volunteer.registryNo)) {
      report.problems.push_back({row.number, registryNoTaken(row.volunteer.registryNo)});
      row.valid = false;
    }
  }
  return {};
}

Status writeRows(Registry& registry, const QList<Row>& rows, const QString& path, const ImportOptions& options,
                 ImportReport& report) {
  store::Database& db = storeDatabase(registry);
  UnitOfWork work(db, options.actor);
  if (!work.started()) return work.started();
  store::WorkupRepository batches(db);
  model::ImportBatch batch;
  batch.kind = QStringLiteral("volunteers-csv");
  batch.sourceFile = QFileInfo(path).fileName();
  batch.staff = options.actor.staff;
  for (const Row& row : rows)
    if (row.valid) {
      batch.drive = row.volunteer.drive;
      break;
    }
  if (Status s = batches.insertBatch(batch); !s) return s;

  int toWrite = 0, withoutNumber = 0;
  QSet<QString> numberedInFile;
  for (const Row& row : rows)
    if (row.valid) {
      ++toWrite;
      if (row.volunteer.registryNo.isEmpty())
        ++withoutNumber;
      else
        numberedInFile.insert(row.volunteer.registryNo);
    }
  store::VolunteerRepository volunteers(db);
  QStringList numbers;
  if (withoutNumber > 0) {
    auto allocated = volunteers.allocateRegistryNos(withoutNumber, numberedInFile);
    if (!allocated) return allocated.error();
    numbers = std::move(*allocated);
  }
  int written = 0;
  qsizetype numbered = 0;
  for (const Row& row : rows) {
    if (!row.valid) continue;
    model::Volunteer v = row.volunteer;
    v.importBatchId = batch.id;
    if (v.registryNo.isEmpty()) v.registryNo = numbers.at(numbered++);
    if (Status s = volunteers.insert(v, options.actor.staff); !s) return s;
    if (Status s = work.created(v, QStringLiteral("import")); !s) return s;
    ++written;
    if (options.progress && written % 1000 == 0) options.progress(written, toWrite, true);
  }
  if (Status s = batches.setBatchRowCount(batch.id, written); !s) return s;
  if (Status s = work.commit(); !s) return s;
  if (options.progress) options.progress(written, toWrite, true);
  report.imported = written;
  report.batchId = batch.id;
  return {};
}

}  // namespace

QString describeImportColumns() { return import::aliasesText(); }

Expected<ImportReport> importVolunteersCsv(Registry& registry, const QString& path, const ImportOptions& options) {
  auto table = readCsvFile(path, options.encoding);
  if (!table) return table.error();
  if (table->rows.isEmpty())
    return makeError("import.no_rows", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "%1 has a header row but no data rows: nothing to import."),
                     {utf8(path)});
  for (const QString& ignored : options.ignoredColumns)
    if (!table->header.contains(ignored))
      return makeError("import.ignore_unknown", "dd::app",
                       QT_TRANSLATE_NOOP("dd::app", "--ignore-column %1: %2 has no column with that heading (its "
                                                    "headings: %3)."),
                       {utf8(ignored), utf8(path), utf8(quotedSafely(table->header.join(QStringLiteral(", ")), 300))});
  import::ColumnMap map = import::mapHeader(table->header);
  // A mapped column left out on purpose is not read.
  for (int i = 0; i < table->header.size(); ++i)
    if (options.ignoredColumns.contains(table->header.at(i)) && !map.fields.at(i).isEmpty()) {
      map.index.remove(map.fields.at(i));
      if (import::requiredFields().contains(map.fields.at(i))) map.missingRequired << map.fields.at(i);
      map.fields[i].clear();
    }
  if (!map.missingRequired.isEmpty())
    return makeError("import.missing_columns", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "%1: required column(s) missing from the header: %2."),
                     {utf8(path), utf8(map.missingRequired.join(QStringLiteral(", ")))});
  auto notIgnored = [&](const QStringList& headings) {
    QStringList left;
    for (const QString& heading : headings)
      if (!options.ignoredColumns.contains(heading)) left << (heading.isEmpty() ? QStringLiteral("\"\"") : heading);
    return left;
  };
  if (const QStringList repeated = notIgnored(map.repeated); !repeated.isEmpty())
    return makeError("import.repeated_columns", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "%1: column(s) %2 fill a field that an earlier column already "
                                                  "fills. Nothing imported; remove the extra column or pass "
                                                  "--ignore-column NAME."),
                     {utf8(path), utf8(repeated.join(QStringLiteral(", ")))});
  const QStringList unmapped = notIgnored(map.unknown);
  if (!unmapped.isEmpty())
    return makeError("import.unmapped_columns", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "%1: column(s) %2 match no field. Nothing imported; rename them "
                                                  "to an accepted heading (see --help) or leave each out on purpose "
                                                  "with --ignore-column NAME."),
                     {utf8(path), utf8(unmapped.join(QStringLiteral(", ")))});
  if (Status unmixed = registry.checkNotMixing(false); !unmixed) return unmixed.error();
  ImportReport report;
  report.encoding = table->encoding;
  for (int i = 0; i < table->header.size(); ++i) report.columns.push_back({table->header.at(i), map.fields.at(i)});
  report.rows = static_cast<int>(table->rows.size());
  ValidationContext context;
  context.hla = registry.hlaChecker();
  auto prefix = store::metaValue(storeDatabase(registry), "registry_prefix");
  if (!prefix) return prefix.error();
  context.registryPrefix = *prefix;
  QList<Row> rows;
  rows.reserve(table->rows.size());
  for (qsizetype i = 0; i < table->rows.size(); ++i) {
    Row row;
    row.number = table->rowNumbers.at(i);
    row.index = i;
    std::vector<Error> errors;
    const QStringList& cells = table->rows.at(i);
    // Cells beyond the header's columns would be lost without a word.
    for (qsizetype c = table->header.size(); c < cells.size(); ++c) {
      if (cells.at(c).trimmed().isEmpty()) continue;
      errors.push_back(makeError("import.extra_cells", "dd::app",
                                 QT_TRANSLATE_NOOP("dd::app", "This row has %1 cells but the header names only %2 "
                                                              "columns: cell %3 ('%4') belongs to no column. Check "
                                                              "for a stray comma or a missing heading."),
                                 {std::to_string(cells.size()), std::to_string(table->header.size()),
                                  std::to_string(c + 1), utf8(quotedSafely(cells.at(c).trimmed()))},
                                 "columns"));
      break;
    }
    row.volunteer = import::readRow(cells, map, errors);
    for (Error& error : validateVolunteer(row.volunteer, context)) {
      // A cell that could not be read already has its own message.
      bool already = false;
      for (const Error& e : errors) already = already || e.field == error.field;
      if (!already) errors.push_back(std::move(error));
    }
    row.valid = errors.empty();
    for (Error& error : errors) report.problems.push_back({row.number, std::move(error)});
    rows.append(std::move(row));
    if (options.progress && (i + 1) % 5000 == 0) options.progress(static_cast<int>(i + 1), report.rows, false);
  }
  if (Status s = checkDuplicates(registry, rows, report); !s) return s.error();
  std::stable_sort(report.problems.begin(), report.problems.end(),
                   [](const RowProblem& a, const RowProblem& b) { return a.row < b.row; });
  for (const Row& row : rows) report.valid += row.valid ? 1 : 0;

  if (options.dryRun || (!report.problems.empty() && !options.skipInvalid)) return report;
  if (!report.problems.empty()) {
    report.rejectsPath = options.rejectsPath.isEmpty() ? path + QStringLiteral(".rejects.csv") : options.rejectsPath;
    if (Status safe = checkRejectsPath(report.rejectsPath, path); !safe) return safe.error();
    QHash<int, QStringList> reasons;
    for (const RowProblem& p : report.problems)
      reasons[p.row] << QString::fromStdString(p.error.field) + QStringLiteral(": ") +
                            dd::qt::translated(p.error);
    QList<QStringList> rejected;
    for (const Row& row : rows)
      if (!row.valid) {
        QStringList fields = table->rows.at(row.index);
        fields.prepend(QString::number(row.number));
        fields << reasons.value(row.number).join(QStringLiteral("; "));
        rejected << fields;
      }
    QStringList header = table->header;
    header.prepend(QStringLiteral("row"));
    header << QStringLiteral("problems");
    if (Status s = writeCsvFile(report.rejectsPath, header, rejected); !s) return s.error();
  }
  if (report.valid == 0) return report;  // nothing to write: no empty import batch either
  if (Status s = writeRows(registry, rows, path, options, report); !s) return s.error();
  return report;
}

}  // namespace dd::app
