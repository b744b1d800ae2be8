// Registry: a volunteer's reservation for one patient, its expiry, its
// extension and its release for the patient's side of things.
#include <QCoreApplication>

#include "app/registry.h"
#include "app/shown_names.h"
#include "app/unit_of_work.h"
#include "app/volunteer_validation.h"
#include "store/database.h"
#include "store/store_errors.h"
#include "store/volunteer_repository.h"

namespace dd::app {

using model::Volunteer;
using model::VolunteerStatus;

namespace {

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }
QString keyText(std::string_view key) { return QString::fromLatin1(key.data(), qsizetype(key.size())); }

Error notReserved(const Volunteer& v) {
  return makeError("validation.not_reserved", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "Volunteer No. %1 is '%2', not reserved: there is no reservation "
                                                "to extend or release."),
                   {utf8(v.registryNo), shownName(model::displayName(v.status))}, "status");
}

Error expiryNotAhead(const QDate& date) {
  return makeError("validation.reservation_expires", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "A reservation must run until a date after today, not %1."),
                   {utf8(date.isValid() ? date.toString(Qt::ISODate) : QStringLiteral("-"))}, "reservation_expires");
}

// The maintained column and its audit row, in the caller's unit of work.
Status writeExpiry(store::Database& db, UnitOfWork& work, const Volunteer& v, const QDate& until) {
  if (Status s = store::VolunteerRepository(db).setReservationExpires(v.id, until); !s) return s;
  return work.record({0, {}, {}, QStringLiteral("update"), QStringLiteral("volunteer"), v.id,
                      QStringLiteral("reservation_expires"), v.reservationExpires.toString(Qt::ISODate),
                      until.toString(Qt::ISODate)});
}

}  // namespace

SaveResult<Volunteer> Registry::reserveForPatient(qint64 volunteerId, int rowVersion, qint64 patientId,
                                                  const Actor& actor, const QDate& expires) {
  const QDate lapses = expires.isValid() ? expires : QDate::currentDate().addDays(kReservationDays);
  if (lapses <= QDate::currentDate()) return SaveResult<Volunteer>::failure(expiryNotAhead(lapses));
  StatusChangeRequest request;
  request.to = VolunteerStatus::Reserved;
  request.patientId = patientId;
  if (patientId != 0) {
    auto reservedFor = patient(patientId);
    if (!reservedFor) return SaveResult<Volunteer>::failure(reservedFor.error());
    request.reason = reservedFor->caseNo;
  }
  UnitOfWork work(*db_, actor);
  if (!work.started()) return SaveResult<Volunteer>::failure(work.started().error());
  auto reserved = applyStatus(volunteerId, rowVersion, request, actor);
  if (!reserved.ok()) return reserved;
  if (Status s = writeExpiry(*db_, work, *reserved.value, lapses); !s) return SaveResult<Volunteer>::failure(s.error());
  if (Status s = work.commit(); !s) return SaveResult<Volunteer>::failure(s.error());
  reserved.value->reservationExpires = lapses;
  volunteerWritten(volunteerId);
  return reserved;
}

SaveResult<Volunteer> Registry::extendReservation(qint64 volunteerId, int rowVersion, const QDate& until,
                                                  const Actor& actor) {
  if (!until.isValid() || until <= QDate::currentDate()) return SaveResult<Volunteer>::failure(expiryNotAhead(until));
  UnitOfWork work(*db_, actor);
  if (!work.started()) return SaveResult<Volunteer>::failure(work.started().error());
  auto current = volunteer(volunteerId);
  if (!current) return SaveResult<Volunteer>::failure(current.error());
  if (current->status != VolunteerStatus::Reserved) return SaveResult<Volunteer>::failure(notReserved(*current));
  // The expiry is a maintained column (no version bump of its own): the
  // version the caller read still has to be the current one.
  if (current->rowVersion != rowVersion)
    return SaveResult<Volunteer>::failure(store::conflictError("volunteer", current->registryNo, QString(),
                                                               current->updatedAt.toString(Qt::ISODate)));
  if (Status s = writeExpiry(*db_, work, *current, until); !s) return SaveResult<Volunteer>::failure(s.error());
  if (Status s = work.commit(); !s) return SaveResult<Volunteer>::failure(s.error());
  SaveResult<Volunteer> result;
  result.value = *current;
  result.value->reservationExpires = until;
  volunteerWritten(volunteerId);
  return result;
}

SaveResult<Volunteer> Registry::releaseReservation(qint64 volunteerId, int rowVersion, model::StopReason reason,
                                                   const QString& note, const Actor& actor) {
  if (model::isDonorReason(reason))
    return SaveResult<Volunteer>::failure(makeError(
        "validation.release_reason", "dd::app",
        QT_TRANSLATE_NOOP("dd::app", "A reservation is released for the patient's side only (transplanted with "
                                     "another donor, patient died, search closed), not for '%1': a donor who "
                                     "withdraws stops the case, or changes status."),
        {shownName(model::displayName(reason))}, "reason"));
  if (note.trimmed().size() > 500)
    return SaveResult<Volunteer>::failure(makeError("validation.too_long", "dd::app",
                                                    QT_TRANSLATE_NOOP("dd::app", "%1 is longer than %2 characters."),
                                                    {utf8(fieldLabel(QStringLiteral("release_note"))), "500"},
                                                    "release_note"));
  auto current = volunteer(volunteerId);
  if (!current) return SaveResult<Volunteer>::failure(current.error());
  if (current->status != VolunteerStatus::Reserved) return SaveResult<Volunteer>::failure(notReserved(*current));
  auto cases = workupCasesForVolunteer(volunteerId);
  if (!cases) return SaveResult<Volunteer>::failure(cases.error());
  for (const model::WorkupCase& open : *cases)
    if (open.patientId == current->reservedForPatientId && !open.stopped())
      return SaveResult<Volunteer>::failure(
          makeError("validation.case_open", "dd::app",
                    QT_TRANSLATE_NOOP("dd::app", "Case %1 of this reservation is still open: stop the case "
                                                 "(that releases the volunteer) instead."),
                    {utf8(open.caseCode)}, "volunteer_id"));
  QString why = keyText(model::key(reason));
  if (!note.trimmed().isEmpty()) why += QStringLiteral(": ") + note.trimmed();
  return applyStatus(volunteerId, rowVersion, {VolunteerStatus::Active, why, {}, 0, {}, {}}, actor);
}

}  // namespace dd::app
