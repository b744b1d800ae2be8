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
// distinct ARS (lgx / P group) identities of the alleles the slot covers; all
// non-expressed (null) alleles of a locus share one identity, kNullGroup, so
// that two nulls match and a null never matches an expressed allele.
inline constexpr std::uint32_t kNullGroup = 0xFFFFFFFEu;

struct SlotProfile {
  bool typed = false;
  std::vector<std::uint32_t> groups;    // sorted, unique (kNullGroup last when present)
  std::vector<std::uint32_t> antigens;  // sorted, unique antigen keys of expressed alleles (see antigenKey)
  std::vector<std::uint32_t> broads;    // antigens[i]'s broad antigen key (same index)
  std::uint8_t tceMask = 0;             // DPB1: bit v set when a possibility has TCE group v (1..3); bit 0: unknown
};

// Expands one slot text for matching. A two-or-more-field allele name
// without an expression suffix ("A*01:01") means the expressed protein, so
// null alleles sharing its fields (A*01:01:01:02N) are not possibilities of
// it; XX, MAC and serology typings keep their null alleles.
dd::Expected<SlotProfile> profileSlot(std::string_view text, dd::hla::Locus locus,
                                      const dd::hla::Nomenclature& nomenclature);

}  // namespace dd::match
