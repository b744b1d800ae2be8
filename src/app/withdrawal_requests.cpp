#include "app/withdrawal_requests.h"

#include "store/database.h"
#include "store/volunteer_repository.h"

namespace dd::app {
namespace {
QString auditValue(const QDate& date, const QString& note) {
  const QString day = date.isValid() ? date.toString(Qt::ISODate) : QString();
  return note.trimmed().isEmpty() ? day : day + QLatin1Char(' ') + note.trimmed();
}
}  // namespace

Expected<bool> markWithdrawalRequested(store::Database& db, UnitOfWork& work, const model::Volunteer& volunteer,
                                       const QDate& date, const QString& note) {
  using model::VolunteerStatus;
  if (volunteer.status == VolunteerStatus::Withdrawn || volunteer.status == VolunteerStatus::Retired ||
      volunteer.status == VolunteerStatus::PermanentlyDeferred)
    return makeError("validation.withdrawal_not_open", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "Volunteer %1 is no longer on the register (status %2): there is "
                                                  "no withdrawal to ask for."),
                     {volunteer.registryNo.toStdString(), std::string(model::key(volunteer.status))}, "status");
  if (volunteer.withdrawalRequestedOn.isValid()) return false;
  const QDate day = date.isValid() ? date : QDate::currentDate();
  if (Status s = store::VolunteerRepository(db).setWithdrawalRequested(volunteer.id, day); !s) return s.error();
  if (Status s = work.record({0, {}, {}, QStringLiteral("withdrawal_requested"), QStringLiteral("volunteer"),
                              volunteer.id, QStringLiteral("withdrawal_requested_on"), {}, auditValue(day, note)});
      !s)
    return s.error();
  return true;
}

Expected<bool> clearWithdrawalRequest(store::Database& db, UnitOfWork& work, const model::Volunteer& volunteer,
                                      const QString& action, const QString& note) {
  if (!volunteer.withdrawalRequestedOn.isValid()) return false;
  if (Status s = store::VolunteerRepository(db).setWithdrawalRequested(volunteer.id, {}); !s) return s.error();
  if (Status s = work.record({0, {}, {}, action, QStringLiteral("volunteer"), volunteer.id,
                              QStringLiteral("withdrawal_requested_on"),
                              volunteer.withdrawalRequestedOn.toString(Qt::ISODate), note.trimmed()});
      !s)
    return s.error();
  return true;
}

}  // namespace dd::app
