#include "support/sample_people.h"

#include "app/volunteer_validation.h"

namespace dd::test {

QString validIdNumber(const QDate& birth, model::Sex sex, int sequence, const QString& regionCode) {
  const int value = sequence * 2 + (sex == model::Sex::Male ? 1 : 0);
  const QString first17 = regionCode + birth.toString(QStringLiteral("yyyyMMdd")) +
                          QStringLiteral("%1").arg(value % 1000, 3, 10, QLatin1Char('0'));
  return first17 + app::idCheckDigit(first17);
}

model::Volunteer sampleVolunteer(int n, model::Sex sex) {
  model::Volunteer v;
  v.name = QStringLiteral("测试%1").arg(n);
  v.sex = sex;
  v.birthDate = QDate::currentDate().addYears(-30).addDays(-(n % 300));
  v.idNumber = validIdNumber(v.birthDate, sex, n % 499);
  v.ethnicity = QStringLiteral("汉族");
  v.phones = {model::Phone{QStringLiteral("138%1").arg(10000000 + n, 8, 10, QLatin1Char('0')), QStringLiteral("mobile"),
                           true, {}, {}}};
  v.prefecture = QStringLiteral("济南市");
  v.county = QStringLiteral("历下区");
  v.abo = QStringLiteral("A");
  v.rh = QStringLiteral("+");
  v.cmv = dd::model::Cmv::Negative;
  v.weightKg = 60;
  v.consentDate = QDate::currentDate();
  v.consentVersion = QStringLiteral("2019版");
  return v;
}

model::Volunteer sampleVolunteer(const QString& name, int serial) {
  model::Volunteer v = sampleVolunteer(serial, serial % 2 ? model::Sex::Male : model::Sex::Female);
  v.name = name;
  return v;
}

}  // namespace dd::test
