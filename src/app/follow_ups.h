#pragma once
// The follow-up calls after a donation (docs/retention.md): 2 days, 1 week,
// 1 month, 6 months, then yearly for 10 years, each recorded once. The
// donation is the volunteer's latest (Volunteer::donationDate, set when a
// case reaches collection); the case is the one collected on that day.
// Recording writes one row and its audit row in one UnitOfWork; the
// schedule says of every point whether it is done, due, overdue or to come.
#include <optional>

#include <QDate>
#include <QList>
#include <QString>

#include "app/actor.h"
#include "core/expected.h"
#include "model/entities.h"

namespace dd::app {

class Registry;

// "day2", "week1", ... "year10" (any case); validation.follow_up_point naming
// the keys when the text is none of them.
Expected<model::FollowUpPoint> followUpPointFromKey(const QString& key);

struct FollowUpRequest {
  qint64 volunteerId = 0;
  model::FollowUpPoint point = model::FollowUpPoint::Day2;
  QDate doneOn;  // invalid = today
  QString note;
};

// Refused (nothing written): a volunteer with no donation on record, a point
// already recorded for this donation, a date before the point is due or in
// the future, a note over 500 characters.
Expected<model::DonationFollowUp> recordFollowUp(Registry& registry, const FollowUpRequest& request,
                                                 const Actor& actor);

enum class FollowUpState {
  Done,       // recorded
  Overdue,    // due, and the next point's date has come too: its moment has passed
  Due,        // due, the next point not yet
  NotYetDue,  // its date is still to come
};
const char* displayName(FollowUpState state);  // "dd::app" context
std::string_view key(FollowUpState state);     // "done", "overdue", "due", "not_due"

struct FollowUpScheduleEntry {
  model::FollowUpPoint point = model::FollowUpPoint::Day2;
  QDate dueOn;
  FollowUpState state = FollowUpState::NotYetDue;
  std::optional<model::DonationFollowUp> record;  // when done
};

struct FollowUpSchedule {
  qint64 volunteerId = 0;
  QString registryNo;
  QDate donationDate;
  qint64 caseId = 0;                      // the case collected on that day, 0 if none
  QList<FollowUpScheduleEntry> entries;   // every point, in order
};

// validation.never_donated for a volunteer with no donation on record.
Expected<FollowUpSchedule> followUpSchedule(Registry& registry, qint64 volunteerId, const QDate& today = {});

// The schedule as the CLI prints it (translated headings; JSON keys are stable).
QString followUpTable(const FollowUpSchedule& schedule);
QString followUpCsv(const FollowUpSchedule& schedule);
QString followUpJson(const FollowUpSchedule& schedule);

}  // namespace dd::app
