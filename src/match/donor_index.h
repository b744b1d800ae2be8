#pragma once
// The in-memory donor index. Per locus, each donor's unordered pair of slot
// typings is interned into a "locus typing id" (16-bit column while the
// locus has < 65,536 distinct pairs, else 32-bit), so a query grades every
// distinct locus typing once and then scores donors by table look-ups.
// Donor factors are packed into 32 bits (ranking.h). Memory per donor:
// 6 x 2 bytes of ids + 4 bytes of factors + 8 bytes of volunteer id (+ the
// registry number text when one is given).
//
// Not internally synchronised: searches may run concurrently with each other
// but not with add/remove (app/search_service wraps it in a shared mutex).
#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/expected.h"
#include "hla/nomenclature.h"
#include "match/donor_clusters.h"
#include "match/ranking.h"
#include "match/typing.h"

namespace dd::match {

struct DonorRecord {
  std::int64_t volunteerId = 0;
  std::string registryNo;
  std::array<std::string, kMatchLoci> locusTyping;  // raw per-locus field, e.g. "A*01:01+A*02:01"; empty = untyped
  DonorFactors factors;
};

using SlotIds = std::array<std::array<std::uint32_t, 2>, kMatchLoci>;

// A column of locus typing ids that widens itself from 16 to 32 bits.
class IdColumn {
 public:
  void push(std::uint32_t id);
  void set(std::size_t row, std::uint32_t id);
  std::uint32_t get(std::size_t row) const { return wide_ ? wideIds_[row] : narrowIds_[row]; }
  bool wide() const { return wide_; }
  const std::uint16_t* narrow() const { return narrowIds_.data(); }
  const std::uint32_t* wideData() const { return wideIds_.data(); }
  std::size_t bytes() const { return narrowIds_.capacity() * 2 + wideIds_.capacity() * 4; }
  void reserve(std::size_t n) { wide_ ? wideIds_.reserve(n) : narrowIds_.reserve(n); }

 private:
  void widen();
  bool wide_ = false;
  std::vector<std::uint16_t> narrowIds_;
  std::vector<std::uint32_t> wideIds_;
};

// Distinct slot typings and slot pairs of one locus. Slot 0 and pair 0 are "untyped".
struct LocusCatalog {
  std::vector<SlotProfile> profiles;  // not "slots": Qt defines that as a macro
  std::vector<std::string> slotTexts;
  std::unordered_map<std::string, std::uint32_t> slotIds;
  std::vector<std::array<std::uint32_t, 2>> pairs;  // (low, high) slot ids
  std::unordered_map<std::uint64_t, std::uint32_t> pairIds;
};

struct IndexStats {
  std::size_t donors = 0;            // including removed entries
  std::size_t invalidTypings = 0;    // locus fields that could not be parsed (kept as untyped)
  std::array<std::size_t, kMatchLoci> distinctSlots{}, distinctPairs{};
  std::size_t bytes = 0;
};

class DonorIndex {
 public:
  explicit DonorIndex(std::shared_ptr<const dd::hla::Nomenclature> nomenclature);
  DonorIndex(DonorIndex&&) noexcept = default;
  ~DonorIndex();

  const dd::hla::Nomenclature& nomenclature() const { return *nomenclature_; }

  // Adds a donor, or replaces the one with the same volunteer id. A locus
  // field that does not parse is kept as untyped, counted in stats(), and its
  // error is returned (the rest of the donor is still indexed).
  std::vector<dd::Error> upsert(const DonorRecord& donor);
  // Marks a donor removed (never returned again). False if the id is unknown.
  bool remove(std::int64_t volunteerId);

  // Fast path for synthetic registries: slot ids come from internSlot().
  dd::Expected<std::uint32_t> internSlot(int locus, std::string_view text);
  void append(std::int64_t volunteerId, const SlotIds& slotIds, std::uint32_t packedFactors);
  // Bulk load (a saved snapshot, app/index_snapshot): append() with the
  // donor's registry number. The volunteer id must not be in the index yet.
  void append(std::int64_t volunteerId, const SlotIds& slotIds, std::uint32_t packedFactors,
              const std::string& registryNo);
  void reserve(std::size_t donors);

  std::size_t size() const { return factors_.size(); }
  std::size_t bytes() const;
  IndexStats stats() const;

  // ---- read access for the search (search.h)
  const LocusCatalog& catalog(int locus) const { return catalogs_[static_cast<std::size_t>(locus)]; }
  const IdColumn& column(int locus) const { return columns_[static_cast<std::size_t>(locus)]; }
  const std::vector<std::uint32_t>& packedFactors() const { return factors_; }
  std::int64_t volunteerId(std::size_t row) const { return ids_[row]; }
  std::string registryNo(std::size_t row) const;  // empty when none was given
  // The row of a volunteer id, or -1.
  std::int64_t rowOf(std::int64_t volunteerId) const;

  // The clustered view the search prunes with, built on first use (safe from
  // concurrent searches) and again once too many rows are outside it; null
  // for an index smaller than ClusterTuning::minDonors. A snapshot: edits
  // through this index keep it correct (see donor_clusters.h).
  std::shared_ptr<const DonorClusters> clusters() const;
  // Tests use small thresholds; drops the current clustered view.
  void setClusterTuning(const ClusterTuning& tuning);

 private:
  std::uint32_t internPair(int locus, std::uint32_t a, std::uint32_t b);
  // Tells the clustered view (if built) that a row is about to change or go.
  void leaveClusters(std::size_t row, bool changed);

  struct ClusterCache {
    std::mutex mutex;
    ClusterTuning tuning;
    std::shared_ptr<DonorClusters> clusters;
  };
  void setRegistryNo(std::size_t row, const std::string& registryNo);

  std::shared_ptr<const dd::hla::Nomenclature> nomenclature_;
  std::array<LocusCatalog, kMatchLoci> catalogs_;
  std::array<IdColumn, kMatchLoci> columns_;
  std::vector<std::uint32_t> factors_;
  std::vector<std::int64_t> ids_;
  std::size_t sortedIds_ = 0;  // ids_[0..sortedIds_) ascending; later rows are in outOfOrder_
  std::unordered_map<std::int64_t, std::uint32_t> outOfOrder_;
  std::string registryText_;
  std::vector<std::uint32_t> registryOffsets_;  // size()+1 once any registry number was given
  std::unordered_map<std::uint32_t, std::string> editedRegistryNos_;
  std::size_t invalidTypings_ = 0;
  // Raw per-locus field -> its two slot ids, so a registry where most
  // typings repeat parses each distinct field once (valid fields only).
  std::array<std::unordered_map<std::string, std::array<std::uint32_t, 2>>, kMatchLoci> fieldCache_;
  std::unique_ptr<ClusterCache> clusterCache_ = std::make_unique<ClusterCache>();
};

}  // namespace dd::match
