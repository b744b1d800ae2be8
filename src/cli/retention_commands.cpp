// The retention commands (docs/retention.md): `retention rules` shows or
// sets the lost-contact rule's numbers (registry-wide, in the database);
// `worklist NAME` prints one worklist page.
#include <QElapsedTimer>
#include <spdlog/spdlog.h>

#include "app/registry.h"
#include "app/worklists.h"
#include "cli/command.h"
#include "core/qt/localization.h"

namespace {

using dd::cli::tr;

int report(const QString& command, const dd::Error& error) {
  dd::cli::printErr(QStringLiteral("donordesk-cli %1: %2").arg(command, dd::qt::translated(error)));
  return error.code.rfind("validation.", 0) == 0 ? dd::cli::exitUsage : dd::cli::exitFailure;
}

// A whole number option, or false after saying what was wrong.
bool intOption(const QCommandLineParser& parser, const QCommandLineOption& option, const QString& command, int* out) {
  if (!parser.isSet(option)) return true;
  bool ok = false;
  *out = parser.value(option).toInt(&ok);
  if (ok) return true;
  dd::cli::printErr(tr("donordesk-cli %1: --%2 must be a whole number").arg(command, option.names().constFirst()));
  return false;
}

int runRules(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("retention rules");
  QCommandLineParser parser;
  parser.setApplicationDescription(tr("Show or set the lost-contact rule: after N failed attempts with no success "
                                      "within M months an active or deferred volunteer is marked lost contact."));
  const QCommandLineOption attempts(QStringLiteral("attempts"), tr("Failed attempts (N)."), tr("N"));
  const QCommandLineOption months(QStringLiteral("months"), tr("Within this many months (M)."), tr("M"));
  const QCommandLineOption staff(QStringLiteral("staff"), tr("Staff name for the audit log (default: OS user)."),
                                 tr("NAME"));
  parser.addOptions({attempts, months, staff});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::noPositional(parser, command)) return dd::cli::exitUsage;
  const bool setting = parser.isSet(attempts) || parser.isSet(months);
  auto registry =
      dd::app::Registry::open(context.settings.database, setting ? dd::app::Access::Upgrade : dd::app::Access::AsIs);
  if (!registry) return report(command, registry.error());
  auto rules = (*registry)->retentionRules();
  if (!rules) return report(command, rules.error());
  if (setting) {
    if (!intOption(parser, attempts, command, &rules->failedAttempts) ||
        !intOption(parser, months, command, &rules->months))
      return dd::cli::exitUsage;
    const QString who = parser.value(staff);
    const dd::app::Actor actor = who.isEmpty() ? dd::app::Actor::fromOperatingSystem() : dd::app::Actor{who};
    if (dd::Status s = (*registry)->setRetentionRules(*rules, actor); !s) return report(command, s.error());
  }
  dd::cli::printOut(QStringLiteral("attempts\t%1\nmonths\t%2\n").arg(rules->failedAttempts).arg(rules->months));
  return dd::cli::exitOk;
}

QString worklistKeys() {
  QStringList keys;
  for (int i = 0; i < dd::model::kWorklistCount; ++i) {
    const std::string_view k = dd::model::key(static_cast<dd::model::Worklist>(i));
    keys << QString::fromLatin1(k.data(), qsizetype(k.size()));
  }
  return keys.join(QStringLiteral(", "));
}

int runWorklist(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("worklist");
  QCommandLineParser parser;
  parser.setApplicationDescription(tr("Print a retention worklist, most urgent first. NAME: %1.").arg(worklistKeys()));
  parser.addPositionalArgument(QStringLiteral("NAME"), tr("The worklist."));
  const QCommandLineOption region(QStringLiteral("region"), tr("Only this prefecture or county."), tr("R"));
  const QCommandLineOption staff(QStringLiteral("staff"),
                                 tr("Only volunteers whose latest contact attempt this staff member recorded."),
                                 tr("NAME"));
  const QCommandLineOption months(QStringLiteral("months"), tr("not-reached: months without a success (default 12)."),
                                  tr("N"), QStringLiteral("12"));
  const QCommandLineOption limit(QStringLiteral("limit"), tr("Rows per page (default 100)."), tr("N"),
                                 QStringLiteral("100"));
  const QCommandLineOption offset(QStringLiteral("offset"), tr("Rows to skip (default 0)."), tr("N"),
                                  QStringLiteral("0"));
  const QCommandLineOption format(QStringLiteral("format"), tr("Output: table, json or csv (default table)."),
                                  tr("FORMAT"), QStringLiteral("table"));
  parser.addOptions({region, staff, months, limit, offset, format});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::positionalCount(parser, command, 1)) return dd::cli::exitUsage;
  const auto list = dd::model::parseWorklist(parser.positionalArguments().constFirst().toStdString());
  if (!list) {
    dd::cli::printErr(tr("donordesk-cli worklist: no worklist '%1' (one of: %2)")
                          .arg(parser.positionalArguments().constFirst(), worklistKeys()));
    return dd::cli::exitUsage;
  }
  const QString formatValue = parser.value(format);
  if (formatValue != QLatin1String("table") && formatValue != QLatin1String("json") &&
      formatValue != QLatin1String("csv")) {
    dd::cli::printErr(tr("donordesk-cli worklist: --format must be table, json or csv, not '%1'").arg(formatValue));
    return dd::cli::exitUsage;
  }
  dd::model::WorklistQuery query;
  query.list = *list;
  query.region = parser.value(region);
  query.staff = parser.value(staff);
  if (!intOption(parser, months, command, &query.months) || !intOption(parser, limit, command, &query.limit) ||
      !intOption(parser, offset, command, &query.offset))
    return dd::cli::exitUsage;
  auto registry = dd::app::Registry::open(context.settings.database, dd::app::Access::ReadOnly);
  if (!registry) return report(command, registry.error());
  QElapsedTimer timer;
  timer.start();
  auto rows = dd::app::worklist(**registry, query);
  if (!rows) return report(command, rows.error());
  // docs/retention.md's timings: the query alone, without opening the registry
  spdlog::debug("worklist {}: {} rows in {} ms", dd::model::key(query.list), rows->size(), timer.elapsed());
  if (formatValue == QLatin1String("json"))
    dd::cli::printOut(dd::app::worklistJson(*rows));
  else if (formatValue == QLatin1String("csv"))
    dd::cli::printOut(dd::app::worklistCsv(*rows));
  else
    dd::cli::printOut(dd::app::worklistTable(*rows));
  return dd::cli::exitOk;
}

// A date option (YYYY-MM-DD), or false after saying what was wrong.
bool dateOption(const QCommandLineParser& parser, const QCommandLineOption& option, const QString& command,
                QDate* out) {
  if (!parser.isSet(option)) return true;
  *out = QDate::fromString(parser.value(option), Qt::ISODate);
  if (out->isValid()) return true;
  dd::cli::printErr(tr("donordesk-cli %1: --%2 must be a date (YYYY-MM-DD)").arg(command, option.names().constFirst()));
  return false;
}

int runReadinessRecord(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("readiness record");
  QCommandLineParser parser;
  parser.setApplicationDescription(tr("Record a volunteer's yearly readiness check."));
  const QCommandLineOption volunteer(QStringLiteral("volunteer"), tr("Registry number."), tr("NO"));
  const QCommandLineOption willing(QStringLiteral("willing"), tr("Still willing: yes, unsure or no."), tr("ANSWER"));
  const QCommandLineOption informed(QStringLiteral("family-informed"), tr("The family knows of the registration."));
  const QCommandLineOption attitude(QStringLiteral("family-attitude"),
                                    tr("unknown, supportive, neutral or opposed."), tr("A"));
  const QCommandLineOption health(QStringLiteral("health"), tr("Health changes since the last check."), tr("TEXT"));
  const QCommandLineOption from(QStringLiteral("absence-from"), tr("A planned absence from this date."), tr("D"));
  const QCommandLineOption until(QStringLiteral("absence-until"), tr("... until this date."), tr("D"));
  const QCommandLineOption updated(QStringLiteral("contact-updated"), tr("Phone or address confirmed or changed."));
  const QCommandLineOption note(QStringLiteral("note"), tr("A note."), tr("T"));
  const QCommandLineOption date(QStringLiteral("date"), tr("Date of the check (default today)."), tr("D"));
  const QCommandLineOption staff(QStringLiteral("staff"), tr("Staff name for the audit log (default: OS user)."),
                                 tr("NAME"));
  parser.addOptions({volunteer, willing, informed, attitude, health, from, until, updated, note, date, staff});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::noPositional(parser, command)) return dd::cli::exitUsage;
  if (!parser.isSet(volunteer) || !parser.isSet(willing)) {
    dd::cli::printErr(tr("donordesk-cli %1: --volunteer and --willing are required").arg(command));
    return dd::cli::exitUsage;
  }
  dd::model::ReadinessCheck check;
  const auto answer = dd::model::parseWillingness(parser.value(willing).toStdString());
  if (!answer) {
    dd::cli::printErr(tr("donordesk-cli %1: --willing must be yes, unsure or no").arg(command));
    return dd::cli::exitUsage;
  }
  check.willing = *answer;
  if (parser.isSet(attitude)) {
    const auto a = dd::model::parseFamilyAttitude(parser.value(attitude).toStdString());
    if (!a) {
      dd::cli::printErr(
          tr("donordesk-cli %1: --family-attitude must be unknown, supportive, neutral or opposed").arg(command));
      return dd::cli::exitUsage;
    }
    check.familyAttitude = *a;
  }
  if (!dateOption(parser, from, command, &check.absenceFrom) || !dateOption(parser, until, command, &check.absenceUntil) ||
      !dateOption(parser, date, command, &check.checkedOn))
    return dd::cli::exitUsage;
  check.familyInformed = parser.isSet(informed);
  check.contactUpdated = parser.isSet(updated);
  check.healthChanges = parser.value(health);
  check.note = parser.value(note);
  auto registry = dd::app::Registry::open(context.settings.database, dd::app::Access::Upgrade);
  if (!registry) return report(command, registry.error());
  auto v = (*registry)->volunteerByRegistryNo(parser.value(volunteer).trimmed());
  if (!v) return report(command, v.error());
  check.volunteerId = v->id;
  const QString who = parser.value(staff);
  auto saved = (*registry)->recordReadinessCheck(
      check, who.isEmpty() ? dd::app::Actor::fromOperatingSystem() : dd::app::Actor{who});
  if (!saved) return report(command, saved.error());
  dd::cli::printOut(QStringLiteral("%1\n").arg(saved->id));
  return dd::cli::exitOk;
}

int runReadinessList(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("readiness list");
  QCommandLineParser parser;
  parser.setApplicationDescription(tr("List a volunteer's readiness checks, newest first (tab-separated)."));
  const QCommandLineOption volunteer(QStringLiteral("volunteer"), tr("Registry number."), tr("NO"));
  parser.addOptions({volunteer});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::noPositional(parser, command)) return dd::cli::exitUsage;
  if (!parser.isSet(volunteer)) {
    dd::cli::printErr(tr("donordesk-cli %1: --volunteer is required").arg(command));
    return dd::cli::exitUsage;
  }
  auto registry = dd::app::Registry::open(context.settings.database, dd::app::Access::ReadOnly);
  if (!registry) return report(command, registry.error());
  auto v = (*registry)->volunteerByRegistryNo(parser.value(volunteer).trimmed());
  if (!v) return report(command, v.error());
  auto checks = (*registry)->readinessChecks(v->id);
  if (!checks) return report(command, checks.error());
  auto k = [](std::string_view key) { return QString::fromLatin1(key.data(), qsizetype(key.size())); };
  QString out;
  for (const dd::model::ReadinessCheck& c : *checks)
    out += QStringList{c.checkedOn.toString(Qt::ISODate), k(dd::model::key(c.willing)),
                       k(dd::model::key(c.familyAttitude)), c.familyInformed ? QStringLiteral("1") : QStringLiteral("0"),
                       c.absenceFrom.toString(Qt::ISODate), c.absenceUntil.toString(Qt::ISODate), c.healthChanges,
                       c.staff, c.note}
               .join(QLatin1Char('\t')) +
           QLatin1Char('\n');
  dd::cli::printOut(out);
  return dd::cli::exitOk;
}

}  // namespace

DD_CLI_COMMAND("readiness record", QT_TRANSLATE_NOOP("dd::cli", "Record a volunteer's yearly readiness check."),
               runReadinessRecord)
DD_CLI_COMMAND("readiness list", QT_TRANSLATE_NOOP("dd::cli", "List a volunteer's readiness checks."),
               runReadinessList)
DD_CLI_COMMAND("worklist", QT_TRANSLATE_NOOP("dd::cli", "Print a retention worklist (who to contact next)."),
               runWorklist)
DD_CLI_COMMAND("retention rules",
               QT_TRANSLATE_NOOP("dd::cli", "Show or set the lost-contact rule (--attempts N --months M)."), runRules)
