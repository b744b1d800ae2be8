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
constexpr std::array<std::string_view, 4> kOutcomeKeys{"reached", "no_answer", "wrong_number", "refused"};
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
                 QT_TRANSLATE_NOOP("dd::model", "Wrong number"), QT_TRANSLATE_NOOP("dd::model", "Refused")});
}
const char* displayName(WorkupStage value) {
  return nameOf(
      value,
      {QT_TRANSLATE_NOOP("dd::model", "Initial match"), QT_TRANSLATE_NOOP("dd::model", "Confirmatory typing"),
       QT_TRANSLATE_NOOP("dd::model", "Medical exam"), QT_TRANSLATE_NOOP("dd::model", "Consent signed"),
       QT_TRANSLATE_NOOP("dd::model", "Mobilisation"), QT_TRANSLATE_NOOP("dd::model", "Collection"),
       QT_TRANSLATE_NOOP("dd::model", "Product delivered"), QT_TRANSLATE_NOOP("dd::model", "Follow-up")});
}

}  // namespace dd::model
