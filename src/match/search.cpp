#include "match/search.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <latch>
#include <thread>

#include "match/donor_scan.h"

namespace dd::match {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kDpb1 = static_cast<int>(dd::hla::Locus::DPB1);

using PatientProfiles = std::array<std::array<SlotProfile, 2>, kMatchLoci>;

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
  result.tce = tce;
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

  std::vector<std::uint32_t> reservedRows;
  for (std::int64_t id : options.reservedForThisPatient)
    if (const std::int64_t row = index.rowOf(id); row >= 0) reservedRows.push_back(static_cast<std::uint32_t>(row));
  std::sort(reservedRows.begin(), reservedRows.end());

  const std::size_t n = index.size();
  const bool scanning = options.limit > 0 && n > 0;
  // Counting every qualifying donor needs every donor's key, so it scans
  // plainly; otherwise the clustered view lets the scan skip most donors.
  const bool countAll = timings && timings->countQualified;
  const std::shared_ptr<const DonorClusters> clusters = scanning && !countAll ? index.clusters() : nullptr;
  // Automatic: one thread per 64k donors up to the core count (a thread
  // costs more than scanning a few thousand donors). Explicit: as asked.
  unsigned threads = options.threads;
  if (threads == 0)
    threads = static_cast<unsigned>(
        std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), (n + 65535) / 65536));
  threads = static_cast<unsigned>(std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(n, 1)));

  // The threads share the grading too, a locus each (largest catalogues first, to the least busy thread).
  std::array<unsigned, kMatchLoci> gradedBy{};
  {
    std::array<int, kMatchLoci> loci{};
    std::array<std::size_t, kMatchLoci> cost{};
    for (int locus = 0; locus < kMatchLoci; ++locus) {
      loci[locus] = locus;
      cost[locus] = index.catalog(locus).pairs.size() + 4 * index.catalog(locus).profiles.size();
    }
    std::sort(loci.begin(), loci.end(), [&](int x, int y) { return cost[x] > cost[y]; });
    std::vector<std::size_t> load(threads, 0);
    for (int locus : loci) {
      const auto least = static_cast<unsigned>(std::min_element(load.begin(), load.end()) - load.begin());
      gradedBy[locus] = least;
      load[least] += cost[locus];
    }
  }

  std::array<std::vector<std::uint64_t>, kMatchLoci> tables;
  std::atomic<std::uint64_t> threshold{0};
  std::atomic<std::size_t> nextNode{0};
  ScanContext context;
  context.index = &index;
  context.factorKeys = &factorKeys;
  context.matchesShift = layout.shift[static_cast<int>(Criterion::Matches)];
  context.minMatches = static_cast<std::uint64_t>(std::max(0, options.minMatches));
  context.includeUnavailable = options.includeUnavailable;
  context.limit = options.limit;
  context.availableAnyway = &reservedRows;
  context.threshold = &threshold;
  for (int locus = 0; locus < kMatchLoci; ++locus)
    context.tableSizes[locus] = index.catalog(locus).pairs.size();

  std::latch allGraded(threads);
  Clock::time_point graded;
  std::vector<ScanOutput> outputs(threads);
  auto work = [&](unsigned t) {
    for (int locus = 0; locus < kMatchLoci; ++locus) {
      if (gradedBy[locus] != t) continue;
      const auto l = static_cast<std::size_t>(locus);
      tables[l] = gradeCatalog(index.catalog(locus), (*profiles)[l], locus, options.scale, layout, options.tce,
                               index.nomenclature());
      context.tables[l] = tables[l].data();
    }
    allGraded.arrive_and_wait();
    if (t + 1 == threads) graded = Clock::now();
    if (!scanning) return;
    // The thread's share of a range of rows scanned plainly.
    auto part = [&](std::size_t begin, std::size_t end, auto&& scanPart) {
      const std::size_t chunk = (end - begin + threads - 1) / threads;
      const std::size_t from = std::min(end, begin + t * chunk), to = std::min(end, from + chunk);
      if (from < to) scanPart(from, to);
    };
    ScanOutput& out = outputs[t];
    if (!clusters) {
      part(0, n, [&](std::size_t from, std::size_t to) { scanRange(context, from, to, out); });
      return;
    }
    // First the seed rows (a plain sample that sets a threshold early), the
    // rows appended and changed since the clustering, then the tree.
    part(0, clusters->seedEnd(),
         [&](std::size_t from, std::size_t to) { scanRange(context, from, to, out); });
    part(clusters->builtEnd(), n,
         [&](std::size_t from, std::size_t to) { scanRange(context, from, to, out); });
    const auto& moved = clusters->movedRows();
    part(0, moved.size(),
         [&](std::size_t from, std::size_t to) { scanRows(context, moved.data() + from, to - from, out); });
    scanClusters(context, *clusters, clusterBounds(context), nextNode, out);
  };
  {
    std::vector<std::thread> workers;
    for (unsigned t = 0; t + 1 < threads; ++t) workers.emplace_back(work, t);
    work(threads - 1);  // the calling thread takes the last part
    for (auto& worker : workers) worker.join();
  }

  std::vector<Candidate> merged;
  std::size_t qualified = 0, examined = 0;
  for (auto& output : outputs) {
    merged.insert(merged.end(), output.heap.begin(), output.heap.end());
    qualified += output.qualified;
    examined += output.examined;
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
    timings->scanned = examined;
    timings->qualified = qualified;
  }
  return results;
}

}  // namespace dd::match
