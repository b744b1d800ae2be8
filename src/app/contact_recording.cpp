#include "app/contact_recording.h"

#include <QCoreApplication>

#include "store/contact_freshness.h"
#include "store/database.h"
#include "store/volunteer_repository.h"
#include "store/workup_repository.h"

namespace dd::app {
namespace {

using model::VolunteerStatus;

QString keyText(std::string_view key) { return QString::fromLatin1(key.data(), qsizetype(key.size())); }

bool triesANumber(model::ContactChannel channel) {
  return channel == model::ContactChannel::Phone || channel == model::ContactChannel::Sms;
}

// The statuses the lost-contact rule may change: someone deferred or
// withdrawn is not being looked for, a reserved donor is the case's worry.
bool mayBecomeLost(VolunteerStatus status) {
  return status == VolunteerStatus::Active || status == VolunteerStatus::TemporarilyDeferred;
}

// The known-bad mark follows what the attempt found of the number it tried
// (the attempt's number, else the volunteer's current one).
Status markNumber(store::Database& db, const model::Volunteer& v, const model::ContactAttempt& attempt) {
  if (attempt.person != model::ContactPerson::Volunteer || !triesANumber(attempt.channel)) return {};
  const QString number = attempt.phone.isEmpty() ? v.currentPhone() : attempt.phone;
  if (number.isEmpty()) return {};
  if (model::numberIsBad(attempt.outcome))
    return store::markPhoneKnownBad(db, v.id, number, attempt.at.toLocalTime().date());
  if (model::reachedThem(attempt.outcome)) return store::markPhoneKnownBad(db, v.id, number, QDate());
  return {};
}

// Writes a status the rule decided, with its history row and audit rows.
Status writeStatus(store::Database& db, UnitOfWork& work, const model::Volunteer& before, VolunteerStatus to,
                   const QString& reason, const QDate& until, const QString& staff) {
  store::VolunteerRepository volunteers(db);
  model::Volunteer after = before;
  after.status = to;
  after.statusReason = reason;
  after.statusUntil = to == VolunteerStatus::TemporarilyDeferred ? until : QDate();
  if (Status s = volunteers.update(after, staff); !s) return s;
  if (Status s = volunteers.addStatusChange(
          {0, before.id, {}, staff, before.status, to, reason, after.statusUntil, 0, {}});
      !s)
    return s;
  return work.changed(before, after);
}

// The lost-contact rule (docs/retention.md): rules.failedAttempts failed
// attempts and no success within rules.months months before this attempt.
Status applyLostContactRule(store::Database& db, UnitOfWork& work, const model::Volunteer& v,
                            const model::ContactAttempt& attempt) {
  if (!model::isFailedAttempt(attempt.outcome) || attempt.person != model::ContactPerson::Volunteer ||
      !mayBecomeLost(v.status))
    return {};
  auto rules = store::readRetentionRules(db);
  if (!rules) return rules.error();
  auto window = store::contactWindow(db, v.id, attempt.at.addMonths(-rules->months));
  if (!window) return window.error();
  if (window->reached || window->failed < rules->failedAttempts) return {};
  const QString reason =
      QCoreApplication::translate("dd::app", "%1 contact attempts failed and none reached them in %2 months")
          .arg(window->failed)
          .arg(rules->months);
  return writeStatus(db, work, v, VolunteerStatus::LostContact, reason, QDate(), attempt.staff);
}

// Reaching a volunteer marked lost contact gives back the status they had
// before (the latest change into lost contact says which).
Status restoreAfterReaching(store::Database& db, UnitOfWork& work, const model::Volunteer& v,
                            const model::ContactAttempt& attempt) {
  if (!model::reachedThem(attempt.outcome) || attempt.person != model::ContactPerson::Volunteer ||
      v.status != VolunteerStatus::LostContact)
    return {};
  auto history = store::VolunteerRepository(db).statusHistory(v.id);
  if (!history) return history.error();
  VolunteerStatus previous = VolunteerStatus::Active;
  QDate until;
  QString reason;
  for (qsizetype i = history->size() - 1; i >= 0; --i) {
    const model::StatusChange& change = history->at(i);
    if (change.to != VolunteerStatus::LostContact || !change.from) continue;
    previous = *change.from;
    // the change into that earlier status holds its reason and end date
    for (qsizetype j = i - 1; j >= 0; --j)
      if (history->at(j).to == previous) {
        until = history->at(j).until;
        reason = history->at(j).reason;
        break;
      }
    break;
  }
  // Reserved or donated are the workflow's; a reached volunteer is active.
  if (previous != VolunteerStatus::TemporarilyDeferred) previous = VolunteerStatus::Active;
  if (previous == VolunteerStatus::Active) reason.clear();
  const QString why = QCoreApplication::translate("dd::app", "reached again on %1")
                          .arg(attempt.at.toLocalTime().date().toString(Qt::ISODate));
  return writeStatus(db, work, v, previous, reason.isEmpty() ? why : reason, until, attempt.staff);
}

}  // namespace

Status writeContactAttempt(store::Database& db, UnitOfWork& work, model::ContactAttempt& attempt) {
  store::WorkupRepository workups(db);
  if (Status s = workups.addContact(attempt); !s) return s;
  store::VolunteerRepository volunteers(db);
  if (attempt.person == model::ContactPerson::Volunteer && model::reachedThem(attempt.outcome))
    if (Status s = volunteers.setLastContactOk(attempt.volunteerId, attempt.at.toLocalTime().date()); !s) return s;
  if (Status s = store::refreshContactFreshness(db, attempt.volunteerId); !s) return s;
  auto v = volunteers.get(attempt.volunteerId);
  if (!v) return v.error();
  if (Status s = markNumber(db, *v, attempt); !s) return s;
  // read again: the status write replaces the phones with what it holds
  v = volunteers.get(attempt.volunteerId);
  if (!v) return v.error();
  if (Status s = applyLostContactRule(db, work, *v, attempt); !s) return s;
  if (Status s = restoreAfterReaching(db, work, *v, attempt); !s) return s;
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
