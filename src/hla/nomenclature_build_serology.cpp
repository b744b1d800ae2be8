// Serology (rel_dna_ser.txt, rel_ser_ser.txt, hla_nom.txt antigens) and DPB1
// T-cell epitope groups (dpb_tce.csv).
#include <algorithm>
#include <numeric>

#include "hla/file_reading.h"
#include "hla/nomenclature_builder.h"

namespace dd::hla {
using namespace detail;

namespace {

// "DR15" -> {"DR", "15"}
std::pair<std::string_view, std::string_view> splitAntigen(std::string_view name) {
  std::size_t i = 0;
  while (i < name.size() && !(name[i] >= '0' && name[i] <= '9')) ++i;
  return {name.substr(0, i), name.substr(i)};
}

void sortUnique(std::vector<AntigenId>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

AntigenId NomenclatureBuilder::antigenId(std::string_view name) const {
  const std::uint32_t* id = antigenIndex_.find(name);
  return id ? static_cast<AntigenId>(*id) : kNoAntigen;
}

void NomenclatureBuilder::buildSerology() {
  // 1. Every antigen name any file mentions, numbered in smart order.
  std::vector<std::string> names = raw_.antigens;
  for (const RawSerSer& r : raw_.serSer) {
    names.push_back(r.antigen);
    names.insert(names.end(), r.splits.begin(), r.splits.end());
    names.insert(names.end(), r.associated.begin(), r.associated.end());
  }
  for (const RawSerology& r : raw_.serology)
    for (std::string_view number : r.numbers) names.push_back(std::string(serologyPrefix(r.locus)) + std::string(number));
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    const auto ka = sortKeyOf(a), kb = sortKeyOf(b);
    return ka != kb ? ka < kb : a < b;
  });
  names.erase(std::unique(names.begin(), names.end()), names.end());
  const std::size_t count = names.size();
  n_.antigenNames_ = std::move(names);
  antigenIndex_.reserve(count);
  ix_.antigenLocus.resize(count);
  ix_.antigenIsEpitope.assign(count, 0);
  ix_.antigenIsAssociated.assign(count, 0);
  n_.broad_.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    const std::string& name = n_.antigenNames_[i];
    antigenIndex_[name] = static_cast<std::uint32_t>(i);
    const auto [prefix, number] = splitAntigen(name);
    ix_.antigenLocus[i] = antigenLocus(prefix, number).value_or(Locus::A);
    ix_.antigenIsEpitope[i] = prefix == "Bw" ? 1 : 0;
    n_.broad_[i] = static_cast<AntigenId>(i);
  }

  // 2. Broad -> splits, parent -> associated antigens.
  std::vector<std::vector<AntigenId>> splits(count), children(count);
  for (const RawSerSer& r : raw_.serSer) {
    const AntigenId parent = antigenId(r.antigen);
    for (const auto* list : {&r.splits, &r.associated}) {
      for (const std::string& child : *list) {
        const AntigenId c = antigenId(child);
        n_.broad_[c] = parent;
        ix_.antigenIsAssociated[c] = list == &r.associated ? 1 : 0;
        children[parent].push_back(c);
        if (list == &r.splits) splits[parent].push_back(c);
      }
    }
  }
  n_.splitOffset_.assign(1, 0);
  for (auto& list : splits) {
    sortUnique(list);
    n_.splitList_.insert(n_.splitList_.end(), list.begin(), list.end());
    n_.splitOffset_.push_back(static_cast<std::uint32_t>(n_.splitList_.size()));
  }

  // 3. Per allele: its antigens, and for S output also the broads of its splits.
  const std::size_t alleles = n_.alleleCount();
  std::vector<std::vector<AntigenId>> of(alleles);
  std::size_t unknown = 0;
  for (const RawSerology& r : raw_.serology) {
    const AlleleId a = lookup(r.locus, r.allele);
    if (a == kNoAllele) {
      ++unknown;
      continue;
    }
    for (std::string_view number : r.numbers)
      of[a].push_back(antigenId(std::string(serologyPrefix(r.locus)) + std::string(number)));
  }
  if (unknown)
    warn(QT_TRANSLATE_NOOP("dd::hla", "%1 lists %2 alleles that hla_nom.txt does not have; they were ignored."),
         {"rel_dna_ser.txt", std::to_string(unknown)});
  n_.antigenOffset_.assign(1, 0);
  ix_.sOffset.assign(1, 0);
  ix_.pySOffset.assign(1, 0);
  antigenCoverage_.assign(count, {});
  // py-ard's broad table puts B70 (itself the broad of B71/B72) under B15,
  // which rel_ser_ser.txt does not: its S lists B15 beside B70
  // (serology_redux.feature: B*15:10 -> B15/B70/B71). Reduce-only.
  const AntigenId b70 = antigenId("B70"), b15 = antigenId("B15");
  std::vector<AntigenId> withBroads;
  for (AlleleId a = 0; a < alleles; ++a) {
    auto& list = of[a];
    if (n_.suffix_[a] == 'N') list.clear();  // a null allele has no antigen, whatever the file says
    sortUnique(list);
    n_.antigenList_.insert(n_.antigenList_.end(), list.begin(), list.end());
    n_.antigenOffset_.push_back(static_cast<std::uint32_t>(n_.antigenList_.size()));
    withBroads = list;
    for (AntigenId s : list) {
      antigenCoverage_[s].push_back(a);
      if (n_.broad_[s] != s && !ix_.antigenIsAssociated[s]) withBroads.push_back(n_.broad_[s]);
    }
    sortUnique(withBroads);
    ix_.sList.insert(ix_.sList.end(), withBroads.begin(), withBroads.end());
    ix_.sOffset.push_back(static_cast<std::uint32_t>(ix_.sList.size()));
    if (b70 != kNoAntigen && b15 != kNoAntigen &&
        std::binary_search(withBroads.begin(), withBroads.end(), b70)) {
      withBroads.push_back(b15);
      sortUnique(withBroads);
    }
    ix_.pySList.insert(ix_.pySList.end(), withBroads.begin(), withBroads.end());
    ix_.pySOffset.push_back(static_cast<std::uint32_t>(ix_.pySList.size()));
  }

  // 4. A broad (or parent) antigen covers the alleles of its splits and associated antigens.
  std::vector<std::uint8_t> done(count, 0);
  auto cover = [&](auto& self, AntigenId s) -> const std::vector<AlleleId>& {
    if (done[s]) return antigenCoverage_[s];
    done[s] = 1;
    for (AntigenId c : children[s]) {
      if (c == s) continue;
      const auto& more = self(self, c);
      antigenCoverage_[s].insert(antigenCoverage_[s].end(), more.begin(), more.end());
    }
    auto& v = antigenCoverage_[s];
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
  };
  for (AntigenId s = 0; s < count; ++s) cover(cover, s);
}

dd::Status NomenclatureBuilder::buildTce() {
  n_.tce_.assign(n_.alleleCount(), Tce{});
  std::size_t unknown = 0;
  for (const RawTce& r : raw_.tce) {
    Tce t;
    auto parse = [&](std::string_view v, std::uint8_t& group, bool& inferred, bool* a) {
      if (v.empty()) return true;
      if (v[0] < '0' || v[0] > '3') return false;
      group = static_cast<std::uint8_t>(v[0] - '0');
      for (char c : v.substr(1)) {
        if (c == '$') inferred = true;
        else if (c == 'a' && a) *a = true;
        else return false;
      }
      return true;
    };
    if (!parse(r.v1, t.v1, t.v1Inferred, nullptr) || !parse(r.v2, t.v2, t.v2Inferred, &t.v2a))
      return lineError("hla.data_malformed", raw_.tceFile, r.line,
                       QT_TRANSLATE_NOOP("dd::hla", "%1, line %2: '%3' / '%4' are not TCE group assignments (0-3, '$', '2a')."),
                       {std::string(r.v1), std::string(r.v2)});
    const std::uint32_t* a = alleleIndex_.find(r.allele);
    if (!a) {
      ++unknown;
      continue;
    }
    n_.tce_[*a] = t;
  }
  if (unknown)
    warn(QT_TRANSLATE_NOOP("dd::hla", "%1 lists %2 alleles that hla_nom.txt does not have; they were ignored."),
         {"dpb_tce.csv", std::to_string(unknown)});
  return {};
}

}  // namespace dd::hla
