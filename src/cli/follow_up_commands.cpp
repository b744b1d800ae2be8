// `donordesk-cli follow-up record|list`: the follow-up calls after a
// donation (2 days, 1 week, 1 month, 6 months, then yearly for 10 years),
// through the same use cases (app/follow_ups.h) as the Retention page's
// follow-up-due worklist. stdout holds only results; messages go to stderr.
// Exit 0 done, 1 the registry failed, 2 bad arguments or input refused.
#include <memory>
#include <optional>

#include <QDate>

#include "app/follow_ups.h"
#include "app/registry.h"
#include "app/text_rules.h"
#include "cli/command.h"
#include "core/qt/localization.h"

namespace {

using dd::cli::printErr;
using dd::cli::tr;

int fail(const QString& command, const dd::Error& error) {
  printErr(QStringLiteral("donordesk-cli %1: %2").arg(command, dd::qt::translated(error)));
  const bool input = error.code.rfind("validation.", 0) == 0 || error.code == dd::app::codes::notFound;
  return input ? dd::cli::exitUsage : dd::cli::exitFailure;
}

int usage(const QString& command, const QString& message) {
  printErr(QStringLiteral("donordesk-cli %1: %2").arg(command, message));
  return dd::cli::exitUsage;
}

const QCommandLineOption& volunteerOption() {
  static const QCommandLineOption option{QStringLiteral("volunteer"), tr("The donor's registry number."), tr("NO")};
  return option;
}

// The registry and the donor named by --volunteer; a return code when not.
struct Opened {
  std::unique_ptr<dd::app::Registry> registry;
  dd::model::Volunteer volunteer;
};
std::optional<int> open(dd::cli::Context& context, const QCommandLineParser& parser, const QString& command,
                        dd::app::Access access, Opened& opened) {
  const QString no = parser.value(volunteerOption()).trimmed();
  if (no.isEmpty()) return usage(command, tr("--volunteer is required"));
  auto registry = dd::app::Registry::open(context.settings.database, access);
  if (!registry) return fail(command, registry.error());
  auto volunteer = (*registry)->volunteerByRegistryNo(no);
  if (!volunteer) return fail(command, volunteer.error());
  opened.registry = std::move(*registry);
  opened.volunteer = *volunteer;
  return std::nullopt;
}

int runRecord(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("follow-up record");
  QCommandLineParser parser;
  parser.setApplicationDescription(tr("Record one follow-up call after a donor's donation."));
  const QCommandLineOption point(QStringLiteral("point"),
                                 tr("Which call: day2, week1, month1, month6, year1 ... year10."), tr("POINT"));
  const QCommandLineOption date(QStringLiteral("date"), tr("The day it was done (default: today)."),
                                tr("YYYY-MM-DD"));
  const QCommandLineOption note(QStringLiteral("note"), tr("What the donor said (health, questions)."), tr("TEXT"));
  const QCommandLineOption staff(QStringLiteral("staff"), tr("Staff name for the audit log (default: OS user)."),
                                 tr("NAME"));
  parser.addOptions({volunteerOption(), point, date, note, staff});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::noPositional(parser, command)) return dd::cli::exitUsage;
  const QString who = parser.value(staff);
  if (parser.isSet(staff) && (who.trimmed().isEmpty() || who.size() > 50 || dd::app::firstForbiddenCharacter(who) >= 0))
    return usage(command, tr("--staff must be a name of at most 50 characters without control characters"));
  if (parser.value(point).trimmed().isEmpty()) return usage(command, tr("--point is required"));
  auto which = dd::app::followUpPointFromKey(parser.value(point));
  if (!which) return fail(command, which.error());
  QDate day;
  if (parser.isSet(date)) {
    day = QDate::fromString(parser.value(date).trimmed(), Qt::ISODate);
    if (!day.isValid())
      return usage(command, tr("--date must be a date written as 2026-11-28, not '%1'").arg(parser.value(date)));
  }
  Opened opened;
  if (auto done = open(context, parser, command, dd::app::Access::Upgrade, opened)) return *done;
  const dd::app::Actor actor =
      who.trimmed().isEmpty() ? dd::app::Actor::fromOperatingSystem() : dd::app::Actor{who.trimmed()};
  auto recorded = dd::app::recordFollowUp(*opened.registry, {opened.volunteer.id, *which, day, parser.value(note)},
                                          actor);
  if (!recorded) return fail(command, recorded.error());
  dd::cli::printOut(recorded->doneOn.toString(Qt::ISODate) + QLatin1Char('\n'));
  return dd::cli::exitOk;
}

int runList(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("follow-up list");
  QCommandLineParser parser;
  parser.setApplicationDescription(tr("A donor's follow-up calls: which are done, due, overdue or still to come."));
  const QCommandLineOption format(QStringLiteral("format"), tr("Output: table, json or csv (default table)."),
                                  tr("FORMAT"), QStringLiteral("table"));
  parser.addOptions({volunteerOption(), format});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::noPositional(parser, command)) return dd::cli::exitUsage;
  const QString formatValue = parser.value(format);
  if (formatValue != QLatin1String("table") && formatValue != QLatin1String("json") &&
      formatValue != QLatin1String("csv"))
    return usage(command, tr("--format must be table, json or csv, not '%1'").arg(formatValue));
  Opened opened;
  if (auto done = open(context, parser, command, dd::app::Access::ReadOnly, opened)) return *done;
  auto schedule = dd::app::followUpSchedule(*opened.registry, opened.volunteer.id);
  if (!schedule) return fail(command, schedule.error());
  if (formatValue == QLatin1String("json"))
    dd::cli::printOut(dd::app::followUpJson(*schedule));
  else if (formatValue == QLatin1String("csv"))
    dd::cli::printOut(dd::app::followUpCsv(*schedule));
  else
    dd::cli::printOut(dd::app::followUpTable(*schedule));
  return dd::cli::exitOk;
}

}  // namespace

DD_CLI_COMMAND("follow-up record",
               QT_TRANSLATE_NOOP("dd::cli", "Record a follow-up call after a donation (day2 ... year10)."), runRecord)
DD_CLI_COMMAND("follow-up list",
               QT_TRANSLATE_NOOP("dd::cli", "A donor's follow-up calls: done, due, overdue, to come."), runList)
