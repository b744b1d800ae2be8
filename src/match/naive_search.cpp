#include "match/naive_search.h"

#include <algorithm>
#include <set>
#include <string>

namespace dd::match::naive {
namespace {

using dd::hla::AlleleId;
using dd::hla::Locus;
using dd::hla::Nomenclature;

struct Slot {
  bool typed = false;
  std::vector<AlleleId> alleles;
};

bool allDigitsAndColons(std::string_view fields) {
  for (char c : fields)
    if (!(c >= '0' && c <= '9') && c != ':') return false;
  return !fields.empty();
}

Slot expand(const Nomenclature& hla, const std::string& text, Locus locus) {
  Slot slot;
  if (text.empty()) return slot;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('/', start);
    if (end == std::string::npos) end = text.size();
    const std::string token = text.substr(start, end - start);
    std::vector<AlleleId> alleles;
    if (!hla.expandSlot(token, locus, alleles)) return Slot{};  // unparsable: untyped, like the index
    const std::size_t star = token.find('*');
    const bool protein = star != std::string::npos && token.find(':') != std::string::npos &&
                         allDigitsAndColons(std::string_view(token).substr(star + 1));
    for (AlleleId a : alleles)
      if (!protein || hla.expressed(a)) slot.alleles.push_back(a);
    start = end + 1;
  }
  slot.typed = !slot.alleles.empty();
  return slot;
}

std::set<std::uint32_t> matchKeys(const Nomenclature& hla, const Slot& slot) {
  std::set<std::uint32_t> keys;
  for (AlleleId a : slot.alleles) keys.insert(hla.expressed(a) ? hla.arsGroup(a) : 0xFFFFFFFEu);
  return keys;
}

// (antigen, its broad) names of the expressed alleles; first field when an allele has no serology.
std::set<std::pair<std::string, std::string>> antigenNames(const Nomenclature& hla, const Slot& slot) {
  std::set<std::pair<std::string, std::string>> names;
  for (AlleleId a : slot.alleles) {
    if (!hla.expressed(a)) continue;
    const auto antigens = hla.antigens(a);
    if (antigens.empty()) {
      const std::string name(hla.alleleName(a));
      const std::string first = "first field " + name.substr(0, name.find(':'));
      names.insert({first, first});
    }
    for (auto s : antigens) names.insert({hla.antigenName(s), hla.antigenName(hla.broadOf(s))});
  }
  return names;
}

PositionGrade grade(const Nomenclature& hla, const Slot& p, const Slot& d) {
  PositionGrade g;
  if (!p.typed || !d.typed) return g;
  const auto pk = matchKeys(hla, p), dk = matchKeys(hla, d);
  int shared = 0;
  for (auto k : dk) shared += pk.count(k) ? 1 : 0;
  if (shared > 0) {
    g.grade = pk.size() == 1 && dk.size() == 1 ? Grade::AlleleMatch : Grade::PotentialAlleleMatch;
    g.matched = static_cast<std::uint16_t>(shared);
    g.possible = static_cast<std::uint16_t>(dk.size());
    return g;
  }
  g.grade = Grade::AntigenMismatch;
  for (const auto& [pa, pb] : antigenNames(hla, p))
    for (const auto& [da, db] : antigenNames(hla, d))
      if (pa == da || pb == da || pa == db) g.grade = Grade::AntigenMatch;
  return g;
}

bool counts(Grade g) { return g == Grade::AlleleMatch || g == Grade::PotentialAlleleMatch || g == Grade::Untyped; }

LocusGrade orientation(PositionGrade first, PositionGrade second, bool crossed) {
  LocusGrade l;
  l.position = {first, second};
  l.crossed = crossed;
  for (const auto& p : l.position) {
    l.matches += counts(p.grade);
    l.definite += p.grade == Grade::AlleleMatch;
    l.alleleMismatches += p.grade == Grade::AntigenMatch;
    l.antigenMismatches += p.grade == Grade::AntigenMismatch;
    l.untyped = l.untyped || p.grade == Grade::Untyped;
    l.penalty = static_cast<std::uint8_t>(l.penalty + positionPenalty(p));
  }
  return l;
}

LocusGrade gradeLocusNaive(const Nomenclature& hla, const std::array<Slot, 2>& p, const std::array<Slot, 2>& d) {
  PositionGrade g[2][2];
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j) g[i][j] = grade(hla, p[i], d[j]);
  const LocusGrade straight = orientation(g[0][0], g[1][1], false), crossed = orientation(g[0][1], g[1][0], true);
  const auto score = [](const LocusGrade& l) {
    return std::make_tuple(l.matches, l.definite, -l.antigenMismatches, -l.penalty);
  };
  LocusGrade best = score(crossed) > score(straight) ? crossed : straight;
  for (int i = 0; i < 2; ++i) best.gvh += !counts(g[i][0].grade) && !counts(g[i][1].grade);
  for (int j = 0; j < 2; ++j) best.hvg += !counts(g[0][j].grade) && !counts(g[1][j].grade);
  return best;
}

// The TCE groups a slot may have; 0 stands for "not assigned".
std::set<int> tceGroups(const Nomenclature& hla, const Slot& slot) {
  std::set<int> groups;
  for (AlleleId a : slot.alleles)
    if (hla.expressed(a)) groups.insert(hla.tce(a).v1);
  if (groups.empty()) groups.insert(0);
  return groups;
}

Dpb1Category dpb1(const Nomenclature& hla, const LocusGrade& g, const std::array<Slot, 2>& p,
                  const std::array<Slot, 2>& d) {
  if (g.untyped) return Dpb1Category::Untyped;
  if (g.definite == 2) return Dpb1Category::Match;
  std::set<Dpb1Category> seen;
  for (int p0 : tceGroups(hla, p[0]))
    for (int p1 : tceGroups(hla, p[1]))
      for (int d0 : tceGroups(hla, d[0]))
        for (int d1 : tceGroups(hla, d[1])) {
          if (!p0 || !p1 || !d0 || !d1) return Dpb1Category::Unknown;
          const int pm = std::min(p0, p1), dm = std::min(d0, d1);
          seen.insert(pm == dm ? Dpb1Category::Permissive
                      : pm < dm ? Dpb1Category::NonPermissiveGvh
                                : Dpb1Category::NonPermissiveHvg);
        }
  return seen.size() == 1 ? *seen.begin() : Dpb1Category::Unknown;
}

}  // namespace

std::vector<NaiveResult> search(const Nomenclature& hla, const std::vector<DonorRecord>& donors, const Typing& patient,
                                const SearchOptions& options) {
  std::array<std::array<Slot, 2>, kMatchLoci> patientSlots;
  for (int l = 0; l < kMatchLoci; ++l)
    for (int s = 0; s < 2; ++s)
      patientSlots[l][s] = expand(hla, patient.locus[l].slot[s], static_cast<Locus>(l));

  std::vector<NaiveResult> results;
  for (std::uint32_t row = 0; row < donors.size(); ++row) {
    const DonorRecord& donor = donors[row];
    const bool available = donor.factors.availability == Availability::Available;
    if (!available && !options.includeUnavailable) continue;
    NaiveResult r;
    r.row = row;
    int certainty = 0, alleleFirst = 0, typedPositions = 0;
    bool searchable = true;
    for (int l = 0; l < kMatchLoci; ++l) {
      std::array<Slot, 2> donorSlots;
      auto typing = parseLocusTyping(donor.locusTyping[l], static_cast<Locus>(l), hla);
      if (typing)
        for (int s = 0; s < 2; ++s) donorSlots[s] = expand(hla, typing->slot[s], static_cast<Locus>(l));
      if (donorSlots[0].typed != donorSlots[1].typed) donorSlots = {};  // one slot failed: untyped locus
      if (isSearchableLocus(l) && !donorSlots[0].typed) searchable = false;
      r.loci[l] = gradeLocusNaive(hla, patientSlots[l], donorSlots);
      if (l == 5) r.dpb1 = dpb1(hla, r.loci[l], patientSlots[l], donorSlots);
      if (!locusInScale(l, options.scale)) continue;
      if (!r.loci[l].untyped) typedPositions += 2;
      r.definiteMatches += r.loci[l].definite;
      certainty += 2 * kMaxPositionPenalty - r.loci[l].penalty;
      alleleFirst += 2 - r.loci[l].antigenMismatches;
    }
    for (int i = 0; i < 3; ++i) {
      const int scale = i == 0 ? 10 : i == 1 ? 8 : 6;
      for (int l = 0; l < kMatchLoci; ++l)
        if (locusInScale(l, scale)) r.matches[i] += r.loci[l].matches;
    }
    const int onScale = r.matches[options.scale == 10 ? 0 : options.scale == 8 ? 1 : 2];
    if (!searchable || onScale < options.minMatches) continue;
    r.definite = onScale == r.definiteMatches;
    const DonorFactors& f = donor.factors;
    for (Criterion c : options.policy.order) {
      std::uint64_t v = 0;
      switch (c) {
        case Criterion::Matches:
          // Matches, then (implicitly, as the fast key does) typed positions.
          r.values.push_back(static_cast<std::uint64_t>(onScale));
          v = static_cast<std::uint64_t>(typedPositions);
          break;
        case Criterion::Definite: v = static_cast<std::uint64_t>(r.definiteMatches); break;
        case Criterion::Certainty: v = static_cast<std::uint64_t>(certainty); break;
        case Criterion::AlleleMismatchFirst: v = static_cast<std::uint64_t>(alleleFirst); break;
        case Criterion::Dpb1: v = static_cast<std::uint64_t>(dpb1Rank(r.dpb1)); break;
        case Criterion::Younger: v = f.birthYear > 1900 ? static_cast<std::uint64_t>(std::min(f.birthYear, 2027) - 1900) : 0; break;
        case Criterion::Male: v = f.sex == Sex::Male; break;
        case Criterion::CmvMatch: v = options.patient.cmv != Cmv::Unknown && f.cmv == options.patient.cmv; break;
        case Criterion::AboIdentical: v = options.patient.abo != Abo::Unknown && f.abo == options.patient.abo; break;
        case Criterion::RecentContact: v = static_cast<std::uint64_t>(contactDayNumber(f.lastContactYmd)); break;
      }
      r.values.push_back(v);
    }
    results.push_back(std::move(r));
  }
  std::sort(results.begin(), results.end(), [](const NaiveResult& a, const NaiveResult& b) {
    return a.values != b.values ? a.values > b.values : a.row < b.row;
  });
  if (results.size() > options.limit) results.resize(options.limit);
  return results;
}

bool sameResults(const std::vector<SearchResult>& fast, const std::vector<NaiveResult>& naive, std::string* why) {
  const auto differ = [&](std::size_t i, const std::string& what) {
    if (why) *why = "result " + std::to_string(i + 1) + ": " + what;
    return false;
  };
  if (fast.size() != naive.size())
    return differ(0, "fast has " + std::to_string(fast.size()) + " results, naive " + std::to_string(naive.size()));
  for (std::size_t i = 0; i < fast.size(); ++i) {
    const SearchResult& f = fast[i];
    const NaiveResult& n = naive[i];
    if (f.row != n.row) return differ(i, "donor row " + std::to_string(f.row) + " vs " + std::to_string(n.row));
    if (f.matches != n.matches) return differ(i, "match totals");
    if (f.definite != n.definite || f.definiteMatches != n.definiteMatches) return differ(i, "definite");
    if (f.dpb1 != n.dpb1) return differ(i, std::string("DPB1 ") + dpb1Key(f.dpb1) + " vs " + dpb1Key(n.dpb1));
    for (int l = 0; l < kMatchLoci; ++l) {
      const LocusGrade &a = f.loci[l], &b = n.loci[l];
      if (a.matches != b.matches || a.definite != b.definite || a.antigenMismatches != b.antigenMismatches ||
          a.alleleMismatches != b.alleleMismatches || a.penalty != b.penalty || a.gvh != b.gvh || a.hvg != b.hvg)
        return differ(i, "locus " + std::string(dd::hla::locusName(static_cast<dd::hla::Locus>(l))));
    }
  }
  return true;
}

}  // namespace dd::match::naive
