// `donordesk-cli campaign create|list|export-sms`: the yearly SMS clean-up
// (docs/campaigns.md). create prints the campaign's id alone on stdout.
#include <csignal>

#include <QMap>

#include "app/campaign_results.h"
#include "app/campaigns.h"
#include "app/registry.h"
#include "cli/command.h"
#include "core/qt/localization.h"

namespace {

using dd::cli::printErr;

int fail(const QString& command, const dd::Error& error) {
  printErr(QStringLiteral("donordesk-cli %1: %2").arg(command, dd::qt::translated(error)));
  return error.code.rfind("validation.", 0) == 0 ? dd::cli::exitUsage : dd::cli::exitFailure;
}

dd::app::Actor actorFrom(const QString& staff) {
  return staff.trimmed().isEmpty() ? dd::app::Actor::fromOperatingSystem() : dd::app::Actor{staff.trimmed()};
}

volatile std::sig_atomic_t interrupted = 0;
void onInterrupt(int) { interrupted = 1; }

int runCreate(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("campaign create");
  QCommandLineParser parser;
  parser.setApplicationDescription(dd::cli::tr("Create an SMS campaign; prints its id. Placeholders: %1.")
                                       .arg(dd::app::campaignPlaceholders().join(QStringLiteral(" "))));
  const QCommandLineOption name(QStringLiteral("name"), dd::cli::tr("The campaign's name."), dd::cli::tr("NAME"));
  const QCommandLineOption message(QStringLiteral("message"), dd::cli::tr("The message template."),
                                   dd::cli::tr("TEMPLATE"));
  const QCommandLineOption region(QStringLiteral("region"), dd::cli::tr("Only this prefecture or county."),
                                  dd::cli::tr("R"));
  const QCommandLineOption months(QStringLiteral("not-reached-months"),
                                  dd::cli::tr("Only volunteers not reached for this many months."), dd::cli::tr("N"));
  const QCommandLineOption status(QStringLiteral("status"),
                                  dd::cli::tr("Only this status (default: active, temporarily_deferred and "
                                              "lost_contact)."),
                                  dd::cli::tr("STATUS"));
  const QCommandLineOption channel(QStringLiteral("channel"), dd::cli::tr("sms (the only channel so far)."),
                                   dd::cli::tr("CHANNEL"));
  const QCommandLineOption staff(QStringLiteral("staff"), dd::cli::tr("Staff name for the audit log."),
                                 dd::cli::tr("NAME"));
  parser.addOptions({name, message, region, months, status, channel, staff});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::noPositional(parser, command)) return dd::cli::exitUsage;
  dd::app::CampaignRequest request;
  request.name = parser.value(name);
  request.messageTemplate = parser.value(message);
  request.region = parser.value(region);
  if (parser.isSet(months)) {
    bool ok = false;
    request.notReachedMonths = parser.value(months).toInt(&ok);
    if (!ok) {
      printErr(dd::cli::tr("donordesk-cli %1: --not-reached-months must be a whole number").arg(command));
      return dd::cli::exitUsage;
    }
  }
  if (parser.isSet(status)) {
    request.status = dd::model::parseVolunteerStatus(parser.value(status).toStdString());
    if (!request.status) {
      printErr(dd::cli::tr("donordesk-cli %1: unknown status %2").arg(command, parser.value(status)));
      return dd::cli::exitUsage;
    }
  }
  if (parser.isSet(channel) && parser.value(channel) != QLatin1String("sms")) {
    printErr(dd::cli::tr("donordesk-cli %1: --channel must be sms").arg(command));
    return dd::cli::exitUsage;
  }
  auto registry = dd::app::Registry::open(context.settings.database, dd::app::Access::Upgrade);
  if (!registry) return fail(command, registry.error());
  auto created = dd::app::createCampaign(**registry, request, actorFrom(parser.value(staff)));
  if (!created) return fail(command, created.error());
  dd::cli::printOut(QString::number(created->id) + QLatin1Char('\n'));
  return dd::cli::exitOk;
}

int runList(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("campaign list");
  QCommandLineParser parser;
  parser.setApplicationDescription(dd::cli::tr("List the campaigns: id, name, region, months, status, created."));
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::noPositional(parser, command)) return dd::cli::exitUsage;
  auto registry = dd::app::Registry::open(context.settings.database, dd::app::Access::ReadOnly);
  if (!registry) return fail(command, registry.error());
  auto list = dd::app::listCampaigns(**registry);
  if (!list) return fail(command, list.error());
  QString out;
  for (const dd::model::Campaign& c : *list)
    out += QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\n")
               .arg(c.id)
               .arg(c.name, c.region)
               .arg(c.notReachedMonths)
               .arg(dd::app::campaignStatuses(c).join(QLatin1Char('+')),
                    c.createdAt.toLocalTime().toString(Qt::ISODate));
  dd::cli::printOut(out);
  return dd::cli::exitOk;
}

bool campaignId(const QCommandLineParser& parser, const QCommandLineOption& option, const QString& command,
                qint64* id) {
  bool ok = false;
  *id = parser.value(option).toLongLong(&ok);
  if (ok && *id > 0) return true;
  printErr(dd::cli::tr("donordesk-cli %1: --campaign must be a campaign id").arg(command));
  return false;
}

int runExportSms(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("campaign export-sms");
  QCommandLineParser parser;
  parser.setApplicationDescription(dd::cli::tr("Write the bulk-SMS platform's batch file (phone,message,message_id) "
                                               "for a campaign. Re-exporting reuses the message ids given."));
  const QCommandLineOption campaign(QStringLiteral("campaign"), dd::cli::tr("The campaign's id."), dd::cli::tr("ID"));
  const QCommandLineOption out(QStringLiteral("out"), dd::cli::tr("The CSV file to write."), dd::cli::tr("FILE"));
  const QCommandLineOption encoding(QStringLiteral("encoding"), dd::cli::tr("utf-8 (default) or gb18030."),
                                    dd::cli::tr("NAME"));
  const QCommandLineOption staff(QStringLiteral("staff"), dd::cli::tr("Staff name for the audit log."),
                                 dd::cli::tr("NAME"));
  parser.addOptions({campaign, out, encoding, staff});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::noPositional(parser, command)) return dd::cli::exitUsage;
  qint64 id = 0;
  if (!campaignId(parser, campaign, command, &id)) return dd::cli::exitUsage;
  if (parser.value(out).isEmpty()) {
    printErr(dd::cli::tr("donordesk-cli %1: --out is required").arg(command));
    return dd::cli::exitUsage;
  }
  auto registry = dd::app::Registry::open(context.settings.database, dd::app::Access::Upgrade);
  if (!registry) return fail(command, registry.error());
  dd::app::SmsExportOptions options;
  options.path = parser.value(out);
  if (parser.isSet(encoding)) options.encoding = parser.value(encoding);
  // Ctrl+C ends the export between rows: one transaction rolled back, the
  // temporary file removed.
  std::signal(SIGINT, onInterrupt);
  options.progress = [](int done) {
    printErr(dd::cli::tr("exported %1 messages").arg(done));
    return interrupted == 0;
  };
  auto report = dd::app::exportSms(**registry, id, options, actorFrom(parser.value(staff)));
  std::signal(SIGINT, SIG_DFL);
  if (!report) return fail(command, report.error());
  printErr(dd::cli::tr("%1 messages written to %2 (%3 with ids given before)")
               .arg(report->messages)
               .arg(options.path)
               .arg(report->reused));
  return dd::cli::exitOk;
}

int runImportResults(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("campaign import-results");
  QCommandLineParser parser;
  parser.setApplicationDescription(
      dd::cli::tr("Apply a bulk-SMS platform's delivery-and-reply file (phone,message_id,status,reply,time or "
                  "its Chinese equivalent) to the contact log. Replies: 1 still willing, 2 NEW-PHONE a new "
                  "number, 0 asks to withdraw, anything else kept as a note. Nothing is applied if any row is "
                  "malformed; numbers not in the campaign are reported and skipped; a file applied before changes "
                  "nothing. stdout: one line per change (row, kind, phone, detail)."));
  parser.addPositionalArgument(QStringLiteral("FILE"), dd::cli::tr("The results CSV (UTF-8 or GB18030)."));
  const QCommandLineOption campaign(QStringLiteral("campaign"), dd::cli::tr("The campaign's id."), dd::cli::tr("ID"));
  const QCommandLineOption dryRun(QStringLiteral("dry-run"), dd::cli::tr("Print the changes; apply nothing."));
  const QCommandLineOption encoding(QStringLiteral("encoding"), dd::cli::tr("utf-8 or gb18030 (default: from the "
                                                                            "file's bytes)."),
                                    dd::cli::tr("NAME"));
  const QCommandLineOption staff(QStringLiteral("staff"), dd::cli::tr("Staff name for the audit log."),
                                 dd::cli::tr("NAME"));
  parser.addOptions({campaign, dryRun, encoding, staff});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::positionalCount(parser, command, 1)) return dd::cli::exitUsage;
  qint64 id = 0;
  if (!campaignId(parser, campaign, command, &id)) return dd::cli::exitUsage;
  auto registry = dd::app::Registry::open(context.settings.database, dd::app::Access::Upgrade);
  if (!registry) return fail(command, registry.error());
  dd::app::ResultsOptions options;
  options.path = parser.positionalArguments().at(0);
  options.encoding = parser.value(encoding);
  options.dryRun = parser.isSet(dryRun);
  std::signal(SIGINT, onInterrupt);
  options.progress = [](int done, int total) {
    printErr(dd::cli::tr("applied %1/%2 rows").arg(done).arg(total));
    return interrupted == 0;
  };
  auto report = dd::app::importCampaignResults(**registry, id, options, actorFrom(parser.value(staff)));
  std::signal(SIGINT, SIG_DFL);
  if (!report) return fail(command, report.error());
  for (const auto& problem : report->malformed)
    printErr(dd::qt::translated(problem.error));  // the message names the row
  for (const auto& problem : report->unknown)
    printErr(dd::qt::translated(problem.error));  // the message names the row
  QString out;
  QMap<QString, int> counts;
  for (const auto& change : report->changes) {
    out += QStringLiteral("%1\t%2\t%3\t%4\n").arg(change.row).arg(change.kind, change.phone, change.detail);
    ++counts[change.kind];
  }
  if (!report->malformed.isEmpty()) {
    printErr(dd::cli::tr("%1 malformed rows: nothing applied").arg(report->malformed.size()));
    return dd::cli::exitUsage;
  }
  dd::cli::printOut(out);
  QStringList summary;
  for (auto it = counts.cbegin(); it != counts.cend(); ++it)
    summary << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
  printErr((report->applied ? dd::cli::tr("applied: %1; unknown numbers skipped: %2; status unknown: %3; applied "
                                          "before: %4")
                            : dd::cli::tr("dry run, nothing applied: %1; unknown numbers: %2; status unknown: %3; "
                                          "applied before: %4"))
               .arg(summary.isEmpty() ? QStringLiteral("0") : summary.join(QStringLiteral(", ")))
               .arg(report->unknown.size())
               .arg(report->unknownStatus)
               .arg(report->alreadyApplied));
  return dd::cli::exitOk;
}

}  // namespace

DD_CLI_COMMAND("campaign import-results",
               QT_TRANSLATE_NOOP("dd::cli", "Apply a bulk-SMS platform's delivery and reply file (with a preview)."),
               runImportResults)
DD_CLI_COMMAND("campaign create", QT_TRANSLATE_NOOP("dd::cli", "Create an SMS campaign (prints its id)."), runCreate)
DD_CLI_COMMAND("campaign list", QT_TRANSLATE_NOOP("dd::cli", "List the SMS campaigns."), runList)
DD_CLI_COMMAND("campaign export-sms", QT_TRANSLATE_NOOP("dd::cli", "Write a campaign's bulk-SMS batch file."),
               runExportSms)
