#include "app/contact_recording.h"

#include <optional>

#include <QCoreApplication>

#include "store/contact_freshness.h"
#include "store/contact_log_statements.h"
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
Status markNumber(store::ContactLogStatements& statements, store::VolunteerRepository& volunteers,
                  const model::ContactAttempt& attempt) {
  if (attempt.person != model::ContactPerson::Volunteer || !triesANumber(attempt.channel)) return {};
  const bool bad = model::numberIsBad(attempt.outcome);
  if (!bad && !model::reachedThem(attempt.outcome)) return {};
  QString number = attempt.phone;
  if (number.isEmpty()) {
    auto v = volunteers.get(attempt.volunteerId);
    if (!v) return v.error();
    number = v->currentPhone();
  }
  if (number.isEmpty()) return {};
  return statements.markPhoneKnownBad(attempt.volunteerId, number, bad ? attempt.at.toLocalTime().date() : QDate());
}

// Writes a status the rule decided, with its history row and audit rows.
Status writeStatus(store::VolunteerRepository& volunteers, UnitOfWork& work, const model::Volunteer& before,
                   VolunteerStatus to, const QString& reason, const QDate& until, const QString& staff) {
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
bool lostContactRuleApplies(model::VolunteerStatus status, const model::ContactAttempt& attempt) {
  return model::isFailedAttempt(attempt.outcome) && attempt.person == model::ContactPerson::Volunteer &&
         mayBecomeLost(status);
}

// The volunteer's whole record is read only when the rule changes it.
Status applyLostContactRule(store::Database& db, UnitOfWork& work, store::VolunteerRepository& volunteers,
                            model::VolunteerStatus status, const model::ContactAttempt& attempt,
                            const model::RetentionRules& rules) {
  if (!lostContactRuleApplies(status, attempt)) return {};
  auto window = store::contactWindow(db, attempt.volunteerId, attempt.at.addMonths(-rules.months));
  if (!window) return window.error();
  if (window->reached || window->failed < rules.failedAttempts) return {};
  // read after the marks: the status write replaces the phones with what it holds
  auto v = volunteers.get(attempt.volunteerId);
  if (!v) return v.error();
  const QString reason =
      QCoreApplication::translate("dd::app", "%1 contact attempts failed and none reached them in %2 months")
          .arg(window->failed)
          .arg(rules.months);
  return writeStatus(volunteers, work, *v, VolunteerStatus::LostContact, reason, QDate(), attempt.staff);
}

// Reaching a volunteer marked lost contact gives back the status they had
// before (the latest change into lost contact says which).
bool restoreApplies(model::VolunteerStatus status, const model::ContactAttempt& attempt) {
  return model::reachedThem(attempt.outcome) && attempt.person == model::ContactPerson::Volunteer &&
         status == VolunteerStatus::LostContact;
}

Status restoreAfterReaching(store::VolunteerRepository& volunteers, UnitOfWork& work, const model::Volunteer& v,
                            const model::ContactAttempt& attempt) {
  if (!restoreApplies(v.status, attempt)) return {};
  auto history = volunteers.statusHistory(v.id);
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
  return writeStatus(volunteers, work, v, previous, reason.isEmpty() ? why : reason, until, attempt.staff);
}

}  // namespace

struct ContactLogWriter::Parts {
  Parts(store::Database& db, UnitOfWork& work) : db(db), work(work), workups(db), volunteers(db), statements(db) {}
  store::Database& db;
  UnitOfWork& work;
  store::WorkupRepository workups;  // keeps its prepared insert
  store::VolunteerRepository volunteers;
  store::ContactLogStatements statements;
  std::optional<model::RetentionRules> rules;  // read at the first failed attempt
};

ContactLogWriter::ContactLogWriter(store::Database& db, UnitOfWork& work)
    : parts_(std::make_unique<Parts>(db, work)) {}

ContactLogWriter::~ContactLogWriter() = default;

Status ContactLogWriter::write(model::ContactAttempt& attempt) {
  Parts& p = *parts_;
  if (Status s = p.workups.addContact(attempt); !s) return s;
  if (attempt.person == model::ContactPerson::Volunteer && model::reachedThem(attempt.outcome)) {
    // last contact and the freshness columns in one write of the row
    if (Status s = p.statements.refreshFreshnessReached(attempt.volunteerId, attempt.at.toLocalTime().date()); !s)
      return s;
  } else if (Status s = p.statements.refreshFreshness(attempt.volunteerId); !s) {
    return s;
  }
  auto status = p.statements.status(attempt.volunteerId);  // also: the volunteer exists
  if (!status) return status.error();
  if (Status s = markNumber(p.statements, p.volunteers, attempt); !s) return s;
  if (lostContactRuleApplies(*status, attempt)) {
    if (!p.rules) {
      auto rules = store::readRetentionRules(p.db);
      if (!rules) return rules.error();
      p.rules = *rules;
    }
    if (Status s = applyLostContactRule(p.db, p.work, p.volunteers, *status, attempt, *p.rules); !s) return s;
  } else if (restoreApplies(*status, attempt)) {
    // read after the marks: the status write replaces the phones with what it holds
    auto v = p.volunteers.get(attempt.volunteerId);
    if (!v) return v.error();
    if (Status s = restoreAfterReaching(p.volunteers, p.work, *v, attempt); !s) return s;
  }
  // The audit row is dated when it is written; the contact's own date (which
  // may be earlier) is part of its value.
  model::AuditEntry entry{0, {}, attempt.staff, QStringLiteral("contact"), QStringLiteral("volunteer"),
                          attempt.volunteerId, QStringLiteral("contact_attempt"), {},
                          keyText(model::key(attempt.channel)) + QLatin1Char(' ') +
                              keyText(model::key(attempt.outcome)) + QLatin1Char(' ') +
                              attempt.at.toLocalTime().date().toString(Qt::ISODate)};
  return p.work.record(entry);
}

Status writeContactAttempt(store::Database& db, UnitOfWork& work, model::ContactAttempt& attempt) {
  return ContactLogWriter(db, work).write(attempt);
}

}  // namespace dd::app
