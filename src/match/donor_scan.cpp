#include "match/donor_scan.h"

#include <algorithm>

namespace dd::match {
namespace {

constexpr std::size_t kBlock = 1024;

template <class Id>
void addColumn(const Id* ids, const std::uint64_t* table, std::uint64_t* sums, std::size_t n) {
  for (std::size_t j = 0; j < n; ++j) sums[j] += table[ids[j]];
}

void raiseThreshold(std::atomic<std::uint64_t>& threshold, std::uint64_t key) {
  std::uint64_t seen = threshold.load(std::memory_order_relaxed);
  while (seen < key && !threshold.compare_exchange_weak(seen, key, std::memory_order_relaxed)) {
  }
}

// One donor: the filters in the documented order, then the bounded heap.
inline void consider(const ScanContext& c, ScanOutput& out, std::uint64_t typingSum, std::uint32_t packed,
                     std::uint32_t row) {
  ++out.examined;
  const auto availability = static_cast<Availability>(packed >> 29);
  if (availability == Availability::Removed || typingSum >= kUnsearchable) return;
  if (!c.includeUnavailable && availability != Availability::Available &&
      !std::binary_search(c.availableAnyway->begin(), c.availableAnyway->end(), row))
    return;
  if (((typingSum >> c.matchesShift) & 15u) < c.minMatches) return;
  ++out.qualified;
  const Candidate candidate{typingSum + (*c.factorKeys)(packed), row};
  auto& heap = out.heap;
  if (heap.size() < c.limit) {
    heap.push_back(candidate);
    std::push_heap(heap.begin(), heap.end(), better);
    if (heap.size() == c.limit) raiseThreshold(*c.threshold, heap.front().key);
  } else if (candidate.key >= heap.front().key && better(candidate, heap.front())) {
    std::pop_heap(heap.begin(), heap.end(), better);
    heap.back() = candidate;
    std::push_heap(heap.begin(), heap.end(), better);
    raiseThreshold(*c.threshold, heap.front().key);
  }
}

std::uint64_t matchesField(const ScanContext& c, std::uint64_t value) {
  return (value >> c.matchesShift) & 15u;
}

}  // namespace

void scanRange(const ScanContext& c, std::size_t begin, std::size_t end, ScanOutput& out) {
  out.heap.reserve(c.limit + 1);
  const std::uint32_t* factors = c.index->packedFactors().data();
  std::uint64_t sums[kBlock];
  for (std::size_t start = begin; start < end; start += kBlock) {
    const std::size_t n = std::min(kBlock, end - start);
    std::fill(sums, sums + n, 0);
    for (int locus = 0; locus < kMatchLoci; ++locus) {
      const IdColumn& column = c.index->column(locus);
      if (column.wide()) {
        addColumn(column.wideData() + start, c.tables[locus], sums, n);
      } else {
        addColumn(column.narrow() + start, c.tables[locus], sums, n);
      }
    }
    for (std::size_t j = 0; j < n; ++j)
      consider(c, out, sums[j], factors[start + j], static_cast<std::uint32_t>(start + j));
  }
}

void scanRows(const ScanContext& c, const std::uint32_t* rows, std::size_t count, ScanOutput& out) {
  out.heap.reserve(c.limit + 1);
  const auto& factors = c.index->packedFactors();
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t row = rows[i];
    std::uint64_t sum = 0;
    for (int locus = 0; locus < kMatchLoci; ++locus) sum += c.tables[locus][c.index->column(locus).get(row)];
    consider(c, out, sum, factors[row], row);
  }
}

ClusterBounds clusterBounds(const ScanContext& c) {
  // A contribution at or above kUnsearchable makes the donor unsearchable, so
  // it never needs to be reached: the maxima are over the others.
  auto maxima = [&](int locus, std::uint64_t& keyMax, std::uint64_t& matchesMax) {
    keyMax = 0;
    matchesMax = 0;
    const std::uint64_t* table = c.tables[locus];
    for (std::size_t i = 0; i < c.tableSizes[locus]; ++i) {
      if (table[i] >= kUnsearchable) continue;
      keyMax = std::max(keyMax, table[i]);
      matchesMax = std::max(matchesMax, matchesField(c, table[i]));
    }
  };
  ClusterBounds bounds;
  for (std::size_t d = 0; d < 3; ++d)
    maxima(DonorClusters::kTreeLoci[d], bounds.treeKeyMax[d], bounds.treeMatchesMax[d]);
  for (int locus : DonorClusters::kEntryLoci) {
    std::uint64_t keyMax = 0, matchesMax = 0;
    maxima(locus, keyMax, matchesMax);
    bounds.restKeyMax += keyMax;
    bounds.restMatchesMax += matchesMax;
  }
  // The donor-factor key is a table entry plus two placed fields: its
  // maximum is at most the sum of their maxima.
  const FactorKeyTable& f = *c.factorKeys;
  std::uint64_t factorMax = *std::max_element(f.lut.begin(), f.lut.end());
  if (f.birthShift >= 0) factorMax += std::uint64_t{127} << f.birthShift;
  if (f.contactShift >= 0) factorMax += std::uint64_t{0x7FFF} << f.contactShift;
  bounds.restKeyMax += factorMax;
  return bounds;
}

void scanClusters(const ScanContext& c, const DonorClusters& clusters, const ClusterBounds& bounds,
                  std::atomic<std::size_t>& nextNode, ScanOutput& out) {
  out.heap.reserve(c.limit + 1);
  const auto& aNodes = clusters.level(0);
  const auto& bNodes = clusters.level(1);
  const auto& leaves = clusters.level(2);
  const DonorClusters::Entry* entries = clusters.entries().data();
  const std::uint64_t* tableA = c.tables[DonorClusters::kTreeLoci[0]];
  const std::uint64_t* tableB = c.tables[DonorClusters::kTreeLoci[1]];
  const std::uint64_t* tableD = c.tables[DonorClusters::kTreeLoci[2]];
  const std::uint64_t* table0 = c.tables[DonorClusters::kEntryLoci[0]];
  const std::uint64_t* table1 = c.tables[DonorClusters::kEntryLoci[1]];
  const std::uint64_t* table2 = c.tables[DonorClusters::kEntryLoci[2]];
  const std::uint64_t belowLeafKey = bounds.restKeyMax;
  const std::uint64_t belowBKey = bounds.treeKeyMax[2] + belowLeafKey;
  const std::uint64_t belowAKey = bounds.treeKeyMax[1] + belowBKey;
  const std::uint64_t belowLeafMatches = bounds.restMatchesMax;
  const std::uint64_t belowBMatches = bounds.treeMatchesMax[2] + belowLeafMatches;
  const std::uint64_t belowAMatches = bounds.treeMatchesMax[1] + belowBMatches;
  const std::size_t nodeCount = aNodes.size() - 1;
  for (;;) {
    const std::size_t a = nextNode.fetch_add(1, std::memory_order_relaxed);
    if (a >= nodeCount) break;
    const std::uint64_t keyA = tableA[aNodes[a].id];
    if (keyA >= kUnsearchable || matchesField(c, keyA) + belowAMatches < c.minMatches) continue;
    if (keyA + belowAKey < c.threshold->load(std::memory_order_relaxed)) continue;
    for (std::uint32_t b = aNodes[a].first; b < aNodes[a + 1].first; ++b) {
      const std::uint64_t contributionB = tableB[bNodes[b].id];
      if (contributionB >= kUnsearchable) continue;
      const std::uint64_t keyAB = keyA + contributionB;
      if (matchesField(c, keyAB) + belowBMatches < c.minMatches) continue;
      const std::uint64_t floor = c.threshold->load(std::memory_order_relaxed);
      if (keyAB + belowBKey < floor) continue;
      for (std::uint32_t leaf = bNodes[b].first; leaf < bNodes[b + 1].first; ++leaf) {
        const std::uint64_t contributionD = tableD[leaves[leaf].id];
        if (contributionD >= kUnsearchable) continue;
        const std::uint64_t keyABD = keyAB + contributionD;
        if (matchesField(c, keyABD) + belowLeafMatches < c.minMatches || keyABD + belowLeafKey < floor)
          continue;
        for (std::uint32_t e = leaves[leaf].first; e < leaves[leaf + 1].first; ++e) {
          const DonorClusters::Entry& entry = entries[e];
          const std::uint64_t sum =
              keyABD + table0[entry.ids[0]] + table1[entry.ids[1]] + table2[entry.ids[2]];
          // Cheap early out before the filters: below every thread's N-th best.
          if (sum + (*c.factorKeys)(entry.packed) < floor) continue;
          consider(c, out, sum, entry.packed, entry.row);
        }
      }
    }
  }
}

}  // namespace dd::match
