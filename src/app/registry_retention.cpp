// Registry: retention (the lost-contact rule's numbers; docs/retention.md).
#include "app/registry.h"
#include "app/unit_of_work.h"
#include "store/contact_freshness.h"
#include "store/database.h"

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

}  // namespace dd::app
