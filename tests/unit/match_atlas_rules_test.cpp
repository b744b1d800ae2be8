// The rules DonorDesk shares with Anthony Nolan's ATLAS, on real alleles of
// IPD-IMGT/HLA 3.58.0: nulls on either side, all-null two-field names, DPB1
// TCE V1 / V2 and potential DPB1 matches, ATLAS grades and confidences per
// position, certainty counting the patient's ambiguity, and the ranking by
// match count, then confidence, then grade. Where a case comes from ATLAS's
// own validation features (Atlas.MatchingAlgorithm.Test.Validation, feature
// files "Scoring - Expressing Typing vs. Null Allele - ..."), it says so.
#include <catch2/catch.hpp>

#include "match/search.h"
#include "match_search_fixture.h"

using namespace dd::match;
using namespace dd::match::test;

namespace {

constexpr int A = 0, C = 2, DPB1 = 5;

SlotProfile profile(const std::string& text, dd::hla::Locus locus) {
  auto p = profileSlot(text, locus, *nomenclature());
  REQUIRE(p);
  return *p;
}

PositionGrade position(const std::string& patient, const std::string& donor, dd::hla::Locus locus) {
  return comparePosition(profile(patient, locus), profile(donor, locus), nomenclature().get());
}

}  // namespace

TEST_CASE("a null beside an expressed allele reads as homozygous for the expressed one, on either side") {
  DonorIndex index(nomenclature());
  index.upsert(donor(1, with("C", "C*01:02+C*01:02")));
  index.upsert(donor(2, with("C", "C*01:02+C*02:52N")));
  // ATLAS "Match Confidence" / "Locus Match Category" feature: patient C*01:02+C*02:52N against a donor
  // homozygous C*01:02 is matched at both positions.
  auto results = run(index, with("C", "C*01:02+C*02:52N"));
  const SearchResult& homozygous = byId(results, 1);
  CHECK(homozygous.loci[C].matches == 2);
  CHECK(homozygous.loci[C].gvh == 0);  // the patient's null is not a GvH mismatch
  CHECK(homozygous.loci[C].hvg == 0);
  for (const auto& p : homozygous.loci[C].position) CHECK(p.confidence != Confidence::Mismatch);
  CHECK(byId(results, 2).loci[C].matches == 2);  // null on both sides

  // The same feature: C*01:10+C*02:52N and C*03:03+C*02:52N are mismatched at both positions.
  for (const std::string patient : {"C*01:10+C*02:52N", "C*03:03+C*02:52N"}) {
    results = run(index, with("C", patient));
    INFO(patient);
    CHECK(byId(results, 1).loci[C].matches == 0);
    for (const auto& p : byId(results, 1).loci[C].position) CHECK(p.confidence == Confidence::Mismatch);
  }
  // The donor side: a donor C*01:02+C*02:52N is homozygous C*01:02 to a homozygous patient.
  results = run(index, with("C", "C*01:02+C*01:02"));
  CHECK(byId(results, 2).loci[C].matches == 2);
  CHECK(byId(results, 2).loci[C].direction() == MismatchDirection::None);
}

TEST_CASE("a null against an expressed typing is ExpressingVsNull, two nulls match") {
  const auto loc = dd::hla::Locus::A;
  const PositionGrade vs = position("A*01:04:01:01N", "A*02:01", loc);
  CHECK(vs.grade == Grade::AntigenMismatch);
  CHECK(vs.detail == MatchGrade::ExpressingVsNull);
  CHECK(vs.confidence == Confidence::Mismatch);
  CHECK(vs.antigen == AntigenMatch::No);
  const PositionGrade same = position("A*01:04:01:01N", "A*01:04:01:01N", loc);
  CHECK(same.grade == Grade::AlleleMatch);
  CHECK(same.detail == MatchGrade::NullGDna);
  CHECK(same.confidence == Confidence::Definite);
  CHECK(same.antigen == AntigenMatch::NotApplicable);
  const PositionGrade other = position("A*01:04:01:01N", "A*01:11N", loc);
  CHECK(other.grade == Grade::AlleleMatch);  // neither presents anything
  CHECK(other.detail == MatchGrade::NullMismatch);
  CHECK(position("A*01:04", "A*01:04:01:02N", loc).detail == MatchGrade::NullPartial);
}

TEST_CASE("a two-field name whose alleles are all null is that null, not an untyped slot") {
  const SlotProfile nullName = profile("A*01:04", dd::hla::Locus::A);
  CHECK(nullName.typed);
  CHECK(nullName.nullOnly);
  CHECK(nullName.alleles.size() == 2);  // A*01:04:01:01N, A*01:04:01:02N
  CHECK(nullName.groups == std::vector<std::uint32_t>{kNullGroup});
  // A name with expressed alleles still means the expressed protein only.
  const SlotProfile expressed = profile("A*01:01", dd::hla::Locus::A);
  CHECK_FALSE(expressed.nullOnly);
  for (auto a : expressed.alleles) CHECK(nomenclature()->expressed(a));
  // An ambiguous typing with expressed alleles is read as one of them (ATLAS ignores nulls in allele strings).
  const SlotProfile list = profile("A*01:01:01:01/A*01:04:01:01N", dd::hla::Locus::A);
  CHECK_FALSE(list.nullOnly);
  CHECK(list.alleles.size() == 1);
  // As a locus: A*01:04 + A*02:01 is homozygous A*02:01.
  DonorIndex index(nomenclature());
  index.upsert(donor(1, with("A", "A*01:04+A*02:01")));
  const auto results = run(index, with("A", "A*02:01+A*02:01"));
  CHECK(byId(results, 1).loci[A].matches == 2);
  CHECK(byId(results, 1).loci[A].untyped == false);
}

TEST_CASE("ATLAS grades from GDna down to P group, and serology grades") {
  const auto loc = dd::hla::Locus::A;
  CHECK(position("A*01:01:01:01", "A*01:01:01:01", loc).detail == MatchGrade::GDna);
  CHECK(position("A*01:01:01:01", "A*01:01:01:02N", loc).detail == MatchGrade::ExpressingVsNull);
  CHECK(position("A*01:01:01:01", "A*01:01:01:03", loc).detail == MatchGrade::CDna);  // same three fields
  CHECK(position("A*01:01:01:01", "A*01:01:02", loc).detail == MatchGrade::Protein);  // same two fields
  // A*02:01 and A*02:09 differ outside the antigen recognition domain: one G group (A*02:01:01G).
  CHECK(position("A*02:01:01:01", "A*02:09", loc).detail == MatchGrade::GGroup);
  // C*02:10 is in C*02:02P but in another G group than C*02:02 (docs/hla.md).
  CHECK(position("C*02:02:02:01", "C*02:10:01:01", dd::hla::Locus::C).detail == MatchGrade::PGroup);
  CHECK(position("A*01:01", "A*03:01", loc).detail == MatchGrade::Mismatch);
  // Serology: same antigen = Split; split against its broad = Broad; associated antigen = Associated.
  const PositionGrade a2 = position("A*02:01", "A2", loc);
  CHECK(a2.detail == MatchGrade::Split);
  CHECK(a2.confidence == Confidence::Potential);
  CHECK(position("B51", "B5", dd::hla::Locus::B).detail >= MatchGrade::Broad);
  CHECK(position("B*51:01", "B5", dd::hla::Locus::B).detail == MatchGrade::Split);  // B5 covers B51's alleles
  CHECK(position("A203", "A2", loc).detail == MatchGrade::Associated);
  CHECK(matchGradeValue(MatchGrade::GDna) > matchGradeValue(MatchGrade::PGroup));
  CHECK(matchGradeValue(MatchGrade::Unknown) == matchGradeValue(MatchGrade::PGroup));  // untyped ranks as P group
  CHECK(std::string(matchGradeKey(MatchGrade::NullCDna)) == "NullCDna");
}

TEST_CASE("confidence: Definite, Exact, Potential, Mismatch, and the antigen-match flag") {
  const auto loc = dd::hla::Locus::A;
  CHECK(position("A*01:01:01:01", "A*01:01:01:01", loc).confidence == Confidence::Definite);
  CHECK(position("A*01:01:01:01", "A*01:01:01:03", loc).confidence == Confidence::Definite);
  CHECK(position("A*01:01", "A*01:01", loc).confidence == Confidence::Exact);  // many alleles, one P group
  CHECK(position("A*01:01", "A*01:01/A*01:02", loc).confidence == Confidence::Potential);
  CHECK(position("A*01:01", "A*01:XX", loc).confidence == Confidence::Potential);
  const PositionGrade alleleMismatch = position("A*02:01", "A*02:05", loc);
  CHECK(alleleMismatch.confidence == Confidence::Mismatch);
  CHECK(alleleMismatch.antigen == AntigenMatch::Yes);  // A2 either way
  CHECK(position("A*02:01", "A*03:01", loc).antigen == AntigenMatch::No);
  CHECK(comparePosition(profile("A*02:01", loc), SlotProfile{}).antigen == AntigenMatch::NotApplicable);
}

TEST_CASE("certainty counts the patient's ambiguity as well as the donor's") {
  const auto loc = dd::hla::Locus::A;
  const PositionGrade plain = position("A*01:01", "A*01:01/A*01:02", loc);
  const PositionGrade both = position("A*01:01/A*01:03", "A*01:01/A*01:02", loc);
  CHECK(plain.possible == 2);
  CHECK(both.possible == 4);
  CHECK(positionPenalty(both) > positionPenalty(plain));
  // An ambiguous patient against a high-resolution donor is no longer free.
  CHECK(positionPenalty(position("A*01:01/A*01:03", "A*01:01", loc)) == 8);
}

TEST_CASE("DPB1 uses the TCE V2 assignment by default, V1 on request") {
  DonorIndex index(nomenclature());
  index.upsert(donor(1, with("DPB1", "DPB1*04:01+DPB1*04:01")));
  // DPB1*18:01 has no V1 assignment and V2 group 3 (tce/dpb_tce.csv); DPB1*04:01 is 3 in both.
  const std::string patient = with("DPB1", "DPB1*18:01+DPB1*18:01");
  CHECK(run(index, patient)[0].dpb1 == Dpb1Category::Permissive);
  SearchOptions v1;
  v1.tce = TceVersion::V1;
  CHECK(run(index, patient, v1)[0].dpb1 == Dpb1Category::Unknown);
  const auto v1Only = profile("DPB1*18:01", dd::hla::Locus::DPB1);
  CHECK(v1Only.tceMask[0] == 1u);         // V1: not assigned
  CHECK(v1Only.tceMask[1] == (1u << 3));  // V2: group 3
}

TEST_CASE("a null DPB1 takes its category from the expressed allele") {
  // ATLAS "IsAntigenMatch" / "Locus Match Category" feature: patient DPB1*08:01+DPB1*64:01N against a donor
  // homozygous DPB1*03:01 is a permissive mismatch. V2 puts both in group 2; V1 has 08:01 in 3, 03:01 in 2.
  DonorIndex index(nomenclature());
  index.upsert(donor(1, with("DPB1", "DPB1*03:01+DPB1*03:01")));
  const std::string patient = with("DPB1", "DPB1*08:01+DPB1*64:01N");
  const SearchResult r = run(index, patient)[0];
  CHECK(r.dpb1 == Dpb1Category::Permissive);
  for (const auto& p : r.loci[DPB1].position) CHECK(p.antigen == AntigenMatch::No);
  SearchOptions v1;
  v1.tce = TceVersion::V1;
  CHECK(run(index, patient, v1)[0].dpb1 == Dpb1Category::NonPermissiveHvg);
}

TEST_CASE("an ambiguous DPB1 typing that includes the patient's alleles is a potential match") {
  DonorIndex index(nomenclature());
  index.upsert(donor(1, with("DPB1", "DPB1*04:01/DPB1*02:01+DPB1*02:01")));
  index.upsert(donor(2, with("DPB1", "DPB1*04:01+DPB1*02:01")));
  index.upsert(donor(3, with("DPB1", "DPB1*04:01+DPB1*13:01")));  // permissive: all group 3
  SearchOptions options;
  options.policy = *RankingPolicy::parse("matches,dpb1");
  const auto results = run(index, with("DPB1", "DPB1*04:01+DPB1*02:01"), options);
  CHECK(byId(results, 1).dpb1 == Dpb1Category::PotentialMatch);
  CHECK(byId(results, 2).dpb1 == Dpb1Category::Match);
  CHECK(byId(results, 3).dpb1 == Dpb1Category::Permissive);
  REQUIRE(results.size() == 3);
  CHECK(results[0].volunteerId == 2);
  CHECK(results[1].volunteerId == 1);  // a potential match ranks above a permissive mismatch
  CHECK(results[2].volunteerId == 3);
  CHECK(std::string(dpb1Key(Dpb1Category::PotentialMatch)) == "potential_match");
}

TEST_CASE("ranking: match count, then confidence, then grade") {
  DonorIndex index(nomenclature());
  const std::string allele = "A*01:01:01:01+A*02:01:01:01";
  index.upsert(donor(1, with("A", "A*01:01+A*02:01")));              // Exact, Exact
  index.upsert(donor(2, with("A", allele)));                          // Definite, Definite, GDna
  index.upsert(donor(3, with("A", "A*01:01:01:03+A*02:01:01:01")));  // Definite, CDna at one position
  index.upsert(donor(4, with("A", "A*01:01/A*01:02+A*02:01")));      // Potential
  index.upsert(donor(5, with("A", "A*01:01:01:01+A*03:01")));        // one mismatch
  const auto results = run(index, with("A", allele));
  REQUIRE(results.size() == 5);
  std::vector<std::int64_t> order;
  for (const auto& r : results) order.push_back(r.volunteerId);
  CHECK(order == std::vector<std::int64_t>{2, 3, 1, 4, 5});
  CHECK(results[1].loci[A].gradeScore < results[0].loci[A].gradeScore);
}
