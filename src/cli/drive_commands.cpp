// `donordesk-cli drives`: the recruitment drives on record, one per line, as
// the keys `print registration --drive KEY` accepts (tab-separated: key,
// volunteers, organiser), followed by the import batches (batch:N).
#include "app/recruitment_drive_key.h"
#include "app/registry.h"
#include "cli/command.h"
#include "core/qt/localization.h"

namespace {

int fail(const dd::Error& error) {
  dd::cli::printErr(QStringLiteral("donordesk-cli drives: %1").arg(dd::qt::translated(error)));
  return dd::cli::exitFailure;
}

int runDrives(dd::cli::Context& context, const QStringList& raw) {
  QCommandLineParser parser;
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, QStringLiteral("drives"), raw, &code)) return code;
  if (!dd::cli::noPositional(parser, QStringLiteral("drives"))) return dd::cli::exitUsage;
  auto registry = dd::app::Registry::open(context.settings.database, dd::app::Access::Upgrade);
  if (!registry) return fail(registry.error());
  auto drives = (*registry)->recruitmentDrives();
  if (!drives) return fail(drives.error());
  auto batches = (*registry)->importBatches();
  if (!batches) return fail(batches.error());
  QString out;
  for (const dd::model::DriveSummary& drive : *drives)
    out += QStringLiteral("%1\t%2\t%3\n").arg(dd::app::driveKey(drive)).arg(drive.volunteerCount)
               .arg(drive.drive.organiser);
  for (const dd::model::ImportBatch& batch : *batches)
    out += QStringLiteral("batch:%1\t%2\t%3\n").arg(batch.id).arg(batch.rowCount).arg(batch.drive.organiser);
  dd::cli::printOut(out);
  return dd::cli::exitOk;
}

}  // namespace

DD_CLI_COMMAND("drives",
               QT_TRANSLATE_NOOP("dd::cli", "List recruitment drives and import batches (keys for print registration "
                                            "--drive)."),
               runDrives)
