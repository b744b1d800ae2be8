// `donordesk-cli --db FILE bench retention [--messages N]`
// A benchmark, not a test: the retention work of a registry office on the
// given registry. Times opening it (the integrity check, or its remembered
// result), the first page (100 rows) of every worklist, the statistics, and
// then, inside one transaction that is rolled back at the end (app::
// TrialRun: the registry is left exactly as it was, nothing is committed),
// creating a campaign for the largest prefecture, exporting its first N
// messages and importing a
// results file made from that export in a temporary folder: of every ten
// rows four replies 1, one 2 with a new number, one 0, one free text, two
// delivered without reply and one failed. The last output line is one JSON
// object.
#include <chrono>

#include <QDate>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include "app/campaign_results.h"
#include "app/campaigns.h"
#include "app/registry.h"
#include "app/trial_run.h"
#include "app/worklists.h"
#include "cli/command.h"
#include "core/qt/app_paths.h"
#include "core/qt/localization.h"

namespace {

using dd::cli::printErr;
using Clock = std::chrono::steady_clock;

int fail(const QString& message, int code) {
  printErr(QStringLiteral("donordesk-cli bench retention: %1").arg(message));
  return code;
}

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

QString keyText(std::string_view key) { return QString::fromLatin1(key.data(), qsizetype(key.size())); }

// The platform's answer to the i-th exported message (see the file comment).
QString resultRow(int i, const QString& phone, const QString& messageId) {
  QString status = QStringLiteral("delivered"), reply;
  switch (i % 10) {
    case 0: case 1: case 2: case 3: reply = QStringLiteral("1"); break;
    case 4: reply = QStringLiteral("2 139%1").arg(i, 8, 10, QLatin1Char('0')); break;
    case 5: reply = QStringLiteral("0"); break;
    case 6: reply = QStringLiteral("please call after 6pm"); break;
    case 7: case 8: break;
    default: status = QStringLiteral("failed"); break;
  }
  return QStringLiteral("%1,%2,%3,%4,2026-11-20 09:30:00\r\n").arg(phone, messageId, status, reply);
}

// The results file for the exported batch file `batch`; the number of rows.
dd::Expected<int> writeResults(const QString& batch, const QString& results) {
  QFile in(batch), out(results);
  if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
    return dd::makeError("bench.file", "dd::cli", QT_TRANSLATE_NOOP("dd::cli", "Cannot write %1: %2"),
                         {results.toStdString(), out.errorString().toStdString()});
  QTextStream lines(&in);
  lines.readLine();  // header
  QString text = QStringLiteral("phone,message_id,status,reply,time\r\n");
  int rows = 0;
  while (!lines.atEnd()) {
    const QString line = lines.readLine();
    // phone,message,message_id: the message may be quoted and hold commas,
    // the phone and the id never do
    const qsizetype first = line.indexOf(QLatin1Char(',')), last = line.lastIndexOf(QLatin1Char(','));
    if (first <= 0 || last <= first) continue;
    text += resultRow(rows++, line.left(first), line.mid(last + 1));
  }
  out.write(text.toUtf8());
  return rows;
}

int runBenchRetention(dd::cli::Context& context, const QStringList& args) {
  QCommandLineParser parser;
  const QCommandLineOption messages(QStringLiteral("messages"),
                                    dd::cli::tr("How many campaign messages to export and import (default 100000)."),
                                    QStringLiteral("N"), QStringLiteral("100000"));
  parser.addOption(messages);
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, QStringLiteral("bench retention"), args, &code)) return code;
  if (!dd::cli::noPositional(parser, QStringLiteral("bench retention"))) return dd::cli::exitUsage;
  bool ok = false;
  const int messageCount = parser.value(messages).toInt(&ok);
  if (!ok || messageCount < 1 || messageCount > 10'000'000)
    return fail(dd::cli::tr("--messages must be a number from 1 to 10000000, not '%1'").arg(parser.value(messages)),
                dd::cli::exitUsage);
  const QString url =
      context.settings.database.isEmpty() ? dd::qt::defaultDatabasePath() : context.settings.database;
  QJsonObject json;
  QString text;

  // An existing registry as it is: never created, never upgraded.
  const auto openStart = Clock::now();
  auto opened = dd::app::Registry::open(url, dd::app::Access::AsIs);
  if (!opened) return fail(dd::qt::translated(opened.error()), dd::cli::exitFailure);
  dd::app::Registry& registry = **opened;
  if (dd::Status current = registry.checkCurrent(); !current)
    return fail(dd::qt::translated(current.error()), dd::cli::exitFailure);
  json[QStringLiteral("open_ms")] = msSince(openStart);
  text += QStringLiteral("open                     %1 ms (integrity check or its remembered result)\n")
              .arg(msSince(openStart), 0, 'f', 0);

  QJsonObject worklists;
  for (int i = 0; i < dd::model::kWorklistCount; ++i) {
    dd::model::WorklistQuery query;
    query.list = static_cast<dd::model::Worklist>(i);
    const auto start = Clock::now();
    auto rows = dd::app::worklist(registry, query);
    if (!rows) return fail(dd::qt::translated(rows.error()), dd::cli::exitFailure);
    const double ms = msSince(start);
    const QString name = keyText(dd::model::key(query.list));
    worklists[name] = ms;
    text += QStringLiteral("worklist %1 %2 ms (%3 rows)\n").arg(name, -24).arg(ms, 5, 'f', 0).arg(rows->size());
  }
  json[QStringLiteral("worklist_first_page_ms")] = worklists;

  const auto statsStart = Clock::now();
  auto stats = registry.statistics(QDate::currentDate());
  if (!stats) return fail(dd::qt::translated(stats.error()), dd::cli::exitFailure);
  json[QStringLiteral("stats_ms")] = msSince(statsStart);
  text += QStringLiteral("stats                    %1 ms (%2 volunteers)\n")
              .arg(msSince(statsStart), 0, 'f', 0)
              .arg(stats->volunteers);

  QTemporaryDir folder;
  if (!folder.isValid()) return fail(folder.errorString(), dd::cli::exitFailure);
  const QString batch = folder.filePath(QStringLiteral("batch.csv"));
  const QString results = folder.filePath(QStringLiteral("results.csv"));
  {
    dd::app::TrialRun trial(registry);  // rolled back when this block ends
    if (!trial.started()) return fail(dd::qt::translated(trial.started().error()), dd::cli::exitFailure);
    const dd::app::Actor actor{QStringLiteral("bench")};
    dd::app::CampaignRequest request;
    request.name = QStringLiteral("bench retention");
    // As an office sends them: to one prefecture, the largest (whole-province
    // campaigns order every volunteer before the first message).
    for (const auto& [prefecture, count] : stats->byPrefecture)
      if (!prefecture.isEmpty()) {
        request.region = prefecture;
        break;
      }
    request.messageTemplate = QStringLiteral("{name}, {branch}: reply 1 if still willing, 2 and a new number, 0 to leave");
    auto campaign = dd::app::createCampaign(registry, request, actor);
    if (!campaign) return fail(dd::qt::translated(campaign.error()), dd::cli::exitFailure);

    dd::app::SmsExportOptions exportOptions;
    exportOptions.path = batch;
    exportOptions.maxMessages = messageCount;
    const auto exportStart = Clock::now();
    auto exported = dd::app::exportSms(registry, campaign->id, exportOptions, actor);
    if (!exported) return fail(dd::qt::translated(exported.error()), dd::cli::exitFailure);
    const double exportMs = msSince(exportStart);
    json[QStringLiteral("export_messages")] = exported->messages;
    json[QStringLiteral("export_ms")] = exportMs;
    json[QStringLiteral("export_region")] = request.region;
    text += QStringLiteral("campaign export          %1 ms (%2 messages, region %3)\n")
                .arg(exportMs, 0, 'f', 0)
                .arg(exported->messages)
                .arg(request.region);

    auto rows = writeResults(batch, results);
    if (!rows) return fail(dd::qt::translated(rows.error()), dd::cli::exitFailure);
    dd::app::ResultsOptions importOptions;
    importOptions.path = results;
    const auto importStart = Clock::now();
    auto imported = dd::app::importCampaignResults(registry, campaign->id, importOptions, actor);
    if (!imported) return fail(dd::qt::translated(imported.error()), dd::cli::exitFailure);
    if (!imported->applied || !imported->malformed.isEmpty())
      return fail(QStringLiteral("the simulated results file was not applied (%1 malformed rows)")
                      .arg(imported->malformed.size()),
                  dd::cli::exitFailure);
    const double importMs = msSince(importStart);
    json[QStringLiteral("import_rows")] = *rows;
    json[QStringLiteral("import_changes")] = int(imported->changes.size());
    json[QStringLiteral("import_ms")] = importMs;
    text += QStringLiteral("campaign results import  %1 ms (%2 rows, %3 changes)\n")
                .arg(importMs, 0, 'f', 0)
                .arg(*rows)
                .arg(imported->changes.size());
  }
  text += QStringLiteral("(campaign, export and import rolled back: the registry is unchanged)\n");
  dd::cli::printOut(text);
  dd::cli::printOut(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
  return dd::cli::exitOk;
}

}  // namespace

DD_CLI_COMMAND("bench retention",
               QT_TRANSLATE_NOOP("dd::cli",
                                 "Time the worklists, the statistics and a campaign's export and results import "
                                 "on a registry, leaving it unchanged (not a test)."),
               runBenchRetention)
