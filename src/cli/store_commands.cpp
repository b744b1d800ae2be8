// Registry database commands: init, generate, import volunteers, backup, db info.
#include <QCoreApplication>
#include <QElapsedTimer>

#include "app/registry.h"
#include "app/synthetic_data.h"
#include "app/text_rules.h"
#include "app/volunteer_import.h"
#include "cli/command.h"
#include "core/qt/localization.h"

namespace {

using dd::cli::printErr;
using dd::cli::printOut;

// Opens the --db registry or prints why not. A mistyped path once created a
// new, empty registry for `db info` and `import`: only init creates one.
std::unique_ptr<dd::app::Registry> openRegistry(dd::cli::Context& context, const QString& command,
                                                dd::app::Access access = dd::app::Access::Upgrade) {
  auto registry = dd::app::Registry::open(context.settings.database, access);
  if (!registry) {
    printErr(QStringLiteral("donordesk-cli %1: %2").arg(command, dd::qt::translated(registry.error())));
    return nullptr;
  }
  (*registry)->setHlaChecker(dd::app::defaultHlaChecker(context.settings.hlaData));
  return std::move(*registry);
}

dd::app::Actor actorFrom(const QString& staff) {
  return staff.isEmpty() ? dd::app::Actor::fromOperatingSystem() : dd::app::Actor{staff};
}

// --staff goes into every audit row: the same character rules as a name.
bool validStaff(const QCommandLineParser& parser, const QString& command) {
  const QString staff = parser.value(QStringLiteral("staff"));
  if (staff.isEmpty() && !parser.isSet(QStringLiteral("staff"))) return true;
  if (!staff.trimmed().isEmpty() && staff.size() <= 50 && dd::app::firstForbiddenCharacter(staff) < 0) return true;
  printErr(dd::cli::tr("donordesk-cli %1: --staff must be a name of at most 50 characters without control characters")
               .arg(command));
  return false;
}

int runInit(dd::cli::Context& context, const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(dd::cli::tr("Create the registry database, or upgrade it to this program's schema."));
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, QStringLiteral("init"), args, &code)) return code;
  if (!dd::cli::positionalCount(parser, QStringLiteral("init"), 0)) return dd::cli::exitUsage;
  auto registry = openRegistry(context, QStringLiteral("init"), dd::app::Access::CreateOrUpgrade);
  if (!registry) return dd::cli::exitFailure;
  printOut(dd::cli::tr("%1: schema version %2\n")
               .arg(registry->location())
               .arg(registry->schemaVersion()));
  return dd::cli::exitOk;
}

int runGenerate(dd::cli::Context& context, const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(dd::cli::tr("Fill the registry with realistic synthetic volunteers and patients."));
  const QCommandLineOption volunteers(QStringLiteral("volunteers"), dd::cli::tr("Number of volunteers."), dd::cli::tr("N"),
                                      QStringLiteral("0"));
  const QCommandLineOption patients(QStringLiteral("patients"), dd::cli::tr("Number of patients."), dd::cli::tr("N"), QStringLiteral("0"));
  const QCommandLineOption seed(QStringLiteral("seed"), dd::cli::tr("Random seed (same seed, same data)."), dd::cli::tr("S"),
                                QStringLiteral("1"));
  const QCommandLineOption haplotypes(QStringLiteral("haplotypes"),
                                      dd::cli::tr("Haplotype frequency file (default: the bundled CAU.freqs.gz)."), dd::cli::tr("FILE"));
  const QCommandLineOption staff(QStringLiteral("staff"), dd::cli::tr("Staff name for the audit log (default: OS user)."),
                                 dd::cli::tr("NAME"));
  parser.addOptions({volunteers, patients, seed, haplotypes, staff});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, QStringLiteral("generate"), args, &code)) return code;
  if (!dd::cli::positionalCount(parser, QStringLiteral("generate"), 0)) return dd::cli::exitUsage;
  if (!validStaff(parser, QStringLiteral("generate"))) return dd::cli::exitUsage;
  dd::app::GenerateOptions options;
  bool okV = false, okP = false, okS = false;
  options.volunteers = parser.value(volunteers).toInt(&okV);
  options.patients = parser.value(patients).toInt(&okP);
  options.seed = parser.value(seed).toULongLong(&okS);
  if (!okV || !okP || !okS || options.volunteers < 0 || options.patients < 0) {
    printErr(dd::cli::tr("donordesk-cli generate: --volunteers, --patients and --seed take non-negative whole numbers"));
    return dd::cli::exitUsage;
  }
  options.haplotypeFile = parser.value(haplotypes);
  options.hlaDataDir = context.settings.hlaData;
  options.actor = actorFrom(parser.value(staff));
  options.progress = [](int done, int total) { printErr(dd::cli::tr("generated %1/%2 volunteers").arg(done).arg(total)); };
  auto registry = openRegistry(context, QStringLiteral("generate"));
  if (!registry) return dd::cli::exitFailure;
  QElapsedTimer timer;
  timer.start();
  auto report = dd::app::generateSyntheticData(*registry, options);
  if (!report) {
    printErr(QStringLiteral("donordesk-cli generate: %1").arg(dd::qt::translated(report.error())));
    return dd::cli::exitFailure;
  }
  printOut(dd::cli::tr("generated %1 volunteers (%2 contact attempts) and %3 patients in %4 s\n")
               .arg(report->volunteers)
               .arg(report->contacts)
               .arg(report->patients)
               .arg(timer.elapsed() / 1000.0, 0, 'f', 1));
  if (report->cases > 0 || report->followUps > 0)
    printOut(dd::cli::tr("with %1 workup cases (%2 stopped) and %3 follow-up calls after donations\n")
                 .arg(report->cases)
                 .arg(report->stoppedCases)
                 .arg(report->followUps));
  return dd::cli::exitOk;
}

int runImportVolunteers(dd::cli::Context& context, const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      dd::cli::tr("Import volunteers from a recruitment drive CSV (UTF-8 or GB18030). Every row is checked first; nothing is "
         "imported unless all rows are valid, or with --skip-invalid the valid rows are imported and the others "
         "written to a rejects CSV.\n\nAccepted column headings:\n") +
      dd::app::describeImportColumns());
  parser.addPositionalArgument(QStringLiteral("FILE"), dd::cli::tr("The CSV file."));
  const QCommandLineOption dryRun(QStringLiteral("dry-run"), dd::cli::tr("Check every row and report; import nothing."));
  const QCommandLineOption skipInvalid(QStringLiteral("skip-invalid"),
                                       dd::cli::tr("Import the valid rows; write the invalid ones to the rejects file."));
  const QCommandLineOption rejects(QStringLiteral("rejects"), dd::cli::tr("Rejects file (default: FILE.rejects.csv)."),
                                   dd::cli::tr("FILE"));
  const QCommandLineOption encoding(QStringLiteral("encoding"),
                                    dd::cli::tr("utf-8, gb18030 or utf-16 (default: decided from the file's bytes)."),
                                    dd::cli::tr("NAME"));
  const QCommandLineOption ignoreColumn(QStringLiteral("ignore-column"),
                                        dd::cli::tr("Leave this column out on purpose (repeat for several); any other "
                                                    "heading that fills no field refuses the import."),
                                        dd::cli::tr("NAME"));
  const QCommandLineOption staff(QStringLiteral("staff"), dd::cli::tr("Staff name for the audit log (default: OS user)."),
                                 dd::cli::tr("NAME"));
  const QCommandLineOption mac(QStringLiteral("mac"),
                               dd::cli::tr("NMDP multiple-allele code table, so that typings such as A*02:AB are "
                                           "accepted (default: the one named in the settings)."),
                               dd::cli::tr("FILE"));
  parser.addOptions({dryRun, skipInvalid, rejects, encoding, ignoreColumn, staff, mac});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, QStringLiteral("import volunteers"), args, &code)) return code;
  if (!dd::cli::positionalCount(parser, QStringLiteral("import volunteers"), 1)) return dd::cli::exitUsage;
  if (!validStaff(parser, QStringLiteral("import volunteers"))) return dd::cli::exitUsage;
  dd::app::ImportOptions options;
  options.dryRun = parser.isSet(dryRun);
  options.skipInvalid = parser.isSet(skipInvalid);
  options.rejectsPath = parser.value(rejects);
  options.encoding = parser.value(encoding);
  options.ignoredColumns = parser.values(ignoreColumn);
  options.actor = actorFrom(parser.value(staff));
  options.progress = [](int done, int total, bool writing) {
    printErr((writing ? dd::cli::tr("written %1/%2 rows") : dd::cli::tr("checked %1/%2 rows")).arg(done).arg(total));
  };
  // No import without the nomenclature: refuse at once rather than row by row.
  // With a MAC table the engine is this import's own; without one, the process-wide one.
  const QString macPath = dd::cli::macTablePath(parser, mac);
  const auto nomenclature = [&]() -> dd::Expected<std::shared_ptr<const dd::hla::Nomenclature>> {
    if (macPath.isEmpty()) return dd::app::sharedNomenclature(context.settings.hlaData);
    auto loaded = dd::app::loadNomenclature(context.settings.hlaData, macPath);
    if (!loaded) return loaded.error();
    return std::shared_ptr<const dd::hla::Nomenclature>(std::move(*loaded));
  }();
  if (!nomenclature) {
    printErr(dd::cli::tr("donordesk-cli import volunteers: HLA typings cannot be checked, nothing imported: %1")
                 .arg(dd::qt::translated(nomenclature.error())));
    return dd::cli::exitUsage;
  }
  if (const QString warning = dd::app::unverifiedHlaDataWarning(**nomenclature); !warning.isEmpty())
    printErr(QStringLiteral("donordesk-cli import volunteers: %1").arg(warning));
  // A dry run only reads: it neither upgrades nor writes the registry.
  auto registry =
      openRegistry(context, QStringLiteral("import volunteers"), options.dryRun ? dd::app::Access::ReadOnly : dd::app::Access::Upgrade);
  if (!registry) return dd::cli::exitFailure;
  if (!macPath.isEmpty()) registry->setHlaChecker(dd::app::makeHlaChecker(*nomenclature));
  // Only a dry run opens without upgrading; it cannot check against an older layout.
  if (dd::Status current = registry->checkCurrent(); !current) {
    printErr(QStringLiteral("donordesk-cli import volunteers: %1").arg(dd::qt::translated(current.error())));
    return dd::cli::exitFailure;
  }
  const QString file = parser.positionalArguments().constFirst();
  auto report = dd::app::importVolunteersCsv(*registry, file, options);
  if (!report) {
    printErr(QStringLiteral("donordesk-cli import volunteers: %1").arg(dd::qt::translated(report.error())));
    return report.error().code.rfind("store.", 0) == 0 ? dd::cli::exitFailure : dd::cli::exitUsage;
  }
  QString lines;
  if (options.dryRun) {
    lines += dd::cli::tr("columns (%1):\n").arg(report->encoding);
    for (const auto& column : report->columns)
      lines += column.field.isEmpty() ? dd::cli::tr("  %1 -> ignored\n").arg(column.heading)
                                      : QStringLiteral("  %1 -> %2\n").arg(column.heading, column.field);
  }
  for (const auto& problem : report->problems)
    lines += dd::cli::tr("row %1, %2: %3\n")
                 .arg(problem.row)
                 .arg(QString::fromStdString(problem.error.field), dd::qt::translated(problem.error));
  printOut(lines);
  const int badRows = report->rows - report->valid;
  if (options.dryRun) {
    printErr(dd::cli::tr("%1 rows checked (%2): %3 valid, %4 with problems; dry run, nothing imported")
                 .arg(report->rows).arg(report->encoding).arg(report->valid).arg(badRows));
    return badRows == 0 ? dd::cli::exitOk : dd::cli::exitUsage;
  }
  if (badRows > 0 && !options.skipInvalid) {
    printErr(dd::cli::tr("%1 of %2 rows have problems; nothing imported (fix them, or use --skip-invalid)")
                 .arg(badRows).arg(report->rows));
    return dd::cli::exitUsage;
  }
  if (report->imported == 0) {
    printErr(dd::cli::tr("none of the %1 rows is valid; nothing imported").arg(report->rows));
    if (!report->rejectsPath.isEmpty())
      printErr(dd::cli::tr("%1 rejected rows written to %2").arg(badRows).arg(report->rejectsPath));
    return dd::cli::exitUsage;
  }
  printErr(dd::cli::tr("imported %1 of %2 rows (batch %3)").arg(report->imported).arg(report->rows).arg(report->batchId));
  if (!report->rejectsPath.isEmpty())
    printErr(dd::cli::tr("%1 rejected rows written to %2").arg(badRows).arg(report->rejectsPath));
  return dd::cli::exitOk;
}

int runBackup(dd::cli::Context& context, const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      dd::cli::tr("Copy the SQLite registry to FILE while it stays in use (online backup). For PostgreSQL, prints the "
         "pg_dump command to use."));
  parser.addPositionalArgument(QStringLiteral("FILE"), dd::cli::tr("The backup file to create (must not exist)."));
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, QStringLiteral("backup"), args, &code)) return code;
  if (!dd::cli::positionalCount(parser, QStringLiteral("backup"), 1)) return dd::cli::exitUsage;
  auto registry = openRegistry(context, QStringLiteral("backup"), dd::app::Access::ReadOnly);
  if (!registry) return dd::cli::exitFailure;
  const QString target = parser.positionalArguments().constFirst();
  if (target.trimmed().isEmpty()) {
    printErr(dd::cli::tr("donordesk-cli backup: the backup file name is empty"));
    return dd::cli::exitUsage;
  }
  if (dd::Status status = registry->backupTo(target); !status) {
    printErr(QStringLiteral("donordesk-cli backup: %1").arg(dd::qt::translated(status.error())));
    return dd::cli::exitFailure;
  }
  printOut(dd::cli::tr("backup written to %1\n").arg(target));
  return dd::cli::exitOk;
}

int runRetireAged(dd::cli::Context& context, const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(dd::cli::tr("Retire every volunteer who has reached 60 (a nightly job)."));
  const QCommandLineOption staff(QStringLiteral("staff"), dd::cli::tr("Staff name for the audit log (default: OS user)."),
                                 dd::cli::tr("NAME"));
  parser.addOption(staff);
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, QStringLiteral("retire-aged"), args, &code)) return code;
  if (!dd::cli::positionalCount(parser, QStringLiteral("retire-aged"), 0)) return dd::cli::exitUsage;
  if (!validStaff(parser, QStringLiteral("retire-aged"))) return dd::cli::exitUsage;
  auto registry = openRegistry(context, QStringLiteral("retire-aged"));
  if (!registry) return dd::cli::exitFailure;
  auto retired = registry->retireAgedOut(actorFrom(parser.value(staff)));
  if (!retired) {
    printErr(QStringLiteral("donordesk-cli retire-aged: %1").arg(dd::qt::translated(retired.error())));
    return dd::cli::exitFailure;
  }
  for (const auto& [registryNo, why] : retired->failed)
    printErr(dd::cli::tr("donordesk-cli retire-aged: %1 was not retired: %2").arg(registryNo, dd::qt::translated(why)));
  printOut(dd::cli::tr("%1 volunteers retired at 60\n").arg(retired->retired));
  if (!retired->failed.isEmpty()) {
    printErr(dd::cli::tr("donordesk-cli retire-aged: %1 volunteers could not be retired; correct their records")
                 .arg(retired->failed.size()));
    return dd::cli::exitFailure;
  }
  return dd::cli::exitOk;
}

int runDbInfo(dd::cli::Context& context, const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(dd::cli::tr("Show the database, its schema version and row counts."));
  const QCommandLineOption scan(QStringLiteral("scan"),
                                dd::cli::tr("Also time the bulk read of every volunteer that the matching index uses."));
  parser.addOption(scan);
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, QStringLiteral("db info"), args, &code)) return code;
  if (!dd::cli::positionalCount(parser, QStringLiteral("db info"), 0)) return dd::cli::exitUsage;
  auto registry = openRegistry(context, QStringLiteral("db info"), dd::app::Access::ReadOnly);
  if (!registry) return dd::cli::exitFailure;
  QString text = dd::cli::tr("database: %1\nschema version: %2 (this program: %3)\n")
                     .arg(registry->location())
                     .arg(registry->schemaVersion())
                     .arg(dd::app::Registry::latestSchemaVersion());
  const QString damage = registry->damage();
  text += damage.isEmpty() ? dd::cli::tr("quick check: ok\n")
                           : dd::cli::tr("quick check: DAMAGED (%1); run db check\n").arg(damage);
  for (const dd::model::TableRowCount& rows : registry->rowCounts())
    text += rows.count >= 0 ? QStringLiteral("%1: %2\n").arg(rows.table).arg(rows.count)
                            : dd::cli::tr("%1: cannot be read\n").arg(rows.table);
  if (parser.isSet(scan)) {
    QElapsedTimer timer;
    timer.start();
    qint64 donors = 0, available = 0;
    const dd::Status status = registry->forEachDonor([&](const dd::model::DonorRecord& donor) {
      ++donors;
      available += donor.available ? 1 : 0;
      return true;
    });
    if (!status) {
      printErr(QStringLiteral("donordesk-cli db info: %1").arg(dd::qt::translated(status.error())));
      return dd::cli::exitFailure;
    }
    text += dd::cli::tr("bulk read: %1 volunteers (%2 available) in %3 s\n")
                .arg(donors)
                .arg(available)
                .arg(timer.elapsed() / 1000.0, 0, 'f', 2);
  }
  printOut(text);
  return damage.isEmpty() ? dd::cli::exitOk : dd::cli::exitFailure;
}

int runDbCheck(dd::cli::Context& context, const QStringList& args) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      dd::cli::tr("Check the registry: SQLite's full integrity check, rows whose volunteer or patient is missing, and "
                  "the schema version. Only reads. Exit 0 when all is well, 1 when a problem was found."));
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, QStringLiteral("db check"), args, &code)) return code;
  if (!dd::cli::positionalCount(parser, QStringLiteral("db check"), 0)) return dd::cli::exitUsage;
  auto registry = openRegistry(context, QStringLiteral("db check"), dd::app::Access::ReadOnly);
  if (!registry) return dd::cli::exitFailure;
  auto check = registry->check();
  if (!check) {
    printErr(QStringLiteral("donordesk-cli db check: %1").arg(dd::qt::translated(check.error())));
    return dd::cli::exitFailure;
  }
  QString text = dd::cli::tr("database: %1\n").arg(registry->location());
  if (check->integrityProblems.isEmpty()) {
    text += dd::cli::tr("integrity: ok\n");
  } else {
    const int problems = static_cast<int>(check->integrityProblems.size());
    text += QCoreApplication::translate("dd::cli", "integrity: %Ln problem(s)\n", nullptr, problems);
  }
  for (const QString& problem : check->integrityProblems) text += QStringLiteral("  %1\n").arg(problem);
  text += check->orphanRows.isEmpty() ? dd::cli::tr("references: ok\n")
                                      : dd::cli::tr("references: rows pointing at missing records:\n");
  for (const QString& orphan : check->orphanRows) text += QStringLiteral("  %1\n").arg(orphan);
  text += dd::cli::tr("schema version: %1 (this program: %2)\n").arg(check->schemaVersion).arg(check->latestSchemaVersion);
  if (check->schemaVersion < check->latestSchemaVersion)
    text += dd::cli::tr("  older than this program: donordesk-cli init upgrades it\n");
  printOut(text);
  if (!check->ok()) {
    printErr(dd::cli::tr("donordesk-cli db check: problems found; restore the latest backup or ask the administrator"));
    return dd::cli::exitFailure;
  }
  return dd::cli::exitOk;
}

}  // namespace

DD_CLI_COMMAND("init", QT_TRANSLATE_NOOP("dd::cli", "Create or upgrade the registry database."), runInit)
DD_CLI_COMMAND("generate", QT_TRANSLATE_NOOP("dd::cli", "Fill the database with synthetic volunteers and patients."),
               runGenerate)
DD_CLI_COMMAND("import volunteers", QT_TRANSLATE_NOOP("dd::cli", "Import volunteers from a recruitment drive CSV."),
               runImportVolunteers)
DD_CLI_COMMAND("backup", QT_TRANSLATE_NOOP("dd::cli", "Online backup of the SQLite database to a file."), runBackup)
DD_CLI_COMMAND("retire-aged", QT_TRANSLATE_NOOP("dd::cli", "Retire the volunteers who have reached 60."),
               runRetireAged)
DD_CLI_COMMAND("db info", QT_TRANSLATE_NOOP("dd::cli", "Show schema version and row counts."), runDbInfo)
DD_CLI_COMMAND("db check", QT_TRANSLATE_NOOP("dd::cli", "Check the registry's integrity, references and schema."),
               runDbCheck)
