// `donordesk-cli settings list|get KEY|set KEY VALUE`: the same per-user
// settings the GUI's Settings dialog edits (QSettings), so an office that
// prints from scripts, or a fresh demo install, can set the organisation
// name and address the forms require without opening the window.
#include <QRegularExpression>
#include <QSettings>

#include "cli/command.h"

namespace {

int usage(const QString& command, const QString& message) {
  dd::cli::printErr(QStringLiteral("donordesk-cli %1: %2").arg(command, message));
  return dd::cli::exitUsage;
}

// Parses the command's options and checks it got exactly `count` arguments.
bool parseExactly(QCommandLineParser& parser, const QString& command, const QStringList& raw, int count,
                  int* code) {
  if (!dd::cli::parseCommandLine(parser, command, raw, code)) return false;
  if (parser.positionalArguments().size() != count) {
    *code = usage(command, dd::cli::tr("expected %1 argument(s), got %2")
                               .arg(count)
                               .arg(parser.positionalArguments().size()));
    return false;
  }
  return true;
}

int runList(dd::cli::Context&, const QStringList& raw) {
  QCommandLineParser parser;
  int code = 0;
  if (!parseExactly(parser, QStringLiteral("settings list"), raw, 0, &code)) return code;
  const QSettings settings;
  QString out;
  for (const QString& key : settings.allKeys())
    out += QStringLiteral("%1\t%2\n").arg(key, settings.value(key).toString());
  dd::cli::printOut(out);
  return dd::cli::exitOk;
}

int runGet(dd::cli::Context&, const QStringList& raw) {
  QCommandLineParser parser;
  parser.addPositionalArgument(QStringLiteral("key"), dd::cli::tr("Setting key, e.g. organisation/name."));
  int code = 0;
  if (!parseExactly(parser, QStringLiteral("settings get"), raw, 1, &code)) return code;
  const QString key = parser.positionalArguments().constFirst();
  const QSettings settings;
  if (!settings.contains(key))
    return usage(QStringLiteral("settings get"), dd::cli::tr("no setting '%1' (see settings list)").arg(key));
  dd::cli::printOut(settings.value(key).toString() + QLatin1Char('\n'));
  return dd::cli::exitOk;
}

int runSet(dd::cli::Context&, const QStringList& raw) {
  QCommandLineParser parser;
  parser.addPositionalArgument(QStringLiteral("key"), dd::cli::tr("Setting key, e.g. organisation/name."));
  parser.addPositionalArgument(QStringLiteral("value"), dd::cli::tr("New value."));
  int code = 0;
  if (!parseExactly(parser, QStringLiteral("settings set"), raw, 2, &code)) return code;
  const QString key = parser.positionalArguments().at(0).trimmed();
  // Keys are "group/name"; anything else is almost certainly a typo.
  static const QRegularExpression keyPattern(QStringLiteral("^[A-Za-z][A-Za-z0-9_]*(/[A-Za-z][A-Za-z0-9_]*)+$"));
  if (!keyPattern.match(key).hasMatch())
    return usage(QStringLiteral("settings set"),
                 dd::cli::tr("'%1' is not a setting key (expected group/name, e.g. organisation/name)").arg(key));
  QSettings settings;
  settings.setValue(key, parser.positionalArguments().at(1));
  settings.sync();
  if (settings.status() != QSettings::NoError)
    return usage(QStringLiteral("settings set"), dd::cli::tr("cannot write the settings file %1").arg(settings.fileName()));
  return dd::cli::exitOk;
}

}  // namespace

DD_CLI_COMMAND("settings list", QT_TRANSLATE_NOOP("dd::cli", "Show the per-user settings (key, value)."), runList)
DD_CLI_COMMAND("settings get", QT_TRANSLATE_NOOP("dd::cli", "Print one setting's value."), runGet)
DD_CLI_COMMAND("settings set", QT_TRANSLATE_NOOP("dd::cli", "Change a setting, e.g. organisation/name (used on every form)."),
               runSet)
