// Grading rules on hand-made slot profiles (no nomenclature needed): every
// grade, orientation, homozygous direction, nulls and the DPB1 TCE rule.
#include <catch2/catch.hpp>

#include "match/grading.h"

using namespace dd::match;

namespace {
// groups: ARS identities; antigens: (antigen, broad) keys.
SlotProfile slot(std::vector<std::uint32_t> groups, std::vector<std::uint32_t> antigens = {},
                 std::vector<std::uint32_t> broads = {}, std::uint8_t tce = 0) {
  SlotProfile p;
  p.typed = true;
  p.groups = std::move(groups);
  p.antigens = std::move(antigens);
  p.broads = broads.empty() ? p.antigens : std::move(broads);
  p.tceMask = {tce, tce};
  p.nullOnly = p.groups == std::vector<std::uint32_t>{kNullGroup};
  return p;
}
std::array<std::array<PositionGrade, 2>, 2> grid(const SlotProfile& p0, const SlotProfile& p1, const SlotProfile& d0,
                                                 const SlotProfile& d1) {
  return {{{comparePosition(p0, d0), comparePosition(p0, d1)}, {comparePosition(p1, d0), comparePosition(p1, d1)}}};
}
}  // namespace

TEST_CASE("a position gets each grade") {
  const auto a0201 = slot({1}, {2}), a0205 = slot({5}, {2}), a0101 = slot({7}, {1});
  CHECK(comparePosition(a0201, a0201).grade == Grade::AlleleMatch);
  // Ambiguity counts on both sides: 2 of the 2 x 4 (patient, donor) pairs match.
  const auto list = comparePosition(slot({1, 3}, {2}), slot({1, 3, 4, 6}, {2}));
  CHECK(list.grade == Grade::PotentialAlleleMatch);
  CHECK(list.matched == 2);
  CHECK(list.possible == 8);
  CHECK(positionPenalty(list) == 16);  // share 1/4 -> two bits
  // An unambiguous patient: 1 of 4 donor possibilities (two bits), 1 of 2 (one bit).
  CHECK(positionPenalty(comparePosition(slot({1}, {2}), slot({1, 3, 4, 6}, {2}))) == 16);
  CHECK(positionPenalty(comparePosition(slot({1}, {2}), slot({1, 3}, {2}))) == 8);
  // ... and so does an ambiguous patient against an unambiguous donor.
  CHECK(positionPenalty(comparePosition(slot({1, 3}, {2}), slot({1}, {2}))) == 8);
  // Ambiguous patient, unambiguous donor: still only potential.
  CHECK(comparePosition(slot({1, 3}, {2}), a0201).grade == Grade::PotentialAlleleMatch);
  CHECK(comparePosition(a0201, a0205).grade == Grade::AntigenMatch);
  CHECK(comparePosition(a0201, a0101).grade == Grade::AntigenMismatch);
  CHECK(comparePosition(a0201, SlotProfile{}).grade == Grade::Untyped);
  CHECK(positionPenalty(comparePosition(a0201, SlotProfile{})) == kMaxPositionPenalty);
  CHECK(positionPenalty(comparePosition(a0201, a0201)) == 0);
}

TEST_CASE("split and broad antigens") {
  // B51 (id 51) and B52 (id 52) are splits of B5 (id 5).
  const auto b51 = slot({10}, {51}, {5}), b52 = slot({11}, {52}, {5}), b5 = slot({12}, {5}, {5});
  CHECK(comparePosition(b51, b52).grade == Grade::AntigenMismatch);  // sibling splits differ
  CHECK(comparePosition(b51, b5).grade == Grade::AntigenMatch);      // split vs its broad
  CHECK(comparePosition(b5, b52).grade == Grade::AntigenMatch);
}

TEST_CASE("null alleles match only nulls") {
  const auto null = slot({kNullGroup}), expressed = slot({1}, {2});
  CHECK(comparePosition(null, null).grade == Grade::AlleleMatch);
  CHECK(comparePosition(null, expressed).grade == Grade::AntigenMismatch);
  CHECK(comparePosition(expressed, null).grade == Grade::AntigenMismatch);
  CHECK(comparePosition(null, expressed).detail == MatchGrade::ExpressingVsNull);
  CHECK(comparePosition(null, expressed).confidence == Confidence::Mismatch);
}

TEST_CASE("the best orientation is chosen") {
  const auto a = slot({1}, {1}), b = slot({2}, {2}), c = slot({3}, {3});
  const LocusGrade crossed = gradeLocus(grid(a, b, b, a));
  CHECK(crossed.crossed);
  CHECK(crossed.matches == 2);
  CHECK(crossed.definite == 2);
  CHECK(crossed.direction() == MismatchDirection::None);
  const LocusGrade one = gradeLocus(grid(a, b, c, a));
  CHECK(one.matches == 1);
  CHECK(one.antigenMismatches == 1);
  CHECK(one.direction() == MismatchDirection::Both);
  CHECK(one.gvh == 1);
  CHECK(one.hvg == 1);
}

TEST_CASE("homozygous typings give one-directional mismatches") {
  const auto a = slot({1}, {1}), b = slot({2}, {2});
  // Patient homozygous a/a, donor a/b: the donor's b is foreign to the patient only (HvG).
  const LocusGrade hvg = gradeLocus(grid(a, a, a, b));
  CHECK(hvg.matches == 1);
  CHECK(hvg.gvh == 0);
  CHECK(hvg.hvg == 1);
  CHECK(hvg.direction() == MismatchDirection::HvgOnly);
  // Patient a/b, donor homozygous a/a: the patient's b is foreign to the graft only (GvH).
  const LocusGrade gvh = gradeLocus(grid(a, b, a, a));
  CHECK(gvh.matches == 1);
  CHECK(gvh.direction() == MismatchDirection::GvhOnly);
}

TEST_CASE("DPB1 TCE categories") {
  const auto p1 = slot({1}, {}, {}, 1u << 3), p2 = slot({2}, {}, {}, 1u << 3);  // both group 3
  const auto d2 = slot({3}, {}, {}, 1u << 2), d3 = slot({4}, {}, {}, 1u << 3);
  const auto classify = [](const SlotProfile& pa, const SlotProfile& pb, const SlotProfile& da,
                           const SlotProfile& db) {
    return classifyDpb1(gradeLocus(grid(pa, pb, da, db)), {pa.tceMask[0], pb.tceMask[0]},
                        {da.tceMask[0], db.tceMask[0]});
  };
  CHECK(classify(p1, p2, p1, p2) == Dpb1Category::Match);
  CHECK(classify(p1, p2, d3, d3) == Dpb1Category::Permissive);
  // The donor carries a more immunogenic group (2) than anything the patient has (3).
  CHECK(classify(p1, p2, d2, d3) == Dpb1Category::NonPermissiveHvg);
  CHECK(classify(d2, d3, p1, p2) == Dpb1Category::NonPermissiveGvh);
  const auto unknown = slot({9}, {}, {}, 1u);
  CHECK(classify(p1, p2, unknown, d3) == Dpb1Category::Unknown);
  const auto ambiguous = slot({3, 4}, {}, {}, (1u << 2) | (1u << 3));
  CHECK(classify(p1, p2, ambiguous, d3) == Dpb1Category::Unknown);  // permissive or HvG
  CHECK(classify(p1, p2, SlotProfile{}, SlotProfile{}) == Dpb1Category::Untyped);
  CHECK(dpb1Rank(Dpb1Category::Match) > dpb1Rank(Dpb1Category::Permissive));
  CHECK(dpb1Rank(Dpb1Category::Permissive) > dpb1Rank(Dpb1Category::Unknown));
  CHECK(dpb1Rank(Dpb1Category::Unknown) > dpb1Rank(Dpb1Category::NonPermissiveGvh));
}
