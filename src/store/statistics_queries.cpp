#include "store/statistics_queries.h"

#include <algorithm>
#include <map>

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "model/vocabulary.h"
#include "store/database.h"
#include "store/sql_values.h"
#include "store/store_errors.h"

namespace dd::store {
namespace {

using model::Counts;

QString keyText(std::string_view key) { return QString::fromLatin1(key.data(), qsizetype(key.size())); }

// Runs one grouped query; row(q) reads each row.
template <class Row>
Status each(Database& db, const QString& sql, const QVariantList& bound, const QString& what, Row row) {
  QSqlQuery q(db.sql());
  q.setForwardOnly(true);
  if (!q.prepare(sql)) return databaseError(what, q.lastError());
  for (const QVariant& value : bound) q.addBindValue(value);
  if (!q.exec()) return databaseError(what, q.lastError());
  while (q.next()) row(q);
  return {};
}

Counts sortedByKey(const std::map<QString, int>& counts) {
  Counts list;
  for (const auto& [key, count] : counts) list.append({key, count});
  return list;
}

// The stage order, not the alphabet.
Counts inStageOrder(const std::map<QString, int>& counts) {
  Counts list;
  for (int i = 0; i < model::kWorkupStageCount; ++i) {
    const QString stage = keyText(model::key(static_cast<model::WorkupStage>(i)));
    if (auto it = counts.find(stage); it != counts.end()) list.append({stage, it->second});
  }
  return list;
}

// Volunteers are registered from 18 and retire at 60; the bands are the
// registry's usual report bands.
QString ageBand(int age) {
  if (age <= 25) return QStringLiteral("18-25");
  if (age <= 35) return QStringLiteral("26-35");
  if (age <= 45) return QStringLiteral("36-45");
  if (age <= 55) return QStringLiteral("46-55");
  if (age <= 60) return QStringLiteral("56-60");
  return QStringLiteral("over 60");
}

bool reachable(model::VolunteerStatus status) {
  using model::VolunteerStatus;
  return status != VolunteerStatus::Withdrawn && status != VolunteerStatus::Retired &&
         status != VolunteerStatus::PermanentlyDeferred && status != VolunteerStatus::Donated;
}

// The year of a DATE column as text on both backends ("2026-11-30" -> "2026").
QString yearOf(const QString& column) { return QStringLiteral("substr(CAST(%1 AS TEXT), 1, 4)").arg(column); }
// The same of a DATE value read (SQLite: text, PostgreSQL: a QDate).
QString yearOf(const QVariant& date) {
  if (date.metaType() == QMetaType::fromType<QDate>()) return QString::number(date.toDate().year()).rightJustified(4, QLatin1Char('0'));
  return date.toString().left(4);
}

}  // namespace

Expected<model::RegistryStatistics> readStatistics(Database& db, const QDate& today) {
  model::RegistryStatistics stats;
  stats.today = today;

  // One pass: status, and who was reached in the last 12 months.
  const QDate yearAgo = today.addMonths(-12);
  Status s = each(db,
                  QStringLiteral("SELECT status, COUNT(*), SUM(CASE WHEN last_contact_ok >= ? THEN 1 ELSE 0 END) "
                                 "FROM volunteer GROUP BY status"),
                  {sql::date(yearAgo)}, QStringLiteral("counting volunteers by status"), [&](const QSqlQuery& q) {
                    const auto status = model::parseVolunteerStatus(q.value(0).toString().toStdString());
                    const int count = q.value(1).toInt();
                    stats.volunteers += count;
                    stats.byStatus.append({q.value(0).toString(), count});
                    if (status && reachable(*status)) {
                      stats.contactable += count;
                      stats.reachedLast12Months += q.value(2).toInt();
                      if (*status == model::VolunteerStatus::LostContact) stats.lostContact += count;
                    }
                  });
  if (!s) return s.error();
  std::sort(stats.byStatus.begin(), stats.byStatus.end(), [](const auto& a, const auto& b) {
    return model::parseVolunteerStatus(a.first.toStdString()) < model::parseVolunteerStatus(b.first.toStdString());
  });

  // Grouped by the column itself, so the region index answers in its order;
  // not recorded (NULL) and empty are one row, "".
  s = each(db, QStringLiteral("SELECT prefecture, COUNT(*) FROM volunteer GROUP BY prefecture"), {},
           QStringLiteral("counting volunteers by region"), [&](const QSqlQuery& q) {
             const QString prefecture = q.value(0).toString();
             if (prefecture.isEmpty())  // NULL sorts first on SQLite, last on PostgreSQL
               for (auto& [key, count] : stats.byPrefecture)
                 if (key.isEmpty()) return void(count += q.value(1).toInt());
             stats.byPrefecture.append({prefecture, q.value(1).toInt()});
           });
  if (!s) return s.error();
  std::stable_sort(stats.byPrefecture.begin(), stats.byPrefecture.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });

  // Grouped by birth date (a few thousand groups), banded here: exact ages
  // without date arithmetic the two backends spell differently.
  std::map<QString, int> bands;
  s = each(db, QStringLiteral("SELECT birth_date, COUNT(*) FROM volunteer GROUP BY birth_date"), {},
           QStringLiteral("counting volunteers by age"), [&](const QSqlQuery& q) {
             const QDate birth = sql::toDate(q.value(0));
             if (!birth.isValid()) return;
             int age = today.year() - birth.year();
             if (today.month() < birth.month() || (today.month() == birth.month() && today.day() < birth.day()))
               --age;
             bands[ageBand(age)] += q.value(1).toInt();
           });
  if (!s) return s.error();
  for (const char* band : {"18-25", "26-35", "36-45", "46-55", "56-60", "over 60"})
    if (auto it = bands.find(QLatin1String(band)); it != bands.end()) stats.byAgeBand.append({it->first, it->second});

  // Grouped by both dates, in the order of the index on them, and the year
  // (of the signed consent, else of the drive) taken here.
  std::map<QString, int> joined;
  s = each(db,
           QStringLiteral("SELECT consent_date, drive_date, COUNT(*) FROM volunteer GROUP BY consent_date, drive_date"),
           {}, QStringLiteral("counting volunteers by year joined"), [&](const QSqlQuery& q) {
             const QVariant date = q.value(0).isNull() ? q.value(1) : q.value(0);
             if (!date.isNull()) joined[yearOf(date)] += q.value(2).toInt();
           });
  if (!s) return s.error();
  stats.byYearJoined = sortedByKey(joined);

  std::map<QString, int> open, stopped, donorReasons, patientReasons;
  s = each(db,
           QStringLiteral("SELECT stage, stopped_date IS NULL, regret_stage, stop_code, COUNT(*) FROM workup_case "
                          "GROUP BY 1, 2, 3, 4"),
           {}, QStringLiteral("counting cases"), [&](const QSqlQuery& q) {
             const int count = q.value(4).toInt();
             if (q.value(1).toBool()) {
               open[q.value(0).toString()] += count;
               return;
             }
             const QString reached = q.value(2).isNull() ? q.value(0).toString() : q.value(2).toString();
             stopped[reached] += count;
             const auto code = model::parseStopReason(q.value(3).toString().toStdString());
             if (!code) donorReasons[QStringLiteral("unknown")] += count;  // stopped before schema 10's codes
             else if (model::isDonorReason(*code)) donorReasons[keyText(model::key(*code))] += count;
             else patientReasons[keyText(model::key(*code))] += count;
           });
  if (!s) return s.error();
  stats.openCasesByStage = inStageOrder(open);
  stats.stoppedCasesByStage = inStageOrder(stopped);
  stats.withdrawalsByReason = sortedByKey(donorReasons);
  stats.stopsByPatientReason = sortedByKey(patientReasons);

  std::map<QString, int> domestic, overseas;
  s = each(db,
           QStringLiteral("SELECT %1, p.overseas, COUNT(*) FROM workup_case w JOIN patient p ON p.id = w.patient_id "
                          "WHERE w.collection_date IS NOT NULL GROUP BY 1, 2")
               .arg(yearOf(QStringLiteral("w.collection_date"))),
           {}, QStringLiteral("counting donations"), [&](const QSqlQuery& q) {
             (q.value(1).toInt() != 0 ? overseas : domestic)[q.value(0).toString()] += q.value(2).toInt();
           });
  if (!s) return s.error();
  stats.donationsDomesticByYear = sortedByKey(domestic);
  stats.donationsOverseasByYear = sortedByKey(overseas);

  std::map<QString, int> searches;
  s = each(db, QStringLiteral("SELECT substr(at, 1, 7), COUNT(*) FROM search_run GROUP BY 1"), {},
           QStringLiteral("counting searches"),
           [&](const QSqlQuery& q) { searches[q.value(0).toString()] += q.value(1).toInt(); });
  if (!s) return s.error();
  stats.searchesByMonth = sortedByKey(searches);
  return stats;
}

Status insertSearchRun(Database& db, const model::SearchRun& run) {
  QSqlQuery q(db.sql());
  q.prepare(QStringLiteral("INSERT INTO search_run (at, staff, patient_id, front_end, result_count) "
                           "VALUES (?, ?, ?, ?, ?)"));
  sql::bindAll(q, {sql::timestamp(run.at.isValid() ? run.at : sql::nowUtc()), run.staff, sql::id(run.patientId),
                   run.frontEnd, run.resultCount});
  if (!q.exec()) return databaseError(QStringLiteral("recording a search"), q.lastError());
  return {};
}

}  // namespace dd::store
