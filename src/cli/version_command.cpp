// `donordesk-cli version`: the same as --version, for scripts that prefer a command.
#include "cli/command.h"
#include "core/version.h"

namespace {
int runVersion(dd::cli::Context&, const QStringList& args) {
  QCommandLineParser parser;
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, QStringLiteral("version"), args, &code)) return code;
  if (!dd::cli::noPositional(parser, QStringLiteral("version"))) return dd::cli::exitUsage;
  dd::cli::printOut(QStringLiteral("%1 %2\n").arg(QLatin1String(dd::kProductName), QLatin1String(dd::kVersion)));
  return dd::cli::exitOk;
}
}  // namespace

DD_CLI_COMMAND("version", QT_TRANSLATE_NOOP("dd::cli", "Print the program version."), runVersion)
