// `donordesk-cli retention rules`: shows or sets the lost-contact rule's
// numbers (registry-wide, stored in the database; docs/retention.md).
#include "app/registry.h"
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

}  // namespace

DD_CLI_COMMAND("retention rules",
               QT_TRANSLATE_NOOP("dd::cli", "Show or set the lost-contact rule (--attempts N --months M)."), runRules)
