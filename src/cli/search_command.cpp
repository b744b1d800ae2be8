// `donordesk-cli [--db URL] search (--typing GL | --patient CASE) [--scale 10|8|6]
//   [--min N] [--limit N] [--include-unavailable] [--format table|json|csv] [--rank LIST] [--mac FILE] [--tce 1|2]`
// Builds the donor index from the database, then ranks every volunteer
// against the patient (docs/matching.md). The option names and the JSON keys
// are a contract: scripts depend on them.
#include <chrono>
#include <memory>

#include <spdlog/spdlog.h>

#include "app/registry.h"
#include "app/risk_scores.h"
#include "app/search_format.h"
#include "app/search_session.h"
#include "cli/command.h"
#include "core/qt/app_paths.h"
#include "core/qt/localization.h"
#include "hla/nomenclature.h"
#include "match/typing.h"

namespace {

using dd::cli::printErr;

int fail(const QString& message, int code) {
  printErr(QStringLiteral("donordesk-cli search: %1").arg(message));
  return code;
}

bool readInt(const QCommandLineParser& parser, const QCommandLineOption& option, int low, int high, int* value) {
  if (!parser.isSet(option)) return true;
  bool ok = false;
  const int parsed = parser.value(option).toInt(&ok);
  if (!ok || parsed < low || parsed > high) return false;
  *value = parsed;
  return true;
}

// The statistics count searches per month. The search itself opened the
// registry read-only (it works from a backup disc); the log is written over
// a second connection when the registry can be written, and skipped when not.
void logSearch(const QString& url, dd::app::Registry& reader, const QString& patientCaseNo, int resultCount) {
  auto writer = dd::app::Registry::open(url, dd::app::Access::AsIs);
  if (!writer) return;
  dd::model::SearchRun run;
  run.staff = dd::app::Actor::fromOperatingSystem().staff;
  run.frontEnd = QStringLiteral("cli");
  run.resultCount = resultCount;
  if (!patientCaseNo.isEmpty())
    if (auto found = reader.patientByCaseNo(patientCaseNo)) run.patientId = found->id;
  if (dd::Status logged = (*writer)->recordSearchRun(run); !logged)
    spdlog::info("search not logged: {}", logged.error().code);
}

int runSearch(dd::cli::Context& context, const QStringList& args) {
  QCommandLineParser parser;
  const QCommandLineOption typing(QStringLiteral("typing"), dd::cli::tr("Patient typing as a GL String."), QStringLiteral("GL"));
  const QCommandLineOption patient(QStringLiteral("patient"), dd::cli::tr("Search for this patient case number."),
                                   QStringLiteral("CASE"));
  const QCommandLineOption scale(QStringLiteral("scale"), dd::cli::tr("Match scale: 10, 8 or 6 (default 10)."),
                                 QStringLiteral("N"), QStringLiteral("10"));
  const QCommandLineOption minimum(QStringLiteral("min"), dd::cli::tr("Show donors with at least N matches on the scale."),
                                   QStringLiteral("N"), QStringLiteral("0"));
  const QCommandLineOption limit(QStringLiteral("limit"), dd::cli::tr("Show at most N donors (default 100)."),
                                 QStringLiteral("N"), QStringLiteral("100"));
  const QCommandLineOption unavailable(QStringLiteral("include-unavailable"),
                                       dd::cli::tr("Also show deferred, reserved, lost, withdrawn and retired volunteers "
                                          "(flagged)."));
  const QCommandLineOption format(QStringLiteral("format"), dd::cli::tr("Output: table, json or csv (default table)."),
                                  QStringLiteral("FORMAT"), QStringLiteral("table"));
  QStringList defaultOrder;
  for (auto c : dd::match::RankingPolicy::defaults().order) defaultOrder << QLatin1String(dd::match::criterionKey(c));
  const QCommandLineOption rank(QStringLiteral("rank"),
                                dd::cli::tr("Ranking criteria in order, comma-separated (default: %1).")
                                    .arg(defaultOrder.join(QLatin1Char(','))),
                                QStringLiteral("LIST"));
  const QCommandLineOption tce(QStringLiteral("tce"),
                               dd::cli::tr("DPB1 TCE assignment: 2 (current algorithm, default) or 1."),
                               QStringLiteral("VERSION"), QStringLiteral("2"));
  const QCommandLineOption mac(QStringLiteral("mac"), dd::cli::tr("NMDP multiple-allele code table for codes like A*02:AB (default: the one named in the settings)."),
                               QStringLiteral("FILE"));
  parser.addOptions({typing, patient, scale, minimum, limit, unavailable, format, rank, mac, tce});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, QStringLiteral("search"), args, &code)) return code;
  if (!parser.positionalArguments().isEmpty())
    return fail(dd::cli::tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()), dd::cli::exitUsage);
  if (parser.isSet(typing) == parser.isSet(patient))
    return fail(dd::cli::tr("give either --typing GL or --patient CASE"), dd::cli::exitUsage);

  dd::match::SearchOptions options;
  int limitValue = 100;
  if (!readInt(parser, scale, 6, 10, &options.scale) || !dd::match::isValidScale(options.scale))
    return fail(dd::cli::tr("--scale must be 10, 8 or 6, not '%1'").arg(parser.value(scale)), dd::cli::exitUsage);
  if (!readInt(parser, minimum, 0, options.scale, &options.minMatches))
    return fail(dd::cli::tr("--min must be a number from 0 to %1, not '%2'").arg(options.scale).arg(parser.value(minimum)),
                dd::cli::exitUsage);
  if (!readInt(parser, limit, 1, 100000, &limitValue))
    return fail(dd::cli::tr("--limit must be a number from 1 to 100000, not '%1'").arg(parser.value(limit)),
                dd::cli::exitUsage);
  options.limit = static_cast<std::size_t>(limitValue);
  options.includeUnavailable = parser.isSet(unavailable);
  const QString formatValue = parser.value(format);
  if (formatValue != QLatin1String("table") && formatValue != QLatin1String("json") &&
      formatValue != QLatin1String("csv"))
    return fail(dd::cli::tr("--format must be table, json or csv, not '%1'").arg(formatValue), dd::cli::exitUsage);
  const QString tceValue = parser.value(tce).trimmed();
  if (tceValue == QLatin1String("1") || tceValue.compare(QLatin1String("v1"), Qt::CaseInsensitive) == 0) {
    options.tce = dd::match::TceVersion::V1;
  } else if (tceValue != QLatin1String("2") && tceValue.compare(QLatin1String("v2"), Qt::CaseInsensitive) != 0) {
    return fail(dd::cli::tr("--tce must be 1 or 2, not '%1'").arg(tceValue), dd::cli::exitUsage);
  }
  if (parser.isSet(rank)) {
    auto policy = dd::match::RankingPolicy::parse(parser.value(rank).toStdString());
    if (!policy) return fail(dd::qt::translated(policy.error()), dd::cli::exitUsage);
    options.policy = std::move(*policy);
  }

  auto loaded = dd::app::SearchSession::load(context.hlaReleaseDir(), dd::cli::macTablePath(parser, mac));
  if (!loaded) {
    const bool usage = loaded.error().field == dd::app::SearchSession::kMacTableField;  // --mac named a bad file
    return fail(dd::qt::translated(loaded.error()), usage ? dd::cli::exitUsage : dd::cli::exitFailure);
  }
  dd::app::SearchSession& session = **loaded;
  const QString warning = session.unverifiedWarning();  // with every result
  if (!warning.isEmpty()) printErr(QStringLiteral("donordesk-cli search: %1").arg(warning));

  // Check the typing before touching the database: bad input is a usage error.
  dd::match::Typing patientTyping;
  if (parser.isSet(typing)) {
    auto parsed = dd::match::parseTyping(parser.value(typing).toStdString(), session.nomenclature());
    if (!parsed) return fail(dd::qt::translated(parsed.error()), dd::cli::exitUsage);
    patientTyping = std::move(*parsed);
  }

  const QString url = context.settings.database.isEmpty() ? dd::qt::defaultDatabasePath() : context.settings.database;
  // A search only reads: it works on read-only media and never upgrades.
  auto registry = dd::app::Registry::open(url, dd::app::Access::ReadOnly);
  if (!registry) return fail(dd::qt::translated(registry.error()), dd::cli::exitFailure);
  if (dd::Status current = (*registry)->checkCurrent(); !current)
    return fail(dd::qt::translated(current.error()), dd::cli::exitFailure);

  auto built = session.build(**registry);
  if (!built) return fail(dd::qt::translated(built.error()), dd::cli::exitFailure);
  // Timings for operators and benchmarks (shown with --log-level info).
  spdlog::info("search index: {} donors built in {:.2f} s, {:.1f} bytes per donor, {} invalid locus typings",
               built->stats.donors, built->seconds,
               built->stats.donors ? static_cast<double>(built->stats.bytes) / built->stats.donors : 0.0,
               built->stats.invalidTypings);
  for (const auto& error : built->firstErrors)
    printErr(dd::cli::tr("donordesk-cli search: warning: %1: %2 (locus searched as untyped)")
                 .arg(QString::fromStdString(error.field), dd::qt::translated(error)));

  const auto searchStart = std::chrono::steady_clock::now();
  dd::Expected<std::vector<dd::match::SearchResult>> results =
      parser.isSet(patient) ? session.service().searchForPatient(**registry, parser.value(patient), options)
                            : session.service().search(patientTyping, options);
  spdlog::info("search: {:.1f} ms",
               std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - searchStart).count());
  if (!results) {
    // Bad typings and unknown cases are the caller's input; the rest is I/O.
    const std::string& errorCode = results.error().code;
    const bool usage = errorCode.rfind("match.", 0) == 0 || errorCode.rfind("hla.", 0) == 0 ||
                       errorCode == "store.not_found" || errorCode == "app.search_patient_untyped";
    return fail(dd::qt::translated(results.error()), usage ? dd::cli::exitUsage : dd::cli::exitFailure);
  }
  logSearch(url, **registry, parser.isSet(patient) ? parser.value(patient) : QString(),
            static_cast<int>(results->size()));
  // The late-withdrawal risk of the first results (app/risk_scores.h).
  QList<qint64> ids;
  for (const auto& r : *results) ids.append(r.volunteerId);
  auto risk = dd::app::riskScores(**registry, ids);
  if (!risk) return fail(dd::qt::translated(risk.error()), dd::cli::exitFailure);
  if (formatValue == QLatin1String("json")) {
    dd::cli::printOut(dd::app::formatSearchJson(*results, options.scale, warning, &*risk));
  } else if (formatValue == QLatin1String("csv")) {
    dd::cli::printOut(dd::app::formatSearchCsv(*results, options.scale, warning, &*risk));
  } else {
    if (!warning.isEmpty()) dd::cli::printOut(warning + QLatin1Char('\n'));
    dd::cli::printOut(dd::app::formatSearchTable(*results, options.scale));
  }
  return dd::cli::exitOk;
}

}  // namespace

DD_CLI_COMMAND("search", QT_TRANSLATE_NOOP("dd::cli", "Rank the registry's volunteers against a patient typing."),
               runSearch)
