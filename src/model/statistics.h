#pragma once
// The registry's figures as the Statistics page and `donordesk-cli stats`
// show them: plain counts, computed by the store in a few grouped queries.
#include <QDate>
#include <QList>
#include <QPair>
#include <QString>

namespace dd::model {

// (label, count) in the order shown; labels are stable keys (status keys,
// "2026", "2026-11", "18-25"), translated only when displayed.
using Counts = QList<QPair<QString, int>>;

struct RegistryStatistics {
  QDate today;
  int volunteers = 0;
  Counts byStatus;      // status key -> volunteers
  Counts byPrefecture;  // prefecture ("" = not recorded) -> volunteers, largest first
  Counts byAgeBand;     // "18-25", "26-35", "36-45", "46-55", "56-60", "over 60"
  Counts byYearJoined;  // year of the signed consent (else of the drive) -> volunteers
  // Of the volunteers staff should still be able to reach (every status but
  // withdrawn, retired, permanently deferred and donated): how many were
  // reached in the last 12 months, and how many are lost.
  int contactable = 0;
  int reachedLast12Months = 0;
  int lostContact = 0;
  Counts openCasesByStage;            // stage key -> open cases at that stage
  Counts stoppedCasesByStage;         // stage reached -> stopped cases
  Counts withdrawalsByReason;         // donor-side stop reason key -> cases
  Counts stopsByPatientReason;        // patient-side stop reasons (transplanted with another donor, ...)
  Counts donationsDomesticByYear;     // collection year -> donations for patients at home
  Counts donationsOverseasByYear;     // collection year -> donations for patients abroad
  Counts searchesByMonth;             // "2026-11" -> searches run
  double contactRate() const { return contactable ? double(reachedLast12Months) / contactable : 0; }
  double lostContactRate() const { return contactable ? double(lostContact) / contactable : 0; }
};

}  // namespace dd::model
