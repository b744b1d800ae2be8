#include "app/volunteer_validation.h"

#include <algorithm>

#include <QCoreApplication>
#include <QRegularExpression>

#include "app/text_rules.h"
#include "model/volunteer_fields.h"

namespace dd::app {

bool validPhone(const QString& phone) {
  static const QRegularExpression pattern(QStringLiteral(R"(^(\+?86[- ]?)?(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$)"));
  return pattern.match(phone.trimmed()).hasMatch();
}

namespace {

using model::Sex;
using model::VolunteerStatus;

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }
std::string iso(const QDate& date) { return utf8(date.toString(Qt::ISODate)); }

Error fieldError(const char* code, const char* text, std::vector<std::string> args, const char* field) {
  return makeError(code, "dd::app", text, std::move(args), field);
}

Error required(const char* field) {
  return fieldError("validation.required", QT_TRANSLATE_NOOP("dd::app", "%1 is required."),
                    {utf8(fieldLabel(QString::fromLatin1(field)))}, field);
}

void checkPhone(std::vector<Error>& errors, const QString& phone, const char* field) {
  if (!phone.isEmpty() && !validPhone(phone))
    errors.push_back(fieldError("validation.phone",
                                QT_TRANSLATE_NOOP("dd::app", "Phone number '%1' is not a mainland mobile number "
                                                             "(11 digits starting with 1) or a landline with area code."),
                                {utf8(phone)}, field));
}

void checkBlood(std::vector<Error>& errors, const QString& abo, const QString& rh) {
  static const QStringList groups{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("AB"), QStringLiteral("O")};
  if (!abo.isEmpty() && !groups.contains(abo))
    errors.push_back(fieldError("validation.abo", QT_TRANSLATE_NOOP("dd::app", "Blood group '%1' must be A, B, AB or O."),
                                {utf8(abo)}, "abo"));
  if (!rh.isEmpty() && rh != QLatin1String("+") && rh != QLatin1String("-"))
    errors.push_back(fieldError("validation.rh", QT_TRANSLATE_NOOP("dd::app", "Rh '%1' must be + or -."), {utf8(rh)},
                                "rh"));
}

void checkWeight(std::vector<Error>& errors, double weightKg) {
  if (weightKg != 0 && (weightKg < 30 || weightKg > 200))
    errors.push_back(fieldError("validation.weight",
                                QT_TRANSLATE_NOOP("dd::app", "Weight %1 kg is outside the plausible range 30–200 kg."),
                                {utf8(QString::number(weightKg))}, "weight_kg"));
}

void checkHla(std::vector<Error>& errors, model::HlaTyping& hla, const HlaChecker& checker) {
  for (model::Locus locus : model::kAllLoci) {
    model::LocusTyping& typing = hla.at(locus);
    typing.raw = typing.raw.trimmed();
    if (typing.raw.isEmpty()) {
      typing.normalised.clear();
      continue;
    }
    if (!checker) continue;
    TypingCheck check = checker(locus, typing.raw);
    if (check.error)
      errors.push_back(*check.error);
    else
      typing.normalised = check.normalised;
  }
}

void checkBirthDate(std::vector<Error>& errors, const QDate& birth, const QDate& today) {
  if (!birth.isValid())
    errors.push_back(required("birth_date"));
  else if (birth > today)
    errors.push_back(fieldError("validation.birth_future",
                                QT_TRANSLATE_NOOP("dd::app", "Birth date %1 is in the future."), {iso(birth)},
                                "birth_date"));
}

}  // namespace

int ageOn(const QDate& birth, const QDate& day) {
  int age = day.year() - birth.year();
  if (day.month() < birth.month() || (day.month() == birth.month() && day.day() < birth.day())) --age;
  return age;
}

QChar idCheckDigit(const QString& first17) {
  static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static const char digits[] = "10X98765432";
  if (first17.size() < 17) return {};
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    if (!first17.at(i).isDigit() || first17.at(i).unicode() > '9') return {};
    sum += (first17.at(i).unicode() - '0') * weights[i];
  }
  return QLatin1Char(digits[sum % 11]);
}

std::optional<Error> checkIdNumber(const QString& idNumber) {
  static const QRegularExpression format(QStringLiteral("^\\d{17}[\\dX]$"));
  if (!format.match(idNumber).hasMatch())
    return fieldError("validation.id_format",
                      QT_TRANSLATE_NOOP("dd::app", "ID number '%1' must have 18 characters: 17 digits and a check "
                                                   "digit (0-9 or X)."),
                      {utf8(idNumber)}, "id_number");
  const QChar expected = idCheckDigit(idNumber.left(17));
  if (expected != idNumber.at(17))
    return fieldError("validation.id_check_digit",
                      // The expected digit is not shown on purpose: a wrong check digit almost always
                      // means another digit was misread, so staff must re-read the card, not "fix" the last one.
                      QT_TRANSLATE_NOOP("dd::app", "ID number %1 does not pass the check-digit test: one of its "
                                                   "digits is wrong. Read the number again from the ID card."),
                      {utf8(idNumber)}, "id_number");
  if (!birthDateFromId(idNumber).isValid())
    return fieldError("validation.id_birth_invalid",
                      QT_TRANSLATE_NOOP("dd::app", "ID number %1 contains an impossible birth date %2."),
                      {utf8(idNumber), utf8(idNumber.mid(6, 8))}, "id_number");
  return std::nullopt;
}

QDate birthDateFromId(const QString& idNumber) {
  if (idNumber.size() != 18) return {};
  int digits[8];
  for (int i = 0; i < 8; ++i) {
    const QChar c = idNumber.at(6 + i);
    if (c < QLatin1Char('0') || c > QLatin1Char('9')) return {};
    digits[i] = c.unicode() - '0';
  }
  const int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
  const QDate date(year, digits[4] * 10 + digits[5], digits[6] * 10 + digits[7]);
  return date;  // invalid for 19900230 and the like
}

std::optional<Sex> sexFromId(const QString& idNumber) {
  if (idNumber.size() != 18 || !idNumber.at(16).isDigit()) return std::nullopt;
  return (idNumber.at(16).unicode() - '0') % 2 == 1 ? Sex::Male : Sex::Female;
}

namespace {

// A field whose text cannot be stored keeps only that message: its other
// checks would quote the text. Every other field keeps all of its messages,
// so a form shows them all at once.
std::vector<Error> withoutEchoes(std::vector<Error> errors, std::size_t textErrors) {
  std::vector<std::string> badText;
  for (std::size_t i = 0; i < textErrors; ++i) badText.push_back(errors[i].field);
  std::vector<Error> kept;
  for (std::size_t i = 0; i < errors.size(); ++i)
    if (i < textErrors || std::find(badText.begin(), badText.end(), errors[i].field) == badText.end())
      kept.push_back(std::move(errors[i]));
  return kept;
}

void checkRegistryNo(std::vector<Error>& errors, const QString& registryNo, const QString& prefix) {
  if (registryNo.isEmpty() || prefix.isEmpty()) return;
  static const QRegularExpression digits(QStringLiteral("^\\d{8}$"));
  const QString serial = registryNo.mid(prefix.size());
  if (!registryNo.startsWith(prefix) || !digits.match(serial).hasMatch() || serial == QLatin1String("00000000"))
    errors.push_back(fieldError("validation.registry_no_format",
                                QT_TRANSLATE_NOOP("dd::app", "Registry number '%1' must be this registry's prefix %2 "
                                                             "and 8 digits, e.g. %3; leave it empty to have one "
                                                             "assigned."),
                                {utf8(quotedSafely(registryNo)), utf8(prefix), utf8(prefix + QStringLiteral("00000001"))},
                                "registry_no"));
}

}  // namespace

std::vector<Error> volunteerWarnings(const model::Volunteer& v) {
  std::vector<Error> warnings;
  auto same = [](const QString& a, const QString& b) {
    const QString x = a.simplified().remove(QLatin1Char(' '));
    return !x.isEmpty() && x == b.simplified().remove(QLatin1Char(' '));
  };
  if (same(v.emergency.phone, v.emergency2.phone))
    warnings.push_back(makeError("validation.backup_same_phone", "dd::app",
                                 QT_TRANSLATE_NOOP("dd::app", "Both emergency contacts have the phone %1: a second "
                                                              "person with a number of their own is a better backup."),
                                 {v.emergency.phone.trimmed().toUtf8().toStdString()}, "emergency2_phone"));
  if (same(v.emergency.address, v.emergency2.address))
    warnings.push_back(makeError("validation.backup_same_address", "dd::app",
                                 QT_TRANSLATE_NOOP("dd::app", "Both emergency contacts live at the same address: ask "
                                                              "for a second person who lives elsewhere."),
                                 {}, "emergency2_address"));
  return warnings;
}

std::vector<Error> validateVolunteer(model::Volunteer& v, const ValidationContext& context) {
  std::vector<Error> errors;
  v.name = v.name.trimmed();
  v.idNumber = v.idNumber.trimmed().toUpper();
  v.registryNo = v.registryNo.trimmed();
  for (const model::VolunteerField& field : model::volunteerFields()) {
    if (!field.isText() || field.maxChars <= 0) continue;
    if (auto error = checkText(field.key.toLatin1().constData(), field.text(v))) errors.push_back(std::move(*error));
  }
  for (const model::Phone& phone : v.phones)
    if (auto error = checkText(phone.number == v.currentPhone() ? "phone" : "phone2", phone.number))
      errors.push_back(std::move(*error));
  const std::size_t textErrors = errors.size();
  checkRegistryNo(errors, v.registryNo, context.registryPrefix);
  if (v.name.isEmpty()) errors.push_back(required("name"));
  checkBirthDate(errors, v.birthDate, context.today);

  if (v.idNumber.isEmpty()) {
    errors.push_back(required("id_number"));
  } else if (auto idError = checkIdNumber(v.idNumber)) {
    errors.push_back(*idError);
  } else {
    const QDate fromId = birthDateFromId(v.idNumber);
    if (v.birthDate.isValid() && fromId != v.birthDate)
      errors.push_back(fieldError("validation.id_birth_mismatch",
                                  QT_TRANSLATE_NOOP("dd::app", "Birth date %1 disagrees with the ID number, which "
                                                               "says %2."),
                                  {iso(v.birthDate), iso(fromId)}, "birth_date"));
    if (sexFromId(v.idNumber) != v.sex)
      errors.push_back(fieldError("validation.id_sex_mismatch",
                                  QT_TRANSLATE_NOOP("dd::app", "Sex disagrees with the ID number, which says %1."),
                                  {utf8(sexFromId(v.idNumber) == Sex::Male
                                            ? QCoreApplication::translate("dd::app", "male")
                                            : QCoreApplication::translate("dd::app", "female"))},
                                  "sex"));
  }

  if (v.birthDate.isValid() && v.consentDate.isValid() && v.consentDate < v.birthDate)
    errors.push_back(fieldError("validation.consent_before_birth",
                                QT_TRANSLATE_NOOP("dd::app", "Consent date %1 is before the birth date %2."),
                                {iso(v.consentDate), iso(v.birthDate)}, "consent_date"));
  else if (v.birthDate.isValid() && v.birthDate <= context.today) {
    const QDate registeredOn = v.consentDate.isValid() ? v.consentDate : context.today;
    const int age = ageOn(v.birthDate, registeredOn);
    if (context.mode == ValidationMode::Registration && (age < kMinJoinAge || age > kMaxJoinAge))
      errors.push_back(fieldError("validation.join_age",
                                  QT_TRANSLATE_NOOP("dd::app", "Age %1 on the registration date %2 is outside the "
                                                               "joining range 18–45."),
                                  {std::to_string(age), iso(registeredOn)}, "birth_date"));
    const int ageToday = ageOn(v.birthDate, context.today);
    if (ageToday >= kRetirementAge && v.status != VolunteerStatus::Retired &&
        v.status != VolunteerStatus::Withdrawn && v.status != VolunteerStatus::PermanentlyDeferred)
      errors.push_back(fieldError("validation.retirement_age",
                                  QT_TRANSLATE_NOOP("dd::app", "Age %1 is 60 or over: the volunteer must be retired."),
                                  {std::to_string(ageToday)}, "status"));
  }

  if (v.ethnicity.trimmed().isEmpty()) {
    v.ethnicity.clear();
  } else {
    const QString normalised = normaliseEthnicity(v.ethnicity);
    if (normalised.isEmpty())
      errors.push_back(fieldError("validation.ethnicity",
                                  QT_TRANSLATE_NOOP("dd::app", "Ethnic group '%1' is not one of the 56 recognised "
                                                               "groups or 其他 (other)."),
                                  {utf8(v.ethnicity)}, "ethnicity"));
    else
      v.ethnicity = normalised;
  }

  // Errors name the field the number is shown in: the current number is
  // "phone", any other number in use "phone2". Replaced numbers are history.
  int current = 0;
  bool phoneInUse = false;
  for (model::Phone& phone : v.phones) {
    phone.number = phone.number.trimmed();
    if (!phone.inUse()) continue;
    phoneInUse = phoneInUse || !phone.number.isEmpty();
    checkPhone(errors, phone.number, phone.number == v.currentPhone() ? "phone" : "phone2");
    if (phone.current) ++current;
  }
  if (current > 1)
    errors.push_back(fieldError("validation.phone_current",
                                QT_TRANSLATE_NOOP("dd::app", "Only one phone number can be the current one."), {},
                                "phone"));
  if (!phoneInUse && v.wechat.trimmed().isEmpty() && v.email.trimmed().isEmpty())
    errors.push_back(fieldError("validation.contact_required",
                                QT_TRANSLATE_NOOP("dd::app", "At least one way to reach the volunteer is required: a "
                                                             "phone number, WeChat or e-mail."),
                                {}, "phone"));
  for (const model::VolunteerField& field : model::volunteerFields())
    if (field.kind == model::FieldKind::Phone)
      checkPhone(errors, field.text(v).trimmed(), field.key.toLatin1().constData());
  static const QRegularExpression email(QStringLiteral(R"(^[^@\s]+@[^@\s]+\.[^@\s]+$)"));
  if (!v.email.trimmed().isEmpty() && !email.match(v.email.trimmed()).hasMatch())
    errors.push_back(fieldError("validation.email", QT_TRANSLATE_NOOP("dd::app", "E-mail address '%1' is not valid."),
                                {utf8(v.email)}, "email"));
  checkBlood(errors, v.abo, v.rh);  // CMV is a model::Cmv: its text is checked where it is read
  checkWeight(errors, v.weightKg);
  checkHla(errors, v.hla, context.hla);

  if (context.mode == ValidationMode::Registration) {
    if (!v.consentDate.isValid()) errors.push_back(required("consent_date"));
    if (v.consentVersion.trimmed().isEmpty()) errors.push_back(required("consent_version"));
  }
  // A drive is found again (batch printing) by its date (and place).
  if (!v.drive.date.isValid() && (!v.drive.place.trimmed().isEmpty() || !v.drive.organiser.trimmed().isEmpty()))
    errors.push_back(required("drive_date"));
  if (v.drive.date.isValid() && v.drive.date > context.today)
    errors.push_back(fieldError("validation.drive_future",
                                QT_TRANSLATE_NOOP("dd::app", "Recruitment date %1 is in the future."),
                                {iso(v.drive.date)}, "drive_date"));
  if (v.consentDate.isValid() && v.consentDate > context.today)
    errors.push_back(fieldError("validation.consent_future",
                                QT_TRANSLATE_NOOP("dd::app", "Consent date %1 is in the future."),
                                {iso(v.consentDate)}, "consent_date"));

  switch (v.status) {
    case VolunteerStatus::TemporarilyDeferred:
      if (!v.statusUntil.isValid()) errors.push_back(required("status_until"));
      [[fallthrough]];
    case VolunteerStatus::PermanentlyDeferred:
    case VolunteerStatus::Withdrawn:
      if (v.statusReason.trimmed().isEmpty()) errors.push_back(required("status_reason"));
      break;
    case VolunteerStatus::Reserved:
      if (v.reservedForPatientId == 0) errors.push_back(required("reserved_patient_id"));
      break;
    default:
      break;
  }
  return withoutEchoes(std::move(errors), textErrors);
}

std::vector<Error> validatePatient(model::Patient& p, const ValidationContext& context) {
  std::vector<Error> errors;
  p.name = p.name.trimmed();
  checkTexts(errors, {{"name", &p.name}, {"diagnosis", &p.diagnosis}, {"hospital", &p.hospital},
                      {"physician", &p.physician}, {"notes", &p.notes}});
  const std::size_t textErrors = errors.size();
  if (p.name.isEmpty()) errors.push_back(required("name"));
  checkBirthDate(errors, p.birthDate, context.today);
  checkBlood(errors, p.abo, p.rh);
  checkWeight(errors, p.weightKg);
  checkHla(errors, p.hla, context.hla);
  static const QStringList urgencies{QStringLiteral("normal"), QStringLiteral("urgent"), QStringLiteral("critical")};
  if (!urgencies.contains(p.urgency))
    errors.push_back(fieldError("validation.urgency",
                                QT_TRANSLATE_NOOP("dd::app", "Urgency '%1' must be normal, urgent or critical."),
                                {utf8(p.urgency)}, "urgency"));
  return withoutEchoes(std::move(errors), textErrors);
}

}  // namespace dd::app
