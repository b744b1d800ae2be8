#include "match/naive_search.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

namespace dd::match::naive {
namespace {

using dd::hla::AlleleId;
using dd::hla::Locus;
using dd::hla::Nomenclature;

struct Slot {
  bool typed = false;
  bool serology = false, names = false;  // every token serology / every token an allele name
  std::vector<AlleleId> alleles;
};

bool allDigitsAndColons(std::string_view fields) {
  for (char c : fields)
    if (!(c >= '0' && c <= '9') && c != ':') return false;
  return !fields.empty();
}

bool isNull(const Slot& slot, const Nomenclature& hla) {
  if (!slot.typed) return false;
  for (AlleleId a : slot.alleles)
    if (hla.expressed(a)) return false;
  return true;
}

Slot expand(const Nomenclature& hla, const std::string& text, Locus locus) {
  Slot slot;
  if (text.empty()) return slot;
  slot.serology = slot.names = true;
  std::set<AlleleId> all;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('/', start);
    if (end == std::string::npos) end = text.size();
    const std::string token = text.substr(start, end - start);
    std::vector<AlleleId> alleles;
    dd::hla::SlotInfo info;
    if (!hla.expandSlot(token, locus, alleles, &info)) return Slot{};  // unparsable: untyped, like the index
    const std::size_t star = token.find('*');
    const bool protein = star != std::string::npos && token.find(':') != std::string::npos &&
                         allDigitsAndColons(std::string_view(token).substr(star + 1));
    slot.serology = slot.serology && info.serologyOnly;
    std::string bare = token;
    if (!bare.empty() && std::string("NLSCAQ").find(bare.back()) != std::string::npos) bare.pop_back();
    slot.names = slot.names && star != std::string::npos && bare.find(':') != std::string::npos &&
                 allDigitsAndColons(std::string_view(bare).substr(star + 1));
    bool expressedUnder = false;
    for (AlleleId a : alleles) expressedUnder = expressedUnder || hla.expressed(a);
    for (AlleleId a : alleles)
      if (!protein || !expressedUnder || hla.expressed(a)) all.insert(a);
    start = end + 1;
  }
  bool anyExpressed = false;
  for (AlleleId a : all) anyExpressed = anyExpressed || hla.expressed(a);
  for (AlleleId a : all)
    if (!anyExpressed || hla.expressed(a)) slot.alleles.push_back(a);
  slot.typed = !slot.alleles.empty();
  return slot;
}

// A locus of one null and one expressed slot is homozygous for the expressed one.
void readNullAsExpressed(const Nomenclature& hla, std::array<Slot, 2>& slots) {
  const bool null0 = isNull(slots[0], hla), null1 = isNull(slots[1], hla);
  if (null0 && !null1 && slots[1].typed) slots[0] = slots[1];
  if (null1 && !null0 && slots[0].typed) slots[1] = slots[0];
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

std::string firstFields(std::string_view name, int fields) {
  std::string out;
  int colons = 0;
  for (char c : name) {
    if (c == ':' && ++colons == fields) break;
    out += c;
  }
  while (!out.empty() && std::isupper(static_cast<unsigned char>(out.back()))) out.pop_back();
  return out;
}

int colons(std::string_view name) { return static_cast<int>(std::count(name.begin(), name.end(), ':')); }

// The best level any pair of the two slots' alleles shares, by name.
MatchGrade molecularDetail(const Nomenclature& hla, const Slot& p, const Slot& d) {
  const auto names = [&](const Slot& slot, int fields) {
    std::set<std::string> out;
    for (AlleleId a : slot.alleles) out.insert(fields ? firstFields(hla.alleleName(a), fields) : std::string(hla.alleleName(a)));
    return out;
  };
  const auto meet = [](const std::set<std::string>& a, const std::set<std::string>& b) {
    for (const auto& x : a)
      if (b.count(x)) return true;
    return false;
  };
  if (p.names && d.names) {
    const auto pn = names(p, 0), dn = names(d, 0);
    for (const auto& x : pn)
      if (dn.count(x) && colons(x) == 3) return MatchGrade::GDna;
    if (meet(pn, dn) || meet(names(p, 3), names(d, 3))) return MatchGrade::CDna;
    if (meet(names(p, 2), names(d, 2))) return MatchGrade::Protein;
  }
  std::set<dd::hla::GroupId> pg;
  for (AlleleId a : p.alleles) pg.insert(hla.gGroup(a));
  for (AlleleId a : d.alleles)
    if (hla.gGroup(a) != dd::hla::kNoGroup && pg.count(hla.gGroup(a))) return MatchGrade::GGroup;
  return MatchGrade::PGroup;
}

MatchGrade serologyDetail(const Nomenclature& hla, const Slot& p, const Slot& d) {
  MatchGrade best = MatchGrade::Mismatch;
  const auto antigensOf = [&](const Slot& slot) {
    std::set<dd::hla::AntigenId> ids;
    for (AlleleId a : slot.alleles)
      for (auto s : hla.antigens(a)) ids.insert(s);
    return ids;
  };
  for (auto x : antigensOf(p))
    for (auto y : antigensOf(d)) {
      MatchGrade g = MatchGrade::Mismatch;
      if (x == y) {
        g = hla.isAssociated(x) ? MatchGrade::Associated : MatchGrade::Split;
      } else if (hla.broadOf(x) == y) {
        g = hla.isAssociated(x) ? MatchGrade::Split : MatchGrade::Broad;
      } else if (hla.broadOf(y) == x) {
        g = hla.isAssociated(y) ? MatchGrade::Split : MatchGrade::Broad;
      }
      best = std::max(best, g);
    }
  return best == MatchGrade::Mismatch ? MatchGrade::Split : best;
}

PositionGrade grade(const Nomenclature& hla, const Slot& p, const Slot& d) {
  PositionGrade g;
  if (!p.typed || !d.typed) return g;
  const auto pk = matchKeys(hla, p), dk = matchKeys(hla, d);
  g.possible = static_cast<std::uint32_t>(pk.size() * dk.size());
  const bool pNull = isNull(p, hla), dNull = isNull(d, hla);
  if (pNull != dNull) {
    g.grade = Grade::AntigenMismatch;
    g.detail = MatchGrade::ExpressingVsNull;
    g.confidence = Confidence::Mismatch;
    g.antigen = AntigenMatch::No;
    return g;
  }
  int shared = 0;
  for (auto k : dk) shared += pk.count(k) ? 1 : 0;
  if (shared > 0) {
    g.grade = pk.size() == 1 && dk.size() == 1 ? Grade::AlleleMatch : Grade::PotentialAlleleMatch;
    g.matched = static_cast<std::uint32_t>(shared);
    const bool serology = p.serology || d.serology;
    if (pNull) {
      std::set<AlleleId> common;
      for (AlleleId a : p.alleles)
        if (std::find(d.alleles.begin(), d.alleles.end(), a) != d.alleles.end()) common.insert(a);
      const bool single = p.names && d.names && p.alleles.size() == 1 && d.alleles.size() == 1;
      g.detail = common.empty() ? MatchGrade::NullMismatch
                 : !single      ? MatchGrade::NullPartial
                 : colons(hla.alleleName(*common.begin())) == 3 ? MatchGrade::NullGDna
                                                                : MatchGrade::NullCDna;
    } else {
      g.detail = serology ? serologyDetail(hla, p, d) : molecularDetail(hla, p, d);
      g.antigen = AntigenMatch::Yes;
    }
    if (serology) {
      g.confidence = Confidence::Potential;
    } else if (p.names && d.names && p.alleles.size() == 1 && d.alleles.size() == 1) {
      g.confidence = Confidence::Definite;
    } else {
      g.confidence = pk.size() == 1 && dk.size() == 1 ? Confidence::Exact : Confidence::Potential;
    }
    return g;
  }
  g.grade = Grade::AntigenMismatch;
  g.detail = MatchGrade::Mismatch;
  g.confidence = Confidence::Mismatch;
  g.antigen = AntigenMatch::No;
  for (const auto& [pa, pb] : antigenNames(hla, p))
    for (const auto& [da, db] : antigenNames(hla, d))
      if (pa == da || pb == da || pa == db) {
        g.grade = Grade::AntigenMatch;
        g.antigen = AntigenMatch::Yes;
      }
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
    l.confidence = static_cast<std::uint8_t>(l.confidence + static_cast<int>(p.confidence));
    l.gradeScore = static_cast<std::uint8_t>(l.gradeScore + matchGradeValue(p.detail));
  }
  return l;
}

LocusGrade gradeLocusNaive(const Nomenclature& hla, const std::array<Slot, 2>& p, const std::array<Slot, 2>& d) {
  PositionGrade g[2][2];
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j) g[i][j] = grade(hla, p[i], d[j]);
  const LocusGrade straight = orientation(g[0][0], g[1][1], false), crossed = orientation(g[0][1], g[1][0], true);
  const auto score = [](const LocusGrade& l) {
    return std::make_tuple(l.matches, l.confidence, l.gradeScore, l.definite, -l.antigenMismatches, -l.penalty);
  };
  // Full tie: the pairing whose first position, then second, sorts higher.
  const auto positions = [](const LocusGrade& l) {
    const auto key = [](const PositionGrade& p) {
      return std::make_tuple(static_cast<int>(p.detail), static_cast<int>(p.confidence), -static_cast<int>(p.grade),
                             static_cast<int>(p.antigen), p.matched, p.possible);
    };
    return std::make_pair(key(l.position[0]), key(l.position[1]));
  };
  LocusGrade best = std::make_pair(score(crossed), positions(crossed)) > std::make_pair(score(straight), positions(straight))
                        ? crossed
                        : straight;
  for (int i = 0; i < 2; ++i) best.gvh += !counts(g[i][0].grade) && !counts(g[i][1].grade);
  for (int j = 0; j < 2; ++j) best.hvg += !counts(g[0][j].grade) && !counts(g[1][j].grade);
  return best;
}

// The TCE groups a slot may have; 0 stands for "not assigned".
std::set<int> tceGroups(const Nomenclature& hla, const Slot& slot, TceVersion version) {
  std::set<int> groups;
  for (AlleleId a : slot.alleles)
    if (hla.expressed(a)) groups.insert(version == TceVersion::V1 ? hla.tce(a).v1 : hla.tce(a).v2);
  if (groups.empty()) groups.insert(0);
  return groups;
}

Dpb1Category dpb1(const Nomenclature& hla, const LocusGrade& g, const std::array<Slot, 2>& p,
                  const std::array<Slot, 2>& d, TceVersion version) {
  if (g.untyped) return Dpb1Category::Untyped;
  if (g.definite == 2) return Dpb1Category::Match;
  if (g.matches == 2) return Dpb1Category::PotentialMatch;
  std::set<Dpb1Category> seen;
  for (int p0 : tceGroups(hla, p[0], version))
    for (int p1 : tceGroups(hla, p[1], version))
      for (int d0 : tceGroups(hla, d[0], version))
        for (int d1 : tceGroups(hla, d[1], version)) {
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
  for (auto& slots : patientSlots) readNullAsExpressed(hla, slots);

  std::vector<NaiveResult> results;
  for (std::uint32_t row = 0; row < donors.size(); ++row) {
    const DonorRecord& donor = donors[row];
    const bool available = donor.factors.availability == Availability::Available;
    if (!available && !options.includeUnavailable) continue;
    NaiveResult r;
    r.row = row;
    int certainty = 0, alleleFirst = 0, typedPositions = 0, confidence = 0, gradeScore = 0;
    bool searchable = true;
    for (int l = 0; l < kMatchLoci; ++l) {
      std::array<Slot, 2> donorSlots;
      auto typing = parseLocusTyping(donor.locusTyping[l], static_cast<Locus>(l), hla);
      if (typing)
        for (int s = 0; s < 2; ++s) donorSlots[s] = expand(hla, typing->slot[s], static_cast<Locus>(l));
      if (donorSlots[0].typed != donorSlots[1].typed) donorSlots = {};  // one slot failed: untyped locus
      readNullAsExpressed(hla, donorSlots);
      if (isSearchableLocus(l) && !donorSlots[0].typed) searchable = false;
      r.loci[l] = gradeLocusNaive(hla, patientSlots[l], donorSlots);
      if (l == 5) r.dpb1 = dpb1(hla, r.loci[l], patientSlots[l], donorSlots, options.tce);
      if (!locusInScale(l, options.scale)) continue;
      if (!r.loci[l].untyped) typedPositions += 2;
      r.definiteMatches += r.loci[l].definite;
      certainty += 2 * kMaxPositionPenalty - r.loci[l].penalty;
      alleleFirst += 2 - r.loci[l].antigenMismatches;
      confidence += r.loci[l].confidence;
      gradeScore += r.loci[l].gradeScore;
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
        case Criterion::Confidence: v = static_cast<std::uint64_t>(confidence); break;
        case Criterion::Grade: v = static_cast<std::uint64_t>(gradeScore); break;
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
          a.alleleMismatches != b.alleleMismatches || a.penalty != b.penalty || a.gvh != b.gvh || a.hvg != b.hvg ||
          a.confidence != b.confidence || a.gradeScore != b.gradeScore)
        return differ(i, "locus " + std::string(dd::hla::locusName(static_cast<dd::hla::Locus>(l))));
      // Both engines pick the pairing canonically (gradeLocus), so the
      // positions must agree in order, not only as a pair.
      const auto tuple = [](const PositionGrade& p) {
        return std::make_tuple(p.grade, p.detail, p.confidence, p.antigen, p.matched, p.possible);
      };
      const auto show = [](const PositionGrade& p) {
        return std::string(gradeKey(p.grade)) + "/" + matchGradeKey(p.detail) + "/" + confidenceKey(p.confidence) +
               "/antigen " + std::to_string(static_cast<int>(p.antigen)) + "/" + std::to_string(p.matched) + " of " +
               std::to_string(p.possible);
      };
      if (tuple(a.position[0]) != tuple(b.position[0]) || tuple(a.position[1]) != tuple(b.position[1]))
        return differ(i, "locus " + std::string(dd::hla::locusName(static_cast<dd::hla::Locus>(l))) + " positions: " +
                             show(a.position[0]) + " + " + show(a.position[1]) + " vs " + show(b.position[0]) + " + " +
                             show(b.position[1]));
    }
  }
  return true;
}

}  // namespace dd::match::naive
