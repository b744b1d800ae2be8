#include "app/contact_recording.h"

#include "store/database.h"
#include "store/volunteer_repository.h"
#include "store/workup_repository.h"

namespace dd::app {
namespace {
QString keyText(std::string_view key) { return QString::fromLatin1(key.data(), qsizetype(key.size())); }
}  // namespace

Status writeContactAttempt(store::Database& db, UnitOfWork& work, model::ContactAttempt& attempt) {
  store::WorkupRepository workups(db);
  if (Status s = workups.addContact(attempt); !s) return s;
  if (attempt.outcome == model::ContactOutcome::Reached)
    if (Status s = store::VolunteerRepository(db).setLastContactOk(attempt.volunteerId,
                                                                   attempt.at.toLocalTime().date());
        !s)
      return s;
  // The audit row is dated when it is written; the contact's own date (which
  // may be earlier) is part of its value.
  model::AuditEntry entry{0, {}, attempt.staff, QStringLiteral("contact"), QStringLiteral("volunteer"),
                          attempt.volunteerId, QStringLiteral("contact_attempt"), {},
                          keyText(model::key(attempt.channel)) + QLatin1Char(' ') +
                              keyText(model::key(attempt.outcome)) + QLatin1Char(' ') +
                              attempt.at.toLocalTime().date().toString(Qt::ISODate)};
  return work.record(entry);
}

}  // namespace dd::app
