// Every validation message: code, field and the English text naming the
// field and the reason. The zh_CN texts come from the same source strings.
#include <catch2/catch.hpp>

#include <functional>

#include "app/volunteer_validation.h"
#include "core/qt/app_paths.h"
#include "core/qt/localization.h"
#include "hla/nomenclature.h"
#include "support/registry_fixture.h"
#include "support/qt_string_maker.h"

using namespace dd;
using model::Sex;

namespace {

std::vector<Error> errorsAfter(const std::function<void(model::Volunteer&)>& change,
                               app::ValidationMode mode = app::ValidationMode::Registration) {
  model::Volunteer v = test::sampleVolunteer(1);
  change(v);
  app::ValidationContext context;
  context.mode = mode;
  context.hla = app::defaultHlaChecker();
  return app::validateVolunteer(v, context);
}

// Exactly one error, with this code and field, whose text contains `text`.
void requireOnly(const std::vector<Error>& errors, const std::string& code, const std::string& field,
                 const QString& text) {
  INFO("errors: " << errors.size() << (errors.empty() ? "" : " first: " + errors[0].english()));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == code);
  CHECK(errors[0].field == field);
  CHECK(qt::translated(errors[0]) == text);
}

}  // namespace

TEST_CASE("the sample volunteer is valid, so each case below tests exactly one rule") {
  CHECK(errorsAfter([](model::Volunteer&) {}).empty());
}

TEST_CASE("ID number: format, check digit, impossible date, disagreement with birth date and sex") {
  requireOnly(errorsAfter([](model::Volunteer& v) { v.idNumber = "37010219900101"; }), "validation.id_format",
              "id_number",
              "ID number '37010219900101' must have 18 characters: 17 digits and a check digit (0-9 or X).");
  // 11010519491231002X is the standard's own example; change its check digit.
  CHECK(app::idCheckDigit("11010519491231002") == QChar('X'));
  requireOnly(errorsAfter([](model::Volunteer& v) {
                v.idNumber = "110105194912310021";
                v.birthDate = QDate(1949, 12, 31);
                v.status = model::VolunteerStatus::Retired;
              }, app::ValidationMode::Update),
              "validation.id_check_digit", "id_number",
              "ID number 110105194912310021 does not pass the check-digit test: one of its digits is wrong. Read "
              "the number again from the ID card.");
  // The message must not offer the expected digit: staff would "fix" the
  // last digit instead of re-reading a number with another digit misread.
  const auto wrongDigit = errorsAfter([](model::Volunteer& v) { v.idNumber = "110105194912310021"; });
  REQUIRE_FALSE(wrongDigit.empty());
  CHECK_FALSE(qt::translated(wrongDigit[0]).contains(QLatin1Char('X')));
  const QString impossible = QStringLiteral("37010219900230001") + app::idCheckDigit("37010219900230001");
  requireOnly(errorsAfter([&](model::Volunteer& v) { v.idNumber = impossible; }), "validation.id_birth_invalid",
              "id_number", QStringLiteral("ID number %1 contains an impossible birth date 19900230.").arg(impossible));
  model::Volunteer sample = test::sampleVolunteer(1);
  requireOnly(errorsAfter([](model::Volunteer& v) { v.birthDate = v.birthDate.addDays(-1); }),
              "validation.id_birth_mismatch", "birth_date",
              QStringLiteral("Birth date %1 disagrees with the ID number, which says %2.")
                  .arg(sample.birthDate.addDays(-1).toString(Qt::ISODate), sample.birthDate.toString(Qt::ISODate)));
  requireOnly(errorsAfter([](model::Volunteer& v) { v.sex = Sex::Male; }), "validation.id_sex_mismatch", "sex",
              "Sex disagrees with the ID number, which says female.");
  // A lower-case x is accepted and normalised.
  model::Volunteer lower = test::sampleVolunteer(1);
  lower.idNumber = lower.idNumber.toLower();
  app::ValidationContext context;
  (void)app::validateVolunteer(lower, context);
  CHECK(lower.idNumber == lower.idNumber.toUpper());
}

TEST_CASE("age rules: join at 18–45 on the registration date, retire at 60, no future births") {
  const QDate today = QDate::currentDate();
  auto withBirth = [&](const QDate& birth) {
    return [birth](model::Volunteer& v) {
      v.birthDate = birth;
      v.idNumber = test::validIdNumber(birth, v.sex, 7);
    };
  };
  const QDate tooYoung = today.addYears(-17);
  requireOnly(errorsAfter(withBirth(tooYoung)), "validation.join_age", "birth_date",
              QStringLiteral("Age 17 on the registration date %1 is outside the joining range 18–45.")
                  .arg(today.toString(Qt::ISODate)));
  requireOnly(errorsAfter(withBirth(today.addYears(-46))), "validation.join_age", "birth_date",
              QStringLiteral("Age 46 on the registration date %1 is outside the joining range 18–45.")
                  .arg(today.toString(Qt::ISODate)));
  CHECK(errorsAfter(withBirth(today.addYears(-18))).empty());  // 18th birthday today
  CHECK(errorsAfter(withBirth(today.addYears(-46).addDays(1))).empty());  // still 45
  // An existing volunteer of 50 is fine; at 60 they must be retired.
  CHECK(errorsAfter(withBirth(today.addYears(-50)), app::ValidationMode::Update).empty());
  requireOnly(errorsAfter(withBirth(today.addYears(-60)), app::ValidationMode::Update), "validation.retirement_age",
              "status", "Age 60 is 60 or over: the volunteer must be retired.");
  const QDate future = today.addDays(3);
  auto errors = errorsAfter([future](model::Volunteer& v) { v.birthDate = future; });
  REQUIRE_FALSE(errors.empty());
  CHECK(errors[0].code == "validation.birth_future");
  CHECK(qt::translated(errors[0]) == QStringLiteral("Birth date %1 is in the future.").arg(future.toString(Qt::ISODate)));
}

TEST_CASE("required fields name themselves") {
  requireOnly(errorsAfter([](model::Volunteer& v) { v.name = "  "; }), "validation.required", "name",
              "Name is required.");
  requireOnly(errorsAfter([](model::Volunteer& v) { v.consentVersion.clear(); }), "validation.required",
              "consent_version", "Consent form version is required.");
  auto errors = errorsAfter([](model::Volunteer& v) { v.consentDate = {}; });
  REQUIRE(errors.size() == 1);
  CHECK(qt::translated(errors[0]) == "Consent date is required.");
  errors = errorsAfter([](model::Volunteer& v) { v.idNumber.clear(); });
  REQUIRE(errors.size() == 1);
  CHECK(qt::translated(errors[0]) == "ID number is required.");
  requireOnly(errorsAfter([](model::Volunteer& v) {
                v.status = model::VolunteerStatus::Reserved;
              }, app::ValidationMode::Update),
              "validation.required", "reserved_patient_id", "Reserved for patient is required.");
  requireOnly(errorsAfter([](model::Volunteer& v) {
                v.status = model::VolunteerStatus::Withdrawn;
              }, app::ValidationMode::Update),
              "validation.required", "status_reason", "Status reason is required.");
}

TEST_CASE("contact details, blood, weight, ethnicity and consent date") {
  requireOnly(errorsAfter([](model::Volunteer& v) { v.phones[0].number = "12345"; }), "validation.phone", "phone",
              "Phone number '12345' is not a mainland mobile number (11 digits starting with 1) or a landline with "
              "area code.");
  CHECK(errorsAfter([](model::Volunteer& v) { v.phones[0].number = "0531-88886666"; }).empty());
  CHECK(errorsAfter([](model::Volunteer& v) { v.phones[0].number = "+86 13812345678"; }).empty());
  requireOnly(errorsAfter([](model::Volunteer& v) { v.emergency.phone = "999"; }), "validation.phone",
              "emergency_phone",
              "Phone number '999' is not a mainland mobile number (11 digits starting with 1) or a landline with "
              "area code.");
  requireOnly(errorsAfter([](model::Volunteer& v) { v.phones.append({"13900000000", {}, true, {}, {}}); }),
              "validation.phone_current", "phone", "Only one phone number can be the current one.");
  // A wrong second number is reported on the second field, not the first.
  requireOnly(errorsAfter([](model::Volunteer& v) { v.phones.append({"5551234", {}, false, {}, {}}); }),
              "validation.phone", "phone2",
              "Phone number '5551234' is not a mainland mobile number (11 digits starting with 1) or a landline "
              "with area code.");
  // A replaced number is history: not checked, and not a way to reach anyone.
  CHECK(errorsAfter([](model::Volunteer& v) {
          v.phones.append({"5551234", {}, false, QDate(2020, 1, 1), {}});
        }).empty());
  requireOnly(errorsAfter([](model::Volunteer& v) { v.email = "not-an-address"; }), "validation.email", "email",
              "E-mail address 'not-an-address' is not valid.");
  requireOnly(errorsAfter([](model::Volunteer& v) { v.abo = "C"; }), "validation.abo", "abo",
              "Blood group 'C' must be A, B, AB or O.");
  requireOnly(errorsAfter([](model::Volunteer& v) { v.rh = "pos"; }), "validation.rh", "rh", "Rh 'pos' must be + or -.");
  requireOnly(errorsAfter([](model::Volunteer& v) { v.weightKg = 12; }), "validation.weight", "weight_kg",
              "Weight 12 kg is outside the plausible range 30–200 kg.");
  requireOnly(errorsAfter([](model::Volunteer& v) { v.ethnicity = "火星族"; }), "validation.ethnicity", "ethnicity",
              QStringLiteral("Ethnic group '火星族' is not one of the 56 recognised groups or 其他 (other)."));
  model::Volunteer han = test::sampleVolunteer(1);
  han.ethnicity = QStringLiteral("回");
  app::ValidationContext context;
  CHECK(app::validateVolunteer(han, context).empty());
  CHECK(han.ethnicity == QStringLiteral("回族"));
  CHECK(app::ethnicGroups().size() == 57);
  const QDate tomorrow = QDate::currentDate().addDays(1);
  auto errors = errorsAfter([tomorrow](model::Volunteer& v) { v.consentDate = tomorrow; });
  REQUIRE_FALSE(errors.empty());
  bool found = false;
  for (const auto& e : errors)
    found = found || (e.code == "validation.consent_future" &&
                      qt::translated(e) == QStringLiteral("Consent date %1 is in the future.")
                                               .arg(tomorrow.toString(Qt::ISODate)));
  CHECK(found);
}

TEST_CASE("at least one way to reach the volunteer: phone, WeChat or e-mail") {
  const QString message =
      "At least one way to reach the volunteer is required: a phone number, WeChat or e-mail.";
  auto noContact = [](model::Volunteer& v) {
    v.phones.clear();
    v.wechat.clear();
    v.email.clear();
  };
  requireOnly(errorsAfter(noContact), "validation.contact_required", "phone", message);
  requireOnly(errorsAfter(noContact, app::ValidationMode::Update), "validation.contact_required", "phone", message);
  // Only a replaced number left: nobody to call.
  requireOnly(errorsAfter([&](model::Volunteer& v) {
                noContact(v);
                v.phones.append({"13812345678", {}, false, QDate(2024, 5, 1), {}});
              }),
              "validation.contact_required", "phone", message);
  CHECK(errorsAfter([&](model::Volunteer& v) {
          noContact(v);
          v.wechat = "zhang_wei_88";
        }).empty());
  CHECK(errorsAfter([&](model::Volunteer& v) {
          noContact(v);
          v.email = "zhang@example.com";
        }).empty());
  CHECK(errorsAfter([&](model::Volunteer& v) {
          noContact(v);
          v.phones.append({"13812345678", {}, true, {}, {}});
        }).empty());
}

TEST_CASE("recruitment drive: a place or organiser needs the drive's date, which is not in the future") {
  requireOnly(errorsAfter([](model::Volunteer& v) { v.drive = {QDate(), "山东大学", "校红会"}; }),
              "validation.required", "drive_date", "Recruitment date is required.");
  const QDate tomorrow = QDate::currentDate().addDays(1);
  requireOnly(errorsAfter([&](model::Volunteer& v) { v.drive = {tomorrow, "山东大学", {}}; }),
              "validation.drive_future", "drive_date",
              QStringLiteral("Recruitment date %1 is in the future.").arg(tomorrow.toString(Qt::ISODate)));
  CHECK(errorsAfter([](model::Volunteer& v) { v.drive = {QDate::currentDate(), {}, {}}; }).empty());
  CHECK(errorsAfter([](model::Volunteer& v) { v.drive = {}; }).empty());
}

TEST_CASE("an HLA typing the engine rejects is reported with the engine's own message") {
  auto errors = errorsAfter([](model::Volunteer& v) { v.hla.at(model::Locus::B).raw = "B*ZZ:01"; });
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "validation.hla");
  CHECK(errors[0].field == "hla_b");
  CHECK(qt::translated(errors[0]).startsWith("HLA-B typing 'B*ZZ:01' is invalid: "));
  // With the real nomenclature loaded, an unknown allele carries its message verbatim.
  auto engine = hla::Nomenclature::load(qt::bundledHlaDataDir().toStdString());
  if (engine) {
    auto verdict = (*engine)->validate("A*99:99", hla::Locus::A);
    REQUIRE_FALSE(verdict);
    auto unknown = errorsAfter([](model::Volunteer& v) { v.hla.at(model::Locus::A).raw = "A*99:99"; });
    REQUIRE(unknown.size() == 1);
    CHECK(qt::translated(unknown[0]) ==
          QStringLiteral("HLA-A typing 'A*99:99' is invalid: %1").arg(qt::translated(verdict.error())));
  } else {
    WARN("HLA nomenclature not loadable yet: " << engine.error().english());
  }
}

TEST_CASE("duplicates on registration: same ID number is refused, same name+birth+phone needs confirmation") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  auto first = registry->registerVolunteer(test::sampleVolunteer(1), test::staff());
  REQUIRE(first.ok());
  model::Volunteer sameId = test::sampleVolunteer(2);
  sameId.idNumber = first.value->idNumber;
  sameId.birthDate = first.value->birthDate;
  auto refused = registry->registerVolunteer(sameId, test::staff(), true);
  REQUIRE_FALSE(refused.ok());
  REQUIRE(refused.errors.size() == 1);
  CHECK(refused.errors[0].field == "id_number");
  CHECK(qt::translated(refused.errors[0]) ==
        QStringLiteral("ID number %1 is already registered as No. SD00000001.").arg(first.value->idNumber));

  model::Volunteer twin = test::sampleVolunteer(1);  // same name, birth date and phone
  twin.idNumber = test::validIdNumber(twin.birthDate, twin.sex, 321, QStringLiteral("370103"));
  auto warned = registry->registerVolunteer(twin, test::staff());
  REQUIRE_FALSE(warned.ok());
  REQUIRE(warned.needsConfirmation());
  CHECK(qt::translated(warned.warnings.at(0)) ==
        "A volunteer with the same name, birth date and phone is already registered as No. SD00000001.");
  CHECK(*registry->countVolunteers({}) == 1);
  auto confirmed = registry->registerVolunteer(twin, test::staff(), true);
  REQUIRE(confirmed.ok());
  CHECK(confirmed.value->registryNo == "SD00000002");
  // Editing someone else's ID number into a record is refused the same way.
  model::Volunteer edit = *confirmed.value;
  edit.idNumber = first.value->idNumber;
  auto clash = registry->updateVolunteer(edit, test::staff());
  REQUIRE_FALSE(clash.ok());
  bool dup = false;
  for (const auto& e : clash.errors) dup = dup || e.code == "validation.duplicate_id";
  CHECK(dup);
}

TEST_CASE("patient validation: required name, urgency values") {
  model::Patient p;
  p.birthDate = QDate(2010, 1, 1);
  p.urgency = "whenever";
  app::ValidationContext context;
  auto errors = app::validatePatient(p, context);
  REQUIRE(errors.size() == 2);
  CHECK(qt::translated(errors[0]) == "Name is required.");
  CHECK(qt::translated(errors[1]) == "Urgency 'whenever' must be normal, urgent or critical.");
}
