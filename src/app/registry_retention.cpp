// Registry: retention (the lost-contact rule's numbers; docs/retention.md).
#include "app/registry.h"
#include "app/unit_of_work.h"
#include "store/contact_freshness.h"
#include "store/database.h"
#include "store/readiness_repository.h"
#include "store/volunteer_repository.h"

namespace dd::app {

Expected<model::RetentionRules> Registry::retentionRules() { return store::readRetentionRules(*db_); }

Status Registry::setRetentionRules(const model::RetentionRules& rules, const Actor& actor) {
  using Rules = model::RetentionRules;
  if (rules.failedAttempts < 1 || rules.failedAttempts > Rules::kMaxAttempts)
    return makeError("validation.retention_rules", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "The number of failed attempts must be between 1 and %1."),
                     {std::to_string(Rules::kMaxAttempts)}, "attempts");
  if (rules.months < 1 || rules.months > Rules::kMaxMonths)
    return makeError("validation.retention_rules", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "The number of months must be between 1 and %1."),
                     {std::to_string(Rules::kMaxMonths)}, "months");
  UnitOfWork work(*db_, actor);
  if (!work.started()) return work.started();
  auto before = store::readRetentionRules(*db_);
  if (!before) return before.error();
  if (Status s = store::writeRetentionRules(*db_, rules); !s) return s;
  auto text = [](const Rules& r) { return QStringLiteral("%1/%2").arg(r.failedAttempts).arg(r.months); };
  if (Status s = work.record({0, {}, actor.staff, QStringLiteral("update"), QStringLiteral("retention_rules"), 0,
                              QStringLiteral("lost_contact"), text(*before), text(rules)});
      !s)
    return s;
  return work.commit();
}

Expected<model::ReadinessCheck> Registry::recordReadinessCheck(const model::ReadinessCheck& input,
                                                               const Actor& actor) {
  model::ReadinessCheck check = input;
  if (check.staff.isEmpty()) check.staff = actor.staff;
  if (!check.checkedOn.isValid()) check.checkedOn = QDate::currentDate();
  check.healthChanges = check.healthChanges.trimmed();
  check.note = check.note.trimmed();
  if (check.checkedOn > QDate::currentDate())
    return makeError("validation.readiness_date", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "The check date %1 is in the future."),
                     {check.checkedOn.toString(Qt::ISODate).toStdString()}, "checked_on");
  if (check.absenceFrom.isValid() != check.absenceUntil.isValid() ||
      (check.absenceFrom.isValid() && check.absenceUntil < check.absenceFrom))
    return makeError("validation.absence", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "A planned absence needs a start and an end, the end not before "
                                                  "the start."),
                     {}, "absence_until");
  if (check.healthChanges.size() > 500 || check.note.size() > 500)
    return makeError("validation.too_long", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "Health changes and the note may have at most 500 characters."),
                     {}, "note");
  UnitOfWork work(*db_, actor);
  if (!work.started()) return work.started().error();
  auto v = store::VolunteerRepository(*db_).get(check.volunteerId);
  if (!v) return v.error();
  if (Status s = store::insertReadinessCheck(*db_, check); !s) return s.error();
  if (Status s = store::noteReadinessCheck(*db_, check.volunteerId, check.checkedOn,
                                           check.willing == model::Willingness::No);
      !s)
    return s.error();
  auto keyText = [](std::string_view k) { return QString::fromLatin1(k.data(), qsizetype(k.size())); };
  if (Status s = work.record({0, {}, actor.staff, QStringLiteral("readiness"), QStringLiteral("volunteer"),
                              check.volunteerId, QStringLiteral("readiness_check"), {},
                              keyText(model::key(check.willing)) + QLatin1Char(' ') +
                                  keyText(model::key(check.familyAttitude)) + QLatin1Char(' ') +
                                  check.checkedOn.toString(Qt::ISODate)});
      !s)
    return s.error();
  if (Status s = work.commit(); !s) return s.error();
  volunteerWritten(check.volunteerId);
  return check;
}

Expected<QList<model::ReadinessCheck>> Registry::readinessChecks(qint64 volunteerId) {
  return store::readinessChecks(*db_, volunteerId);
}

}  // namespace dd::app
