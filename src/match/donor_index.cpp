#include "match/donor_index.h"

#include <algorithm>
#include <limits>

namespace dd::match {

void IdColumn::push(std::uint32_t id) {
  if (!wide_ && id > 0xFFFFu) widen();
  if (wide_) {
    wideIds_.push_back(id);
  } else {
    narrowIds_.push_back(static_cast<std::uint16_t>(id));
  }
}

void IdColumn::set(std::size_t row, std::uint32_t id) {
  if (!wide_ && id > 0xFFFFu) widen();
  if (wide_) {
    wideIds_[row] = id;
  } else {
    narrowIds_[row] = static_cast<std::uint16_t>(id);
  }
}

void IdColumn::widen() {
  wideIds_.assign(narrowIds_.begin(), narrowIds_.end());
  wideIds_.reserve(narrowIds_.capacity());
  std::vector<std::uint16_t>().swap(narrowIds_);
  wide_ = true;
}

DonorIndex::DonorIndex(std::shared_ptr<const dd::hla::Nomenclature> nomenclature)
    : nomenclature_(std::move(nomenclature)) {
  for (auto& catalog : catalogs_) {
    catalog.profiles.emplace_back();  // slot 0: untyped
    catalog.slotTexts.emplace_back();
    catalog.slotIds.emplace(std::string(), 0);
    catalog.pairs.push_back({0, 0});  // pair 0: untyped
    catalog.pairIds.emplace(0, 0);
  }
}

DonorIndex::~DonorIndex() = default;

dd::Expected<std::uint32_t> DonorIndex::internSlot(int locus, std::string_view text) {
  auto& catalog = catalogs_[static_cast<std::size_t>(locus)];
  const std::string key(text);
  if (auto found = catalog.slotIds.find(key); found != catalog.slotIds.end()) return found->second;
  auto profile = profileSlot(text, static_cast<dd::hla::Locus>(locus), *nomenclature_);
  if (!profile) return profile.error();
  const auto id = static_cast<std::uint32_t>(catalog.profiles.size());
  catalog.profiles.push_back(std::move(*profile));
  catalog.slotTexts.push_back(key);
  catalog.slotIds.emplace(key, id);
  return id;
}

std::uint32_t DonorIndex::internPair(int locus, std::uint32_t a, std::uint32_t b) {
  if (a > b) std::swap(a, b);
  auto& catalog = catalogs_[static_cast<std::size_t>(locus)];
  const std::uint64_t key = static_cast<std::uint64_t>(a) << 32 | b;
  auto [it, inserted] = catalog.pairIds.emplace(key, static_cast<std::uint32_t>(catalog.pairs.size()));
  if (inserted) catalog.pairs.push_back({a, b});
  return it->second;
}

void DonorIndex::reserve(std::size_t donors) {
  for (auto& column : columns_) column.reserve(donors);
  factors_.reserve(donors);
  ids_.reserve(donors);
}

void DonorIndex::append(std::int64_t volunteerId, const SlotIds& slotIds, std::uint32_t packedFactors) {
  const auto row = static_cast<std::uint32_t>(factors_.size());
  for (int locus = 0; locus < kMatchLoci; ++locus)
    columns_[static_cast<std::size_t>(locus)].push(internPair(locus, slotIds[locus][0], slotIds[locus][1]));
  factors_.push_back(packedFactors);
  const bool inOrder = sortedIds_ == ids_.size() && (ids_.empty() || ids_.back() < volunteerId);
  ids_.push_back(volunteerId);
  if (inOrder) {
    ++sortedIds_;
  } else {
    outOfOrder_.emplace(volunteerId, row);
  }
  if (!registryOffsets_.empty()) registryOffsets_.push_back(registryOffsets_.back());
}

void DonorIndex::append(std::int64_t volunteerId, const SlotIds& slotIds, std::uint32_t packedFactors,
                        const std::string& registryNo) {
  append(volunteerId, slotIds, packedFactors);
  setRegistryNo(factors_.size() - 1, registryNo);
}

std::int64_t DonorIndex::rowOf(std::int64_t volunteerId) const {
  const auto end = ids_.begin() + static_cast<std::ptrdiff_t>(sortedIds_);
  const auto found = std::lower_bound(ids_.begin(), end, volunteerId);
  if (found != end && *found == volunteerId) return found - ids_.begin();
  const auto other = outOfOrder_.find(volunteerId);
  return other == outOfOrder_.end() ? -1 : static_cast<std::int64_t>(other->second);
}

std::vector<dd::Error> DonorIndex::upsert(const DonorRecord& donor) {
  std::vector<dd::Error> errors;
  SlotIds slotIds{};
  for (int locus = 0; locus < kMatchLoci; ++locus) {
    const std::string& field = donor.locusTyping[static_cast<std::size_t>(locus)];
    auto& cache = fieldCache_[static_cast<std::size_t>(locus)];
    if (auto cached = cache.find(field); cached != cache.end()) {
      slotIds[locus] = cached->second;
      continue;
    }
    auto typing = parseLocusTyping(field, static_cast<dd::hla::Locus>(locus), *nomenclature_);
    if (!typing) {
      errors.push_back(typing.error());
      continue;
    }
    bool valid = true;
    for (int s = 0; s < 2 && typing->typed(); ++s) {
      auto id = internSlot(locus, typing->slot[static_cast<std::size_t>(s)]);
      if (!id) {
        errors.push_back(id.error());
        slotIds[locus] = {0, 0};
        valid = false;
        break;
      }
      slotIds[locus][s] = *id;
    }
    if (valid) cache.emplace(field, slotIds[locus]);
  }
  invalidTypings_ += errors.size();
  const std::uint32_t packed = packFactors(donor.factors);
  const std::int64_t existing = rowOf(donor.volunteerId);
  if (existing >= 0) {
    const auto row = static_cast<std::size_t>(existing);
    leaveClusters(row, true);
    for (int locus = 0; locus < kMatchLoci; ++locus)
      columns_[static_cast<std::size_t>(locus)].set(row, internPair(locus, slotIds[locus][0], slotIds[locus][1]));
    factors_[row] = packed;
    if (registryNo(row) != donor.registryNo) editedRegistryNos_[static_cast<std::uint32_t>(row)] = donor.registryNo;
    return errors;
  }
  append(donor.volunteerId, slotIds, packed);
  setRegistryNo(factors_.size() - 1, donor.registryNo);
  return errors;
}

void DonorIndex::setRegistryNo(std::size_t row, const std::string& registryNo) {
  if (registryNo.empty()) return;
  if (registryOffsets_.empty()) registryOffsets_.assign(factors_.size() + 1, 0);
  // append() already pushed an empty entry for this (last) row; extend it.
  registryText_ += registryNo;
  registryOffsets_[row + 1] = static_cast<std::uint32_t>(registryText_.size());
}

std::string DonorIndex::registryNo(std::size_t row) const {
  if (auto edited = editedRegistryNos_.find(static_cast<std::uint32_t>(row)); edited != editedRegistryNos_.end())
    return edited->second;
  if (registryOffsets_.empty()) return {};
  return registryText_.substr(registryOffsets_[row], registryOffsets_[row + 1] - registryOffsets_[row]);
}

bool DonorIndex::remove(std::int64_t volunteerId) {
  const std::int64_t row = rowOf(volunteerId);
  if (row < 0) return false;
  leaveClusters(static_cast<std::size_t>(row), false);
  auto& packed = factors_[static_cast<std::size_t>(row)];
  packed = (packed & 0x1FFFFFFFu) | static_cast<std::uint32_t>(Availability::Removed) << 29;
  return true;
}

std::size_t DonorIndex::bytes() const {
  std::size_t total = factors_.capacity() * 4 + ids_.capacity() * 8 + registryText_.capacity() +
                      registryOffsets_.capacity() * 4;
  for (const auto& column : columns_) total += column.bytes();
  for (const auto& catalog : catalogs_) {
    total += catalog.pairs.capacity() * 8 + catalog.pairIds.size() * 32;
    for (const auto& slot : catalog.profiles)
      total += sizeof(SlotProfile) + (slot.groups.capacity() + slot.antigens.capacity() + slot.broads.capacity()) * 4;
    for (const auto& text : catalog.slotTexts) total += sizeof(std::string) + text.capacity() + 48;
  }
  for (const auto& cache : fieldCache_)
    for (const auto& [field, ids] : cache) total += sizeof(std::string) + field.capacity() + sizeof(ids) + 32;
  std::lock_guard lock(clusterCache_->mutex);
  if (clusterCache_->clusters) total += clusterCache_->clusters->bytes();
  return total;
}

void DonorIndex::leaveClusters(std::size_t row, bool changed) {
  std::lock_guard lock(clusterCache_->mutex);
  if (!clusterCache_->clusters) return;
  std::array<std::uint32_t, 3> treeIds{};
  for (std::size_t depth = 0; depth < 3; ++depth)
    treeIds[depth] = columns_[static_cast<std::size_t>(DonorClusters::kTreeLoci[depth])].get(row);
  clusterCache_->clusters->leave(static_cast<std::uint32_t>(row), treeIds, changed);
}

std::shared_ptr<const DonorClusters> DonorIndex::clusters() const {
  std::lock_guard lock(clusterCache_->mutex);
  const ClusterTuning& tuning = clusterCache_->tuning;
  auto& clusters = clusterCache_->clusters;
  const std::size_t n = size();
  if (n == 0 || n < tuning.minDonors) {
    clusters.reset();
    return nullptr;
  }
  if (clusters) {
    const std::size_t outside = clusters->outsideRows(n);
    const std::size_t inside = clusters->builtEnd() - clusters->seedEnd();
    if (outside <= tuning.rebuildSlack || outside <= inside / 8) return clusters;
  }
  const std::size_t seed = tuning.seedRows ? tuning.seedRows : std::clamp<std::size_t>(n / 128, 2048, 65536);
  // Replaced, not changed: searches still holding the old snapshot keep it.
  clusters = std::make_shared<DonorClusters>(*this, seed);
  return clusters;
}

void DonorIndex::setClusterTuning(const ClusterTuning& tuning) {
  std::lock_guard lock(clusterCache_->mutex);
  clusterCache_->tuning = tuning;
  clusterCache_->clusters.reset();
}

IndexStats DonorIndex::stats() const {
  IndexStats stats;
  stats.donors = size();
  stats.invalidTypings = invalidTypings_;
  for (int locus = 0; locus < kMatchLoci; ++locus) {
    stats.distinctSlots[static_cast<std::size_t>(locus)] = catalogs_[static_cast<std::size_t>(locus)].profiles.size();
    stats.distinctPairs[static_cast<std::size_t>(locus)] = catalogs_[static_cast<std::size_t>(locus)].pairs.size();
  }
  stats.bytes = bytes();
  return stats;
}

}  // namespace dd::match
