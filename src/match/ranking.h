#pragma once
// Ranking: the ordered list of criteria (configurable), the donor factors
// packed into 32 bits per donor, and the 64-bit sort key the fast engine
// builds by addition. Bigger key = better; equal keys fall back to the donor
// index (insertion order), so the order is total and deterministic.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "model/vocabulary.h"

namespace dd::match {

enum class Criterion : std::uint8_t {
  Matches,              // more matches on the chosen scale (allele, potential or untyped)
  Definite,             // more definite allele matches (definite before potential)
  Certainty,            // higher share of matching possibilities among potential matches
  AlleleMismatchFirst,  // fewer antigen mismatches (an allele mismatch is the lesser evil)
  Dpb1,                 // DPB1 match > permissive > unknown > non-permissive
  Younger,              // later birth year
  Male,
  CmvMatch,             // donor CMV status equals the patient's (both known)
  AboIdentical,         // same ABO group (both known)
  RecentContact,        // more recent last successful contact
  Confidence,           // higher ATLAS match confidence summed over the positions (Definite > Exact > Potential)
  Grade,                // better ATLAS match grade summed over the positions (GDna > CDna > Protein > G > P ...)
};
inline constexpr int kCriterionCount = 12;
const char* criterionKey(Criterion c);  // "matches", "definite", "certainty", "allele_mismatch_first", "dpb1", ...
// The key holds at most this many bits of criteria (kUnsearchable sits above).
inline constexpr int kKeyCriteriaBits = 61;

struct RankingPolicy {
  std::vector<Criterion> order;
  // matches, confidence, grade, certainty, allele_mismatch_first, dpb1,
  // younger, male, cmv, abo, recent_contact: match count, then confidence,
  // then grade, then the donor factors (ATLAS's order, DonorDesk's factors).
  static RankingPolicy defaults();
  // "matches,definite,dpb1,younger": a comma-separated list of keys; must
  // contain "matches"; no repeats; the criteria must fit kKeyCriteriaBits
  // (all twelve do not: "definite" is implied by "confidence").
  static dd::Expected<RankingPolicy> parse(std::string_view text);
};

// Scales: 10 = A B C DRB1 DQB1, 8 = A B C DRB1, 6 = A B DRB1.
bool locusInScale(int locus, int scale);
bool isValidScale(int scale);

enum class Sex : std::uint8_t { Unknown, Male, Female };
using Cmv = model::Cmv;  // the registry's one CMV enum (model/vocabulary.h is plain C++)
enum class Abo : std::uint8_t { Unknown, O, A, B, AB };
// Why a volunteer cannot be offered now; Removed marks a deleted index entry.
enum class Availability : std::uint8_t { Available, Deferred, Reserved, Lost, Withdrawn, Retired, Donated, Removed };
const char* availabilityKey(Availability a);  // "available", "deferred", ...

struct DonorFactors {
  int birthYear = 0;        // 0 = unknown; stored 1901..2027
  Sex sex = Sex::Unknown;
  Cmv cmv = Cmv::Unknown;
  Abo abo = Abo::Unknown;
  int lastContactYmd = 0;   // yyyymmdd of the last successful contact; 0 = never
  Availability availability = Availability::Available;
  friend bool operator==(const DonorFactors&, const DonorFactors&) = default;
};

struct PatientFactors {
  Cmv cmv = Cmv::Unknown;
  Abo abo = Abo::Unknown;
};

std::optional<Abo> parseAbo(std::string_view text);  // "O", "A", "B", "AB" (case-insensitive); empty = Unknown

// 32-bit packing: contact day 15 | birth year 7 | sex 2 | cmv 2 | abo 3 | availability 3.
std::uint32_t packFactors(const DonorFactors& factors);
DonorFactors unpackFactors(std::uint32_t packed);  // lastContactYmd comes back as the same day
inline Availability packedAvailability(std::uint32_t packed) { return static_cast<Availability>(packed >> 29); }
int contactDayNumber(int ymd);  // days since 2000-01-01, clamped to 1..32767; 0 for 0 / before 2000

// A volunteer is searchable only when typed at A, B and DRB1, the usual
// registry minimum: one untyped there has nothing to be ranked by.
bool isSearchableLocus(int locus);
inline constexpr int kTypedWidth = 4;  // typed positions on the scale, 0..10

// Where each criterion lives in the key.
struct KeyLayout {
  std::array<int, kCriterionCount> shift{};  // -1: criterion not used
  std::array<int, kCriterionCount> width{};
  // Right below Matches, whatever the policy: how many positions on the scale
  // the donor is typed at. An untyped locus counts as a (potential) match, but
  // never lifts a donor above a typed one with the same number of matches.
  int typedShift = -1;
  std::uint64_t placeTyped(std::uint64_t typedPositions) const {
    return typedShift < 0 ? 0 : typedPositions << typedShift;
  }
  std::uint64_t field(std::uint64_t key, Criterion c) const;
  bool uses(Criterion c) const { return shift[static_cast<int>(c)] >= 0; }
  std::uint64_t place(Criterion c, std::uint64_t value) const {
    const int s = shift[static_cast<int>(c)];
    return s < 0 ? 0 : value << s;
  }
};
KeyLayout layoutFor(const RankingPolicy& policy);

// The donor-factor part of the key: lut[(packed >> 22) & 127] + birth year and contact placed.
struct FactorKeyTable {
  std::array<std::uint64_t, 128> lut{};
  int birthShift = -1, contactShift = -1;
  FactorKeyTable(const KeyLayout& layout, const PatientFactors& patient);
  std::uint64_t operator()(std::uint32_t packed) const {
    std::uint64_t key = lut[(packed >> 22) & 127u];
    if (birthShift >= 0) key += static_cast<std::uint64_t>((packed >> 15) & 127u) << birthShift;
    if (contactShift >= 0) key += static_cast<std::uint64_t>(packed & 0x7FFFu) << contactShift;
    return key;
  }
};

}  // namespace dd::match
