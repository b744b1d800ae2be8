#include "match/grading.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>
#include <utility>

namespace dd::match {
namespace {

template <class T>
std::uint32_t countShared(const std::vector<T>& a, const std::vector<T>& b) {
  std::uint32_t shared = 0;
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

// The serology grade of two typings that share an allele possibility, at
// least one typed by serology: Associated > Split > Broad, the best over all
// their antigens (ATLAS / WMDA Matching Framework 2010).
MatchGrade serologyGrade(const SlotProfile& p, const SlotProfile& d, const dd::hla::Nomenclature* hla) {
  const auto associated = [hla](std::uint32_t key) {
    return hla && key < 0x10000u && hla->isAssociated(static_cast<dd::hla::AntigenId>(key));
  };
  MatchGrade best = MatchGrade::Mismatch;
  const auto raise = [&best](MatchGrade g) { best = std::max(best, g); };
  for (std::size_t i = 0; i < p.antigens.size(); ++i)
    for (std::size_t j = 0; j < d.antigens.size(); ++j) {
      if (p.antigens[i] == d.antigens[j]) {
        raise(associated(p.antigens[i]) ? MatchGrade::Associated : MatchGrade::Split);
      } else if (p.broads[i] == d.antigens[j]) {
        raise(associated(p.antigens[i]) ? MatchGrade::Split : MatchGrade::Broad);
      } else if (p.antigens[i] == d.broads[j]) {
        raise(associated(d.antigens[j]) ? MatchGrade::Split : MatchGrade::Broad);
      }
    }
  // Same P group but no shared antigen (a first-field stand-in): as close as serology can say.
  return best == MatchGrade::Mismatch ? MatchGrade::Split : best;
}

// How alike two molecular typings that share a P group are: the best level
// any pair of their alleles shares. The bundled release has no sequence
// status (full / partial), so a shared four-field allele counts as the same
// genomic sequence and a shared shorter name as the same coding sequence.
MatchGrade molecularGrade(const SlotProfile& p, const SlotProfile& d, const dd::hla::Nomenclature* hla) {
  if (p.method == TypingMethod::Alleles && d.method == TypingMethod::Alleles) {
    std::uint32_t fourField = 0, shared = 0;
    auto i = p.alleles.begin(), j = d.alleles.begin();
    while (i != p.alleles.end() && j != d.alleles.end()) {
      if (*i < *j) {
        ++i;
      } else if (*j < *i) {
        ++j;
      } else {
        ++shared;
        if (hla && std::count(hla->alleleName(*i).begin(), hla->alleleName(*i).end(), ':') == 3) ++fourField;
        ++i, ++j;
      }
    }
    if (fourField > 0) return MatchGrade::GDna;
    if (shared > 0 || countShared(p.threeFields, d.threeFields) > 0) return MatchGrade::CDna;
    if (countShared(p.twoFields, d.twoFields) > 0) return MatchGrade::Protein;
  }
  if (countShared(p.gGroups, d.gGroups) > 0) return MatchGrade::GGroup;
  return MatchGrade::PGroup;
}

MatchGrade nullGrade(const SlotProfile& p, const SlotProfile& d, const dd::hla::Nomenclature* hla) {
  if (countShared(p.alleles, d.alleles) == 0) return MatchGrade::NullMismatch;
  if (!p.singleAllele() || !d.singleAllele()) return MatchGrade::NullPartial;
  const auto name = hla ? hla->alleleName(p.alleles.front()) : std::string_view{};
  return std::count(name.begin(), name.end(), ':') == 3 ? MatchGrade::NullGDna : MatchGrade::NullCDna;
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
    locus.confidence = static_cast<std::uint8_t>(locus.confidence + static_cast<int>(p.confidence));
    locus.gradeScore = static_cast<std::uint8_t>(locus.gradeScore + matchGradeValue(p.detail));
  }
  locus.penalty = static_cast<std::uint8_t>(penalty);
  return locus;
}

bool better(const LocusGrade& a, const LocusGrade& b) {
  if (a.matches != b.matches) return a.matches > b.matches;
  if (a.confidence != b.confidence) return a.confidence > b.confidence;
  if (a.gradeScore != b.gradeScore) return a.gradeScore > b.gradeScore;
  if (a.definite != b.definite) return a.definite > b.definite;
  if (a.antigenMismatches != b.antigenMismatches) return a.antigenMismatches < b.antigenMismatches;
  return a.penalty < b.penalty;
}

// A total order of a locus's two positions, first position first.
auto positionOrder(const LocusGrade& locus) {
  const auto key = [](const PositionGrade& p) {
    return std::make_tuple(static_cast<int>(p.detail), static_cast<int>(p.confidence), -static_cast<int>(p.grade),
                           static_cast<int>(p.antigen), p.matched, p.possible);
  };
  return std::make_pair(key(locus.position[0]), key(locus.position[1]));
}

}  // namespace

PositionGrade comparePosition(const SlotProfile& patient, const SlotProfile& donor,
                              const dd::hla::Nomenclature* nomenclature) {
  PositionGrade result;
  if (!patient.typed || !donor.typed) return result;  // Untyped: Unknown grade, Potential confidence
  const std::uint32_t shared = countShared(patient.groups, donor.groups);
  result.possible = static_cast<std::uint32_t>(patient.groups.size() * donor.groups.size());
  const bool serology = patient.method == TypingMethod::Serology || donor.method == TypingMethod::Serology;
  if (patient.nullOnly != donor.nullOnly) {  // a null against an expressed typing
    result.grade = Grade::AntigenMismatch;
    result.detail = MatchGrade::ExpressingVsNull;
    result.confidence = Confidence::Mismatch;
    result.antigen = AntigenMatch::No;
    return result;
  }
  if (shared > 0) {
    const bool onePGroupEach = patient.groups.size() == 1 && donor.groups.size() == 1;
    result.grade = onePGroupEach ? Grade::AlleleMatch : Grade::PotentialAlleleMatch;
    result.matched = shared;
    if (patient.nullOnly) {
      result.detail = nullGrade(patient, donor, nomenclature);
      result.antigen = AntigenMatch::NotApplicable;
    } else {
      result.detail = serology ? serologyGrade(patient, donor, nomenclature) : molecularGrade(patient, donor, nomenclature);
      result.antigen = AntigenMatch::Yes;
    }
    if (serology) {
      result.confidence = Confidence::Potential;
    } else if (patient.singleAllele() && donor.singleAllele()) {
      result.confidence = Confidence::Definite;
    } else {
      result.confidence = onePGroupEach ? Confidence::Exact : Confidence::Potential;
    }
    return result;
  }
  const bool antigenMatch = antigensMayMatch(patient, donor);
  result.grade = antigenMatch ? Grade::AntigenMatch : Grade::AntigenMismatch;
  result.detail = MatchGrade::Mismatch;
  result.confidence = Confidence::Mismatch;
  result.antigen = antigenMatch ? AntigenMatch::Yes : AntigenMatch::No;
  return result;
}

int matchGradeValue(MatchGrade grade) {
  return grade == MatchGrade::Unknown ? static_cast<int>(MatchGrade::PGroup) : static_cast<int>(grade);
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
  // On a full tie the positions decide, so that the pairing does not depend
  // on the order a donor's two slots happen to be stored in.
  const bool takeCrossed =
      better(crossed, straight) || (!better(straight, crossed) && positionOrder(crossed) > positionOrder(straight));
  LocusGrade best = takeCrossed ? crossed : straight;
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
  // An ambiguous typing that includes the patient's alleles may be a match:
  // calling it a permissive mismatch would rank it below what it may be.
  if (grade.matches == 2) return Dpb1Category::PotentialMatch;
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
    case Dpb1Category::Match: return 4;
    case Dpb1Category::PotentialMatch: return 3;
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

const char* matchGradeKey(MatchGrade grade) {
  static constexpr const char* keys[kMatchGradeCount] = {
      "Mismatch",     "ExpressingVsNull", "Broad",    "Split",  "Associated", "NullMismatch", "NullPartial", "NullCDna",
      "NullGDna",     "PGroup",           "GGroup",   "Protein", "CDna",      "GDna",         "Unknown"};
  return keys[static_cast<int>(grade)];
}

const char* confidenceKey(Confidence confidence) {
  static constexpr const char* keys[] = {"Mismatch", "Potential", "Exact", "Definite"};
  return keys[static_cast<int>(confidence)];
}

const char* dpb1Key(Dpb1Category category) {
  static constexpr const char* keys[] = {"match",   "permissive", "non_permissive_gvh", "non_permissive_hvg",
                                         "unknown", "untyped",    "potential_match"};
  return keys[static_cast<int>(category)];
}

const char* directionKey(MismatchDirection value) {
  static constexpr const char* keys[] = {"", "bidirectional", "gvh_only", "hvg_only"};
  return keys[static_cast<int>(value)];
}

}  // namespace dd::match
