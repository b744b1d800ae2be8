#pragma once
// The donor scan behind search(): per donor the key is the sum of one table
// look-up per locus (the per-locus contributions gradeCatalog made) plus the
// donor-factor key. The plain scan adds them up for a range or a list of
// rows; the clustered scan walks DonorClusters and skips every subtree whose
// best possible key (exact contributions of the clustered loci + the largest
// contribution of each other locus + the largest donor-factor key) is below
// the N-th best key found so far by any thread, or whose best possible match
// count is below the minimum. Both keep the best N per thread in a bounded
// heap; the results are the same donors in the same order either way.
#include <array>
#include <atomic>
#include <cstdint>
#include <vector>

#include "match/donor_clusters.h"
#include "match/donor_index.h"
#include "match/ranking.h"

namespace dd::match {

struct Candidate {
  std::uint64_t key;
  std::uint32_t row;
};
// Better first: bigger key, then lower row (earlier donor).
inline bool better(const Candidate& a, const Candidate& b) {
  return a.key != b.key ? a.key > b.key : a.row < b.row;
}

// Added to a donor's key for each of A, B, DRB1 it is untyped at; the key's
// criteria use the low 51 bits, so three of these still fit and any one marks
// the donor as not searchable.
inline constexpr std::uint64_t kUnsearchable = std::uint64_t{1} << 61;

struct ScanContext {
  const DonorIndex* index = nullptr;
  std::array<const std::uint64_t*, kMatchLoci> tables{};
  std::array<std::size_t, kMatchLoci> tableSizes{};
  const FactorKeyTable* factorKeys = nullptr;
  int matchesShift = 0;
  std::uint64_t minMatches = 0;
  bool includeUnavailable = false;
  std::size_t limit = 0;
  const std::vector<std::uint32_t>* availableAnyway = nullptr;  // sorted rows counted as available
  // Shared by the threads: the largest N-th best key any of them holds. A
  // donor below it cannot be in the final top N (the merged N-th best is at
  // least every thread's N-th best).
  std::atomic<std::uint64_t>* threshold = nullptr;
};

struct ScanOutput {
  std::vector<Candidate> heap;
  std::size_t qualified = 0;  // donors examined that passed availability and the minimum
  std::size_t examined = 0;   // donors whose key was computed
};

void scanRange(const ScanContext& c, std::size_t begin, std::size_t end, ScanOutput& out);
void scanRows(const ScanContext& c, const std::uint32_t* rows, std::size_t count, ScanOutput& out);

// Bounds for the clustered scan, worked out once per search from the tables.
struct ClusterBounds {
  std::array<std::uint64_t, 3> treeKeyMax{};  // per tree locus: largest contribution (searchable ones only)
  std::array<std::uint64_t, 3> treeMatchesMax{};  // ... and largest match-count field
  std::uint64_t restKeyMax = 0;                   // entry loci + donor factors
  std::uint64_t restMatchesMax = 0;
};
ClusterBounds clusterBounds(const ScanContext& c);

// Walks A nodes taken one at a time from *nextNode (shared by the threads).
void scanClusters(const ScanContext& c, const DonorClusters& clusters, const ClusterBounds& bounds,
                  std::atomic<std::size_t>& nextNode, ScanOutput& out);

}  // namespace dd::match
