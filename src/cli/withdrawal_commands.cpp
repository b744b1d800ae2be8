// `donordesk-cli withdrawal request|confirm|cancel`: a withdrawal a volunteer
// asked for (on the phone, by SMS reply 0) and staff's decision on it. A
// request takes the volunteer out of searches at once; confirm makes it the
// status Withdrawn; cancel puts the volunteer back, with a note why.
#include <QDate>

#include "app/registry.h"
#include "cli/command.h"
#include "core/qt/localization.h"

namespace {

using dd::cli::printErr;

int fail(const QString& command, const dd::Error& error) {
  printErr(QStringLiteral("donordesk-cli %1: %2").arg(command, dd::qt::translated(error)));
  return error.code.rfind("validation.", 0) == 0 ? dd::cli::exitUsage : dd::cli::exitFailure;
}

struct Options {
  QCommandLineOption volunteer{QStringLiteral("volunteer"), dd::cli::tr("The volunteer's registry number."),
                               dd::cli::tr("NO")};
  QCommandLineOption staff{QStringLiteral("staff"), dd::cli::tr("Staff name for the audit log (default: OS user)."),
                           dd::cli::tr("NAME")};
};

// Parses, opens the registry and finds the volunteer; a return code when not.
struct Opened {
  std::unique_ptr<dd::app::Registry> registry;
  dd::model::Volunteer volunteer;
  dd::app::Actor actor;
};
std::optional<int> open(dd::cli::Context& context, QCommandLineParser& parser, const Options& options,
                        const QString& command, const QStringList& args, Opened& opened) {
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::noPositional(parser, command)) return dd::cli::exitUsage;
  if (parser.value(options.volunteer).trimmed().isEmpty()) {
    printErr(dd::cli::tr("donordesk-cli %1: --volunteer is required").arg(command));
    return dd::cli::exitUsage;
  }
  auto registry = dd::app::Registry::open(context.settings.database, dd::app::Access::Upgrade);
  if (!registry) return fail(command, registry.error());
  auto volunteer = (*registry)->volunteerByRegistryNo(parser.value(options.volunteer).trimmed());
  if (!volunteer) return fail(command, volunteer.error());
  opened.registry = std::move(*registry);
  opened.volunteer = *volunteer;
  const QString staff = parser.value(options.staff).trimmed();
  opened.actor = staff.isEmpty() ? dd::app::Actor::fromOperatingSystem() : dd::app::Actor{staff};
  return std::nullopt;
}

int runRequest(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("withdrawal request");
  QCommandLineParser parser;
  parser.setApplicationDescription(dd::cli::tr("Record that a volunteer asked to withdraw (out of searches at once, "
                                               "until staff confirm or cancel it)."));
  Options options;
  const QCommandLineOption date(QStringLiteral("date"), dd::cli::tr("The day it was asked (default: today)."),
                                dd::cli::tr("YYYY-MM-DD"));
  const QCommandLineOption note(QStringLiteral("note"), dd::cli::tr("How it was asked."), dd::cli::tr("TEXT"));
  parser.addOptions({options.volunteer, date, note, options.staff});
  Opened opened;
  if (auto code = open(context, parser, options, command, args, opened)) return *code;
  QDate day;
  if (parser.isSet(date)) {
    day = QDate::fromString(parser.value(date), Qt::ISODate);
    if (!day.isValid()) {
      printErr(dd::cli::tr("donordesk-cli %1: --date must be a date YYYY-MM-DD").arg(command));
      return dd::cli::exitUsage;
    }
  }
  auto saved = opened.registry->requestWithdrawal(opened.volunteer.id, day, parser.value(note), opened.actor);
  if (!saved) return fail(command, saved.error());
  dd::cli::printOut(saved->withdrawalRequestedOn.toString(Qt::ISODate) + QLatin1Char('\n'));
  return dd::cli::exitOk;
}

int runConfirm(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("withdrawal confirm");
  QCommandLineParser parser;
  parser.setApplicationDescription(dd::cli::tr("Confirm a pending withdrawal request: the volunteer's status becomes "
                                               "withdrawn."));
  Options options;
  const QCommandLineOption reason(QStringLiteral("reason"), dd::cli::tr("The reason kept with the status."),
                                  dd::cli::tr("TEXT"));
  parser.addOptions({options.volunteer, reason, options.staff});
  Opened opened;
  if (auto code = open(context, parser, options, command, args, opened)) return *code;
  auto saved = opened.registry->confirmWithdrawal(opened.volunteer.id, parser.value(reason), opened.actor);
  if (!saved.ok()) return fail(command, !saved.errors.empty() ? saved.errors.at(0) : saved.warnings.at(0));
  return dd::cli::exitOk;
}

int runCancel(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("withdrawal cancel");
  QCommandLineParser parser;
  parser.setApplicationDescription(dd::cli::tr("Cancel a pending withdrawal request (the volunteer is back in "
                                               "searches); the note says why."));
  Options options;
  const QCommandLineOption note(QStringLiteral("note"), dd::cli::tr("Why the request is cancelled (required)."),
                                dd::cli::tr("TEXT"));
  parser.addOptions({options.volunteer, note, options.staff});
  Opened opened;
  if (auto code = open(context, parser, options, command, args, opened)) return *code;
  auto saved = opened.registry->cancelWithdrawalRequest(opened.volunteer.id, parser.value(note), opened.actor);
  if (!saved) return fail(command, saved.error());
  return dd::cli::exitOk;
}

}  // namespace

DD_CLI_COMMAND("withdrawal request",
               QT_TRANSLATE_NOOP("dd::cli", "Record a volunteer's request to withdraw (out of searches at once)."),
               runRequest)
DD_CLI_COMMAND("withdrawal confirm",
               QT_TRANSLATE_NOOP("dd::cli", "Confirm a pending withdrawal request (status withdrawn)."), runConfirm)
DD_CLI_COMMAND("withdrawal cancel",
               QT_TRANSLATE_NOOP("dd::cli", "Cancel a pending withdrawal request (back in searches)."), runCancel)
