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
enum class ContactOutcome : std::uint8_t { Reached, NoAnswer, WrongNumber, Refused };

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

std::string_view key(Sex value);              // "M" / "F"
std::string_view key(Cmv value);              // "" (unknown, stored as NULL), "negative", "positive"
std::string_view key(VolunteerStatus value);  // "active", "temporarily_deferred", ...
std::string_view key(Locus value);            // "A", "B", "C", "DRB1", "DQB1", "DPB1"
std::string_view key(ContactChannel value);   // "phone", "sms", "wechat", "mail", "visit"
std::string_view key(ContactOutcome value);   // "reached", "no_answer", "wrong_number", "refused"
std::string_view key(WorkupStage value);      // "initial_match", ..., "follow_up"

// Inverse of key(); nullopt for an unknown key. Case-insensitive.
std::optional<Sex> parseSex(std::string_view text);  // also accepts male/female/男/女
// Also accepts +/-, pos/neg, 阳性/阴性; empty is Unknown.
std::optional<Cmv> parseCmv(std::string_view text);
std::optional<VolunteerStatus> parseVolunteerStatus(std::string_view text);
std::optional<Locus> parseLocus(std::string_view text);
std::optional<ContactChannel> parseContactChannel(std::string_view text);
std::optional<ContactOutcome> parseContactOutcome(std::string_view text);
std::optional<WorkupStage> parseWorkupStage(std::string_view text);

// English display names, marked for translation in the "dd::model" context
// (the Qt layers translate them with QCoreApplication::translate).
const char* displayName(Cmv value);
const char* displayName(VolunteerStatus value);
const char* displayName(ContactChannel value);
const char* displayName(ContactOutcome value);
const char* displayName(WorkupStage value);

}  // namespace dd::model
