#include "match/grading.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace dd::match {
namespace {

std::uint16_t countShared(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  std::uint16_t shared = 0;
  auto i = a.begin(), j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return shared;
}

// A split matches itself and its broad; two different splits of one broad do not.
bool antigensMayMatch(const SlotProfile& p, const SlotProfile& d) {
  for (std::size_t i = 0; i < p.antigens.size(); ++i)
    for (std::size_t j = 0; j < d.antigens.size(); ++j)
      if (p.antigens[i] == d.antigens[j] || p.broads[i] == d.antigens[j] || p.antigens[i] == d.broads[j])
        return true;
  return false;
}

bool isMatched(Grade g) { return g == Grade::AlleleMatch || g == Grade::PotentialAlleleMatch || g == Grade::Untyped; }

LocusGrade summarise(const PositionGrade& first, const PositionGrade& second, bool crossed) {
  LocusGrade locus;
  locus.position = {first, second};
  locus.crossed = crossed;
  int penalty = 0;
  for (const auto& p : locus.position) {
    if (isMatched(p.grade)) ++locus.matches;
    if (p.grade == Grade::AlleleMatch) ++locus.definite;
    if (p.grade == Grade::AntigenMatch) ++locus.alleleMismatches;
    if (p.grade == Grade::AntigenMismatch) ++locus.antigenMismatches;
    if (p.grade == Grade::Untyped) locus.untyped = true;
    penalty += positionPenalty(p);
  }
  locus.penalty = static_cast<std::uint8_t>(penalty);
  return locus;
}

bool better(const LocusGrade& a, const LocusGrade& b) {
  if (a.matches != b.matches) return a.matches > b.matches;
  if (a.definite != b.definite) return a.definite > b.definite;
  if (a.antigenMismatches != b.antigenMismatches) return a.antigenMismatches < b.antigenMismatches;
  return a.penalty < b.penalty;
}

}  // namespace

PositionGrade comparePosition(const SlotProfile& patient, const SlotProfile& donor) {
  PositionGrade result;
  if (!patient.typed || !donor.typed) return result;  // Untyped
  const std::uint16_t shared = countShared(patient.groups, donor.groups);
  if (shared > 0) {
    const bool definite = patient.groups.size() == 1 && donor.groups.size() == 1;
    result.grade = definite ? Grade::AlleleMatch : Grade::PotentialAlleleMatch;
    result.matched = shared;
    result.possible = static_cast<std::uint16_t>(std::min<std::size_t>(donor.groups.size(), 0xFFFF));
    return result;
  }
  result.grade = antigensMayMatch(patient, donor) ? Grade::AntigenMatch : Grade::AntigenMismatch;
  return result;
}

int positionPenalty(const PositionGrade& grade) {
  switch (grade.grade) {
    case Grade::Untyped: return kMaxPositionPenalty;
    case Grade::PotentialAlleleMatch: {
      if (grade.matched == 0 || grade.possible == 0) return kMaxPositionPenalty;
      const double bits = -8.0 * std::log2(static_cast<double>(grade.matched) / grade.possible);
      return std::min(kMaxPositionPenalty, static_cast<int>(std::lround(bits)));
    }
    default: return 0;
  }
}

MismatchDirection LocusGrade::direction() const {
  if (matches == 2) return MismatchDirection::None;
  if (gvh == 0) return MismatchDirection::HvgOnly;
  if (hvg == 0) return MismatchDirection::GvhOnly;
  return MismatchDirection::Both;
}

LocusGrade gradeLocus(const std::array<std::array<PositionGrade, 2>, 2>& g) {
  const LocusGrade straight = summarise(g[0][0], g[1][1], false);
  const LocusGrade crossed = summarise(g[0][1], g[1][0], true);
  LocusGrade best = better(crossed, straight) ? crossed : straight;
  for (int p = 0; p < 2; ++p)
    if (!isMatched(g[p][0].grade) && !isMatched(g[p][1].grade)) ++best.gvh;
  for (int d = 0; d < 2; ++d)
    if (!isMatched(g[0][d].grade) && !isMatched(g[1][d].grade)) ++best.hvg;
  return best;
}

Dpb1Category classifyDpb1(const LocusGrade& grade, std::array<std::uint8_t, 2> patientTce,
                          std::array<std::uint8_t, 2> donorTce) {
  if (grade.untyped) return Dpb1Category::Untyped;
  if (grade.definite == 2) return Dpb1Category::Match;
  for (auto mask : {patientTce[0], patientTce[1], donorTce[0], donorTce[1]})
    if (mask == 0 || (mask & 1u)) return Dpb1Category::Unknown;
  // Every combination of possible TCE groups must give the same answer.
  std::set<Dpb1Category> seen;
  for (int p0 = 1; p0 <= 3; ++p0)
    for (int p1 = 1; p1 <= 3; ++p1)
      for (int d0 = 1; d0 <= 3; ++d0)
        for (int d1 = 1; d1 <= 3; ++d1) {
          if (!(patientTce[0] >> p0 & 1) || !(patientTce[1] >> p1 & 1) || !(donorTce[0] >> d0 & 1) ||
              !(donorTce[1] >> d1 & 1))
            continue;
          const int patient = std::min(p0, p1), donor = std::min(d0, d1);  // 1 = most immunogenic
          seen.insert(patient == donor  ? Dpb1Category::Permissive
                      : patient < donor ? Dpb1Category::NonPermissiveGvh
                                        : Dpb1Category::NonPermissiveHvg);
        }
  return seen.size() == 1 ? *seen.begin() : Dpb1Category::Unknown;
}

int dpb1Rank(Dpb1Category category) {
  switch (category) {
    case Dpb1Category::Match: return 3;
    case Dpb1Category::Permissive: return 2;
    case Dpb1Category::NonPermissiveGvh:
    case Dpb1Category::NonPermissiveHvg: return 0;
    default: return 1;
  }
}

const char* gradeKey(Grade grade) {
  static constexpr const char* keys[] = {"allele", "potential", "antigen", "mismatch", "untyped"};
  return keys[static_cast<int>(grade)];
}

const char* dpb1Key(Dpb1Category category) {
  static constexpr const char* keys[] = {"match", "permissive", "non_permissive_gvh", "non_permissive_hvg",
                                         "unknown", "untyped"};
  return keys[static_cast<int>(category)];
}

const char* directionKey(MismatchDirection value) {
  static constexpr const char* keys[] = {"", "bidirectional", "gvh_only", "hvg_only"};
  return keys[static_cast<int>(value)];
}

}  // namespace dd::match
