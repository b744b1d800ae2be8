#pragma once
// Command registry of donordesk-cli. A command is one or two words
// ("init", "hla reduce", "bench search"); each command file registers its
// commands with a static DD_CLI_COMMAND(...) so no central table is edited.
#include <functional>
#include <vector>

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include "core/qt/app_paths.h"
#include "core/qt/common_options.h"

namespace dd::cli {

// What every command gets: the global options already parsed.
struct Context {
  dd::qt::CommonSettings settings;
  // The IPD-IMGT/HLA release folder: --hla-data, else the bundled one.
  QString hlaReleaseDir() const { return dd::qt::hlaReleaseDir(settings.hlaData); }
};

// args holds what follows the command words; returns the process exit code.
using CommandFunction = std::function<int(Context&, const QStringList& args)>;

struct Command {
  QString name;         // "hla reduce"
  const char* summary;  // English source text, marked with QT_TRANSLATE_NOOP("dd::cli", ...)
  CommandFunction run;
};

bool registerCommand(Command command);
const std::vector<Command>& commands();
// The command whose words start `positional`, longest match first; nullptr if none.
const Command* findCommand(const QStringList& positional, int* wordsUsed);

// Parses a command's own options from args. On an error (unknown option,
// missing value) prints "donordesk-cli NAME: reason" to stderr and returns
// false: the caller returns exitUsage. Handles --help itself (sets *exitCode 0).
bool parseCommandLine(QCommandLineParser& parser, const QString& commandName, const QStringList& args,
                      int* exitCode);
// A command that takes no positional argument: false (after saying which
// argument was not expected) when one was given.
bool noPositional(const QCommandLineParser& parser, const QString& commandName);
// A command that takes exactly `expected` positional arguments.
bool positionalCount(const QCommandLineParser& parser, const QString& commandName, int expected);

// Exit codes shared by all commands.
inline constexpr int exitOk = 0;
inline constexpr int exitFailure = 1;  // the work failed (I/O, database)
inline constexpr int exitUsage = 2;    // bad arguments or invalid input

// UTF-8 output helpers (stdout stays machine-readable; messages go to stderr).
void printOut(const QString& text);  // no newline added
void printErr(const QString& text);  // newline added
QString tr(const char* text);        // translate in the "dd::cli" context

// The MAC table a command reads: its --mac option, else the one the GUI's
// Settings name (hla/macTable), so the GUI and the CLI read the same codes.
QString macTablePath(const QCommandLineParser& parser, const QCommandLineOption& mac);

}  // namespace dd::cli

#define DD_CLI_CONCAT_INNER(a, b) a##b
#define DD_CLI_CONCAT(a, b) DD_CLI_CONCAT_INNER(a, b)
#define DD_CLI_COMMAND(name, summary, function)                    \
  namespace {                                                      \
  const bool DD_CLI_CONCAT(ddCliRegistered, __LINE__) =            \
      ::dd::cli::registerCommand({QStringLiteral(name), summary, function}); \
  }
