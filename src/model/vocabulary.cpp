#include "model/vocabulary.h"

#include <algorithm>
#include <initializer_list>
#include <cctype>
#include <string>

#include "core/message.h"

namespace dd::model {
namespace {

std::string lowered(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

template <class Enum, std::size_t N>
std::optional<Enum> parseKey(std::string_view text, const std::array<std::string_view, N>& keys) {
  const std::string lower = lowered(text);
  for (std::size_t i = 0; i < N; ++i)
    if (lowered(keys[i]) == lower) return static_cast<Enum>(i);
  return std::nullopt;
}

constexpr std::array<std::string_view, 2> kSexKeys{"M", "F"};
constexpr std::array<std::string_view, 3> kCmvKeys{"", "negative", "positive"};
constexpr std::array<std::string_view, kVolunteerStatusCount> kStatusKeys{
    "active", "temporarily_deferred", "permanently_deferred", "reserved",
    "lost_contact", "withdrawn", "donated", "retired"};
constexpr std::array<std::string_view, kLocusCount> kLocusKeys{"A", "B", "C", "DRB1", "DQB1", "DPB1"};
constexpr std::array<std::string_view, 5> kChannelKeys{"phone", "sms", "wechat", "mail", "visit"};
constexpr std::array<std::string_view, kContactOutcomeCount> kOutcomeKeys{
    "reached", "no_answer", "wrong_number", "refused", "delivered", "undelivered"};
constexpr std::array<std::string_view, 3> kPersonKeys{"volunteer", "emergency", "emergency2"};
constexpr std::array<std::string_view, kFamilyAttitudeCount> kAttitudeKeys{"unknown", "supportive", "neutral",
                                                                           "opposed"};
constexpr std::array<std::string_view, kWillingnessCount> kWillingnessKeys{"yes", "unsure", "no"};
constexpr std::array<std::string_view, kStopReasonCount> kStopReasonKeys{
    "family_opposition", "health", "fear", "work_leave_refused", "lost_contact", "other",
    "transplanted_other_donor", "patient_died", "search_closed"};
constexpr std::array<std::string_view, kRiskFlagKindCount> kRiskFlagKeys{"family_opposed", "missed_contacts",
                                                                         "postponement", "hesitation"};
constexpr std::array<std::string_view, kFollowUpPointCount> kFollowUpKeys{
    "day2",  "week1", "month1", "month6", "year1", "year2", "year3",
    "year4", "year5", "year6",  "year7",  "year8", "year9", "year10"};
constexpr std::array<std::string_view, kGroupKindCount> kGroupKindKeys{"wechat", "region"};
constexpr std::array<std::string_view, kWorkupStageCount> kStageKeys{
    "initial_match", "confirmatory_typing", "medical_exam", "consent_signed",
    "mobilisation", "collection", "product_delivered", "follow_up"};

}  // namespace

std::string_view key(Sex value) { return kSexKeys[static_cast<std::size_t>(value)]; }
std::string_view key(Cmv value) { return kCmvKeys[static_cast<std::size_t>(value)]; }
std::string_view key(VolunteerStatus value) { return kStatusKeys[static_cast<std::size_t>(value)]; }
std::string_view key(Locus value) { return kLocusKeys[static_cast<std::size_t>(value)]; }
std::string_view key(ContactChannel value) { return kChannelKeys[static_cast<std::size_t>(value)]; }
std::string_view key(ContactOutcome value) { return kOutcomeKeys[static_cast<std::size_t>(value)]; }
std::string_view key(WorkupStage value) { return kStageKeys[static_cast<std::size_t>(value)]; }
std::string_view key(ContactPerson value) { return kPersonKeys[static_cast<std::size_t>(value)]; }
std::string_view key(FamilyAttitude value) { return kAttitudeKeys[static_cast<std::size_t>(value)]; }
std::string_view key(Willingness value) { return kWillingnessKeys[static_cast<std::size_t>(value)]; }
std::string_view key(StopReason value) { return kStopReasonKeys[static_cast<std::size_t>(value)]; }
std::string_view key(RiskFlagKind value) { return kRiskFlagKeys[static_cast<std::size_t>(value)]; }
std::string_view key(FollowUpPoint value) { return kFollowUpKeys[static_cast<std::size_t>(value)]; }
std::string_view key(GroupKind value) { return kGroupKindKeys[static_cast<std::size_t>(value)]; }

std::optional<Sex> parseSex(std::string_view text) {
  if (text == "男" || text == "male" || text == "Male" || text == "1") return Sex::Male;
  if (text == "女" || text == "female" || text == "Female" || text == "2") return Sex::Female;
  return parseKey<Sex>(text, kSexKeys);
}
std::optional<Cmv> parseCmv(std::string_view text) {
  const std::string lower = lowered(text);
  if (lower == "+" || lower == "pos" || text == "阳性") return Cmv::Positive;
  if (lower == "-" || lower == "neg" || text == "阴性") return Cmv::Negative;
  return parseKey<Cmv>(text, kCmvKeys);
}
std::optional<VolunteerStatus> parseVolunteerStatus(std::string_view text) {
  return parseKey<VolunteerStatus>(text, kStatusKeys);
}
std::optional<Locus> parseLocus(std::string_view text) { return parseKey<Locus>(text, kLocusKeys); }
std::optional<ContactChannel> parseContactChannel(std::string_view text) {
  return parseKey<ContactChannel>(text, kChannelKeys);
}
std::optional<ContactOutcome> parseContactOutcome(std::string_view text) {
  return parseKey<ContactOutcome>(text, kOutcomeKeys);
}
std::optional<WorkupStage> parseWorkupStage(std::string_view text) {
  return parseKey<WorkupStage>(text, kStageKeys);
}
std::optional<ContactPerson> parseContactPerson(std::string_view text) {
  return parseKey<ContactPerson>(text, kPersonKeys);
}
std::optional<FamilyAttitude> parseFamilyAttitude(std::string_view text) {
  return parseKey<FamilyAttitude>(text, kAttitudeKeys);
}
std::optional<Willingness> parseWillingness(std::string_view text) {
  return parseKey<Willingness>(text, kWillingnessKeys);
}
std::optional<StopReason> parseStopReason(std::string_view text) {
  return parseKey<StopReason>(text, kStopReasonKeys);
}
std::optional<RiskFlagKind> parseRiskFlagKind(std::string_view text) {
  return parseKey<RiskFlagKind>(text, kRiskFlagKeys);
}
std::optional<FollowUpPoint> parseFollowUpPoint(std::string_view text) {
  return parseKey<FollowUpPoint>(text, kFollowUpKeys);
}
std::optional<GroupKind> parseGroupKind(std::string_view text) { return parseKey<GroupKind>(text, kGroupKindKeys); }

FollowUpOffset followUpOffset(FollowUpPoint point) {
  switch (point) {
    case FollowUpPoint::Day2: return {0, 2};
    case FollowUpPoint::Week1: return {0, 7};
    case FollowUpPoint::Month1: return {1, 0};
    case FollowUpPoint::Month6: return {6, 0};
    default: break;
  }
  const int year = static_cast<int>(point) - static_cast<int>(FollowUpPoint::Year1) + 1;
  return {12 * year, 0};
}

// The display name of an enumerator from its list in declaration order
// (left untranslated: QT_TRANSLATE_NOOP marks the texts for tr()).
template <class E>
const char* nameOf(E value, std::initializer_list<const char*> names) {
  return *(names.begin() + static_cast<int>(value));
}

const char* displayName(Cmv value) {
  return nameOf(value, {QT_TRANSLATE_NOOP("dd::model", "Unknown"), QT_TRANSLATE_NOOP("dd::model", "Negative"),
                        QT_TRANSLATE_NOOP("dd::model", "Positive")});
}
const char* displayName(VolunteerStatus value) {
  return nameOf(
      value,
      {QT_TRANSLATE_NOOP("dd::model", "Active"), QT_TRANSLATE_NOOP("dd::model", "Temporarily deferred"),
       QT_TRANSLATE_NOOP("dd::model", "Permanently deferred"), QT_TRANSLATE_NOOP("dd::model", "Reserved"),
       QT_TRANSLATE_NOOP("dd::model", "Lost contact"), QT_TRANSLATE_NOOP("dd::model", "Withdrawn"),
       QT_TRANSLATE_NOOP("dd::model", "Donated"), QT_TRANSLATE_NOOP("dd::model", "Retired")});
}
const char* displayName(ContactChannel value) {
  return nameOf(value, {QT_TRANSLATE_NOOP("dd::model", "Phone"), QT_TRANSLATE_NOOP("dd::model", "SMS"),
                        QT_TRANSLATE_NOOP("dd::model", "WeChat"), QT_TRANSLATE_NOOP("dd::model", "Mail"),
                        QT_TRANSLATE_NOOP("dd::model", "Visit")});
}
const char* displayName(ContactOutcome value) {
  return nameOf(value,
                {QT_TRANSLATE_NOOP("dd::model", "Reached"), QT_TRANSLATE_NOOP("dd::model", "No answer"),
                 QT_TRANSLATE_NOOP("dd::model", "Wrong number"), QT_TRANSLATE_NOOP("dd::model", "Refused"),
                 QT_TRANSLATE_NOOP("dd::model", "Delivered, no reply"),
                 QT_TRANSLATE_NOOP("dd::model", "Not delivered")});
}
const char* displayName(WorkupStage value) {
  return nameOf(
      value,
      {QT_TRANSLATE_NOOP("dd::model", "Initial match"), QT_TRANSLATE_NOOP("dd::model", "Confirmatory typing"),
       QT_TRANSLATE_NOOP("dd::model", "Medical exam"), QT_TRANSLATE_NOOP("dd::model", "Consent signed"),
       QT_TRANSLATE_NOOP("dd::model", "Mobilisation"), QT_TRANSLATE_NOOP("dd::model", "Collection"),
       QT_TRANSLATE_NOOP("dd::model", "Product delivered"), QT_TRANSLATE_NOOP("dd::model", "Follow-up")});
}

const char* displayName(ContactPerson value) {
  return nameOf(value, {QT_TRANSLATE_NOOP("dd::model", "Volunteer"),
                        QT_TRANSLATE_NOOP("dd::model", "Emergency contact"),
                        QT_TRANSLATE_NOOP("dd::model", "Second emergency contact")});
}
const char* displayName(FamilyAttitude value) {
  return nameOf(value, {QT_TRANSLATE_NOOP("dd::model", "Not known"), QT_TRANSLATE_NOOP("dd::model", "Supportive"),
                        QT_TRANSLATE_NOOP("dd::model", "Neutral"), QT_TRANSLATE_NOOP("dd::model", "Opposed")});
}
const char* displayName(Willingness value) {
  return nameOf(value, {QT_TRANSLATE_NOOP("dd::model", "Still willing"), QT_TRANSLATE_NOOP("dd::model", "Unsure"),
                        QT_TRANSLATE_NOOP("dd::model", "No longer willing")});
}
const char* displayName(StopReason value) {
  return nameOf(value, {QT_TRANSLATE_NOOP("dd::model", "Family opposition"), QT_TRANSLATE_NOOP("dd::model", "Health"),
                        QT_TRANSLATE_NOOP("dd::model", "Fear"),
                        QT_TRANSLATE_NOOP("dd::model", "Work leave refused"),
                        QT_TRANSLATE_NOOP("dd::model", "Lost contact"), QT_TRANSLATE_NOOP("dd::model", "Other"),
                        QT_TRANSLATE_NOOP("dd::model", "Patient transplanted with another donor"),
                        QT_TRANSLATE_NOOP("dd::model", "Patient died"),
                        QT_TRANSLATE_NOOP("dd::model", "Search closed")});
}
const char* displayName(RiskFlagKind value) {
  return nameOf(value, {QT_TRANSLATE_NOOP("dd::model", "Family opposed"),
                        QT_TRANSLATE_NOOP("dd::model", "Missed contacts"),
                        QT_TRANSLATE_NOOP("dd::model", "Postponement"),
                        QT_TRANSLATE_NOOP("dd::model", "Hesitation noted")});
}
const char* displayName(FollowUpPoint value) {
  return nameOf(value, {QT_TRANSLATE_NOOP("dd::model", "After 2 days"), QT_TRANSLATE_NOOP("dd::model", "After 1 week"),
                        QT_TRANSLATE_NOOP("dd::model", "After 1 month"),
                        QT_TRANSLATE_NOOP("dd::model", "After 6 months"),
                        QT_TRANSLATE_NOOP("dd::model", "Year 1"), QT_TRANSLATE_NOOP("dd::model", "Year 2"),
                        QT_TRANSLATE_NOOP("dd::model", "Year 3"), QT_TRANSLATE_NOOP("dd::model", "Year 4"),
                        QT_TRANSLATE_NOOP("dd::model", "Year 5"), QT_TRANSLATE_NOOP("dd::model", "Year 6"),
                        QT_TRANSLATE_NOOP("dd::model", "Year 7"), QT_TRANSLATE_NOOP("dd::model", "Year 8"),
                        QT_TRANSLATE_NOOP("dd::model", "Year 9"), QT_TRANSLATE_NOOP("dd::model", "Year 10")});
}
const char* displayName(GroupKind value) {
  return nameOf(value, {QT_TRANSLATE_NOOP("dd::model", "WeChat group"), QT_TRANSLATE_NOOP("dd::model", "Region group")});
}

}  // namespace dd::model
