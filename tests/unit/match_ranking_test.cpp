// Ranking policy, donor factor packing and the packed key layout.
#include <algorithm>

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
  CHECK(unknown.error().english().rfind("Unknown ranking criterion 'height' (use matches, definite, certainty", 0) == 0);
  CHECK(unknown.error().english().find("confidence, grade).") != std::string::npos);
  CHECK(RankingPolicy::parse("matches,male,male").error().code == "match.ranking_repeated");
  CHECK(RankingPolicy::parse("definite").error().code == "match.ranking_needs_matches");
  // The default: match count, then ATLAS confidence, then grade, then the rest.
  const auto& order = RankingPolicy::defaults().order;
  REQUIRE(order.size() >= 3);
  CHECK(order[0] == Criterion::Matches);
  CHECK(order[1] == Criterion::Confidence);
  CHECK(order[2] == Criterion::Grade);
  CHECK(std::find(order.begin(), order.end(), Criterion::Definite) == order.end());
  CHECK(RankingPolicy::parse("matches,confidence,grade,certainty,allele_mismatch_first,dpb1,younger,male,cmv,abo,"
                             "recent_contact"));
  // All twelve criteria do not fit in the key: refused with the reason, not silently overflowed.
  auto all = RankingPolicy::parse("matches,definite,confidence,grade,certainty,allele_mismatch_first,dpb1,younger,"
                                  "male,cmv,abo,recent_contact");
  REQUIRE_FALSE(all);
  CHECK(all.error().code == "match.ranking_too_long");
  CHECK(all.error().english().find("65 of 61 bits") != std::string::npos);
}

TEST_CASE("earlier criteria dominate the key") {
  const KeyLayout layout = layoutFor(RankingPolicy::defaults());
  // One more match beats every lower criterion at its maximum.
  const std::uint64_t nine = layout.place(Criterion::Matches, 9);
  std::uint64_t best = layout.place(Criterion::Matches, 8);
  for (int c = 1; c < kCriterionCount; ++c)
    best += layout.place(static_cast<Criterion>(c), (std::uint64_t{1} << layout.width[c]) - 1);
  CHECK(nine > best);
  CHECK(layout.field(nine + best, Criterion::Confidence) == 31);
  CHECK(layout.field(nine + best, Criterion::Definite) == 0);  // not in the default order
  CHECK(best < (std::uint64_t{1} << kKeyCriteriaBits));  // every field at its maximum still fits
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
