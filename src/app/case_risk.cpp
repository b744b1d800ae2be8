#include "app/case_risk.h"

#include <QCoreApplication>

#include "app/registry.h"
#include "app/registry_store_access.h"
#include "app/shown_names.h"
#include "app/unit_of_work.h"
#include "app/volunteer_validation.h"
#include "store/case_risk_repository.h"
#include "store/database.h"
#include "store/workup_repository.h"

namespace dd::app {

using model::CaseRiskFlag;
using model::RiskFlagKind;
using model::WorkupCase;

namespace {

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }
QString keyText(std::string_view key) { return QString::fromLatin1(key.data(), qsizetype(key.size())); }

constexpr int kMaxText = 500;  // a note, a resolution, the attendees

Error required(const char* field) {
  return makeError("validation.required", "dd::app", QT_TRANSLATE_NOOP("dd::app", "%1 is required."),
                   {utf8(fieldLabel(QString::fromLatin1(field)))}, field);
}

Error tooLong(const char* field) {
  return makeError("validation.too_long", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "%1 is longer than %2 characters."),
                   {utf8(fieldLabel(QString::fromLatin1(field))), std::to_string(kMaxText)}, field);
}

// Empty when the text is acceptable, else why not.
std::optional<Error> checkText(const QString& text, const char* field, bool needed) {
  if (needed && text.trimmed().isEmpty()) return required(field);
  if (text.trimmed().size() > kMaxText) return tooLong(field);
  return std::nullopt;
}

Error stoppedCase(const WorkupCase& w) {
  return makeError("validation.case_stopped", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "The case was stopped on %1 and can no longer change."),
                   {utf8(w.stoppedDate.toString(Qt::ISODate))}, "case");
}

Expected<WorkupCase> openCase(store::Database& db, qint64 caseId) {
  auto found = store::WorkupRepository(db).get(caseId);
  if (!found) return found.error();
  if (found->stopped()) return stoppedCase(*found);
  return found;
}

// One audit row under the case: what happened to its risk, as one value.
Status audit(UnitOfWork& work, qint64 caseId, const QString& action, const QString& field, const QString& value) {
  return work.record({0, {}, {}, action, QStringLiteral("workup_case"), caseId, field, {}, value});
}

bool hasOpen(const QList<CaseRiskFlag>& flags, RiskFlagKind kind) {
  for (const CaseRiskFlag& f : flags)
    if (f.open() && f.kind == kind) return true;
  return false;
}

// Raises a flag inside the caller's unit of work (no checks beyond the store's).
Expected<CaseRiskFlag> insertFlag(store::Database& db, UnitOfWork& work, qint64 caseId, RiskFlagKind kind,
                                  const QString& note, const Actor& actor) {
  CaseRiskFlag flag;
  flag.caseId = caseId;
  flag.kind = kind;
  flag.raisedOn = QDate::currentDate();
  flag.staff = actor.staff;
  flag.note = note.trimmed();
  if (Status s = store::CaseRiskRepository(db).insertFlag(flag); !s) return s.error();
  QString value = keyText(model::key(kind));
  if (!flag.note.isEmpty()) value += QStringLiteral(": ") + flag.note;
  if (Status s = audit(work, caseId, QStringLiteral("risk_flag"), QStringLiteral("risk_flag"), value); !s)
    return s.error();
  return flag;
}

// Raises a flag of this kind unless one is open already.
Status raiseUnlessOpen(store::Database& db, UnitOfWork& work, qint64 caseId, RiskFlagKind kind, const QString& note,
                       const Actor& actor) {
  auto flags = store::CaseRiskRepository(db).flags(caseId);
  if (!flags) return flags.error();
  if (hasOpen(*flags, kind)) return {};
  auto raised = insertFlag(db, work, caseId, kind, note, actor);
  if (!raised) return raised.error();
  return {};
}

bool failedAttempt(model::ContactOutcome outcome) {
  return outcome == model::ContactOutcome::NoAnswer || outcome == model::ContactOutcome::WrongNumber ||
         outcome == model::ContactOutcome::Undelivered;
}

}  // namespace

Expected<CaseRisk> caseRisk(Registry& registry, qint64 caseId) {
  store::Database& db = storeDatabase(registry);
  auto w = store::WorkupRepository(db).get(caseId);
  if (!w) return w.error();
  auto flags = store::CaseRiskRepository(db).flags(caseId);
  if (!flags) return flags.error();
  CaseRisk risk;
  for (const CaseRiskFlag& f : *flags)
    if (f.open()) risk.flags.append(f);
  auto contacts = store::WorkupRepository(db).contacts(w->volunteerId);
  if (!contacts) return contacts.error();
  const QDate opened = w->stageDates[0];
  for (const model::ContactAttempt& c : *contacts)
    if (failedAttempt(c.outcome) && (!opened.isValid() || c.at.toLocalTime().date() >= opened))
      ++risk.failedContactsSinceOpened;
  if (risk.failedContactsSinceOpened >= kMissedContactsForRisk && !hasOpen(risk.flags, RiskFlagKind::MissedContacts)) {
    CaseRiskFlag derived;
    derived.caseId = caseId;
    derived.kind = RiskFlagKind::MissedContacts;
    derived.raisedOn = QDate::currentDate();
    derived.note = QCoreApplication::translate("dd::app", "%Ln failed contact attempt(s) since the case opened", nullptr,
                                               risk.failedContactsSinceOpened);
    risk.flags.append(derived);
  }
  return risk;
}

QString riskFlagNames(const QList<CaseRiskFlag>& flags) {
  QStringList names;
  for (const CaseRiskFlag& f : flags) {
    const QString name = shownText(model::displayName(f.kind));
    if (!names.contains(name)) names << name;
  }
  return names.join(QCoreApplication::translate("dd::app", ", "));
}

Expected<QList<CaseRiskFlag>> caseRiskFlags(Registry& registry, qint64 caseId) {
  store::Database& db = storeDatabase(registry);
  if (auto w = store::WorkupRepository(db).get(caseId); !w) return w.error();
  return store::CaseRiskRepository(db).flags(caseId);
}

Expected<QList<model::FamilySession>> familySessions(Registry& registry, qint64 caseId) {
  store::Database& db = storeDatabase(registry);
  if (auto w = store::WorkupRepository(db).get(caseId); !w) return w.error();
  return store::CaseRiskRepository(db).sessions(caseId);
}

SaveResult<WorkupCase> setFamilyAttitude(Registry& registry, qint64 caseId, int rowVersion,
                                         model::FamilyAttitude attitude, const Actor& actor) {
  store::Database& db = storeDatabase(registry);
  UnitOfWork work(db, actor);
  if (!work.started()) return SaveResult<WorkupCase>::failure(work.started().error());
  auto before = openCase(db, caseId);
  if (!before) return SaveResult<WorkupCase>::failure(before.error());
  WorkupCase w = *before;
  w.rowVersion = rowVersion;
  w.familyAttitude = attitude;
  if (Status s = store::WorkupRepository(db).update(w); !s) return SaveResult<WorkupCase>::failure(s.error());
  if (Status s = work.changed(*before, w); !s) return SaveResult<WorkupCase>::failure(s.error());
  if (attitude == model::FamilyAttitude::Opposed)
    if (Status s = raiseUnlessOpen(db, work, caseId, RiskFlagKind::FamilyOpposed, {}, actor); !s)
      return SaveResult<WorkupCase>::failure(s.error());
  if (Status s = work.commit(); !s) return SaveResult<WorkupCase>::failure(s.error());
  SaveResult<WorkupCase> result;
  result.value = w;
  return result;
}

Expected<CaseRiskFlag> raiseRiskFlag(Registry& registry, qint64 caseId, RiskFlagKind kind, const QString& note,
                                     const Actor& actor) {
  if (auto bad = checkText(note, "notes", false)) return *bad;
  store::Database& db = storeDatabase(registry);
  UnitOfWork work(db, actor);
  if (!work.started()) return work.started().error();
  auto w = openCase(db, caseId);
  if (!w) return w.error();
  auto flags = store::CaseRiskRepository(db).flags(caseId);
  if (!flags) return flags.error();
  if (hasOpen(*flags, kind))
    return makeError("validation.flag_open", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "Case %1 already has an open '%2' flag: resolve it or add to it."),
                     {utf8(w->caseCode), shownName(model::displayName(kind))}, "kind");
  auto flag = insertFlag(db, work, caseId, kind, note, actor);
  if (!flag) return flag.error();
  if (Status s = work.commit(); !s) return s.error();
  return flag;
}

Expected<CaseRiskFlag> resolveRiskFlag(Registry& registry, qint64 flagId, const QString& resolution,
                                       const Actor& actor) {
  if (auto bad = checkText(resolution, "resolution", true)) return *bad;
  store::Database& db = storeDatabase(registry);
  UnitOfWork work(db, actor);
  if (!work.started()) return work.started().error();
  store::CaseRiskRepository flags(db);
  auto flag = flags.flag(flagId);
  if (!flag) return flag.error();
  if (!flag->open())
    return makeError("validation.flag_resolved", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "Risk flag %1 was resolved on %2 already."),
                     {std::to_string(flagId), utf8(flag->resolvedOn.toString(Qt::ISODate))}, "flag");
  CaseRiskFlag resolved = *flag;
  resolved.resolvedOn = QDate::currentDate();
  resolved.resolution = resolution.trimmed();
  if (Status s = flags.resolveFlag(flagId, resolved.resolvedOn, resolved.resolution); !s) return s.error();
  if (Status s = audit(work, flag->caseId, QStringLiteral("resolve_flag"), QStringLiteral("risk_flag"),
                       keyText(model::key(flag->kind)) + QStringLiteral(" #%1: ").arg(flagId) + resolved.resolution);
      !s)
    return s.error();
  if (Status s = work.commit(); !s) return s.error();
  return resolved;
}

Expected<model::FamilySession> recordFamilySession(Registry& registry, const model::FamilySession& input,
                                                   const Actor& actor) {
  model::FamilySession session = input;
  session.attendees = session.attendees.trimmed();
  session.note = session.note.trimmed();
  session.staff = actor.staff;
  if (!session.heldOn.isValid()) return required("held_on");
  if (session.heldOn > QDate::currentDate())
    return makeError("validation.date_future", "dd::app", QT_TRANSLATE_NOOP("dd::app", "%1 %2 is in the future."),
                     {utf8(fieldLabel(QStringLiteral("held_on"))), utf8(session.heldOn.toString(Qt::ISODate))},
                     "held_on");
  if (auto bad = checkText(session.attendees, "attendees", true)) return *bad;
  if (auto bad = checkText(session.note, "notes", false)) return *bad;
  store::Database& db = storeDatabase(registry);
  UnitOfWork work(db, actor);
  if (!work.started()) return work.started().error();
  auto w = openCase(db, session.caseId);
  if (!w) return w.error();
  if (w->stageDates[0].isValid() && session.heldOn < w->stageDates[0])
    return makeError("validation.stage_date", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "The session date %1 is before the case opened (%2)."),
                     {utf8(session.heldOn.toString(Qt::ISODate)), utf8(w->stageDates[0].toString(Qt::ISODate))},
                     "held_on");
  if (Status s = store::CaseRiskRepository(db).insertSession(session); !s) return s.error();
  const QString value = QStringLiteral("%1 %2%3").arg(session.heldOn.toString(Qt::ISODate), session.attendees,
                                                      session.letterPrinted ? QStringLiteral(" letter") : QString());
  if (Status s = audit(work, w->id, QStringLiteral("family_session"), QStringLiteral("family_session"), value); !s)
    return s.error();
  if (Status s = work.commit(); !s) return s.error();
  return session;
}

SaveResult<WorkupCase> recordPostponement(Registry& registry, qint64 caseId, int rowVersion, const QString& note,
                                          const Actor& actor) {
  if (auto bad = checkText(note, "postponement_note", true)) return SaveResult<WorkupCase>::failure(*bad);
  store::Database& db = storeDatabase(registry);
  UnitOfWork work(db, actor);
  if (!work.started()) return SaveResult<WorkupCase>::failure(work.started().error());
  auto before = openCase(db, caseId);
  if (!before) return SaveResult<WorkupCase>::failure(before.error());
  WorkupCase w = *before;
  w.rowVersion = rowVersion;
  w.postponements += 1;
  w.stageNote = note.trimmed();
  if (Status s = store::WorkupRepository(db).update(w); !s) return SaveResult<WorkupCase>::failure(s.error());
  if (Status s = work.changed(*before, w, QStringLiteral("postpone")); !s)
    return SaveResult<WorkupCase>::failure(s.error());
  if (Status s = raiseUnlessOpen(db, work, caseId, RiskFlagKind::Postponement, note, actor); !s)
    return SaveResult<WorkupCase>::failure(s.error());
  if (Status s = work.commit(); !s) return SaveResult<WorkupCase>::failure(s.error());
  SaveResult<WorkupCase> result;
  result.value = w;
  return result;
}

}  // namespace dd::app
