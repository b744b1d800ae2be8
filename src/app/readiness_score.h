#pragma once
// The late-withdrawal risk score (docs/retention.md): 0-100 from known
// predictors, each contribution explained in words beside the number. A pure
// function of what the caller read (no SQL), so worklists and search results
// can score the rows they show and nothing more.
#include <QDate>
#include <QList>
#include <QString>

#include "model/vocabulary.h"

namespace dd::app {

struct RiskInputs {
  QDate registeredOn;  // consent or creation date
  QDate birthDate;
  int failedContacts = 0;
  model::FamilyAttitude familyAttitude = model::FamilyAttitude::Unknown;  // latest readiness check
  bool everUnsure = false;           // a readiness check answered "unsure"
  bool withdrawalRequested = false;  // a withdrawal asked for, ever
  QDate today;                       // invalid = today
};

struct RiskContribution {
  int points = 0;
  QString reason;  // translated ("dd::app")
};

struct RiskScore {
  int score = 0;  // 0-100
  QList<RiskContribution> contributions;  // only those that added points
  QString explanation() const;            // one line per contribution
};

RiskScore riskScore(const RiskInputs& inputs);

}  // namespace dd::app
