// Ranking policy, donor factor packing and the packed key layout.
#include <catch2/catch.hpp>

#include "match/ranking.h"

using namespace dd::match;

TEST_CASE("donor factors survive packing into 32 bits") {
  DonorFactors f;
  f.birthYear = 1987;
  f.sex = Sex::Female;
  f.cmv = Cmv::Negative;
  f.abo = Abo::AB;
  f.lastContactYmd = 20240229;
  f.availability = Availability::Reserved;
  CHECK(unpackFactors(packFactors(f)) == f);
  DonorFactors unknown;
  CHECK(unpackFactors(packFactors(unknown)) == unknown);
  CHECK(contactDayNumber(20000102) == 1);
  CHECK(contactDayNumber(19991231) == 0);
  CHECK(packedAvailability(packFactors(f)) == Availability::Reserved);
}

TEST_CASE("ranking policies parse and reject bad lists") {
  auto policy = RankingPolicy::parse("matches, dpb1,younger");
  REQUIRE(policy);
  CHECK(policy->order == std::vector<Criterion>{Criterion::Matches, Criterion::Dpb1, Criterion::Younger});
  auto unknown = RankingPolicy::parse("matches,height");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().english() == "Unknown ranking criterion 'height'.");
  CHECK(RankingPolicy::parse("matches,male,male").error().code == "match.ranking_repeated");
  CHECK(RankingPolicy::parse("definite").error().code == "match.ranking_needs_matches");
  CHECK(RankingPolicy::defaults().order.size() == kCriterionCount);
}

TEST_CASE("earlier criteria dominate the key") {
  const KeyLayout layout = layoutFor(RankingPolicy::defaults());
  // One more match beats every lower criterion at its maximum.
  const std::uint64_t nine = layout.place(Criterion::Matches, 9);
  std::uint64_t best = layout.place(Criterion::Matches, 8);
  for (int c = 1; c < kCriterionCount; ++c)
    best += layout.place(static_cast<Criterion>(c), (std::uint64_t{1} << layout.width[c]) - 1);
  CHECK(nine > best);
  CHECK(layout.field(nine + best, Criterion::Definite) == 15);
  // Donor factors against the patient's CMV and ABO.
  const FactorKeyTable keys(layout, PatientFactors{Cmv::Negative, Abo::A});
  DonorFactors match, other;
  match.cmv = Cmv::Negative;
  match.abo = Abo::A;
  other.cmv = Cmv::Positive;
  other.abo = Abo::B;
  CHECK(keys(packFactors(match)) > keys(packFactors(other)));
  DonorFactors younger = other;
  younger.birthYear = 1999;
  other.birthYear = 1980;
  other.sex = Sex::Male;
  CHECK(keys(packFactors(younger)) > keys(packFactors(other)));  // age before sex
  CHECK(locusInScale(2, 8));
  CHECK_FALSE(locusInScale(2, 6));
  CHECK_FALSE(locusInScale(5, 10));
}
