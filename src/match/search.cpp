#include "match/search.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace dd::match {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kBlock = 1024;
constexpr int kDpb1 = static_cast<int>(dd::hla::Locus::DPB1);

struct Candidate {
  std::uint64_t key;
  std::uint32_t row;
};
// Better first: bigger key, then lower row (earlier donor).
bool better(const Candidate& a, const Candidate& b) { return a.key != b.key ? a.key > b.key : a.row < b.row; }

using PatientProfiles = std::array<std::array<SlotProfile, 2>, kMatchLoci>;

// Added to a donor's key for each of A, B, DRB1 it is untyped at; the key's
// criteria use the low 51 bits, so three of these still fit and any one marks
// the donor as not searchable.
constexpr std::uint64_t kUnsearchable = std::uint64_t{1} << 61;

// The additive key contribution of every distinct locus typing of one locus.
std::vector<std::uint64_t> gradeCatalog(const LocusCatalog& catalog, const std::array<SlotProfile, 2>& patient,
                                        int locus, int scale, const KeyLayout& layout, TceVersion tce,
                                        const dd::hla::Nomenclature& nomenclature) {
  std::array<std::vector<PositionGrade>, 2> slotGrades;
  for (int p = 0; p < 2; ++p) {
    slotGrades[p].reserve(catalog.profiles.size());
    for (const auto& slot : catalog.profiles) slotGrades[p].push_back(comparePosition(patient[p], slot, &nomenclature));
  }
  const bool inScale = locusInScale(locus, scale);
  const auto version = static_cast<std::size_t>(tce);
  std::vector<std::uint64_t> contribution(catalog.pairs.size());
  for (std::size_t i = 0; i < catalog.pairs.size(); ++i) {
    // Pair 0 is the donor untyped here: at A, B or DRB1 that donor is not searchable.
    if (i == 0 && isSearchableLocus(locus)) {
      contribution[i] = kUnsearchable;
      continue;
    }
    auto [a, b] = catalog.pairs[i];
    // A null beside an expressed allele is read as that allele (readAsExpressed).
    const auto& pa = catalog.profiles[a];
    const auto& pb = catalog.profiles[b];
    if (&readAsExpressed(pa, pb, 0) != &pa) a = b;
    if (&readAsExpressed(pa, pb, 1) != &pb) b = a;
    const LocusGrade g =
        gradeLocus({{{slotGrades[0][a], slotGrades[0][b]}, {slotGrades[1][a], slotGrades[1][b]}}});
    std::uint64_t value = 0;
    if (inScale) {
      value += layout.place(Criterion::Matches, g.matches);
      value += layout.placeTyped(g.untyped ? 0 : 2);
      value += layout.place(Criterion::Definite, g.definite);
      value += layout.place(Criterion::Confidence, g.confidence);
      value += layout.place(Criterion::Grade, g.gradeScore);
      value += layout.place(Criterion::Certainty, 2 * kMaxPositionPenalty - g.penalty);
      value += layout.place(Criterion::AlleleMismatchFirst, 2 - g.antigenMismatches);
    }
    if (locus == kDpb1) {
      const auto category =
          classifyDpb1(g, {patient[0].tceMask[version], patient[1].tceMask[version]},
                       {catalog.profiles[a].tceMask[version], catalog.profiles[b].tceMask[version]});
      value += layout.place(Criterion::Dpb1, static_cast<std::uint64_t>(dpb1Rank(category)));
    }
    contribution[i] = value;
  }
  return contribution;
}

template <class Id>
void addColumn(const Id* ids, const std::uint64_t* table, std::uint64_t* sums, std::size_t n) {
  for (std::size_t j = 0; j < n; ++j) sums[j] += table[ids[j]];
}

struct ScanContext {
  const DonorIndex* index;
  std::array<const std::uint64_t*, kMatchLoci> tables;
  const FactorKeyTable* factorKeys;
  int matchesShift;
  std::uint64_t minMatches;
  bool includeUnavailable;
  std::size_t limit;
  const std::vector<std::uint32_t>* availableAnyway;  // sorted rows counted as available
};

struct ScanOutput {
  std::vector<Candidate> heap;
  std::size_t qualified = 0;
};

void scan(const ScanContext& c, std::size_t begin, std::size_t end, ScanOutput& out) {
  auto& heap = out.heap;
  heap.reserve(c.limit + 1);
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
    for (std::size_t j = 0; j < n; ++j) {
      const std::uint32_t packed = factors[start + j];
      const auto availability = static_cast<Availability>(packed >> 29);
      if (availability == Availability::Removed || sums[j] >= kUnsearchable) continue;
      if (!c.includeUnavailable && availability != Availability::Available &&
          !std::binary_search(c.availableAnyway->begin(), c.availableAnyway->end(),
                              static_cast<std::uint32_t>(start + j)))
        continue;
      if (((sums[j] >> c.matchesShift) & 15u) < c.minMatches) continue;
      ++out.qualified;
      const Candidate candidate{sums[j] + (*c.factorKeys)(packed), static_cast<std::uint32_t>(start + j)};
      if (heap.size() < c.limit) {
        heap.push_back(candidate);
        std::push_heap(heap.begin(), heap.end(), better);
      } else if (candidate.key >= heap.front().key && better(candidate, heap.front())) {
        std::pop_heap(heap.begin(), heap.end(), better);
        heap.back() = candidate;
        std::push_heap(heap.begin(), heap.end(), better);
      }
    }
  }
}

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int matchesOnScale(const std::array<LocusGrade, kMatchLoci>& loci, int scale) {
  int total = 0;
  for (int locus = 0; locus < kMatchLoci; ++locus)
    if (locusInScale(locus, scale)) total += loci[static_cast<std::size_t>(locus)].matches;
  return total;
}

dd::Expected<PatientProfiles> profilePatient(const Typing& patient, const dd::hla::Nomenclature& nomenclature) {
  PatientProfiles profiles;
  for (int locus = 0; locus < kMatchLoci; ++locus) {
    const auto& typing = patient.locus[static_cast<std::size_t>(locus)];
    if (!typing.typed()) continue;
    auto& slots = profiles[static_cast<std::size_t>(locus)];
    for (int s = 0; s < 2; ++s) {
      auto profile = profileSlot(typing.slot[static_cast<std::size_t>(s)], static_cast<dd::hla::Locus>(locus),
                                 nomenclature);
      if (!profile) return profile.error();
      slots[static_cast<std::size_t>(s)] = std::move(*profile);
    }
    if (&readAsExpressed(slots[0], slots[1], 0) != &slots[0]) slots[0] = slots[1];
    if (&readAsExpressed(slots[0], slots[1], 1) != &slots[1]) slots[1] = slots[0];
  }
  return profiles;
}

LocusGrade gradeDonorLocus(const std::array<SlotProfile, 2>& patient, const SlotProfile& donorFirst,
                           const SlotProfile& donorSecond, const dd::hla::Nomenclature& nomenclature) {
  const SlotProfile& d0 = readAsExpressed(donorFirst, donorSecond, 0);
  const SlotProfile& d1 = readAsExpressed(donorFirst, donorSecond, 1);
  return gradeLocus({{{comparePosition(patient[0], d0, &nomenclature), comparePosition(patient[0], d1, &nomenclature)},
                      {comparePosition(patient[1], d0, &nomenclature), comparePosition(patient[1], d1, &nomenclature)}}});
}

SearchResult describeDonor(const DonorIndex& index, const PatientProfiles& patient, std::uint32_t row, int scale,
                           TceVersion tce) {
  SearchResult result;
  result.row = row;
  result.volunteerId = index.volunteerId(row);
  result.registryNo = index.registryNo(row);
  const auto version = static_cast<std::size_t>(tce);
  for (int locus = 0; locus < kMatchLoci; ++locus) {
    const auto l = static_cast<std::size_t>(locus);
    const LocusCatalog& catalog = index.catalog(locus);
    const auto [a, b] = catalog.pairs[index.column(locus).get(row)];
    const SlotProfile& da = catalog.profiles[a];
    const SlotProfile& db = catalog.profiles[b];
    result.loci[l] = gradeDonorLocus(patient[l], da, db, index.nomenclature());
    result.donorSlots[l] = {catalog.slotTexts[a], catalog.slotTexts[b]};
    if (locus == kDpb1)
      result.dpb1 = classifyDpb1(result.loci[l], {patient[l][0].tceMask[version], patient[l][1].tceMask[version]},
                                 {readAsExpressed(da, db, 0).tceMask[version], readAsExpressed(da, db, 1).tceMask[version]});
    if (!locusInScale(locus, scale)) continue;
    const LocusGrade& g = result.loci[l];
    result.definiteMatches += g.definite;
    result.alleleMismatches += g.alleleMismatches;
    result.antigenMismatches += g.antigenMismatches;
    if (g.direction() == MismatchDirection::GvhOnly) result.gvhOnlyMismatches += 2 - g.matches;
    if (g.direction() == MismatchDirection::HvgOnly) result.hvgOnlyMismatches += 2 - g.matches;
  }
  result.matches = {matchesOnScale(result.loci, 10), matchesOnScale(result.loci, 8), matchesOnScale(result.loci, 6)};
  const int onScale = scale == 10 ? result.matches[0] : scale == 8 ? result.matches[1] : result.matches[2];
  result.definite = onScale == result.definiteMatches;
  const std::uint32_t packed = index.packedFactors()[row];
  result.factors = unpackFactors(packed);
  result.available = result.factors.availability == Availability::Available;
  return result;
}

dd::Expected<std::vector<SearchResult>> search(const DonorIndex& index, const Typing& patient,
                                               const SearchOptions& options, SearchTimings* timings) {
  if (!isValidScale(options.scale))
    return dd::makeError("match.scale", "dd::match",
                         QT_TRANSLATE_NOOP("dd::match", "The scale must be 10, 8 or 6, not %1."),
                         {std::to_string(options.scale)});
  // Untyped patient loci count as potential matches: without A, B and DRB1
  // a patient typed at one locus would find "10/10" donors everywhere.
  std::string missing;
  for (const auto& [locus, name] : {std::pair{dd::hla::Locus::A, "A"}, std::pair{dd::hla::Locus::B, "B"},
                                    std::pair{dd::hla::Locus::DRB1, "DRB1"}})
    if (!patient.locus[static_cast<std::size_t>(locus)].typed()) missing += (missing.empty() ? "HLA-" : ", HLA-") + std::string(name);
  if (!missing.empty())
    return dd::makeError("match.patient_incomplete", "dd::match",
                         QT_TRANSLATE_NOOP("dd::match", "The patient's typing lacks %1: a search needs at least "
                                                        "HLA-A, HLA-B and HLA-DRB1, or untyped loci would count as "
                                                        "matches."),
                         {missing});
  const auto start = Clock::now();
  auto profiles = profilePatient(patient, index.nomenclature());
  if (!profiles) return profiles.error();
  const KeyLayout layout = layoutFor(options.policy);
  if (!layout.uses(Criterion::Matches))  // RankingPolicy::parse ensures it; a hand-built policy might not
    return dd::makeError("match.ranking_needs_matches", "dd::match",
                         QT_TRANSLATE_NOOP("dd::match", "The ranking must include 'matches'."));
  const FactorKeyTable factorKeys(layout, options.patient);

  std::array<std::vector<std::uint64_t>, kMatchLoci> tables;
  for (int locus = 0; locus < kMatchLoci; ++locus)
    tables[static_cast<std::size_t>(locus)] =
        gradeCatalog(index.catalog(locus), (*profiles)[static_cast<std::size_t>(locus)], locus, options.scale, layout,
                     options.tce, index.nomenclature());
  const auto graded = Clock::now();

  std::vector<std::uint32_t> reservedRows;
  for (std::int64_t id : options.reservedForThisPatient)
    if (const std::int64_t row = index.rowOf(id); row >= 0) reservedRows.push_back(static_cast<std::uint32_t>(row));
  std::sort(reservedRows.begin(), reservedRows.end());
  ScanContext context{&index, {}, &factorKeys, layout.shift[static_cast<int>(Criterion::Matches)],
                      static_cast<std::uint64_t>(std::max(0, options.minMatches)), options.includeUnavailable,
                      options.limit, &reservedRows};
  for (int locus = 0; locus < kMatchLoci; ++locus) context.tables[locus] = tables[locus].data();

  const std::size_t n = index.size();
  std::vector<ScanOutput> outputs;
  if (options.limit > 0 && n > 0) {
    // Automatic: one thread per 64k donors up to the core count (a thread
    // costs more than scanning a few thousand donors). Explicit: as asked.
    unsigned threads = options.threads;
    if (threads == 0)
      threads = static_cast<unsigned>(std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()),
                                                             (n + 65535) / 65536));
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, n));
    outputs.resize(threads);
    std::vector<std::thread> workers;
    const std::size_t chunk = (n + threads - 1) / threads;
    for (unsigned t = 0; t < threads; ++t) {
      const std::size_t begin = std::min(n, t * chunk), end = std::min(n, begin + chunk);
      if (t + 1 == threads) {
        scan(context, begin, end, outputs[t]);  // the calling thread takes the last part
      } else {
        workers.emplace_back([&, t, begin, end] { scan(context, begin, end, outputs[t]); });
      }
    }
    for (auto& worker : workers) worker.join();
  }
  std::vector<Candidate> merged;
  std::size_t qualified = 0;
  for (auto& output : outputs) {
    merged.insert(merged.end(), output.heap.begin(), output.heap.end());
    qualified += output.qualified;
  }
  std::sort(merged.begin(), merged.end(), better);
  if (merged.size() > options.limit) merged.resize(options.limit);

  std::vector<SearchResult> results;
  results.reserve(merged.size());
  for (const auto& candidate : merged) {
    results.push_back(describeDonor(index, *profiles, candidate.row, options.scale, options.tce));
    results.back().key = candidate.key;
    results.back().rank = static_cast<std::uint32_t>(results.size());
    if (std::binary_search(reservedRows.begin(), reservedRows.end(), candidate.row)) {
      results.back().reservedForThisPatient = true;
      results.back().available = true;
    }
  }
  if (timings) {
    timings->gradeMs = std::chrono::duration<double, std::milli>(graded - start).count();
    timings->scanMs = msSince(graded);
    timings->scanned = n;
    timings->qualified = qualified;
  }
  return results;
}

}  // namespace dd::match
