#pragma once
// Match grades: one patient slot against one donor slot (a position), then a
// locus (two positions, best orientation), then DPB1's T-cell epitope
// category. The semantics are documented in docs/matching.md; the fast
// engine evaluates these functions once per distinct donor typing and the
// naive reference in the tests re-implements them from scratch.
#include <array>
#include <cstdint>

#include "match/typing.h"

namespace dd::match {

// Best to worst. Untyped (either side has no typing at the locus) counts as a
// potential match whose share is unknown. This is the category that counts
// matches and mismatches; MatchGrade and Confidence below say how good a
// match is, in ATLAS's vocabulary.
enum class Grade : std::uint8_t {
  AlleleMatch,           // same ARS group (lgx / P group), both expressed; or both null
  PotentialAlleleMatch,  // ambiguous / low resolution typing that includes a matching allele
  AntigenMatch,          // allele mismatch within a (possibly) matching serological antigen
  AntigenMismatch,       // different antigens, or null against expressed
  Untyped,
};

// ATLAS's match grades (Atlas.Client.Models MatchGrade), worst to best so that
// the value orders them; Unknown is an untyped position.
enum class MatchGrade : std::uint8_t {
  Mismatch,
  ExpressingVsNull,  // a null-only typing against an expressed one
  Broad, Split, Associated,                        // serology: matched at that level
  NullMismatch, NullPartial, NullCDna, NullGDna,   // null against null
  PGroup, GGroup, Protein, CDna, GDna,             // expressed against expressed, molecular
  Unknown,
};
inline constexpr int kMatchGradeCount = 15;
// Ranking value 0..13 (GDna best); an untyped position ranks as PGroup, as in ATLAS.
int matchGradeValue(MatchGrade grade);

// ATLAS's match confidence, worst to best.
enum class Confidence : std::uint8_t {
  Mismatch,   // no allele the two typings may be matches
  Potential,  // some do (ambiguous, serology, untyped)
  Exact,      // both molecular, each one P group, the same
  Definite,   // both one named allele, matching
};

// ATLAS's antigen-match flag: do the two typings share a serological antigen
// (or an expressed P group)? Not applicable when a side is untyped or null-only.
enum class AntigenMatch : std::uint8_t { NotApplicable, No, Yes };

struct PositionGrade {
  Grade grade = Grade::Untyped;
  std::uint32_t matched = 0;   // potential: matching (patient, donor) possibility pairs (ARS groups) ...
  std::uint32_t possible = 0;  // ... out of this many pairs (patient possibilities x donor possibilities)
  MatchGrade detail = MatchGrade::Unknown;
  Confidence confidence = Confidence::Potential;
  AntigenMatch antigen = AntigenMatch::NotApplicable;
};

// `nomenclature` (optional) names the alleles for the GDna / NullGDna grades
// and knows the associated antigens; without it those grades fall one level.
PositionGrade comparePosition(const SlotProfile& patient, const SlotProfile& donor,
                              const dd::hla::Nomenclature* nomenclature = nullptr);

// Certainty penalty of a matched position, 0 (definite) .. kMaxPositionPenalty:
// round(-8 * log2(matched / possible)), capped; untyped positions get the cap.
// Ambiguity on either side costs: possible counts pairs of both sides.
inline constexpr int kMaxPositionPenalty = 25;
int positionPenalty(const PositionGrade& grade);

enum class MismatchDirection : std::uint8_t { None, Both, GvhOnly, HvgOnly };

struct LocusGrade {
  std::array<PositionGrade, 2> position{};  // position i: patient slot i against its paired donor slot
  bool crossed = false;                     // patient slot 0 paired with donor slot 1
  std::uint8_t matches = 0;                 // allele or potential or untyped positions, 0..2
  std::uint8_t definite = 0;                // AlleleMatch positions
  std::uint8_t alleleMismatches = 0;        // AntigenMatch positions (allele mismatch, antigen match)
  std::uint8_t antigenMismatches = 0;
  std::uint8_t gvh = 0;  // patient slots no donor slot matches (graft-versus-host vector)
  std::uint8_t hvg = 0;  // donor slots no patient slot matches (host-versus-graft vector)
  std::uint8_t penalty = 0;  // sum of positionPenalty over matched positions, 0..2*kMaxPositionPenalty
  std::uint8_t confidence = 0;  // sum of the two positions' Confidence values, 0..6
  std::uint8_t gradeScore = 0;  // sum of the two positions' matchGradeValue, 0..26
  bool untyped = false;      // patient or donor untyped at this locus
  MismatchDirection direction() const;
};

// grades[p][d]: patient slot p against donor slot d. Picks the orientation
// with more matches, then higher confidence, then better grades, then more
// definite matches, then fewer antigen mismatches, then lower penalty;
// straight on a tie.
LocusGrade gradeLocus(const std::array<std::array<PositionGrade, 2>, 2>& grades);

enum class Dpb1Category : std::uint8_t {
  Match,             // both positions definite allele matches
  Permissive,        // same highest-immunogenicity TCE group
  NonPermissiveGvh,  // the patient's TCE group is more immunogenic than the donor's
  NonPermissiveHvg,  // the donor's TCE group is more immunogenic than the patient's
  Unknown,           // TCE group not assigned or ambiguous
  Untyped,           // patient or donor DPB1 untyped
  PotentialMatch,    // both positions match, at least one only potentially (ambiguous typing)
};
// Which column of tce/dpb_tce.csv assigns the TCE groups. V2 is the current
// IPD-IMGT/HLA algorithm (functional distance scores) and assigns far more
// alleles; V1 (sequence motifs) stays selectable.
enum class TceVersion : std::uint8_t { V1 = 0, V2 = 1 };
// TCE masks: SlotProfile::tceMask of the patient's and the donor's slots (for
// one version). A null slot beside an expressed one takes that one's mask
// (readAsExpressed) before it comes here.
Dpb1Category classifyDpb1(const LocusGrade& grade, std::array<std::uint8_t, 2> patientTce,
                          std::array<std::uint8_t, 2> donorTce);
// Ranking value, higher is better: match 4, potential match 3, permissive 2,
// unknown/untyped 1, non-permissive 0.
int dpb1Rank(Dpb1Category category);

const char* gradeKey(Grade grade);                  // "allele", "potential", "antigen", "mismatch", "untyped"
const char* matchGradeKey(MatchGrade grade);        // "GDna", "CDna", ..., "ExpressingVsNull", "Mismatch", "Unknown"
const char* confidenceKey(Confidence confidence);   // "Definite", "Exact", "Potential", "Mismatch"
const char* dpb1Key(Dpb1Category category);         // "match", "potential_match", "permissive", ...
const char* directionKey(MismatchDirection value);  // "", "bidirectional", "gvh_only", "hvg_only"

}  // namespace dd::match
