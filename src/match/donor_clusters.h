#pragma once
// The donors of a DonorIndex clustered by their locus typing ids at A, B and
// DRB1, as a three-level tree (A pair -> B pair -> DRB1 pair -> donors), so a
// search can bound a whole subtree by the exact key contributions of the
// clustered loci plus the largest contribution any other locus and the donor
// factors can add, and skip it when that bound cannot reach the N-th best key
// found so far or --min (search.cpp). The key is treated as a black box: only
// sums of per-locus contributions and their maxima are used.
//
// Built from the index's rows [seedEnd, builtEnd); rows below seedEnd (a
// block of early rows, a random sample of the registry for the search's
// purpose) and rows appended later are scanned plainly. Edits after the build
// never touch the tree's order: a changed or removed clustered row is marked
// dead in its entry and, when changed, listed in movedRows() for the plain
// scan, which reads the index's own columns. DonorIndex rebuilds the tree
// lazily once too many rows live outside it.
//
// Memory per clustered donor: one 20-byte entry (C, DQB1, DPB1 typing ids,
// packed factors, row), plus 8 bytes per DRB1 leaf and per B node (about 2.6
// and 0.9 bytes per donor at 3 M synthetic donors): about 24 bytes per donor.
#include <array>
#include <cstdint>
#include <vector>

#include "match/typing.h"

namespace dd::match {

class DonorIndex;

struct ClusterTuning {
  std::size_t minDonors = 65536;  // smaller indexes are scanned plainly
  std::size_t seedRows = 0;       // 0: automatic (1/128 of the rows, 2,048 .. 65,536)
  // Rebuild when more rows than this, and than 1/8 of the tree, are outside it.
  std::size_t rebuildSlack = 65536;
};

class DonorClusters {
 public:
  // The loci the tree is built on, outermost first, and the loci every entry carries.
  static constexpr std::array<int, 3> kTreeLoci = {0, 1, 3};   // A, B, DRB1
  static constexpr std::array<int, 3> kEntryLoci = {2, 4, 5};  // C, DQB1, DPB1

  struct Node {  // a typing id and where its children (or, for leaves, entries) start
    std::uint32_t id;
    std::uint32_t first;
  };
  struct Entry {
    std::array<std::uint32_t, 3> ids;  // at kEntryLoci
    std::uint32_t packed;              // packed factors; availability Removed once the row left the tree
    std::uint32_t row;
  };

  DonorClusters(const DonorIndex& index, std::size_t seedEnd);

  std::size_t seedEnd() const { return seedEnd_; }
  std::size_t builtEnd() const { return builtEnd_; }
  // level 0: A nodes, 1: B nodes, 2: DRB1 leaves; each has one sentinel node at the end.
  const std::vector<Node>& level(int depth) const { return levels_[static_cast<std::size_t>(depth)]; }
  const std::vector<Entry>& entries() const { return entries_; }
  // Clustered rows changed since the build (sorted); scanned plainly.
  const std::vector<std::uint32_t>& movedRows() const { return moved_; }
  std::size_t outsideRows(std::size_t indexSize) const { return indexSize - builtEnd_ + moved_.size(); }
  std::size_t bytes() const;

  // Called by DonorIndex before it changes a row whose tree ids were `treeIds`.
  // changed: the row stays but its typing or factors changed (plain scan from
  // now on); otherwise it was removed.
  void leave(std::uint32_t row, const std::array<std::uint32_t, 3>& treeIds, bool changed);

 private:
  Entry* find(std::uint32_t row, const std::array<std::uint32_t, 3>& treeIds);

  std::size_t seedEnd_ = 0, builtEnd_ = 0;
  std::array<std::vector<Node>, 3> levels_;
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> moved_;
};

}  // namespace dd::match
