#include "match/donor_clusters.h"

#include <algorithm>

#include "match/donor_index.h"

namespace dd::match {
namespace {

// Stable counting sort of `rows` by column ids (LSD radix over the tree loci).
void sortByColumn(std::vector<std::uint32_t>& rows, std::vector<std::uint32_t>& scratch,
                  const IdColumn& column, std::size_t distinct) {
  std::vector<std::uint32_t> start(distinct + 1, 0);
  for (std::uint32_t row : rows) ++start[column.get(row) + 1];
  for (std::size_t i = 1; i <= distinct; ++i) start[i] += start[i - 1];
  scratch.resize(rows.size());
  for (std::uint32_t row : rows) scratch[start[column.get(row)]++] = row;
  rows.swap(scratch);
}

}  // namespace

DonorClusters::DonorClusters(const DonorIndex& index, std::size_t seedEnd)
    : seedEnd_(std::min(seedEnd, index.size())), builtEnd_(index.size()) {
  const auto& factors = index.packedFactors();
  std::vector<std::uint32_t> rows, scratch;
  rows.reserve(builtEnd_ - seedEnd_);
  for (std::size_t row = seedEnd_; row < builtEnd_; ++row)
    if (packedAvailability(factors[row]) != Availability::Removed)
      rows.push_back(static_cast<std::uint32_t>(row));
  // Innermost locus first: afterwards rows are ordered by (A, B, DRB1) id, and by row within a leaf.
  for (int depth = 2; depth >= 0; --depth) {
    const int locus = kTreeLoci[static_cast<std::size_t>(depth)];
    sortByColumn(rows, scratch, index.column(locus), index.catalog(locus).pairs.size());
  }
  std::vector<std::uint32_t>().swap(scratch);

  entries_.reserve(rows.size());
  std::array<const IdColumn*, 3> tree{}, other{};
  for (std::size_t i = 0; i < 3; ++i) {
    tree[i] = &index.column(kTreeLoci[i]);
    other[i] = &index.column(kEntryLoci[i]);
  }
  std::array<std::uint32_t, 3> previous{};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::uint32_t row = rows[i];
    const std::array<std::uint32_t, 3> ids = {tree[0]->get(row), tree[1]->get(row), tree[2]->get(row)};
    // A new node at the first level whose id differs, and at every level below it.
    std::size_t depth = 0;
    if (i > 0)
      while (depth < 3 && ids[depth] == previous[depth]) ++depth;
    for (std::size_t d = depth; d < 3; ++d) {
      const std::size_t childStart = d == 2 ? entries_.size() : levels_[d + 1].size();
      levels_[d].push_back({ids[d], static_cast<std::uint32_t>(childStart)});
    }
    previous = ids;
    entries_.push_back({{other[0]->get(row), other[1]->get(row), other[2]->get(row)}, factors[row], row});
  }
  levels_[0].push_back({0, static_cast<std::uint32_t>(levels_[1].size())});
  levels_[1].push_back({0, static_cast<std::uint32_t>(levels_[2].size())});
  levels_[2].push_back({0, static_cast<std::uint32_t>(entries_.size())});
}

DonorClusters::Entry* DonorClusters::find(std::uint32_t row, const std::array<std::uint32_t, 3>& treeIds) {
  std::size_t begin = 0, end = levels_[0].size() - 1;
  for (std::size_t depth = 0; depth < 3; ++depth) {
    const auto& nodes = levels_[depth];
    const auto first = nodes.begin() + static_cast<std::ptrdiff_t>(begin);
    const auto last = nodes.begin() + static_cast<std::ptrdiff_t>(end);
    const auto found = std::lower_bound(first, last, treeIds[depth],
                                        [](const Node& n, std::uint32_t id) { return n.id < id; });
    if (found == last || found->id != treeIds[depth]) return nullptr;
    begin = found->first;
    end = (found + 1)->first;
  }
  const auto first = entries_.begin() + static_cast<std::ptrdiff_t>(begin);
  const auto last = entries_.begin() + static_cast<std::ptrdiff_t>(end);
  const auto found =
      std::lower_bound(first, last, row, [](const Entry& e, std::uint32_t r) { return e.row < r; });
  return found != last && found->row == row ? &*found : nullptr;
}

void DonorClusters::leave(std::uint32_t row, const std::array<std::uint32_t, 3>& treeIds, bool changed) {
  if (row < seedEnd_ || row >= builtEnd_) return;  // scanned plainly anyway
  const auto movedAt = std::lower_bound(moved_.begin(), moved_.end(), row);
  if (movedAt != moved_.end() && *movedAt == row) return;  // left the tree before
  if (Entry* entry = find(row, treeIds)) {
    entry->packed = (entry->packed & 0x1FFFFFFFu) | static_cast<std::uint32_t>(Availability::Removed) << 29;
    if (changed) moved_.insert(movedAt, row);
  }
  // Not found: the row was removed before the build; a changed one is listed
  // so the plain scan sees it once it is upserted back.
  else if (changed) {
    moved_.insert(movedAt, row);
  }
}

std::size_t DonorClusters::bytes() const {
  std::size_t total = entries_.capacity() * sizeof(Entry) + moved_.capacity() * 4;
  for (const auto& nodes : levels_) total += nodes.capacity() * sizeof(Node);
  return total;
}

}  // namespace dd::match
