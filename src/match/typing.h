#pragma once
// Typings as the matching engine sees them: for each of the six matching
// loci, two slot texts ("A*02:01", "A*02:01/A*02:06", "A*02:XX", "A2"); an
// empty slot is untyped. Parsing splits GL Strings and per-locus fields; the
// nomenclature engine (hla/) does all name handling and expansion.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "hla/nomenclature.h"

namespace dd::match {

inline constexpr int kMatchLoci = dd::hla::kMatchLocusCount;  // A, B, C, DRB1, DQB1, DPB1

struct LocusTyping {
  std::array<std::string, 2> slot;  // both empty: untyped; one given: homozygous (copied to both)
  bool typed() const { return !slot[0].empty(); }
};

struct Typing {
  std::array<LocusTyping, kMatchLoci> locus;
};

// Parses a GL String over any of the matching loci:
//   "A*01:01+A*02:01^B*08:01+B*44:02^DRB1*03:01+DRB1*15:01"
// '^' separates loci, '+' the two slots of a locus, '/' alternatives within
// a slot. A locus with one slot is taken as homozygous. Serology and XX/MAC
// tokens are allowed ("A1+A2", "B*44:XX"). Genotype lists ('|') and phased
// haplotypes ('~') are rejected: they describe more than one genotype.
// Errors have codes "match.typing_*" and name the locus block in Error::field.
dd::Expected<Typing> parseTyping(std::string_view gl, const dd::hla::Nomenclature& nomenclature);

// The most one locus cell may hold: far more than any lab report (a long
// ambiguous allele string lists a few hundred alleles), far less than what
// makes the index crawl (one 500 KB cell once made every search take 10 s).
inline constexpr std::size_t kMaxLocusCellChars = 8000;
inline constexpr std::size_t kMaxAlternativesPerSlot = 400;

// The shape one locus cell may have, before any name is looked up: not
// longer than kMaxLocusCellChars, one or two positions joined by '+', each
// with at most kMaxAlternativesPerSlot '/' alternatives, and none of '^'
// (several loci), '|' (several genotypes) or '~' (phased haplotypes).
// Errors "match.typing_too_long", "match.typing_too_ambiguous",
// "match.typing_genotype_list", "match.typing_several_loci", "match.typing_slots".
dd::Status checkLocusCellShape(std::string_view text);

// One locus field as stored per volunteer: "A*01:01+A*02:01", "A1", or a
// single slot; empty = untyped. Tokens must belong to `locus`.
dd::Expected<LocusTyping> parseLocusTyping(std::string_view text, dd::hla::Locus locus,
                                           const dd::hla::Nomenclature& nomenclature);

// What one slot may be, at the level matching needs. Possibilities are the
// distinct ARS (lgx / P group) identities of the alleles the slot covers.
// Null (non-expressed) alleles take part only in a slot where nothing is
// expressed: an ambiguous typing that also lists expressed alleles is read as
// one of those (ATLAS does the same), and a slot of nulls only has the one
// possibility kNullGroup, so two nulls match and a null never matches an
// expressed allele.
inline constexpr std::uint32_t kNullGroup = 0xFFFFFFFEu;

// How the slot was typed, for the ATLAS-style grade and confidence.
enum class TypingMethod : std::uint8_t {
  Alleles,       // allele names or lists of them ("A*02:01", "A*02:01:01:01/A*02:06")
  Consolidated,  // XX / MAC codes, first-field names, G / P / lg groups: group-level data only
  Serology,      // every token is a serological antigen ("A2", "DR15")
};

struct SlotProfile {
  bool typed = false;
  bool nullOnly = false;  // every allele the slot may be is a null allele
  TypingMethod method = TypingMethod::Alleles;
  std::vector<std::uint32_t> groups;    // sorted, unique P / lgx groups; {kNullGroup} when nullOnly
  std::vector<std::uint32_t> alleles;   // sorted allele ids the slot may be (nulls only when nullOnly)
  std::vector<std::uint64_t> threeFields, twoFields;  // sorted keys of the alleles' first three / two fields
  std::vector<std::uint32_t> gGroups;   // sorted G group ids (alleles outside any G group: none)
  std::vector<std::uint32_t> antigens;  // sorted, unique antigen keys of expressed alleles (see antigenKey)
  std::vector<std::uint32_t> broads;    // antigens[i]'s broad antigen key (same index)
  // DPB1, per TCE assignment version (index 0: V1, 1: V2): bit v set when a
  // possibility has TCE group v (1..3); bit 0: a possibility has none.
  std::array<std::uint8_t, 2> tceMask{};
  // One allele exactly, typed by name: what ATLAS calls a single allele.
  bool singleAllele() const { return method == TypingMethod::Alleles && alleles.size() == 1; }
};

// A locus typed as one null and one expressed slot is read as homozygous for
// the expressed one: the null presents nothing to match or to attack. Returns
// the slot to use for position `slot` (0 or 1) of the pair (first, second).
inline const SlotProfile& readAsExpressed(const SlotProfile& first, const SlotProfile& second, int slot) {
  const SlotProfile& self = slot == 0 ? first : second;
  const SlotProfile& other = slot == 0 ? second : first;
  return self.nullOnly && other.typed && !other.nullOnly ? other : self;
}

// Expands one slot text for matching. A two-or-more-field allele name
// without an expression suffix ("A*01:01") means the expressed protein, so
// null alleles sharing its fields (A*01:01:01:02N) are not possibilities of
// it, unless every allele under the name is null ("A*01:04"): then it is that
// null. Nulls inside an ambiguous typing with expressed alleles are dropped
// (see SlotProfile).
dd::Expected<SlotProfile> profileSlot(std::string_view text, dd::hla::Locus locus,
                                      const dd::hla::Nomenclature& nomenclature);

}  // namespace dd::match
