#pragma once
// The registry's fixed vocabularies (status, sex, loci, channels, stages) as
// pure C++ so that layers without Qt (match) can share them. Each value has a
// stable lower-case key: that key is what the database stores and what CSV
// files and the CLI use, so renaming an enumerator never changes data.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace dd::model {

enum class Sex : std::uint8_t { Male, Female };

// Cytomegalovirus serostatus, of a volunteer or a patient. The matching
// engine ranks with this same enum (match::Cmv), in this order.
enum class Cmv : std::uint8_t { Unknown, Negative, Positive };

// Lifecycle of a volunteer; see docs/data-model.md for the allowed transitions.
enum class VolunteerStatus : std::uint8_t {
  Active,
  TemporarilyDeferred,  // reason + until date
  PermanentlyDeferred,  // reason
  Reserved,             // for one patient (workup in progress)
  LostContact,
  Withdrawn,            // reason + stage at which the volunteer withdrew
  Donated,              // donation date + count
  Retired,              // aged out at 60 or by request
};
inline constexpr int kVolunteerStatusCount = 8;

// HLA loci the registry types, in storage order.
enum class Locus : std::uint8_t { A, B, C, DRB1, DQB1, DPB1 };
inline constexpr int kLocusCount = 6;
inline constexpr std::array<Locus, kLocusCount> kAllLoci{Locus::A,    Locus::B,    Locus::C,
                                                        Locus::DRB1, Locus::DQB1, Locus::DPB1};

enum class ContactChannel : std::uint8_t { Phone, Sms, WeChat, Mail, Visit };
// Delivered / Undelivered are what a bulk-SMS platform reports of a message
// no one answered (schema 10): delivered counts neither as reaching the
// volunteer nor as a failed attempt; undelivered is a failed attempt.
enum class ContactOutcome : std::uint8_t { Reached, NoAnswer, WrongNumber, Refused, Delivered, Undelivered };
inline constexpr int kContactOutcomeCount = 6;
// What an attempt says of the contact's freshness: refused reached them (and
// they said no), so it resets the failures like reached; delivered is neither.
constexpr bool reachedThem(ContactOutcome outcome) {
  return outcome == ContactOutcome::Reached || outcome == ContactOutcome::Refused;
}
constexpr bool isFailedAttempt(ContactOutcome outcome) {
  return outcome == ContactOutcome::NoAnswer || outcome == ContactOutcome::WrongNumber ||
         outcome == ContactOutcome::Undelivered;
}
// The number tried is wrong or cannot receive messages: it is marked known bad.
constexpr bool numberIsBad(ContactOutcome outcome) {
  return outcome == ContactOutcome::WrongNumber || outcome == ContactOutcome::Undelivered;
}
// Whom a contact attempt tried: the volunteer, or one of the two backup
// contacts (relatives or friends at other addresses) when the volunteer's
// own numbers fail.
enum class ContactPerson : std::uint8_t { Volunteer, Emergency, Emergency2 };

// Workup stages in their order; a case records the date each stage was reached.
enum class WorkupStage : std::uint8_t {
  InitialMatch,
  ConfirmatoryTyping,
  MedicalExam,
  ConsentSigned,
  Mobilisation,
  Collection,
  ProductDelivered,
  FollowUp,
};
inline constexpr int kWorkupStageCount = 8;

// How the volunteer's family stands towards the donation: the strongest
// predictor of a late withdrawal (悔捐). Recorded on a case and at the yearly
// readiness check.
enum class FamilyAttitude : std::uint8_t { Unknown, Supportive, Neutral, Opposed };
inline constexpr int kFamilyAttitudeCount = 4;

// "Still willing to donate?" at a readiness check.
enum class Willingness : std::uint8_t { Yes, Unsure, No };
inline constexpr int kWillingnessCount = 3;

// Why a case stopped or a reservation was released. The first six are the
// donor's side (a withdrawal, counted by the statistics as such); the last
// three the patient's or the search's.
enum class StopReason : std::uint8_t {
  FamilyOpposition,
  Health,
  Fear,
  WorkLeaveRefused,
  LostContact,
  Other,
  TransplantedOtherDonor,
  PatientDied,
  SearchClosed,
};
inline constexpr int kStopReasonCount = 9;
constexpr bool isDonorReason(StopReason reason) { return reason <= StopReason::Other; }

// A sign that a case may end in a late withdrawal; open until resolved.
// A case with an open flag warns before it enters mobilisation (the
// patient's conditioning starts then).
enum class RiskFlagKind : std::uint8_t { FamilyOpposed, MissedContacts, Postponement, Hesitation };
inline constexpr int kRiskFlagKindCount = 4;

// The follow-up calls after a donation: 2 days, 1 week, 1 month, 6 months,
// then every year for 10 years.
enum class FollowUpPoint : std::uint8_t {
  Day2, Week1, Month1, Month6,
  Year1, Year2, Year3, Year4, Year5, Year6, Year7, Year8, Year9, Year10,
};
inline constexpr int kFollowUpPointCount = 14;

// A group volunteers are kept in touch through: a WeChat group, or a region
// (county) group run by a local coordinator.
enum class GroupKind : std::uint8_t { WeChat, Region };
inline constexpr int kGroupKindCount = 2;

std::string_view key(Sex value);              // "M" / "F"
std::string_view key(Cmv value);              // "" (unknown, stored as NULL), "negative", "positive"
std::string_view key(VolunteerStatus value);  // "active", "temporarily_deferred", ...
std::string_view key(Locus value);            // "A", "B", "C", "DRB1", "DQB1", "DPB1"
std::string_view key(ContactChannel value);   // "phone", "sms", "wechat", "mail", "visit"
std::string_view key(ContactOutcome value);   // "reached", "no_answer", "wrong_number", "refused"
std::string_view key(WorkupStage value);      // "initial_match", ..., "follow_up"
std::string_view key(ContactPerson value);    // "volunteer", "emergency", "emergency2"
std::string_view key(FamilyAttitude value);   // "unknown", "supportive", "neutral", "opposed"
std::string_view key(Willingness value);      // "yes", "unsure", "no"
std::string_view key(StopReason value);       // "family_opposition", ..., "search_closed"
std::string_view key(RiskFlagKind value);     // "family_opposed", "missed_contacts", "postponement", "hesitation"
std::string_view key(FollowUpPoint value);    // "day2", "week1", "month1", "month6", "year1" ... "year10"
std::string_view key(GroupKind value);        // "wechat", "region"

// Inverse of key(); nullopt for an unknown key. Case-insensitive.
std::optional<Sex> parseSex(std::string_view text);  // also accepts male/female/男/女
// Also accepts +/-, pos/neg, 阳性/阴性; empty is Unknown.
std::optional<Cmv> parseCmv(std::string_view text);
std::optional<VolunteerStatus> parseVolunteerStatus(std::string_view text);
std::optional<Locus> parseLocus(std::string_view text);
std::optional<ContactChannel> parseContactChannel(std::string_view text);
std::optional<ContactOutcome> parseContactOutcome(std::string_view text);
std::optional<WorkupStage> parseWorkupStage(std::string_view text);
std::optional<ContactPerson> parseContactPerson(std::string_view text);
std::optional<FamilyAttitude> parseFamilyAttitude(std::string_view text);
std::optional<Willingness> parseWillingness(std::string_view text);
std::optional<StopReason> parseStopReason(std::string_view text);
std::optional<RiskFlagKind> parseRiskFlagKind(std::string_view text);
std::optional<FollowUpPoint> parseFollowUpPoint(std::string_view text);
std::optional<GroupKind> parseGroupKind(std::string_view text);

// Days after the donation a follow-up point falls due, as (months, days):
// Day2 = (0, 2), Month6 = (6, 0), Year3 = (36, 0). Callers add months first.
struct FollowUpOffset {
  int months = 0;
  int days = 0;
};
FollowUpOffset followUpOffset(FollowUpPoint point);

// English display names, marked for translation in the "dd::model" context
// (the Qt layers translate them with QCoreApplication::translate).
const char* displayName(Cmv value);
const char* displayName(VolunteerStatus value);
const char* displayName(ContactChannel value);
const char* displayName(ContactOutcome value);
const char* displayName(WorkupStage value);
const char* displayName(ContactPerson value);
const char* displayName(FamilyAttitude value);
const char* displayName(Willingness value);
const char* displayName(StopReason value);
const char* displayName(RiskFlagKind value);
const char* displayName(FollowUpPoint value);
const char* displayName(GroupKind value);

}  // namespace dd::model
