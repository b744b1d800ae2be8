// The fast engine against the naive reference on random synthetic registries
// and random patients (high resolution, mixed resolution, donors' own typings),
// under several scales, minimums, policies, patient factors and thread counts.
#include <catch2/catch.hpp>

#include "match/synthetic_registry.h"
#include "match/naive_search.h"
#include "match_search_fixture.h"

using namespace dd::match;
using dd::match::test::nomenclature;

using namespace dd::match::test;

namespace {


std::vector<SearchOptions> optionVariants() {
  std::vector<SearchOptions> variants(5);
  variants[1].scale = 8;
  variants[1].minMatches = 6;
  variants[1].includeUnavailable = true;
  variants[2].scale = 6;
  variants[2].policy = *RankingPolicy::parse("matches,dpb1,recent_contact,younger,certainty");
  variants[2].patient = PatientFactors{Cmv::Negative, Abo::A};
  variants[2].tce = TceVersion::V1;
  variants[3].limit = 25;
  variants[3].threads = 3;
  variants[3].minMatches = 7;
  variants[4].policy = *RankingPolicy::parse("matches,abo,cmv,male,definite,grade,confidence");
  variants[4].patient = PatientFactors{Cmv::Positive, Abo::O};
  variants[4].limit = 1000;  // more than the registry: everything, fully ordered
  variants[4].includeUnavailable = true;
  return variants;
}

}  // namespace

TEST_CASE("fast == naive on random registries") {
  auto hla = nomenclature();
  auto freqs = HaplotypeFrequencies::load(test::haplotypeFile());
  REQUIRE(freqs);
  const ResolutionMixer mixer(*freqs, *hla);
  const std::size_t donorsPerRegistry = 600;
  for (std::uint64_t seed : {11u, 12u, 13u}) {
    SyntheticDonorSource source(*freqs, mixer, seed);
    std::vector<DonorRecord> donors;
    DonorIndex upserted(hla);
    for (std::size_t i = 0; i < donorsPerRegistry; ++i) {
      donors.push_back(source.record(source.next(), static_cast<std::int64_t>(i) + 1));
      REQUIRE(upserted.upsert(donors.back()).empty());
    }
    DonorIndex appended(hla);
    SyntheticDonorSource again(*freqs, mixer, seed);
    REQUIRE(appendSyntheticDonors(appended, again, donorsPerRegistry));

    GenotypeSampler patients(*freqs, seed * 7919);
    Random random(seed);
    for (int q = 0; q < 6; ++q) {
      Typing patient;
      if (q % 3 == 0) {
        patient = drawPatient(patients);
      } else if (q % 3 == 1) {
        auto parsed = parseTyping(mixer.glString(mixer.mix(patients.next(), random)), *hla);
        REQUIRE(parsed);
        patient = *parsed;
      } else {
        patient = typingOf(donors[random.below(static_cast<std::uint32_t>(donors.size()))]);
      }
      for (const auto& options : optionVariants()) {
        auto fast = search(upserted, patient, options);
        REQUIRE(fast);
        const auto naive = naive::search(*hla, donors, patient, options);
        std::string why;
        INFO("seed " << seed << " query " << q << " scale " << options.scale);
        const bool same = naive::sameResults(*fast, naive, &why);
        INFO(why);
        CHECK(same);
        if (options.minMatches == 0) CHECK_FALSE(fast->empty());
        auto viaFastPath = search(appended, patient, options);
        REQUIRE(viaFastPath);
        REQUIRE(viaFastPath->size() == fast->size());
        for (std::size_t i = 0; i < fast->size(); ++i) {
          CHECK((*viaFastPath)[i].row == (*fast)[i].row);
          CHECK((*viaFastPath)[i].key == (*fast)[i].key);
        }
      }
    }
  }
}

TEST_CASE("a patient's own typing as a donor is a definite 10/10 ranked first") {
  auto hla = nomenclature();
  auto freqs = HaplotypeFrequencies::load(test::haplotypeFile());
  REQUIRE(freqs);
  const ResolutionMixer mixer(*freqs, *hla);
  GenotypeSampler patients(*freqs, 4242);
  for (int q = 0; q < 20; ++q) {
    const Typing patient = drawPatient(patients);
    DonorIndex index(hla);
    DonorRecord self;
    self.volunteerId = 1;
    for (int l = 0; l < kMatchLoci; ++l)
      self.locusTyping[l] = patient.locus[l].slot[0] + "+" + patient.locus[l].slot[1];
    self.factors.birthYear = 2027;  // the best possible donor factors, so nothing ties above it
    self.factors.sex = Sex::Male;
    self.factors.lastContactYmd = 20890101;
    REQUIRE(index.upsert(self).empty());
    SyntheticDonorSource others(*freqs, mixer, 100 + static_cast<std::uint64_t>(q));
    REQUIRE(appendSyntheticDonors(index, others, 300));
    auto results = search(index, patient, SearchOptions{});
    REQUIRE(results);
    REQUIRE_FALSE(results->empty());
    const auto& first = results->front();
    CHECK(first.volunteerId == 1);
    CHECK(first.definite);
    CHECK(first.matches == std::array<int, 3>{10, 8, 6});
    CHECK(first.dpb1 == Dpb1Category::Match);
  }
}
