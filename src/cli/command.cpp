#include "cli/command.h"

#include <cstdio>

#include <QCoreApplication>
#include <QSettings>

#include "core/qt/settings_keys.h"

namespace dd::cli {
namespace {
std::vector<Command>& registry() {
  static std::vector<Command> all;  // function-local: safe from static initialisation order
  return all;
}
}  // namespace

bool registerCommand(Command command) {
  registry().push_back(std::move(command));
  return true;
}

const std::vector<Command>& commands() { return registry(); }

const Command* findCommand(const QStringList& positional, int* wordsUsed) {
  for (int words = 2; words >= 1; --words) {
    if (positional.size() < words) continue;
    const QString name = positional.mid(0, words).join(QLatin1Char(' '));
    for (const Command& command : registry()) {
      if (command.name == name) {
        *wordsUsed = words;
        return &command;
      }
    }
  }
  return nullptr;
}

bool parseCommandLine(QCommandLineParser& parser, const QString& commandName, const QStringList& args,
                      int* exitCode) {
  const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                tr("Show help for this command."));
  parser.addOption(help);
  QStringList full{QStringLiteral("donordesk-cli %1").arg(commandName)};
  full += args;
  if (!parser.parse(full)) {
    printErr(QStringLiteral("donordesk-cli %1: %2").arg(commandName, parser.errorText()));
    *exitCode = exitUsage;
    return false;
  }
  if (parser.isSet(help)) {
    printOut(parser.helpText());
    *exitCode = exitOk;
    return false;
  }
  return true;
}

void printOut(const QString& text) {
  const QByteArray bytes = text.toUtf8();
  std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
}

void printErr(const QString& text) {
  const QByteArray bytes = text.toUtf8() + '\n';
  std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stderr);
}

// lupdate files tr() calls in this namespace under "dd::cli"; the runtime context must match.
QString tr(const char* text) { return QCoreApplication::translate("dd::cli", text); }

QString macTablePath(const QCommandLineParser& parser, const QCommandLineOption& mac) {
  if (parser.isSet(mac)) return parser.value(mac);
  return QSettings().value(QLatin1String(dd::settings_keys::kMacTable)).toString().trimmed();
}

bool noPositional(const QCommandLineParser& parser, const QString& commandName) {
  if (parser.positionalArguments().isEmpty()) return true;
  printErr(tr("donordesk-cli %1: unexpected argument '%2'").arg(commandName, parser.positionalArguments().constFirst()));
  return false;
}

bool positionalCount(const QCommandLineParser& parser, const QString& commandName, int expected) {
  if (parser.positionalArguments().size() == expected) return true;
  printErr(tr("donordesk-cli %1: expected %2 argument(s), got %3 (see --help)")
               .arg(commandName)
               .arg(expected)
               .arg(parser.positionalArguments().size()));
  return false;
}

}  // namespace dd::cli
