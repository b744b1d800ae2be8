// Read-only volunteer queries: the paged, filtered list and the bulk reader.
#include <algorithm>
#include <array>

#include <QSqlError>
#include <QVariant>

#include "model/availability.h"
#include "store/database.h"
#include "store/sql_values.h"
#include "store/store_errors.h"
#include "store/volunteer_repository.h"

namespace dd::store {

using namespace dd::model;  // the entities this file reads and writes
namespace {

QString likeEscaped(const QString& text) {
  QString escaped = text.trimmed();
  escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
  escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
  escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
  return escaped;
}

// WHERE clause and its bind values for a filter.
struct Where {
  QStringList conditions;
  QVariantList values;
  void add(const QString& condition, const QVariantList& bound) {
    conditions << condition;
    values += bound;
  }
  QString sql() const {
    return conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
  }
};

// An uncorrelated IN: evaluated once, not once per volunteer (4 s -> 0.3 s on 1 M rows).
const QString kPhoneMatch = QStringLiteral(
    "v.id IN (SELECT p.volunteer_id FROM volunteer_phone p WHERE p.number LIKE ? ESCAPE '\\')");

Where whereFor(const VolunteerFilter& f) {
  Where w;
  if (!f.text.trimmed().isEmpty()) {
    const QString any = QLatin1Char('%') + likeEscaped(f.text) + QLatin1Char('%');
    const QString prefix = likeEscaped(f.text).toUpper() + QLatin1Char('%');
    w.add(QStringLiteral("(v.name LIKE ? ESCAPE '\\' OR v.registry_no LIKE ? ESCAPE '\\' OR "
                         "v.id_number LIKE ? ESCAPE '\\' OR ") + kPhoneMatch + QLatin1Char(')'),
          {any, prefix, prefix, any});
  }
  if (!f.name.trimmed().isEmpty())
    w.add(QStringLiteral("v.name LIKE ? ESCAPE '\\'"), {QLatin1Char('%') + likeEscaped(f.name) + QLatin1Char('%')});
  if (!f.registryNo.trimmed().isEmpty())
    w.add(QStringLiteral("v.registry_no LIKE ? ESCAPE '\\'"), {likeEscaped(f.registryNo).toUpper() + QLatin1Char('%')});
  if (!f.idNumber.trimmed().isEmpty())
    w.add(QStringLiteral("v.id_number LIKE ? ESCAPE '\\'"), {likeEscaped(f.idNumber).toUpper() + QLatin1Char('%')});
  if (!f.phone.trimmed().isEmpty()) w.add(kPhoneMatch, {QLatin1Char('%') + likeEscaped(f.phone) + QLatin1Char('%')});
  if (f.status)
    w.add(QStringLiteral("v.status = ?"), {QString::fromLatin1(key(*f.status).data(), qsizetype(key(*f.status).size()))});
  if (!f.prefecture.trimmed().isEmpty()) w.add(QStringLiteral("v.prefecture = ?"), {f.prefecture.trimmed()});
  if (!f.county.trimmed().isEmpty()) w.add(QStringLiteral("v.county = ?"), {f.county.trimmed()});
  return w;
}

QString orderFor(VolunteerSort sort, bool descending) {
  QString column;
  switch (sort) {
    case VolunteerSort::RegistryNo: column = QStringLiteral("v.registry_no"); break;
    case VolunteerSort::Name: column = QStringLiteral("v.name"); break;
    case VolunteerSort::BirthDate: column = QStringLiteral("v.birth_date"); break;
    case VolunteerSort::Status: column = QStringLiteral("v.status"); break;
    case VolunteerSort::Region: column = QStringLiteral("v.prefecture %1, v.county"); break;
    case VolunteerSort::LastContact: column = QStringLiteral("v.last_contact_ok"); break;
  }
  const QString direction = descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
  if (column.contains(QLatin1String("%1"))) column = column.arg(direction);
  return QStringLiteral(" ORDER BY %1 %2, v.id %2").arg(column, direction);
}

}  // namespace

Expected<QList<VolunteerSummary>> VolunteerRepository::list(const VolunteerQuery& query) {
  const Where where = whereFor(query.filter);
  QSqlQuery q(db_.sql());
  q.setForwardOnly(true);
  q.prepare(QStringLiteral("SELECT v.id, v.row_version, v.registry_no, v.name, v.sex, v.birth_date, v.id_number, "
                           "(SELECT p.number FROM volunteer_phone p WHERE p.volunteer_id = v.id AND p.replaced_on IS NULL "
                           "ORDER BY p.is_current DESC, p.position LIMIT 1), v.status, v.prefecture, v.county, "
                           "v.last_contact_ok FROM volunteer v") +
            where.sql() + orderFor(query.sort, query.descending) + QStringLiteral(" LIMIT ? OFFSET ?"));
  for (const QVariant& value : where.values) q.addBindValue(value);
  q.addBindValue(qMax(0, query.limit));
  q.addBindValue(qMax(0, query.offset));
  if (!q.exec()) return databaseError(QStringLiteral("listing volunteers"), q.lastError());
  QList<VolunteerSummary> rows;
  while (q.next()) {
    VolunteerSummary s;
    s.id = q.value(0).toLongLong();
    s.rowVersion = q.value(1).toInt();
    s.registryNo = q.value(2).toString();
    s.name = q.value(3).toString();
    s.sex = parseSex(q.value(4).toString().toStdString()).value_or(Sex::Male);
    s.birthDate = sql::toDate(q.value(5));
    s.idNumber = q.value(6).toString();
    s.phone = q.value(7).toString();
    s.status = parseVolunteerStatus(q.value(8).toString().toStdString()).value_or(VolunteerStatus::Active);
    s.prefecture = q.value(9).toString();
    s.county = q.value(10).toString();
    s.lastContactOk = sql::toDate(q.value(11));
    rows.append(s);
  }
  return rows;
}

Expected<int> VolunteerRepository::count(const VolunteerFilter& filter) {
  const Where where = whereFor(filter);
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("SELECT COUNT(*) FROM volunteer v") + where.sql());
  for (const QVariant& value : where.values) q.addBindValue(value);
  if (!q.exec() || !q.next()) return databaseError(QStringLiteral("counting volunteers"), q.lastError());
  return q.value(0).toInt();
}

Expected<QList<QPair<QString, QString>>> VolunteerRepository::regions() {
  QSqlQuery q(db_.sql());
  q.setForwardOnly(true);
  if (!q.exec(QStringLiteral("SELECT DISTINCT COALESCE(prefecture, ''), COALESCE(county, '') FROM volunteer "
                             "ORDER BY 1, 2")))
    return databaseError(QStringLiteral("listing regions"), q.lastError());
  QList<QPair<QString, QString>> regions;
  while (q.next()) regions.append({q.value(0).toString(), q.value(1).toString()});
  return regions;
}

Expected<QList<qint64>> VolunteerRepository::deferralsEndedBetween(const QDate& after, const QDate& upTo) {
  QSqlQuery q(db_.sql());
  q.setForwardOnly(true);
  q.prepare(
      QStringLiteral("SELECT id FROM volunteer WHERE status = ? AND status_until > ? AND status_until <= ? "
                     "ORDER BY id"));
  const auto deferred = key(VolunteerStatus::TemporarilyDeferred);
  q.addBindValue(QString::fromLatin1(deferred.data(), static_cast<qsizetype>(deferred.size())));
  q.addBindValue(sql::date(after));
  q.addBindValue(sql::date(upTo));
  if (!q.exec()) return databaseError(QStringLiteral("reading ended deferrals"), q.lastError());
  QList<qint64> ids;
  while (q.next()) ids.append(q.value(0).toLongLong());
  return ids;
}

Status VolunteerRepository::forEachDonor(const std::function<bool(const DonorRecord&)>& visitor, const QDate& today) {
  QSqlQuery q(db_.sql());
  q.setForwardOnly(true);  // QSQLITE steps the statement; no row cache
  // The six typings come as one tab-separated text: fewer values per row is
  // what makes a million rows fast through QSqlQuery.
  if (!q.exec(QStringLiteral("SELECT id, registry_no, status, status_until, birth_date, last_contact_ok, sex, abo, "
                             "rh, cmv, COALESCE(hla_a_raw, '') || '\t' || COALESCE(hla_b_raw, '') || '\t' || "
                             "COALESCE(hla_c_raw, '') || '\t' || COALESCE(hla_drb1_raw, '') || '\t' || "
                             "COALESCE(hla_dqb1_raw, '') || '\t' || COALESCE(hla_dpb1_raw, ''), "
                             "withdrawal_requested_on IS NOT NULL FROM volunteer ORDER BY id")))
    return databaseError(QStringLiteral("reading all volunteers"), q.lastError());
  const int todayYmd = today.year() * 10000 + today.month() * 100 + today.day();
  static const std::array<QString, kVolunteerStatusCount> statusKeys = [] {
    std::array<QString, kVolunteerStatusCount> keys;
    for (int i = 0; i < kVolunteerStatusCount; ++i) {
      const auto k = key(static_cast<VolunteerStatus>(i));
      keys[static_cast<std::size_t>(i)] = QString::fromLatin1(k.data(), static_cast<qsizetype>(k.size()));
    }
    return keys;
  }();
  DonorRecord r;
  std::string typings;
  while (q.next()) {
    r.id = q.value(0).toLongLong();
    r.registryNo = q.value(1).toString().toStdString();
    const QString status = q.value(2).toString();
    r.status = VolunteerStatus::Active;
    for (int i = 0; i < kVolunteerStatusCount; ++i)
      if (status == statusKeys[static_cast<std::size_t>(i)]) r.status = static_cast<VolunteerStatus>(i);
    const int until = sql::toYmd(q.value(3));
    r.available = model::availableOn(r.status, until, todayYmd, q.value(11).toBool());
    r.birthDate = sql::toYmd(q.value(4));
    r.lastContactOk = sql::toYmd(q.value(5));
    const QString sex = q.value(6).toString();
    r.sex = sex == QLatin1String("F") ? 'F' : 'M';
    r.abo = q.value(7).toString().toStdString();
    const QString rh = q.value(8).toString();
    r.rh = rh == QLatin1String("+") ? '+' : rh == QLatin1String("-") ? '-' : '?';
    r.cmv = model::parseCmv(q.value(9).toString().toStdString()).value_or(Cmv::Unknown);
    typings = q.value(10).toString().toStdString();
    std::size_t start = 0;
    for (std::size_t locus = 0; locus < static_cast<std::size_t>(kLocusCount); ++locus) {
      const std::size_t end = std::min(typings.find('\t', start), typings.size());
      r.hla[locus].assign(typings, start, end - start);
      start = end + 1;
    }
    if (!visitor(r)) break;
  }
  if (q.lastError().isValid()) return databaseError(QStringLiteral("reading all volunteers"), q.lastError());
  return {};
}

}  // namespace dd::store
