#include "gui/widgets/display_text.h"

#include <algorithm>

#include <QCoreApplication>
#include <QLocale>

namespace dd::gui {

QString statusText(model::VolunteerStatus status) {
  return QCoreApplication::translate("dd::model", model::displayName(status));
}

QString sexText(model::Sex sex) {
  return sex == model::Sex::Male ? QCoreApplication::translate("dd::gui", "Male")
                                 : QCoreApplication::translate("dd::gui", "Female");
}

QString channelText(model::ContactChannel channel) {
  return QCoreApplication::translate("dd::model", model::displayName(channel));
}

QString outcomeText(model::ContactOutcome outcome) {
  return QCoreApplication::translate("dd::model", model::displayName(outcome));
}

QString stageText(model::WorkupStage stage) {
  return QCoreApplication::translate("dd::model", model::displayName(stage));
}
QString stopReasonText(model::StopReason reason) {
  return QCoreApplication::translate("dd::model", model::displayName(reason));
}
QString familyAttitudeText(model::FamilyAttitude attitude) {
  return QCoreApplication::translate("dd::model", model::displayName(attitude));
}
QString riskFlagText(model::RiskFlagKind kind) {
  return QCoreApplication::translate("dd::model", model::displayName(kind));
}

QString cmvText(model::Cmv cmv) { return QCoreApplication::translate("dd::model", model::displayName(cmv)); }

QString maskIdNumber(const QString& idNumber) {
  if (idNumber.size() <= 10) return QString(idNumber.size(), QLatin1Char('*'));
  return idNumber.left(6) + QString(idNumber.size() - 10, QLatin1Char('*')) + idNumber.right(4);
}

QString maskPhone(const QString& phone) {
  if (phone.size() <= 7) return QString(phone.size(), QLatin1Char('*'));
  return phone.left(3) + QString(phone.size() - 7, QLatin1Char('*')) + phone.right(4);
}

QString maskEmail(const QString& email) {
  const qsizetype at = email.indexOf(QLatin1Char('@'));
  if (at < 0) return maskWechat(email);
  return email.left(std::min<qsizetype>(2, at)) + QStringLiteral("***") + email.mid(at);
}

QString maskWechat(const QString& wechat) {
  if (wechat.isEmpty()) return {};
  return wechat.left(std::min<qsizetype>(2, wechat.size() / 2)) + QStringLiteral("***");
}

int ageInYears(const QDate& birth, const QDate& day) {
  if (!birth.isValid() || !day.isValid()) return -1;
  int age = day.year() - birth.year();
  if (day.month() < birth.month() || (day.month() == birth.month() && day.day() < birth.day())) --age;
  return age;
}

QString regionText(const QString& prefecture, const QString& county) {
  if (prefecture.isEmpty()) return county;
  if (county.isEmpty()) return prefecture;
  return prefecture + QLatin1Char(' ') + county;
}

QString dateText(const QDate& date) {
  return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

}  // namespace dd::gui
