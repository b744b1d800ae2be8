#pragma once
// How records read on screen: translated vocabulary, masked personal numbers,
// ages. Shared by the lists, the editors and the search results.
#include <QDate>
#include <QString>
#include <Qt>

#include "model/vocabulary.h"

namespace dd::gui {

QString statusText(model::VolunteerStatus status);
QString sexText(model::Sex sex);
QString channelText(model::ContactChannel channel);
QString outcomeText(model::ContactOutcome outcome);
QString stageText(model::WorkupStage stage);
QString stopReasonText(model::StopReason reason);
QString familyAttitudeText(model::FamilyAttitude attitude);
QString riskFlagText(model::RiskFlagKind kind);
QString cmvText(model::Cmv cmv);
// "370102********1234": the list shows enough to recognise, not to copy.
QString maskIdNumber(const QString& idNumber);
// "138****5678".
QString maskPhone(const QString& phone);
// "zh***@example.com", "wx***": enough to recognise, not to copy.
QString maskEmail(const QString& email);
QString maskWechat(const QString& wechat);
// How every table aligns a number such as an age (one rule for all pages).
inline constexpr int kNumberAlignment = Qt::AlignRight | Qt::AlignVCenter;
// Whole years on `day` (today by default); -1 for an unknown birth date.
int ageInYears(const QDate& birth, const QDate& day = QDate::currentDate());
QString regionText(const QString& prefecture, const QString& county);
QString dateText(const QDate& date);

}  // namespace dd::gui
