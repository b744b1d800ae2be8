#pragma once
// The retention worklists (docs/retention.md): who staff should call next and
// why. The keys are what the CLI takes; the store answers each list with one
// query driven by an index of schema 10.
#include <optional>
#include <string_view>

#include <QDate>
#include <QList>
#include <QString>

#include "model/vocabulary.h"

namespace dd::model {

enum class Worklist : std::uint8_t {
  NotReached,           // no successful contact in `months` months
  AllChannelsFailed,    // failed_contacts at or above the lost-contact rule's attempts
  PhoneKnownBad,        // every in-use phone known bad
  CaseWithoutContact,   // reserved or in an open case, no success in 14 days
  TurningSixty,         // 60th birthday within a year
  WithdrawalRequested,  // a withdrawal asked for, to confirm
  ReadinessDue,         // active, no readiness check in 12 months
  ReservationExpiring,  // reservation lapses within 14 days
  FollowUpDue,          // a donor's next follow-up call after the donation has come due
};
inline constexpr int kWorklistCount = 9;

std::string_view key(Worklist value);  // "not-reached", "all-channels-failed", ...
std::optional<Worklist> parseWorklist(std::string_view text);
const char* displayName(Worklist value);  // "dd::model" context
const char* worklistDescription(Worklist value);

struct WorklistQuery {
  Worklist list = Worklist::NotReached;
  QString region;  // prefecture or county; empty = all
  QString staff;   // who recorded the latest contact attempt (their caseload); empty = all
  int months = 12; // NotReached's window
  int limit = 100;
  int offset = 0;
  QDate today;     // invalid = today
};

struct WorklistRow {
  qint64 volunteerId = 0;
  QString registryNo;
  QString name;
  VolunteerStatus status = VolunteerStatus::Active;
  QDate birthDate;
  QString prefecture;
  QString county;
  QString phone;          // current phone
  bool ownNumbersBad = false;  // no in-use phone that is not known bad
  QString backupPhones;   // the backup contacts' phones, when their own numbers fail
  QDate lastContactOk;
  int failedContacts = 0;
  QDate due;              // the list's own date (birthday, expiry, request, last check, follow-up due)
  std::optional<FollowUpPoint> followUp;  // FollowUpDue: the point whose call is due
  QString lastStaff;      // who recorded the latest attempt
  // the risk score's inputs (app/readiness_score.h) and its result
  QDate registeredOn;
  FamilyAttitude familyAttitude = FamilyAttitude::Unknown;  // at the latest readiness check
  bool everUnsure = false;
  bool withdrawalRequested = false;
  int risk = 0;
  QString riskExplanation;
};

}  // namespace dd::model
