#pragma once
// The naive reference search: every donor, every locus, every pair of
// alleles graded with the hla library directly, then a plain sort on the
// ranking criteria. No index, no dedup, no packed keys, no threads. It shares
// only the input parsing (parseTyping / parseLocusTyping), the documented
// quantisations (positionPenalty, dpb1Rank, contactDayNumber) and the result
// types with the fast engine; the grading itself is written again from the
// rules in docs/matching.md so that fast == naive checks the engine.
//
// Built as the small library donordesk_match_naive: tests_match uses it, and
// `bench search` links it to time the naive approach and check agreement.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "hla/nomenclature.h"
#include "match/donor_index.h"
#include "match/grading.h"
#include "match/search.h"

namespace dd::match::naive {

struct NaiveResult {
  std::uint32_t row = 0;  // position in the donor list
  std::vector<std::uint64_t> values;  // per policy criterion (Matches: count, then typed positions); bigger is better
  std::array<int, 3> matches{};       // 10, 8, 6
  int definiteMatches = 0;
  bool definite = false;
  std::array<LocusGrade, kMatchLoci> loci{};  // position grades in the orientation chosen
  Dpb1Category dpb1 = Dpb1Category::Untyped;
};

// Donors whose typing does not parse are graded as untyped at that locus,
// like the index does.
std::vector<NaiveResult> search(const dd::hla::Nomenclature& nomenclature, const std::vector<DonorRecord>& donors,
                                const Typing& patient, const SearchOptions& options);

// True when the fast results equal the naive ones: same donors in the same
// order, same totals, definite flags, DPB1 categories and per-locus counts.
// Otherwise *why says where they first differ.
bool sameResults(const std::vector<SearchResult>& fast, const std::vector<NaiveResult>& naive, std::string* why);

}  // namespace dd::match::naive
