#pragma once
// What the late-withdrawal risk score (app/readiness_score.h) is computed
// from, as the store reads it for a set of volunteers (search results).
#include <QDate>
#include <QtGlobal>

#include "model/vocabulary.h"

namespace dd::model {

struct RiskFacts {
  qint64 volunteerId = 0;
  QDate registeredOn;  // consent date, else the record's creation
  QDate birthDate;
  int failedContacts = 0;
  FamilyAttitude familyAttitude = FamilyAttitude::Unknown;  // at the latest readiness check
  bool everUnsure = false;           // a readiness check answered "unsure"
  bool withdrawalRequested = false;  // a withdrawal asked for and not yet confirmed or cancelled
};

}  // namespace dd::model
