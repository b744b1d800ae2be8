// donordesk-cli: the scriptable front end. Global options come first, then a
// command and its own options: donordesk-cli [--db URL] COMMAND [ARGS...].
#include <algorithm>
#include <cstdio>
#include <vector>

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

#include "app/hla_check.h"
#include "app/registry.h"
#include "cli/command.h"
#include "core/qt/common_options.h"
#include "core/version.h"

namespace {

QString commandList() {
  QString text = dd::cli::tr("Commands:") + QLatin1Char('\n');
  // Registration order follows static initialisation, which is arbitrary: sort.
  std::vector<const dd::cli::Command*> sorted;
  for (const auto& command : dd::cli::commands()) sorted.push_back(&command);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->name < b->name; });
  for (const auto* command : sorted)
    text += QStringLiteral("  %1  %2\n").arg(command->name, -22).arg(dd::cli::tr(command->summary));
  return text;
}

int fail(const QString& message) {
  dd::cli::printErr(QStringLiteral("donordesk-cli: %1").arg(message));
  return dd::cli::exitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  // A QGuiApplication because `print` lays text out with fonts; the CLI never
  // opens a window, so it runs on the offscreen platform (no display needed).
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
#ifdef Q_OS_UNIX
  // Outside a desktop session (ssh, cron, CI) XDG_RUNTIME_DIR is unset and Qt
  // would warn on every run; name a private one (Qt creates it, mode 0700).
  if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
    qputenv("XDG_RUNTIME_DIR", QDir::temp().filePath(QStringLiteral("donordesk-runtime-%1").arg(getuid())).toLocal8Bit());
#endif
  QGuiApplication app(argc, argv);
  QString error;
  if (!dd::qt::beginFrontEnd(app.arguments(), &error)) return fail(error);

  QCommandLineParser parser;
  parser.setApplicationDescription(dd::cli::tr("DonorDesk command line: registry data, HLA tools, search, print."));
  const QCommandLineOption helpOption = parser.addHelpOption();
  const QCommandLineOption versionOption = parser.addVersionOption();
  const dd::qt::CommonOptions common;
  common.addTo(parser);
  parser.addPositionalArgument(QStringLiteral("command"), dd::cli::tr("The command to run, then its arguments."));
  // Everything after the command word belongs to the command.
  parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);

  if (!parser.parse(app.arguments())) return fail(parser.errorText());
  if (parser.isSet(versionOption)) {
    std::printf("%s %s\n", dd::kProductName, dd::kVersion);
    return dd::cli::exitOk;
  }
  if (parser.isSet(helpOption)) {
    dd::cli::printOut(parser.helpText() + QLatin1Char('\n') + commandList());
    return dd::cli::exitOk;
  }
  const auto settings = common.read(parser, &error);
  if (!settings) return fail(error);

  const QStringList positional = parser.positionalArguments();
  if (positional.isEmpty()) {
    dd::cli::printErr(parser.helpText() + QLatin1Char('\n') + commandList());
    return dd::cli::exitUsage;
  }
  int wordsUsed = 0;
  const dd::cli::Command* command = dd::cli::findCommand(positional, &wordsUsed);
  if (!command)
    return fail(dd::cli::tr("unknown command '%1' (see donordesk-cli --help)").arg(positional.join(QLatin1Char(' '))));

  // stdout carries results; stderr shows warnings unless a level was asked for.
  dd::qt::startLogging(settings->logLevel, true,
                       settings->logLevelGiven ? settings->logLevel : spdlog::level::warn);
  dd::app::allowUnverifiedHlaData(settings->hlaDataUnverified);
  dd::app::Registry::setLockWaitNotifier([](int seconds) {
    if (seconds == 1 || seconds % 5 == 0)
      dd::cli::printErr(dd::cli::tr("waiting for the database: another program or workstation is writing (%1 s)…")
                            .arg(seconds));
  }, 30);  // a batch job may wait for another batch job
  dd::cli::Context context{*settings};
  return command->run(context, positional.mid(wordsUsed));
}
