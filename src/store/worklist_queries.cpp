#include "store/worklist_queries.h"

#include <algorithm>

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include "model/follow_up_schedule.h"
#include "store/database.h"
#include "store/sql_values.h"
#include "store/store_errors.h"

namespace dd::store {
namespace {

using model::Worklist;

// Statuses still in the pool: someone withdrawn, retired or permanently
// deferred is not chased. %1 is the status column as statusColumn() says.
const QString kInPool = QStringLiteral("%1 IN ('active', 'temporarily_deferred', 'lost_contact', 'reserved')");

// SQLite would otherwise pick the status index (most volunteers are active)
// and sort the whole match for the first page; a unary + keeps it on the
// list's own date index, which already gives the order, so LIMIT stops early.
// PostgreSQL plans from its statistics and has no unary + for text.
QString statusColumn(bool postgres) { return postgres ? QStringLiteral("v.status") : QStringLiteral("+v.status"); }

// A case still running: not stopped, the product not yet delivered.
const QString kOpenCase = QStringLiteral(
    "v.id IN (SELECT w.volunteer_id FROM workup_case w WHERE w.stopped_date IS NULL AND w.stage NOT IN "
    "('product_delivered', 'follow_up'))");

const QString kGoodPhone = QStringLiteral(
    "EXISTS (SELECT 1 FROM volunteer_phone g WHERE g.volunteer_id = v.id AND g.replaced_on IS NULL AND "
    "g.known_bad_on IS NULL)");

const QString kLastStaff = QStringLiteral(
    "(SELECT c.staff FROM contact_attempt c WHERE c.volunteer_id = v.id ORDER BY c.contacted_at DESC, c.id DESC "
    "LIMIT 1)");

struct Plan {
  QStringList where;
  QVariantList values;
  QString due;    // the list's own date column
  QString order;  // most urgent first
};

// Every list's region and caseload filters.
void addRegionAndStaff(Plan& p, const model::WorklistQuery& q) {
  const QString region = q.region.trimmed();
  if (!region.isEmpty()) {
    p.where << QStringLiteral("(v.prefecture = ? OR v.county = ?)");
    p.values << region << region;
  }
  const QString staff = q.staff.trimmed();
  if (!staff.isEmpty()) {
    p.where << kLastStaff + QStringLiteral(" = ?");
    p.values << staff;
  }
}

Plan planFor(const model::WorklistQuery& q, int failedAttempts, bool postgres) {
  const QString nullsFirst = postgres ? QStringLiteral(" NULLS FIRST") : QString();
  const QString status = statusColumn(postgres);
  const QString inPool = kInPool.arg(status);
  Plan p;
  switch (q.list) {
    case Worklist::NotReached:
      p.where << inPool << QStringLiteral("(v.last_contact_ok IS NULL OR v.last_contact_ok < ?)");
      p.values << sql::date(q.today.addMonths(-q.months));
      p.due = QStringLiteral("v.last_contact_ok");
      p.order = QStringLiteral("v.last_contact_ok ASC") + nullsFirst + QStringLiteral(", v.id");
      break;
    case Worklist::AllChannelsFailed:
      p.where << inPool << QStringLiteral("v.failed_contacts >= ?");
      p.values << failedAttempts;
      p.due = QStringLiteral("v.last_contact_ok");
      p.order = QStringLiteral("v.failed_contacts DESC, v.id");
      break;
    case Worklist::PhoneKnownBad:
      p.where << inPool
              << QStringLiteral("v.id IN (SELECT b.volunteer_id FROM volunteer_phone b WHERE b.known_bad_on > '' "
                                "AND b.replaced_on IS NULL)")
              << QStringLiteral("NOT ") + kGoodPhone;
      p.due = QStringLiteral("(SELECT MAX(b.known_bad_on) FROM volunteer_phone b WHERE b.volunteer_id = v.id)");
      p.order = QStringLiteral("v.failed_contacts DESC, v.id");
      break;
    case Worklist::CaseWithoutContact:
      p.where << QStringLiteral("(v.status = 'reserved' OR ") + kOpenCase + QLatin1Char(')')
              << QStringLiteral("(v.last_contact_ok IS NULL OR v.last_contact_ok < ?)");
      p.values << sql::date(q.today.addDays(-14));
      p.due = QStringLiteral("v.last_contact_ok");
      p.order = QStringLiteral("v.last_contact_ok ASC") + nullsFirst + QStringLiteral(", v.id");
      break;
    case Worklist::TurningSixty:
      p.where << status + QStringLiteral(" IN ('active', 'temporarily_deferred', 'lost_contact')")
              << QStringLiteral("v.birth_date > ?") << QStringLiteral("v.birth_date <= ?");
      p.values << sql::date(q.today.addYears(-60)) << sql::date(q.today.addYears(-59));
      p.due = QStringLiteral("v.birth_date");
      p.order = QStringLiteral("v.birth_date ASC, v.id");
      break;
    case Worklist::WithdrawalRequested:
      p.where << QStringLiteral("v.withdrawal_requested_on IS NOT NULL");
      p.due = QStringLiteral("v.withdrawal_requested_on");
      p.order = QStringLiteral("v.withdrawal_requested_on ASC, v.id");
      break;
    case Worklist::ReadinessDue:
      p.where << status + QStringLiteral(" = 'active'")
              << QStringLiteral("(v.last_readiness_check IS NULL OR v.last_readiness_check < ?)");
      p.values << sql::date(q.today.addMonths(-12));
      p.due = QStringLiteral("v.last_readiness_check");
      p.order = QStringLiteral("v.last_readiness_check ASC") + nullsFirst + QStringLiteral(", v.id");
      break;
    case Worklist::ReservationExpiring:
      p.where << QStringLiteral("v.reservation_expires IS NOT NULL") << QStringLiteral("v.reservation_expires <= ?");
      p.values << sql::date(q.today.addDays(14));
      p.due = QStringLiteral("v.reservation_expires");
      p.order = QStringLiteral("v.reservation_expires ASC, v.id");
      break;
    case Worklist::FollowUpDue:
      break;  // followUpDuePage() chooses the page; rowsOfPlan() reads it by id
  }
  addRegionAndStaff(p, q);
  return p;
}

// The follow-up-due list: every donor (a donation date at least Day2's two
// days ago) with the points recorded for that donation; the next unrecorded
// point and its date come from model/follow_up_schedule.h, the one rule,
// rather than from date arithmetic each SQL dialect spells differently.
// Donors are a few in a thousand, read through the donation-date index of
// schema 11, so sorting them here is cheap.
struct DueDonor {
  qint64 id = 0;
  QDate due;
  model::FollowUpPoint point = model::FollowUpPoint::Day2;
};

Expected<QList<DueDonor>> followUpDuePage(Database& db, const model::WorklistQuery& q) {
  Plan p;
  p.where << QStringLiteral("v.donation_date <= ?");
  p.values << sql::date(q.today.addDays(-model::followUpOffset(model::FollowUpPoint::Day2).days));
  addRegionAndStaff(p, q);
  // No ORDER BY: sorting by id would make SQLite walk the whole table in id
  // order instead of the donation-date index; the rows are grouped here.
  QSqlQuery read(db.sql());
  read.setForwardOnly(true);
  read.prepare(QStringLiteral("SELECT v.id, v.donation_date, f.point FROM volunteer v LEFT JOIN donation_follow_up f "
                              "ON f.volunteer_id = v.id AND f.donation_date = v.donation_date WHERE %1")
                   .arg(p.where.join(QStringLiteral(" AND "))));
  sql::bindAll(read, p.values);
  if (!read.exec()) return databaseError(QStringLiteral("reading the donors' follow-ups"), read.lastError());
  struct Donor {
    QDate donated;
    QList<model::FollowUpPoint> recorded;
  };
  QHash<qint64, Donor> donors;
  while (read.next()) {
    Donor& d = donors[read.value(0).toLongLong()];
    if (!d.donated.isValid()) d.donated = sql::toDate(read.value(1));
    if (auto point = model::parseFollowUpPoint(read.value(2).toString().toStdString())) d.recorded.append(*point);
  }
  QList<DueDonor> due;
  for (auto it = donors.cbegin(); it != donors.cend(); ++it) {
    const auto next = model::nextUnrecordedFollowUp(it->recorded);
    if (!next) continue;  // every point through year 10 recorded
    const QDate on = model::followUpDueOn(it->donated, *next);
    if (on <= q.today) due.append({it.key(), on, *next});
  }
  // most overdue first
  std::stable_sort(due.begin(), due.end(), [](const DueDonor& a, const DueDonor& b) {
    return a.due != b.due ? a.due < b.due : a.id < b.id;
  });
  return due.mid(q.offset, q.limit);
}

Expected<QList<model::WorklistRow>> rowsOfPlan(Database& db, const Plan& plan, int limit, int offset) {
  // The page's ids first, then its columns: the row subqueries (phone, staff,
  // readiness) run for the page only, not for every match a sort has to hold.
  QSqlQuery q(db.sql());
  q.setForwardOnly(true);
  q.prepare(QStringLiteral("SELECT v.id, v.registry_no, v.name, v.status, v.birth_date, v.prefecture, v.county, "
                           "(SELECT p.number FROM volunteer_phone p WHERE p.volunteer_id = v.id AND p.replaced_on "
                           "IS NULL ORDER BY p.is_current DESC, p.position LIMIT 1), "
                           "CASE WHEN %1 THEN 0 ELSE 1 END, v.emergency_phone, v.emergency2_phone, "
                           "v.last_contact_ok, v.failed_contacts, %2, %3, COALESCE(CAST(v.consent_date AS TEXT), substr(v.created_at, 1, 10)), "
                           "(SELECT r.family_attitude FROM readiness_check r WHERE r.volunteer_id = v.id ORDER BY "
                           "r.checked_on DESC, r.id DESC LIMIT 1), "
                           "CASE WHEN EXISTS (SELECT 1 FROM readiness_check u WHERE u.volunteer_id = v.id AND "
                           "u.willing = 'unsure') THEN 1 ELSE 0 END, "
                           "CASE WHEN v.withdrawal_requested_on IS NULL THEN 0 ELSE 1 END "
                           "FROM (SELECT v.id AS page_id FROM volunteer v WHERE %4 ORDER BY %5 LIMIT ? OFFSET ?) page "
                           "JOIN volunteer v ON v.id = page.page_id ORDER BY %5")
                .arg(kGoodPhone, plan.due, kLastStaff, plan.where.join(QStringLiteral(" AND ")), plan.order));
  QVariantList values = plan.values;
  values << limit << offset;
  sql::bindAll(q, values);
  if (!q.exec()) return databaseError(QStringLiteral("reading a worklist"), q.lastError());
  QList<model::WorklistRow> rows;
  while (q.next()) {
    model::WorklistRow r;
    r.volunteerId = q.value(0).toLongLong();
    r.registryNo = q.value(1).toString();
    r.name = q.value(2).toString();
    r.status = model::parseVolunteerStatus(q.value(3).toString().toStdString()).value_or(model::VolunteerStatus::Active);
    r.birthDate = sql::toDate(q.value(4));
    r.prefecture = q.value(5).toString();
    r.county = q.value(6).toString();
    r.phone = q.value(7).toString();
    r.ownNumbersBad = q.value(8).toInt() != 0;
    r.lastContactOk = sql::toDate(q.value(11));
    r.failedContacts = q.value(12).toInt();
    r.due = sql::toDate(q.value(13));
    r.lastStaff = q.value(14).toString();
    r.registeredOn = sql::toDate(q.value(15));
    r.familyAttitude = model::parseFamilyAttitude(q.value(16).toString().toStdString())
                           .value_or(model::FamilyAttitude::Unknown);
    r.everUnsure = q.value(17).toInt() != 0;
    r.withdrawalRequested = q.value(18).toInt() != 0;
    // the backup contacts are worth a call once their own numbers fail
    if (r.ownNumbersBad || r.failedContacts > 0) {
      QStringList backups;
      for (int i : {9, 10})
        if (!q.value(i).toString().isEmpty()) backups << q.value(i).toString();
      r.backupPhones = backups.join(QStringLiteral(" / "));
    }
    rows.append(r);
  }
  return rows;
}

}  // namespace

Expected<QList<model::WorklistRow>> worklistRows(Database& db, const model::WorklistQuery& query, int failedAttempts) {
  if (query.list != Worklist::FollowUpDue)
    return rowsOfPlan(db, planFor(query, failedAttempts, db.backend() == Backend::Postgres), query.limit,
                      query.offset);
  auto page = followUpDuePage(db, query);
  if (!page) return page.error();
  if (page->isEmpty()) return QList<model::WorklistRow>{};
  Plan byId;
  QStringList marks;
  for (const DueDonor& d : *page) {
    marks << QStringLiteral("?");
    byId.values << d.id;
  }
  byId.where << QStringLiteral("v.id IN (%1)").arg(marks.join(QLatin1Char(',')));
  byId.due = QStringLiteral("v.donation_date");
  byId.order = QStringLiteral("v.id");
  auto rows = rowsOfPlan(db, byId, int(page->size()), 0);
  if (!rows) return rows;
  QHash<qint64, model::WorklistRow> read;
  for (const model::WorklistRow& r : *rows) read.insert(r.volunteerId, r);
  QList<model::WorklistRow> ordered;
  for (const DueDonor& d : *page) {
    model::WorklistRow r = read.value(d.id);
    r.due = d.due;
    r.followUp = d.point;
    ordered.append(r);
  }
  return ordered;
}

}  // namespace dd::store
