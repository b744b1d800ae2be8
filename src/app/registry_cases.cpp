// Registry: contact log, patients, workup cases, audit trail.
#include <QCoreApplication>

#include "app/case_risk.h"
#include "app/contact_recording.h"
#include "app/registry.h"
#include "app/shown_names.h"
#include "app/volunteer_validation.h"
#include "app/unit_of_work.h"
#include "store/database.h"
#include "store/audit_log.h"
#include "store/patient_repository.h"
#include "store/volunteer_columns.h"
#include "store/volunteer_repository.h"
#include "store/workup_repository.h"

namespace dd::app {

using model::Patient;
using model::VolunteerStatus;
using model::WorkupCase;
using model::WorkupStage;

namespace {

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }

Error notAvailable(const model::Volunteer& v) {
  return makeError("validation.not_available", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "Volunteer No. %1 is '%2' and cannot start a workup."),
                   {utf8(v.registryNo), shownName(model::displayName(v.status))}, "volunteer_id");
}

Error caseAlreadyOpen(const model::Volunteer& v, const QString& caseCode) {
  return makeError("validation.case_open", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app",
                                     "Volunteer No. %1 already has an open workup case (%2) for this patient."),
                   {utf8(v.registryNo), utf8(caseCode)}, "volunteer_id");
}

// The patient's case number and the case's place among the patient's cases
// (a patient may need a second donor): P2026-00001-01, P2026-00001-02, ...
QString caseCodeFor(const QString& patientCaseNo, int nth) {
  return QStringLiteral("%1-%2").arg(patientCaseNo).arg(nth, 2, 10, QLatin1Char('0'));
}

Error stageOrder(WorkupStage current, WorkupStage next) {
  return makeError("validation.stage_order", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "The case is already at stage '%1'; it cannot move to '%2'."),
                   {shownName(model::displayName(current)), shownName(model::displayName(next))}, "stage");
}

Error stageSkipped(WorkupStage current, WorkupStage next) {
  QStringList skipped;
  for (int i = static_cast<int>(current) + 1; i < static_cast<int>(next); ++i)
    skipped << shownText(model::displayName(static_cast<WorkupStage>(i)));
  return makeError("validation.stage_skipped", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "Moving from '%1' to '%2' skips %3: give the reason for skipping."),
                   {shownName(model::displayName(current)), shownName(model::displayName(next)),
                    utf8(skipped.join(QStringLiteral("、")))},
                   "skip_reason");
}

Error consentMissing(WorkupStage next) {
  return makeError("validation.consent_missing", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app",
                                     "'%1' needs the donor's signed consent on file: record the stage '%2' first."),
                   {shownName(model::displayName(next)), shownName(model::displayName(WorkupStage::ConsentSigned))},
                   "stage");
}

Error dateBeforePrevious(const QDate& date, WorkupStage previous, const QDate& previousDate) {
  return makeError("validation.stage_date", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "The date %1 is before the date of the stage '%2' (%3)."),
                   {utf8(date.toString(Qt::ISODate)), shownName(model::displayName(previous)),
                    utf8(previousDate.toString(Qt::ISODate))},
                   "date");
}

Error reasonRequired(const char* field) {
  return makeError("validation.required", "dd::app", QT_TRANSLATE_NOOP("dd::app", "%1 is required."),
                   {utf8(fieldLabel(QString::fromLatin1(field)))}, field);
}

Error caseStopped(const QDate& date) {
  return makeError("validation.case_stopped", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "The case was stopped on %1 and can no longer change."),
                   {utf8(date.toString(Qt::ISODate))}, "stage");
}

// A case that may still change: it exists and has not been stopped.
Expected<WorkupCase> changeableCase(store::Database& db, qint64 caseId) {
  auto found = store::WorkupRepository(db).get(caseId);
  if (!found) return found.error();
  if (found->stopped()) return caseStopped(found->stoppedDate);
  return found;
}

template <class T>
SaveResult<T> failed(const Status& status) {
  return SaveResult<T>::failure(status.error());
}

// Saves an edited case (its row_version is bumped in `after`) and its audit
// row (old -> new) in the caller's unit of work.
Status updateWorkupAudited(store::Database& db, UnitOfWork& work, const WorkupCase& before, WorkupCase& after) {
  if (Status s = store::WorkupRepository(db).update(after); !s) return s;
  return work.changed(before, after);
}

// A nested save's validation errors, reported as this save's result.
template <class T, class U>
SaveResult<T> errorsOf(const SaveResult<U>& nested) {
  SaveResult<T> result;
  result.errors = nested.errors;
  return result;
}

}  // namespace

Expected<model::ContactAttempt> Registry::recordContact(const model::ContactAttempt& input, const Actor& actor) {
  model::ContactAttempt attempt = input;
  if (attempt.staff.isEmpty()) attempt.staff = actor.staff;
  if (!attempt.at.isValid()) attempt.at = QDateTime::currentDateTimeUtc();
  // Back-dating (a call made yesterday, written up today) is fine; a date
  // to come is a typing mistake.
  if (attempt.at.toLocalTime().date() > QDate::currentDate())
    return makeError("validation.contact_future", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "Contact date %1 is in the future."),
                     {utf8(attempt.at.toLocalTime().date().toString(Qt::ISODate))}, "contact_date");
  UnitOfWork work(*db_, actor);
  if (!work.started()) return work.started().error();
  if (Status s = writeContactAttempt(*db_, work, attempt); !s) return s.error();
  if (Status s = work.commit(); !s) return s.error();
  volunteerWritten(attempt.volunteerId);
  return attempt;
}

Expected<QList<model::ContactAttempt>> Registry::contacts(qint64 volunteerId) {
  return store::WorkupRepository(*db_).contacts(volunteerId);
}

Expected<Patient> Registry::patient(qint64 id) { return store::PatientRepository(*db_).get(id); }
Expected<Patient> Registry::patientByCaseNo(const QString& caseNo) {
  return store::PatientRepository(*db_).byCaseNo(caseNo);
}
Expected<QList<Patient>> Registry::listPatients(const PatientQuery& query) {
  return store::PatientRepository(*db_).list(query);
}

SaveResult<Patient> Registry::createPatient(const Patient& input, const Actor& actor) {
  Patient p = input;
  p.id = 0;
  return writePatient(p, actor);
}

SaveResult<Patient> Registry::updatePatient(const Patient& input, const Actor& actor) {
  return writePatient(input, actor);
}

SaveResult<Patient> Registry::writePatient(Patient p, const Actor& actor) {
  SaveResult<Patient> result;
  ValidationContext context;
  context.hla = hlaChecker();
  result.errors = validatePatient(p, context);
  if (!result.errors.empty()) return result;
  UnitOfWork work(*db_, actor);
  if (!work.started()) return failed<Patient>(work.started());
  store::PatientRepository patients(*db_);
  if (p.id == 0) {
    if (Status s = patients.insert(p); !s) return failed<Patient>(s);
    if (Status s = work.created(p); !s) return failed<Patient>(s);
  } else {
    auto before = patients.get(p.id);
    if (!before) return SaveResult<Patient>::failure(before.error());
    if (Status s = patients.update(p); !s) return failed<Patient>(s);
    if (Status s = work.changed(*before, p); !s) return failed<Patient>(s);
  }
  if (Status s = work.commit(); !s) return failed<Patient>(s);
  result.value = p;
  return result;
}

SaveResult<WorkupCase> Registry::committedCase(UnitOfWork& work, const WorkupCase& saved) {
  if (Status s = work.commit(); !s) return failed<WorkupCase>(s);
  SaveResult<WorkupCase> result;
  result.value = saved;
  volunteerWritten(saved.volunteerId);
  return result;
}

Status Registry::checkStartWorkup(qint64 patientId, qint64 volunteerId) {
  auto patientRecord = patient(patientId);
  if (!patientRecord) return patientRecord.error();
  auto donor = volunteer(volunteerId);
  if (!donor) return donor.error();
  const bool deferralOver = donor->status == VolunteerStatus::TemporarilyDeferred && donor->statusUntil.isValid() &&
                            donor->statusUntil <= QDate::currentDate();
  // The documented order is "reserve for this patient, then start the
  // workup": a reservation for this patient is no obstacle, one for another is.
  const bool reservedForThisPatient =
      donor->status == VolunteerStatus::Reserved && donor->reservedForPatientId == patientId;
  if (donor->status != VolunteerStatus::Active && !deferralOver && !reservedForThisPatient)
    return notAvailable(*donor);
  if (reservedForThisPatient) {
    auto cases = workupCasesForVolunteer(volunteerId);
    if (!cases) return cases.error();
    for (const WorkupCase& open : *cases)
      if (open.patientId == patientId && !open.stopped()) return caseAlreadyOpen(*donor, open.caseCode);
  }
  return {};
}

SaveResult<WorkupCase> Registry::startWorkup(qint64 patientId, qint64 volunteerId, const QDate& date,
                                             const Actor& actor) {
  if (Status allowed = checkStartWorkup(patientId, volunteerId); !allowed) return failed<WorkupCase>(allowed);
  auto patientRecord = patient(patientId);
  if (!patientRecord) return SaveResult<WorkupCase>::failure(patientRecord.error());
  auto donor = volunteer(volunteerId);
  if (!donor) return SaveResult<WorkupCase>::failure(donor.error());
  const bool reservedForThisPatient =
      donor->status == VolunteerStatus::Reserved && donor->reservedForPatientId == patientId;
  UnitOfWork work(*db_, actor);
  if (!work.started()) return failed<WorkupCase>(work.started());
  WorkupCase w;
  w.patientId = patientId;
  w.volunteerId = volunteerId;
  w.stage = WorkupStage::InitialMatch;
  w.stageDates[0] = date.isValid() ? date : QDate::currentDate();
  store::WorkupRepository workups(*db_);
  auto earlier = workups.forPatient(patientId);
  if (!earlier) return SaveResult<WorkupCase>::failure(earlier.error());
  w.caseCode = caseCodeFor(patientRecord->caseNo, static_cast<int>(earlier->size()) + 1);
  if (Status s = workups.insert(w); !s) return failed<WorkupCase>(s);
  if (Status s = work.created(w); !s) return failed<WorkupCase>(s);
  if (!reservedForThisPatient) {
    auto reserved = reserveForPatient(volunteerId, donor->rowVersion, patientId, actor);
    if (!reserved.ok()) return errorsOf<WorkupCase>(reserved);
  }
  return committedCase(work, w);
}

SaveResult<WorkupCase> Registry::advanceWorkup(qint64 caseId, int rowVersion, WorkupStage stage, const QDate& date,
                                               const Actor& actor, const QString& skipReason, bool acceptRisk) {
  UnitOfWork work(*db_, actor);
  if (!work.started()) return failed<WorkupCase>(work.started());
  auto before = changeableCase(*db_, caseId);
  if (!before) return SaveResult<WorkupCase>::failure(before.error());
  if (Status allowed = checkAdvance(*before, stage, date, skipReason); !allowed) return failed<WorkupCase>(allowed);
  // The patient's conditioning begins about when the donor is mobilised: a
  // withdrawal after that can cost the patient's life, so an open sign of
  // one is put to staff before, not discovered after.
  if (!acceptRisk && before->stage < WorkupStage::Mobilisation && stage >= WorkupStage::Mobilisation) {
    auto risk = caseRisk(*this, caseId);
    if (!risk) return SaveResult<WorkupCase>::failure(risk.error());
    if (risk->atRisk()) {
      SaveResult<WorkupCase> warned;
      warned.warnings.push_back(makeError(
          codes::caseAtRisk, "dd::app",
          QT_TRANSLATE_NOOP("dd::app", "Case %1 has open risk flags (%2). The patient's conditioning begins around "
                                       "mobilisation: make sure the donor is still committed before going on."),
          {utf8(before->caseCode), utf8(riskFlagNames(risk->flags))}, "stage"));
      return warned;
    }
  }
  const bool skips = static_cast<int>(stage) > static_cast<int>(before->stage) + 1;
  const QDate when = date.isValid() ? date : QDate::currentDate();
  WorkupCase w = *before;
  w.rowVersion = rowVersion;
  w.stage = stage;
  w.stageDates[static_cast<std::size_t>(stage)] = when;
  if (skips) w.stageNote = skipReason.trimmed();
  if (Status s = updateWorkupAudited(*db_, work, *before, w); !s) return failed<WorkupCase>(s);
  if (stage == WorkupStage::Collection) {  // the donation itself
    auto donor = volunteer(w.volunteerId);
    if (!donor) return SaveResult<WorkupCase>::failure(donor.error());
    StatusChangeRequest donated{VolunteerStatus::Donated, {}, {}, 0, {}, when};
    auto changed = applyStatus(w.volunteerId, donor->rowVersion, donated, actor);
    if (!changed.ok()) return errorsOf<WorkupCase>(changed);
  }
  return committedCase(work, w);
}

Status Registry::checkAdvance(const WorkupCase& current, WorkupStage stage, const QDate& date,
                              const QString& skipReason) {
  if (current.stopped()) return caseStopped(current.stoppedDate);
  if (stage <= current.stage) return stageOrder(current.stage, stage);
  // Nothing after consent happens without it: no reason makes up for it.
  if (stage > WorkupStage::ConsentSigned &&
      !current.stageDates[static_cast<std::size_t>(WorkupStage::ConsentSigned)].isValid())
    return consentMissing(stage);
  const bool skips = static_cast<int>(stage) > static_cast<int>(current.stage) + 1;
  if (skips && skipReason.trimmed().isEmpty()) return stageSkipped(current.stage, stage);
  const QDate when = date.isValid() ? date : QDate::currentDate();
  const QDate previousDate = current.stageDates[static_cast<std::size_t>(current.stage)];
  if (previousDate.isValid() && when < previousDate) return dateBeforePrevious(when, current.stage, previousDate);
  return {};
}

SaveResult<WorkupCase> Registry::undoLastStage(qint64 caseId, int rowVersion, const QString& reason,
                                               const Actor& actor) {
  if (reason.trimmed().isEmpty()) return SaveResult<WorkupCase>::failure(reasonRequired("undo_reason"));
  UnitOfWork work(*db_, actor);
  if (!work.started()) return failed<WorkupCase>(work.started());
  auto before = changeableCase(*db_, caseId);
  if (!before) return SaveResult<WorkupCase>::failure(before.error());
  if (before->stage == WorkupStage::InitialMatch)
    return SaveResult<WorkupCase>::failure(
        makeError("validation.nothing_to_undo", "dd::app",
                  QT_TRANSLATE_NOOP("dd::app", "The case is at its first stage; there is nothing to undo."), {},
                  "stage"));
  WorkupCase w = *before;
  w.rowVersion = rowVersion;
  w.stageDates[static_cast<std::size_t>(before->stage)] = QDate();
  // Back to the furthest stage still dated (skipped stages have no date).
  int previous = static_cast<int>(before->stage) - 1;
  while (previous > 0 && !w.stageDates[static_cast<std::size_t>(previous)].isValid()) --previous;
  w.stage = static_cast<WorkupStage>(previous);
  w.stageNote = reason.trimmed();
  if (Status s = updateWorkupAudited(*db_, work, *before, w); !s) return failed<WorkupCase>(s);
  if (before->stage == WorkupStage::Collection) {  // the donation did not happen (yet)
    auto donor = volunteer(w.volunteerId);
    if (!donor) return SaveResult<WorkupCase>::failure(donor.error());
    model::Volunteer v = *donor;
    v.status = VolunteerStatus::Reserved;
    v.reservedForPatientId = w.patientId;
    v.donationCount = qMax(0, v.donationCount - 1);
    if (v.donationCount == 0) v.donationDate = QDate();
    v.statusReason = reason.trimmed();
    auto saved = writeVolunteer(v, actor, StatusSource::Given);
    if (!saved.ok()) return errorsOf<WorkupCase>(saved);
  }
  return committedCase(work, w);
}

SaveResult<WorkupCase> Registry::stopWorkup(qint64 caseId, int rowVersion, model::StopReason code,
                                            WorkupStage stageReached, const QString& reason, const QDate& date,
                                            const Actor& actor) {
  // "Other" says nothing by itself: its words are the reason.
  if (code == model::StopReason::Other && reason.trimmed().isEmpty())
    return SaveResult<WorkupCase>::failure(reasonRequired("stop_reason"));
  if (reason.trimmed().size() > 500)
    return SaveResult<WorkupCase>::failure(
        makeError("validation.too_long", "dd::app", QT_TRANSLATE_NOOP("dd::app", "%1 is longer than %2 characters."),
                  {utf8(fieldLabel(QStringLiteral("stop_reason"))), "500"}, "stop_reason"));
  UnitOfWork work(*db_, actor);
  if (!work.started()) return failed<WorkupCase>(work.started());
  auto before = changeableCase(*db_, caseId);
  if (!before) return SaveResult<WorkupCase>::failure(before.error());
  if (stageReached > before->stage)
    return SaveResult<WorkupCase>::failure(makeError(
        "validation.stage_reached", "dd::app",
        QT_TRANSLATE_NOOP("dd::app", "The case has only reached the stage '%1'; it cannot have stopped at '%2'."),
        {shownName(model::displayName(before->stage)), shownName(model::displayName(stageReached))},
        "stage_reached"));
  const QDate when = date.isValid() ? date : QDate::currentDate();
  const QDate opened = before->stageDates[0];
  if (opened.isValid() && when < opened)
    return SaveResult<WorkupCase>::failure(dateBeforePrevious(when, WorkupStage::InitialMatch, opened));
  WorkupCase w = *before;
  w.rowVersion = rowVersion;
  w.stoppedDate = when;
  w.stopCode = code;
  w.stopReason = reason.trimmed();
  w.regretStage = stageReached;
  if (Status s = updateWorkupAudited(*db_, work, *before, w); !s) return failed<WorkupCase>(s);
  auto donor = volunteer(w.volunteerId);
  if (!donor) return SaveResult<WorkupCase>::failure(donor.error());
  if (donor->status == VolunteerStatus::Reserved && donor->reservedForPatientId == w.patientId) {
    QString why = QString::fromLatin1(model::key(code).data(), qsizetype(model::key(code).size()));
    if (!w.stopReason.isEmpty()) why += QStringLiteral(": ") + w.stopReason;
    auto released = applyStatus(w.volunteerId, donor->rowVersion, {VolunteerStatus::Active, why, {}, 0, {}, {}}, actor);
    if (!released.ok()) return errorsOf<WorkupCase>(released);
  }
  return committedCase(work, w);
}

Expected<WorkupCase> Registry::workupCase(qint64 id) { return store::WorkupRepository(*db_).get(id); }
Expected<WorkupCase> Registry::workupCaseByCode(const QString& codeOrId) {
  bool numeric = false;
  const qint64 id = codeOrId.trimmed().toLongLong(&numeric);
  if (numeric && id > 0) return workupCase(id);
  return store::WorkupRepository(*db_).byCode(codeOrId);
}

Expected<model::WorkupCaseDetail> Registry::workupCaseDetail(qint64 id) {
  auto w = workupCase(id);
  if (!w) return w.error();
  auto p = patient(w->patientId);
  if (!p) return p.error();
  auto v = volunteer(w->volunteerId);
  if (!v) return v.error();
  return model::WorkupCaseDetail{*w, *p, *v};
}

Expected<QList<WorkupCase>> Registry::workupCasesForPatient(qint64 patientId) {
  return store::WorkupRepository(*db_).forPatient(patientId);
}
Expected<QList<WorkupCase>> Registry::workupCasesForVolunteer(qint64 volunteerId) {
  return store::WorkupRepository(*db_).forVolunteer(volunteerId);
}
Expected<QList<WorkupCase>> Registry::listWorkupCases() { return store::WorkupRepository(*db_).all(); }
Expected<QList<model::AuditEntry>> Registry::auditTrail(const QString& entity, qint64 entityId) {
  // The record's own field order, read off an empty record.
  QList<QPair<QString, QString>> fields;
  if (entity == QLatin1String("volunteer")) fields = store::volunteer_columns::auditFields(model::Volunteer{});
  else if (entity == QLatin1String("patient")) fields = store::PatientRepository::auditFields(Patient{});
  else if (entity == QLatin1String("workup_case")) fields = store::WorkupRepository::auditFields(WorkupCase{});
  QStringList order;
  for (const auto& field : fields) order << field.first;
  return store::AuditLog(*db_).fieldTrail(entity, entityId, order);
}
Expected<QList<model::ImportBatch>> Registry::importBatches() { return store::WorkupRepository(*db_).batches(); }

}  // namespace dd::app
