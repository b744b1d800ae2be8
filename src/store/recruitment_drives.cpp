// Recruitment drives as the volunteer rows record them: the list of drives
// and the volunteers of one drive (batch printing of registration forms).
// Portable SQL: dates are bound as ISO text, which both SQLite (text column)
// and PostgreSQL (DATE column, untyped parameter) compare as dates.
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "store/database.h"
#include "store/sql_values.h"
#include "store/store_errors.h"
#include "store/volunteer_repository.h"

namespace dd::store {

using namespace dd::model;  // the entities this file reads and writes

Expected<QList<DriveSummary>> VolunteerRepository::drives() {
  QSqlQuery q(db_.sql());
  q.setForwardOnly(true);
  if (!q.exec(QStringLiteral("SELECT drive_date, COALESCE(drive_place, ''), MIN(drive_organiser), COUNT(*) "
                             "FROM volunteer WHERE drive_date IS NOT NULL "
                             "GROUP BY drive_date, COALESCE(drive_place, '') ORDER BY 1 DESC, 2")))
    return databaseError(QStringLiteral("listing recruitment drives"), q.lastError());
  QList<DriveSummary> drives;
  while (q.next()) {
    DriveSummary summary;
    summary.drive = RecruitmentDrive{sql::toDate(q.value(0)), q.value(1).toString(), q.value(2).toString()};
    summary.volunteerCount = q.value(3).toInt();
    drives.append(summary);
  }
  return drives;
}

Expected<QStringList> VolunteerRepository::registryNosOfDrive(const DriveSelector& drive) {
  QSqlQuery q(db_.sql());
  q.setForwardOnly(true);
  if (drive.importBatchId != 0) {
    q.prepare(QStringLiteral("SELECT registry_no FROM volunteer WHERE import_batch_id = ? ORDER BY registry_no"));
    q.addBindValue(drive.importBatchId);
  } else {
    if (!drive.date.isValid()) return QStringList();
    const QString place = drive.place ? QStringLiteral(" AND COALESCE(drive_place, '') = ?") : QString();
    q.prepare(QStringLiteral("SELECT registry_no FROM volunteer WHERE drive_date = ?") + place +
              QStringLiteral(" ORDER BY registry_no"));
    q.addBindValue(sql::date(drive.date));
    // A null QString would bind as NULL and match nothing; "" means "no place recorded".
    if (drive.place) q.addBindValue(drive.place->isNull() ? QStringLiteral("") : drive.place->trimmed());
  }
  if (!q.exec()) return databaseError(QStringLiteral("reading a recruitment drive's volunteers"), q.lastError());
  QStringList registryNos;
  while (q.next()) registryNos << q.value(0).toString();
  return registryNos;
}

}  // namespace dd::store
