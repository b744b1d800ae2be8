#pragma once
// All volunteer rules in one place (forms, CSV import and the generator use
// the same checks). Each problem is an Error whose field is the column key and
// whose message names the field and the reason, translatable ("dd::app").
#include <vector>

#include <QDate>
#include <QString>

#include "app/hla_check.h"
#include "core/message.h"
#include "model/entities.h"

namespace dd::app {

inline constexpr int kMinJoinAge = 18;
inline constexpr int kMaxJoinAge = 45;
inline constexpr int kRetirementAge = 60;

enum class ValidationMode {
  Registration,  // a new volunteer: age 18–45 on the registration date
  Update,        // an existing record: no join-age rule
};

struct ValidationContext {
  ValidationMode mode = ValidationMode::Registration;
  QDate today = QDate::currentDate();
  HlaChecker hla;  // empty: HLA typings are not checked
  // The registry's number prefix (meta registry_prefix): a registry number
  // given by hand or in a file must be this prefix and 8 digits. Empty: the
  // number's format is not checked.
  QString registryPrefix;
};

// Checks a volunteer and fills volunteer.hla.*.normalised on success.
std::vector<Error> validateVolunteer(model::Volunteer& volunteer, const ValidationContext& context);
std::vector<Error> validatePatient(model::Patient& patient, const ValidationContext& context);

// The phone rule: a mainland mobile number (11 digits from 1), or a landline
// with its area code; an optional +86 before.
bool validPhone(const QString& phone);
// Soft problems that do not stop a save (a registration asks first): the two
// backup contacts share an address or a phone, so one move or one lost phone
// loses both (CMDP asks for two people at different addresses).
std::vector<Error> volunteerWarnings(const model::Volunteer& volunteer);

// Mainland ID card number (GB 11643-1999, ISO 7064 MOD 11-2).
QChar idCheckDigit(const QString& first17);  // '0'..'9' or 'X'; null QChar for non-digits
std::optional<Error> checkIdNumber(const QString& idNumber);  // format and check digit only
QDate birthDateFromId(const QString& idNumber);                // invalid QDate if unreadable
std::optional<model::Sex> sexFromId(const QString& idNumber);

int ageOn(const QDate& birth, const QDate& day);

// The 56 recognised ethnic groups (汉族 ... 基诺族) and 其他; normalises "汉" to "汉族".
const QStringList& ethnicGroups();
QString normaliseEthnicity(const QString& text);  // empty if not recognised

// The translated label of a field key ("id_number" -> "ID number").
QString fieldLabel(const QString& field);

}  // namespace dd::app
