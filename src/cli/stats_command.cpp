// `donordesk-cli stats`: the Statistics page's figures for reports and
// spreadsheets: volunteers by status, region, age band and year joined;
// contact and lost-contact rates; cases and withdrawals by stage and reason;
// donations per year at home and abroad; searches per month.
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <spdlog/spdlog.h>

#include "app/registry.h"
#include "cli/command.h"
#include "core/qt/localization.h"

namespace {

using dd::model::Counts;

int fail(const QString& message, int code) {
  dd::cli::printErr(QStringLiteral("donordesk-cli stats: %1").arg(message));
  return code;
}

// The sections in the order every format prints them.
QList<QPair<QString, const Counts*>> sections(const dd::model::RegistryStatistics& s) {
  return {{QStringLiteral("volunteers_by_status"), &s.byStatus},
          {QStringLiteral("volunteers_by_prefecture"), &s.byPrefecture},
          {QStringLiteral("volunteers_by_age_band"), &s.byAgeBand},
          {QStringLiteral("volunteers_by_year_joined"), &s.byYearJoined},
          {QStringLiteral("open_cases_by_stage"), &s.openCasesByStage},
          {QStringLiteral("stopped_cases_by_stage_reached"), &s.stoppedCasesByStage},
          {QStringLiteral("withdrawals_by_reason"), &s.withdrawalsByReason},
          {QStringLiteral("stops_by_patient_reason"), &s.stopsByPatientReason},
          {QStringLiteral("donations_domestic_by_year"), &s.donationsDomesticByYear},
          {QStringLiteral("donations_overseas_by_year"), &s.donationsOverseasByYear},
          {QStringLiteral("searches_by_month"), &s.searchesByMonth}};
}

QList<QPair<QString, QString>> totals(const dd::model::RegistryStatistics& s) {
  return {{QStringLiteral("volunteers"), QString::number(s.volunteers)},
          {QStringLiteral("contactable"), QString::number(s.contactable)},
          {QStringLiteral("reached_last_12_months"), QString::number(s.reachedLast12Months)},
          {QStringLiteral("contact_rate"), QString::number(s.contactRate(), 'f', 4)},
          {QStringLiteral("lost_contact"), QString::number(s.lostContact)},
          {QStringLiteral("lost_contact_rate"), QString::number(s.lostContactRate(), 'f', 4)}};
}

QString asJson(const dd::model::RegistryStatistics& s) {
  QJsonObject root;
  root.insert(QStringLiteral("today"), s.today.toString(Qt::ISODate));
  for (const auto& [key, value] : totals(s))
    root.insert(key, key.endsWith(QLatin1String("rate")) ? QJsonValue(value.toDouble()) : QJsonValue(value.toInt()));
  for (const auto& [name, counts] : sections(s)) {
    QJsonArray rows;
    for (const auto& [label, count] : *counts)
      rows.append(QJsonObject{{QStringLiteral("key"), label}, {QStringLiteral("count"), count}});
    root.insert(name, rows);
  }
  return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

QString csvCell(const QString& text) {
  if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
    return text;
  return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
}

// One table of (section, key, value): every figure on its own row, so a
// spreadsheet can filter and chart it.
QString asCsv(const dd::model::RegistryStatistics& s) {
  QString out = QStringLiteral("section,key,value\n");
  for (const auto& [key, value] : totals(s)) out += QStringLiteral("totals,%1,%2\n").arg(key, value);
  for (const auto& [name, counts] : sections(s))
    for (const auto& [label, count] : *counts) out += QStringLiteral("%1,%2,%3\n").arg(name, csvCell(label)).arg(count);
  return out;
}

QString asTable(const dd::model::RegistryStatistics& s) {
  QString out;
  for (const auto& [key, value] : totals(s)) out += QStringLiteral("%1\t%2\n").arg(key, value);
  for (const auto& [name, counts] : sections(s)) {
    out += QStringLiteral("\n%1\n").arg(name);
    for (const auto& [label, count] : *counts)
      out += QStringLiteral("  %1\t%2\n").arg(label.isEmpty() ? QStringLiteral("-") : label).arg(count);
  }
  return out;
}

int runStats(dd::cli::Context& context, const QStringList& args) {
  QCommandLineParser parser;
  const QCommandLineOption format(QStringLiteral("format"), dd::cli::tr("table, json or csv (default table)."),
                                  QStringLiteral("FORMAT"), QStringLiteral("table"));
  const QCommandLineOption today(QStringLiteral("today"),
                                 dd::cli::tr("Count as of this date (yyyy-MM-dd; default today)."),
                                 QStringLiteral("DATE"));
  parser.addOption(format);
  parser.addOption(today);
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, QStringLiteral("stats"), args, &code)) return code;
  if (!dd::cli::noPositional(parser, QStringLiteral("stats"))) return dd::cli::exitUsage;
  const QString formatValue = parser.value(format);
  if (formatValue != QLatin1String("table") && formatValue != QLatin1String("json") &&
      formatValue != QLatin1String("csv"))
    return fail(dd::cli::tr("--format must be table, json or csv, not '%1'.").arg(formatValue), dd::cli::exitUsage);
  QDate asOf = QDate::currentDate();
  if (parser.isSet(today)) {
    asOf = QDate::fromString(parser.value(today), Qt::ISODate);
    if (!asOf.isValid())
      return fail(dd::cli::tr("--today must be a date written yyyy-MM-dd, not '%1'.").arg(parser.value(today)),
                  dd::cli::exitUsage);
  }
  auto registry = dd::app::Registry::open(context.settings.database, dd::app::Access::ReadOnly);
  if (!registry) return fail(dd::qt::translated(registry.error()), dd::cli::exitFailure);
  if (dd::Status current = (*registry)->checkCurrent(); !current)
    return fail(dd::qt::translated(current.error()), dd::cli::exitFailure);
  QElapsedTimer timer;
  timer.start();
  auto stats = (*registry)->statistics(asOf);
  spdlog::info("stats: counted in {} ms", timer.elapsed());
  if (!stats) return fail(dd::qt::translated(stats.error()), dd::cli::exitFailure);
  dd::cli::printOut(formatValue == QLatin1String("json")  ? asJson(*stats)
                    : formatValue == QLatin1String("csv") ? asCsv(*stats)
                                                          : asTable(*stats));
  return dd::cli::exitOk;
}

}  // namespace

DD_CLI_COMMAND("stats",
               QT_TRANSLATE_NOOP("dd::cli", "Registry statistics: volunteers, contact rates, cases, withdrawals, "
                                            "donations and searches (table, json or csv)."),
               runStats)
