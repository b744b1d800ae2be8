// The clustered scan (donor_clusters.h, donor_scan.h) on registries small
// enough for the naive reference: with tuning that clusters every index and
// leaves only a few seed rows to the plain scan, the pruned search must give
// the same donors in the same order as the naive reference and as the plain
// scan of every donor (SearchTimings::countQualified), under tight limits,
// minimums, edits after the clustering, ties across clusters and 1 to 3
// threads.
#include <catch2/catch.hpp>

#include "match/naive_search.h"
#include "match/synthetic_registry.h"
#include "match_search_fixture.h"

using namespace dd::match;
using dd::match::test::nomenclature;

using namespace dd::match::test;

namespace {

// Every index clustered, a handful of seed rows, no automatic rebuild.
ClusterTuning clusterEverything(std::size_t seedRows = 16) {
  ClusterTuning tuning;
  tuning.minDonors = 1;
  tuning.seedRows = seedRows;
  tuning.rebuildSlack = 1u << 30;
  return tuning;
}

struct Registry {
  std::vector<DonorRecord> records;  // row order, as the naive reference reads them
  DonorIndex index{nomenclature()};
};

std::unique_ptr<Registry> syntheticRegistry(std::uint64_t seed, std::size_t donors,
                                            const ClusterTuning& tuning) {
  auto freqs = HaplotypeFrequencies::load(test::haplotypeFile());
  REQUIRE(freqs);
  const ResolutionMixer mixer(*freqs, *nomenclature());
  SyntheticDonorSource source(*freqs, mixer, seed);
  auto registry = std::make_unique<Registry>();
  registry->index.setClusterTuning(tuning);
  for (std::size_t i = 0; i < donors; ++i) {
    registry->records.push_back(source.record(source.next(), static_cast<std::int64_t>(i) + 1));
    REQUIRE(registry->index.upsert(registry->records.back()).empty());
  }
  return registry;
}

std::vector<Typing> patientsFor(std::uint64_t seed, int count) {
  auto freqs = HaplotypeFrequencies::load(test::haplotypeFile());
  REQUIRE(freqs);
  GenotypeSampler sampler(*freqs, seed);
  std::vector<Typing> patients;
  for (int q = 0; q < count; ++q) patients.push_back(drawPatient(sampler));
  return patients;
}


// The pruned search against the plain scan of every donor and, when asked,
// the naive reference; returns how many donors the pruned scan computed.
std::size_t checkSearch(const Registry& registry, const Typing& patient, const SearchOptions& options,
                        bool againstNaive = true) {
  SearchTimings pruned;
  pruned.countQualified = false;
  auto fast = search(registry.index, patient, options, &pruned);
  REQUIRE(fast);
  SearchTimings everyDonor;  // countQualified: the plain scan
  auto plain = search(registry.index, patient, options, &everyDonor);
  REQUIRE(plain);
  CHECK(everyDonor.scanned == registry.index.size());
  REQUIRE(fast->size() == plain->size());
  for (std::size_t i = 0; i < fast->size(); ++i) {
    INFO("position " << i);
    CHECK((*fast)[i].row == (*plain)[i].row);
    CHECK((*fast)[i].key == (*plain)[i].key);
  }
  if (againstNaive) {
    std::string why;
    CHECK(
        naive::sameResults(*fast, naive::search(*nomenclature(), registry.records, patient, options), &why));
    INFO(why);
  }
  return pruned.scanned;
}

}  // namespace

TEST_CASE("the clustered scan prunes with --min and a tight limit and still equals naive") {
  auto registry = syntheticRegistry(21, 1200, clusterEverything());
  REQUIRE(registry->index.clusters());
  const auto patients = patientsFor(2121, 4);
  std::size_t scannedAtMost = 0;
  for (std::size_t q = 0; q < patients.size(); ++q)
    for (int scale : {10, 8, 6})
      for (std::size_t limit : {std::size_t{1}, std::size_t{3}, std::size_t{12}})
        for (unsigned threads : {1u, 2u, 3u}) {
          SearchOptions options;
          options.scale = scale;
          options.minMatches = scale - 3 - static_cast<int>(q % 2);
          options.limit = limit;
          options.threads = threads;
          options.includeUnavailable = q == 3;
          INFO("query " << q << " scale " << scale << " limit " << limit << " threads " << threads);
          // The naive reference once per query (threads change nothing there); the plain scan every time.
          scannedAtMost = std::max(scannedAtMost, checkSearch(*registry, patients[q], options, threads == 1));
        }
  // The tight limits must let the tree skip donors (else nothing was pruned and this test proves little).
  CHECK(scannedAtMost < registry->index.size());
  // A donor's own typing as the patient: the minimum at the top of the scale keeps only exact matches.
  SearchOptions exact;
  exact.minMatches = 10;
  exact.limit = 5;
  exact.includeUnavailable = true;
  checkSearch(*registry, typingOf(registry->records[700]), exact);
}

TEST_CASE("the clustered scan follows edits made after the clustering") {
  auto registry = syntheticRegistry(22, 800, clusterEverything());
  auto& index = registry->index;
  auto& records = registry->records;
  // Removed before the clustering: not in the tree; upserted back later below.
  REQUIRE(index.remove(records[300].volunteerId));
  records[300].factors.availability = Availability::Removed;
  const auto built = index.clusters();
  REQUIRE(built);
  const Typing patient = typingOf(records[500]);
  SearchOptions options;
  options.limit = 5;
  options.minMatches = 6;
  auto check = [&](const char* step) {
    INFO(step);
    for (unsigned threads : {1u, 2u}) {
      options.threads = threads;
      checkSearch(*registry, patient, options);
    }
  };
  check("as built");
  auto upsert = [&](std::size_t row, DonorRecord record) {
    record.volunteerId = records[row].volunteerId;
    records[row] = record;
    REQUIRE(index.upsert(record).empty());
  };
  // A donor retyped into another cluster: the patient's own typing, so it must rise to the top.
  DonorRecord retyped = records[40];
  retyped.locusTyping = records[500].locusTyping;
  retyped.factors.availability = Availability::Available;
  upsert(40, retyped);
  check("retyped into another cluster");
  {
    auto results = search(index, patient, options);
    REQUIRE(results);
    bool found = false;
    for (const auto& r : *results) found = found || r.volunteerId == records[40].volunteerId;
    CHECK(found);
  }
  // The best donor becomes unavailable, then is removed, then comes back.
  auto best = search(index, patient, options);
  REQUIRE(best);
  REQUIRE_FALSE(best->empty());
  const std::size_t bestRow = best->front().row;
  DonorRecord deferred = records[bestRow];
  deferred.factors.availability = Availability::Deferred;
  upsert(bestRow, deferred);
  check("the best donor deferred");
  REQUIRE(index.remove(records[bestRow].volunteerId));
  records[bestRow].factors.availability = Availability::Removed;
  check("the best donor removed");
  DonorRecord back = records[bestRow];
  back.factors.availability = Availability::Available;
  upsert(bestRow, back);
  check("the best donor back");
  // Removed before the clustering, back with the patient's typing.
  DonorRecord returned = records[300];
  returned.locusTyping = records[500].locusTyping;
  returned.factors.availability = Availability::Available;
  upsert(300, returned);
  check("a donor removed before the clustering, back");
  // New donors (the unclustered tail), one of them an exact match.
  for (int i = 0; i < 3; ++i) {
    DonorRecord added = records[static_cast<std::size_t>(600 + i)];
    added.volunteerId = 100000 + i;
    if (i == 1) added.locusTyping = records[500].locusTyping;
    records.push_back(added);
    REQUIRE(index.upsert(added).empty());
  }
  check("new donors");
  CHECK(index.clusters() == built);  // no rebuild was due: the edits lived outside the tree
  // A rebuild once the tuning allows it keeps the results.
  ClusterTuning eager = clusterEverything();
  eager.rebuildSlack = 0;
  index.setClusterTuning(eager);
  REQUIRE(index.clusters());
  CHECK(index.clusters()->movedRows().empty());
  check("rebuilt");
}

TEST_CASE("equal keys in different clusters keep row order") {
  // Against A*01:01+A*02:01 every donor below carries one antigen mismatch at
  // A with a different partner allele (other A pair ids: other clusters) and
  // the same everything else, so their keys are equal and only the row may
  // order them.
  const std::vector<std::string> partners = {"A*03:01", "A*11:01", "A*24:02", "A*26:01",
                                             "A*29:02", "A*31:01", "A*32:01", "A*33:01",
                                             "A*68:01", "A*30:01", "A*23:01", "A*25:01"};
  const std::string rest = "^B*08:01+B*44:02^C*07:01+C*05:01^DRB1*03:01+DRB1*04:01^DQB1*02:01+DQB1*03:01";
  Registry registry;
  registry.index.setClusterTuning(clusterEverything(1));
  DonorFactors factors;
  factors.birthYear = 1990;
  factors.sex = Sex::Female;
  for (int round = 0; round < 5; ++round)
    for (std::size_t p = 0; p < partners.size(); ++p) {
      DonorRecord record;
      record.volunteerId = static_cast<std::int64_t>(registry.records.size()) + 1;
      auto typing =
          parseTyping("A*01:01+" + partners[(p + static_cast<std::size_t>(round)) % partners.size()] + rest,
                      *nomenclature());
      REQUIRE(typing);
      for (int l = 0; l < kMatchLoci; ++l) {
        const auto& parts = typing->locus[l].slot;
        record.locusTyping[l] = parts[0].empty() ? "" : parts[0] + "+" + parts[1];
      }
      record.factors = factors;
      registry.records.push_back(record);
      REQUIRE(registry.index.upsert(record).empty());
    }
  REQUIRE(registry.index.clusters());
  CHECK(registry.index.clusters()->level(0).size() - 1 == partners.size());  // one A node per partner
  auto patient = parseTyping("A*01:01+A*02:01" + rest, *nomenclature());
  REQUIRE(patient);
  for (unsigned threads : {1u, 2u, 3u})
    for (std::size_t limit : {std::size_t{7}, std::size_t{25}}) {
      SearchOptions options;
      options.limit = limit;
      options.threads = threads;
      options.minMatches = 9;
      INFO("threads " << threads << " limit " << limit);
      checkSearch(registry, *patient, options);
      auto results = search(registry.index, *patient, options);
      REQUIRE(results);
      REQUIRE(results->size() == limit);
      for (std::size_t i = 0; i < limit; ++i) {
        CHECK((*results)[i].row == i);  // the first rows, in row order
        CHECK((*results)[i].key == results->front().key);
      }
    }
}

TEST_CASE("an index below the clustering minimum is scanned plainly") {
  auto registry = syntheticRegistry(23, 200, ClusterTuning{});
  CHECK_FALSE(registry->index.clusters());
  SearchOptions options;
  options.limit = 3;
  options.minMatches = 6;
  const auto patients = patientsFor(2323, 2);
  for (const auto& patient : patients)
    CHECK(checkSearch(*registry, patient, options) == registry->index.size());
}
