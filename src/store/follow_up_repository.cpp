#include "store/follow_up_repository.h"

#include <algorithm>

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "store/database.h"
#include "store/sql_values.h"
#include "store/store_errors.h"

namespace dd::store {

using model::DonationFollowUp;

Status FollowUpRepository::insert(DonationFollowUp& f) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("INSERT INTO donation_follow_up (volunteer_id, case_id, donation_date, point, done_on, "
                           "staff, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  sql::bindAll(q, {f.volunteerId, sql::id(f.caseId), sql::date(f.donationDate), sql::key(model::key(f.point)),
                   sql::date(f.doneOn), f.staff, sql::text(f.note), sql::timestamp(sql::nowUtc())});
  if (!q.exec() || !q.next()) return databaseError(QStringLiteral("recording a follow-up"), q.lastError());
  f.id = q.value(0).toLongLong();
  return {};
}

Expected<QList<DonationFollowUp>> FollowUpRepository::forVolunteer(qint64 volunteerId) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("SELECT id, case_id, donation_date, point, done_on, staff, note FROM donation_follow_up "
                           "WHERE volunteer_id = ?"));
  q.addBindValue(volunteerId);
  if (!q.exec()) return databaseError(QStringLiteral("reading follow-ups"), q.lastError());
  QList<DonationFollowUp> list;
  while (q.next()) {
    DonationFollowUp f;
    f.id = q.value(0).toLongLong();
    f.volunteerId = volunteerId;
    f.caseId = q.value(1).toLongLong();
    f.donationDate = sql::toDate(q.value(2));
    // the point column holds only keys this table was written with
    f.point = model::parseFollowUpPoint(q.value(3).toString().toStdString()).value_or(model::FollowUpPoint::Day2);
    f.doneOn = sql::toDate(q.value(4));
    f.staff = q.value(5).toString();
    f.note = q.value(6).toString();
    list.append(f);
  }
  // point order is the enum's, not the keys' alphabetical one (year10 < year2)
  std::sort(list.begin(), list.end(), [](const DonationFollowUp& a, const DonationFollowUp& b) {
    if (a.donationDate != b.donationDate) return a.donationDate < b.donationDate;
    return a.point < b.point;
  });
  return list;
}

}  // namespace dd::store
