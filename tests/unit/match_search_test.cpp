// Hand-written searches against the real IPD-IMGT/HLA 3.58.0 nomenclature:
// every grade, homozygous direction, nulls, serology / XX / MAC donors, DPB1
// TCE categories, availability, donor factors, index edits and bad input.
#include <catch2/catch.hpp>

#include "match/search.h"
#include "match_search_fixture.h"

using namespace dd::match;
using dd::match::test::nomenclature;

namespace {

using namespace dd::match::test;

constexpr int A = 0, C = 2, DPB1 = 5;

}  // namespace

TEST_CASE("every grade, ranked in the documented order") {
  DonorIndex index(nomenclature());
  index.upsert(donor(1, with("A", "A*01:01+A*03:01")));          // antigen mismatch
  index.upsert(donor(2, with("A", "A*01:01+A*02:05")));          // allele mismatch, A2 antigen matches
  index.upsert(donor(3, with("A", "A*01:01/A*01:03+A*02:01")));  // potential
  index.upsert(donor(4, kPatient));                              // the patient's own typing
  index.upsert(donor(5, with("A", "A1+A2")));                    // serology only
  index.upsert(donor(6, with("A", "A*01:XX+A*02:XX")));          // first field only
  const auto results = run(index, kPatient);
  REQUIRE(results.size() == 6);

  const SearchResult& self = results.front();
  CHECK(self.volunteerId == 4);
  CHECK(self.rank == 1);
  CHECK(self.matches == std::array<int, 3>{10, 8, 6});
  CHECK(self.definite);
  CHECK(self.dpb1 == Dpb1Category::Match);

  const auto& potential = byId(results, 3);
  CHECK(potential.matches[0] == 10);
  CHECK_FALSE(potential.definite);
  CHECK(potential.loci[A].definite == 1);
  const auto& pos = potential.loci[A].position;
  const auto& p = pos[0].grade == Grade::PotentialAlleleMatch ? pos[0] : pos[1];
  CHECK(p.grade == Grade::PotentialAlleleMatch);
  CHECK(p.matched == 1);
  CHECK(p.possible == 2);

  const auto& alleleMismatch = byId(results, 2);
  CHECK(alleleMismatch.matches[0] == 9);
  CHECK(alleleMismatch.alleleMismatches == 1);
  CHECK(alleleMismatch.antigenMismatches == 0);
  const auto& antigenMismatch = byId(results, 1);
  CHECK(antigenMismatch.matches[0] == 9);
  CHECK(antigenMismatch.antigenMismatches == 1);
  CHECK(antigenMismatch.loci[A].direction() == MismatchDirection::Both);

  for (std::int64_t low : {5, 6}) {
    const auto& r = byId(results, low);
    CHECK(r.matches[0] == 10);
    CHECK_FALSE(r.definite);
    CHECK(r.loci[A].position[0].grade == Grade::PotentialAlleleMatch);
    CHECK(r.loci[A].position[0].possible > 10);  // many possibilities, few match
  }
  // definite 10/10, then the more certain potentials, then 9/10 allele before antigen mismatch.
  std::vector<std::int64_t> order;
  for (const auto& r : results) order.push_back(r.volunteerId);
  CHECK(order[0] == 4);
  CHECK(order[1] == 3);
  CHECK(order[4] == 2);
  CHECK(order[5] == 1);
}

TEST_CASE("homozygous patient or donor gives a one-directional mismatch") {
  DonorIndex index(nomenclature());
  index.upsert(donor(1, with("A", "A*01:01+A*02:01")));
  index.upsert(donor(2, with("A", "A*01:01")));  // one typing: homozygous
  const auto homozygousPatient = run(index, with("A", "A*01:01+A*01:01"));
  const auto& hvg = byId(homozygousPatient, 1);
  CHECK(hvg.matches[0] == 9);
  CHECK(hvg.loci[A].direction() == MismatchDirection::HvgOnly);
  CHECK(hvg.hvgOnlyMismatches == 1);
  CHECK(byId(homozygousPatient, 2).matches[0] == 10);  // both homozygous for the same allele

  const auto heterozygousPatient = run(index, kPatient);
  const auto& gvh = byId(heterozygousPatient, 2);
  CHECK(gvh.matches[0] == 9);
  CHECK(gvh.loci[A].direction() == MismatchDirection::GvhOnly);
  CHECK(gvh.gvhOnlyMismatches == 1);
  CHECK(gvh.hvgOnlyMismatches == 0);
}

TEST_CASE("null alleles match only null alleles") {
  DonorIndex index(nomenclature());
  index.upsert(donor(1, with("A", "A*01:01+A*24:09N")));
  index.upsert(donor(2, with("A", "A*01:01+A*24:02")));
  index.upsert(donor(3, with("A", "A*01:01+A*01:11N")));  // another null: not expressed either
  const auto results = run(index, with("A", "A*01:01+A*24:09N"));
  CHECK(byId(results, 1).loci[A].definite == 2);
  const auto& expressed = byId(results, 2);
  CHECK(expressed.loci[A].matches == 1);
  CHECK(expressed.loci[A].antigenMismatches == 1);  // null vs expressed
  CHECK(byId(results, 3).loci[A].matches == 2);
}

TEST_CASE("MAC codes expand through the loaded table") {
  auto loaded = dd::hla::Nomenclature::load(test::hlaDir());
  REQUIRE(loaded);
  std::shared_ptr<dd::hla::Nomenclature> hla = std::move(*loaded);
  dd::hla::MacTable table;
  REQUIRE(table.add("AB", "01/05"));
  hla->setMacTable(std::move(table));
  DonorIndex index(hla);
  DonorRecord record;
  record.volunteerId = 1;
  record.locusTyping[A] = "A*01:01+A*02:AB";
  record.locusTyping[1] = "B*08:01+B*44:02";  // searchable: typed at A, B and DRB1
  record.locusTyping[3] = "DRB1*03:01+DRB1*04:01";
  REQUIRE(index.upsert(record).empty());
  auto patient = parseTyping("A*01:01+A*02:01^B*08:01+B*44:02^DRB1*03:01+DRB1*04:01", *hla);
  REQUIRE(patient);
  auto results = search(index, *patient, SearchOptions{});
  REQUIRE(results);
  REQUIRE(results->size() == 1);
  const auto& locus = results->front().loci[A];
  CHECK(locus.definite == 1);
  const auto& p = locus.position[1].grade == Grade::PotentialAlleleMatch ? locus.position[1] : locus.position[0];
  CHECK(p.grade == Grade::PotentialAlleleMatch);
  CHECK(p.possible == 2);
}

TEST_CASE("DPB1 TCE categories from the release's dpb_tce.csv") {
  DonorIndex index(nomenclature());
  index.upsert(donor(1, with("DPB1", "DPB1*04:01+DPB1*02:01")));  // both TCE 3: permissive
  index.upsert(donor(2, with("DPB1", "DPB1*04:01+DPB1*09:01")));  // donor brings TCE 1: HvG
  index.upsert(donor(3, with("DPB1", "DPB1*04:01+DPB1*04:01")));
  DonorRecord untyped = donor(4, kPatient);
  untyped.locusTyping[DPB1].clear();
  index.upsert(untyped);
  const auto results = run(index, kPatient);
  CHECK(byId(results, 1).dpb1 == Dpb1Category::Permissive);
  CHECK(byId(results, 2).dpb1 == Dpb1Category::NonPermissiveHvg);
  CHECK(byId(results, 3).dpb1 == Dpb1Category::Match);
  CHECK(byId(results, 4).dpb1 == Dpb1Category::Untyped);
  const auto reverse = run(index, with("DPB1", "DPB1*04:01+DPB1*09:01"));
  CHECK(byId(reverse, 3).dpb1 == Dpb1Category::NonPermissiveGvh);
  // DPB1 is never part of the X/10 total, but ranks permissive before non-permissive.
  CHECK(byId(results, 2).matches[0] == 10);
  CHECK(results[0].volunteerId == 3);
  CHECK(results.back().volunteerId == 2);
}

TEST_CASE("a volunteer reserved for the patient searched for stays in that patient's results") {
  DonorFactors free, held, other;
  held.availability = Availability::Reserved;
  other.availability = Availability::Reserved;
  DonorIndex index(nomenclature());
  index.upsert(donor(1, kPatient, free));
  index.upsert(donor(2, kPatient, held));   // reserved for this patient
  index.upsert(donor(3, kPatient, other));  // reserved for someone else
  // Another patient's search: both reservations are unavailable.
  auto results = run(index, kPatient);
  REQUIRE(results.size() == 1);
  CHECK(results[0].volunteerId == 1);
  // This patient's search: their own reserved donor is listed, available, marked.
  SearchOptions options;
  options.reservedForThisPatient = {2, 999};  // 999: not in the index, ignored
  results = run(index, kPatient, options);
  REQUIRE(results.size() == 2);
  const SearchResult& mine = byId(results, 2);
  CHECK(mine.available);
  CHECK(mine.reservedForThisPatient);
  CHECK(mine.factors.availability == Availability::Reserved);
  CHECK_FALSE(byId(results, 1).reservedForThisPatient);
  // With the unavailable included, the other reservation shows, unavailable and unmarked.
  options.includeUnavailable = true;
  results = run(index, kPatient, options);
  REQUIRE(results.size() == 3);
  CHECK_FALSE(byId(results, 3).available);
  CHECK_FALSE(byId(results, 3).reservedForThisPatient);
  CHECK(byId(results, 2).reservedForThisPatient);
}

TEST_CASE("availability, minimum, scale and donor factors") {
  DonorFactors old, young, youngMale, deferred;
  old.birthYear = 1970;
  young.birthYear = 1995;
  youngMale = young;
  youngMale.sex = Sex::Male;
  deferred = youngMale;
  deferred.birthYear = 2000;
  deferred.availability = Availability::Deferred;
  DonorIndex index(nomenclature());
  index.upsert(donor(1, kPatient, old));
  index.upsert(donor(2, kPatient, young));
  index.upsert(donor(3, kPatient, youngMale));
  index.upsert(donor(4, kPatient, deferred));
  index.upsert(donor(5, with("DQB1", "DQB1*06:02+DQB1*05:01"), youngMale));

  auto results = run(index, kPatient);
  REQUIRE(results.size() == 4);
  CHECK(results[0].volunteerId == 3);  // younger, then male
  CHECK(results[1].volunteerId == 2);
  CHECK(results[2].volunteerId == 1);
  CHECK(results[3].volunteerId == 5);  // 8/10 whatever the age

  SearchOptions options;
  options.includeUnavailable = true;
  results = run(index, kPatient, options);
  REQUIRE(results.size() == 5);
  CHECK(results[0].volunteerId == 4);
  CHECK_FALSE(results[0].available);
  CHECK(results[0].factors.availability == Availability::Deferred);

  options = {};
  options.minMatches = 9;
  CHECK(run(index, kPatient, options).size() == 3);
  options.scale = 8;  // DQB1 does not count on the 8-point scale
  options.minMatches = 8;
  results = run(index, kPatient, options);
  CHECK(results.size() == 4);
  CHECK(byId(results, 5).definite);
  options.limit = 2;
  CHECK(run(index, kPatient, options).size() == 2);
}

TEST_CASE("the index follows edits and removals") {
  DonorIndex index(nomenclature());
  index.upsert(donor(10, with("A", "A*03:01+A*03:01")));
  index.upsert(donor(20, kPatient));
  CHECK(run(index, kPatient).front().volunteerId == 20);
  DonorFactors younger;
  younger.birthYear = 2001;
  index.upsert(donor(10, kPatient, younger));  // retyped, younger
  auto results = run(index, kPatient);
  CHECK(results.front().volunteerId == 10);
  CHECK(results.front().matches[0] == 10);
  CHECK(index.size() == 2);
  CHECK(index.remove(10));
  CHECK_FALSE(index.remove(99));
  SearchOptions all;
  all.includeUnavailable = true;
  results = run(index, kPatient, all);
  REQUIRE(results.size() == 1);
  CHECK(results.front().volunteerId == 20);
  // Ids arriving out of order are still found.
  index.upsert(donor(5, kPatient));
  index.upsert(donor(5, with("A", "A*03:01+A*03:01")));
  CHECK(index.size() == 3);
  CHECK(byId(run(index, kPatient), 5).matches[0] == 8);
}

TEST_CASE("bad typings are rejected with the reason") {
  const auto& hla = *nomenclature();
  CHECK(parseTyping("", hla).error().code == "match.typing_empty");
  CHECK(parseTyping("A*01:01+A*02:01|A*01:02+A*02:01", hla).error().code == "match.typing_genotype_list");
  CHECK(parseTyping("A*01:01+A*02:01+A*03:01", hla).error().code == "match.typing_slots");
  CHECK(parseTyping("A*01:01^A*02:01", hla).error().code == "match.typing_duplicate_locus");
  CHECK(parseTyping("DRB3*01:01", hla).error().code == "match.typing_not_match_locus");
  auto unknown = parseTyping("A*99:99+A*01:01", hla);
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().english().find("A*99:99") != std::string::npos);
  // A donor with one bad locus is still indexed, that locus untyped.
  DonorIndex index(nomenclature());
  DonorRecord record = donor(1, kPatient);
  record.locusTyping[C] = "C*99:99+C*01:02";
  const auto errors = index.upsert(record);
  REQUIRE(errors.size() == 1);
  CHECK(index.stats().invalidTypings == 1);
  const auto results = run(index, kPatient);
  REQUIRE(results.size() == 1);
  CHECK(results.front().loci[C].untyped);
  CHECK_FALSE(results.front().definite);
  SearchOptions noMatches;
  noMatches.policy.order = {Criterion::Younger};
  CHECK(search(index, *parseTyping(kPatient, hla), noMatches).error().code == "match.ranking_needs_matches");
  // A patient typed at A only would find everyone "10/10": refused, naming what is missing.
  auto onlyA = search(index, *parseTyping("A*01:01+A*02:01", hla), SearchOptions{});
  REQUIRE_FALSE(onlyA);
  CHECK(onlyA.error().code == "match.patient_incomplete");
  CHECK(onlyA.error().english().find("HLA-B, HLA-DRB1") != std::string::npos);
  SearchOptions badScale;
  badScale.scale = 7;
  CHECK(search(index, *parseTyping(kPatient, hla), badScale).error().code == "match.scale");
}

TEST_CASE("a volunteer untyped at A, B or DRB1 is not searchable, untyped loci never outrank typed ones") {
  DonorIndex index(nomenclature());
  // 1: no typing at all (registered, typing to come): used to top every search as 10/10.
  DonorRecord untyped = donor(1, kPatient);  // the helper names it R1 (a plain "R1" trips GCC 12 at -O3)
  for (auto& typing : untyped.locusTyping) typing.clear();
  // 2: typed at A and B only.
  DonorRecord noDrb1 = donor(2, kPatient);
  noDrb1.locusTyping[3].clear();
  // 3: a real 8/10 (two mismatches at A).
  const DonorRecord eight = donor(3, with("A", "A*03:01+A*11:01"));
  // 4: untyped at C, DQB1 and DPB1 but typed at A, B, DRB1 and identical there:
  //    10/10 counting untyped as potential; 5: fully typed 10/10, older.
  DonorFactors older;
  older.birthYear = 1970;
  DonorFactors younger;
  younger.birthYear = 2000;
  DonorRecord partial = donor(4, kPatient, younger);
  partial.locusTyping[C].clear();
  partial.locusTyping[4].clear();
  partial.locusTyping[DPB1].clear();
  const DonorRecord full = donor(5, kPatient, older);
  for (const DonorRecord& r : {untyped, noDrb1, eight, partial, full}) index.upsert(r);

  SearchOptions options;
  options.minMatches = 6;
  const auto results = run(index, kPatient, options);
  std::vector<std::int64_t> ids;
  for (const auto& r : results) ids.push_back(r.volunteerId);
  CHECK(ids == std::vector<std::int64_t>{5, 4, 3});  // typed 10/10, then the partly typed one, then 8/10
  // Ranking by age alone still keeps the typed donor first at the same count.
  SearchOptions youngFirst = options;
  youngFirst.policy.order = {Criterion::Matches, Criterion::Younger};
  const auto byAge = run(index, kPatient, youngFirst);
  REQUIRE(byAge.size() == 3);
  CHECK(byAge.at(0).volunteerId == 5);
  CHECK(byAge.at(1).volunteerId == 4);
}
