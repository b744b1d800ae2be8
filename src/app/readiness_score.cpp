#include "app/readiness_score.h"

#include <algorithm>

#include <QCoreApplication>
#include <QStringList>

namespace dd::app {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("dd::app", text); }

int wholeYears(const QDate& from, const QDate& to) {
  if (!from.isValid() || to < from) return 0;
  int years = to.year() - from.year();
  if (to < from.addYears(years)) --years;
  return years;
}

}  // namespace

QString RiskScore::explanation() const {
  QStringList lines;
  for (const RiskContribution& c : contributions) lines << QStringLiteral("+%1  %2").arg(c.points).arg(c.reason);
  return lines.join(QLatin1Char('\n'));
}

RiskScore riskScore(const RiskInputs& in) {
  const QDate today = in.today.isValid() ? in.today : QDate::currentDate();
  RiskScore result;
  auto add = [&result](int points, const QString& reason) {
    if (points > 0) result.contributions.append({points, reason});
  };
  // Years on the registry: commitment fades, 2 points a year up to 20.
  const int years = wholeYears(in.registeredOn, today);
  add(std::min(years, 10) * 2, tr("registered %1 year(s) ago").arg(years));
  // Failed attempts since the last success: 6 points each up to 30.
  add(std::min(std::max(in.failedContacts, 0), 5) * 6,
      tr("%1 failed contact attempt(s) since the last success").arg(in.failedContacts));
  // The family's attitude, the strongest single predictor of a late withdrawal.
  switch (in.familyAttitude) {
    case model::FamilyAttitude::Opposed: add(25, tr("the family is opposed")); break;
    case model::FamilyAttitude::Neutral: add(8, tr("the family is neutral")); break;
    case model::FamilyAttitude::Unknown: add(5, tr("the family's attitude is not known")); break;
    case model::FamilyAttitude::Supportive: break;
  }
  if (in.everUnsure) add(10, tr("answered \"unsure\" at a readiness check"));
  if (in.withdrawalRequested) add(15, tr("asked to withdraw before"));
  const int age = wholeYears(in.birthDate, today);
  if (age >= 50)
    add(10, tr("aged %1").arg(age));
  else if (age >= 40)
    add(5, tr("aged %1").arg(age));
  int total = 0;
  for (const RiskContribution& c : result.contributions) total += c.points;
  result.score = std::clamp(total, 0, 100);
  return result;
}

}  // namespace dd::app
