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
// potential match whose share is unknown.
enum class Grade : std::uint8_t {
  AlleleMatch,           // same ARS group (lgx / P group), both expressed; or both null
  PotentialAlleleMatch,  // ambiguous / low resolution typing that includes a matching allele
  AntigenMatch,          // allele mismatch within a (possibly) matching serological antigen
  AntigenMismatch,       // different antigens, or null against expressed
  Untyped,
};

struct PositionGrade {
  Grade grade = Grade::Untyped;
  std::uint16_t matched = 0;   // potential: donor possibilities (ARS groups) that match the patient slot
  std::uint16_t possible = 0;  // ... out of this many possibilities of the donor slot
};

PositionGrade comparePosition(const SlotProfile& patient, const SlotProfile& donor);

// Certainty penalty of a matched position, 0 (definite) .. kMaxPositionPenalty:
// round(-8 * log2(matched / possible)), capped; untyped positions get the cap.
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
  bool untyped = false;      // patient or donor untyped at this locus
  MismatchDirection direction() const;
};

// grades[p][d]: patient slot p against donor slot d. Picks the orientation
// with more matches, then more definite matches, then fewer antigen
// mismatches, then lower penalty; straight on a tie.
LocusGrade gradeLocus(const std::array<std::array<PositionGrade, 2>, 2>& grades);

enum class Dpb1Category : std::uint8_t {
  Match,             // both positions definite allele matches
  Permissive,        // same highest-immunogenicity TCE group
  NonPermissiveGvh,  // the patient's TCE group is more immunogenic than the donor's
  NonPermissiveHvg,  // the donor's TCE group is more immunogenic than the patient's
  Unknown,           // TCE group not assigned or ambiguous
  Untyped,           // patient or donor DPB1 untyped
};
// TCE masks: SlotProfile::tceMask of the patient's and the donor's slots.
Dpb1Category classifyDpb1(const LocusGrade& grade, std::array<std::uint8_t, 2> patientTce,
                          std::array<std::uint8_t, 2> donorTce);
// Ranking value, higher is better: match 3, permissive 2, unknown/untyped 1, non-permissive 0.
int dpb1Rank(Dpb1Category category);

const char* gradeKey(Grade grade);                  // "allele", "potential", "antigen", "mismatch", "untyped"
const char* dpb1Key(Dpb1Category category);         // "match", "permissive", "non_permissive_gvh", ...
const char* directionKey(MismatchDirection value);  // "", "bidirectional", "gvh_only", "hvg_only"

}  // namespace dd::match
