#pragma once
// The fast search over a DonorIndex: grade each distinct locus typing once,
// then score donors with table look-ups on all cores, keeping the best N per
// thread in a bounded heap and merging at the end. Donors are visited through
// the index's clustered view (donor_clusters.h) so whole clusters that cannot
// reach the N-th best key or the minimum are skipped (donor_scan.h).
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/expected.h"
#include "match/donor_index.h"
#include "match/grading.h"
#include "match/ranking.h"

namespace dd::match {

struct SearchOptions {
  int scale = 10;          // 10, 8 or 6
  int minMatches = 0;      // on the scale
  std::size_t limit = 100;
  bool includeUnavailable = false;
  // Volunteers reserved for the patient searched for: to this patient they
  // are still available (listed, marked), to every other search reserved.
  std::vector<std::int64_t> reservedForThisPatient;
  RankingPolicy policy = RankingPolicy::defaults();
  PatientFactors patient;
  unsigned threads = 0;    // 0 = every hardware thread
  TceVersion tce = TceVersion::V2;  // which TCE assignment classifies DPB1 mismatches
};

struct SearchResult {
  std::uint32_t row = 0;  // donor index in the DonorIndex (insertion order; final tie-break)
  std::int64_t volunteerId = 0;
  std::string registryNo;
  std::uint32_t rank = 0;  // 1-based
  std::uint64_t key = 0;   // the packed sort key (bigger is better)
  std::array<int, 3> matches{};  // on the 10, 8 and 6 scales
  int definiteMatches = 0;       // on the chosen scale
  bool definite = false;         // every match on the chosen scale is a definite allele match
  int alleleMismatches = 0, antigenMismatches = 0;  // on the chosen scale
  int gvhOnlyMismatches = 0, hvgOnlyMismatches = 0; // mismatches at loci with a one-directional mismatch
  std::array<LocusGrade, kMatchLoci> loci{};
  Dpb1Category dpb1 = Dpb1Category::Untyped;
  TceVersion tce = TceVersion::V2;  // the TCE assignment dpb1 was classified with
  DonorFactors factors;
  bool available = true;
  bool reservedForThisPatient = false;  // one of SearchOptions::reservedForThisPatient
  std::array<std::array<std::string, 2>, kMatchLoci> donorSlots;  // the donor's slot typings, for display
};

struct SearchTimings {
  // In: count every donor that qualifies (passes availability and the
  // minimum), not only the ones returned. That needs every donor's key, so
  // the scan cannot skip clusters: about as slow as scanning every donor.
  bool countQualified = true;
  double gradeMs = 0;  // grading the distinct typings
  double scanMs = 0;   // the donor scan
  std::size_t scanned = 0;    // donors whose key was computed
  std::size_t qualified = 0;  // every qualifying donor when countQualified; else those among the scanned
};

// Errors: invalid scale, patient slots that do not expand.
dd::Expected<std::vector<SearchResult>> search(const DonorIndex& index, const Typing& patient,
                                               const SearchOptions& options, SearchTimings* timings = nullptr);

// The details of one donor (what search() reports per result); used for the
// top N and by tests.
SearchResult describeDonor(const DonorIndex& index, const std::array<std::array<SlotProfile, 2>, kMatchLoci>& patient,
                           std::uint32_t row, int scale, TceVersion tce = TceVersion::V2);

// One locus: the patient's two slots against the donor's two, a null beside
// an expressed allele read as that allele on either side (readAsExpressed).
LocusGrade gradeDonorLocus(const std::array<SlotProfile, 2>& patient, const SlotProfile& donorFirst,
                           const SlotProfile& donorSecond, const dd::hla::Nomenclature& nomenclature);

// Patient slot profiles (untyped loci stay untyped; a null beside an
// expressed allele already replaced by it).
dd::Expected<std::array<std::array<SlotProfile, 2>, kMatchLoci>> profilePatient(const Typing& patient,
                                                                                 const dd::hla::Nomenclature& nomenclature);

// Totals of a donor's locus grades on a scale (shared by describeDonor and the CLI).
int matchesOnScale(const std::array<LocusGrade, kMatchLoci>& loci, int scale);

}  // namespace dd::match
