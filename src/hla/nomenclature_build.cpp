// Allele numbering (smart order) and the output names of every level.
#include <algorithm>
#include <numeric>

#include "hla/nomenclature_builder.h"

namespace dd::hla {
using namespace detail;

void appendFields(std::string& out, const ParsedName& p, int count) {
  for (int i = 0; i < count; ++i) {
    if (i) out += ':';
    char digits[8];
    int n = 0;
    std::uint32_t v = p.fields[static_cast<std::size_t>(i)];
    do {
      digits[n++] = static_cast<char>('0' + v % 10);
      v /= 10;
    } while (v);
    for (int w = n; w < p.widths[static_cast<std::size_t>(i)]; ++w) out += '0';
    while (n) out += digits[--n];
  }
}

std::string nameWithLocus(Locus locus, std::string_view fields) {
  std::string s(locusName(locus));
  s += '*';
  s += fields;
  return s;
}

namespace {

bool lessParsed(const ParsedName& a, const ParsedName& b) {
  if (a.locus != b.locus) return a.locus < b.locus;
  for (std::size_t i = 0; i < 4; ++i) {
    const int x = i < a.fieldCount ? a.fields[i] : -1;
    const int y = i < b.fieldCount ? b.fields[i] : -1;
    if (x != y) return x < y;
  }
  return a.suffix < b.suffix;
}

// Collects names, deduplicates them and numbers them in smart order.
class NameTable {
 public:
  std::uint32_t add(std::string_view name) {
    std::uint32_t& slot = index_[name];
    if (slot == 0) {
      names_.emplace_back(name);
      slot = static_cast<std::uint32_t>(names_.size());
    }
    return slot - 1;
  }
  // Sorts; returns old id -> new id and fills the flat text + offsets.
  std::vector<std::uint32_t> finish(std::string& text, std::vector<std::uint32_t>& offsets) {
    std::vector<std::uint32_t> order(names_.size());
    std::iota(order.begin(), order.end(), 0u);
    std::vector<SortKey> keys;
    keys.reserve(names_.size());
    for (const auto& n : names_) keys.push_back(sortKeyOf(n));
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      if (keys[a] != keys[b]) return keys[a] < keys[b];
      return names_[a] < names_[b];
    });
    std::vector<std::uint32_t> remap(names_.size());
    offsets.assign(1, 0);
    for (std::uint32_t i = 0; i < order.size(); ++i) {
      remap[order[i]] = i;
      text += names_[order[i]];
      offsets.push_back(static_cast<std::uint32_t>(text.size()));
    }
    return remap;
  }
  std::size_t size() const { return names_.size(); }
  void reserve(std::size_t n) {
    index_.reserve(n);
    names_.reserve(n);
  }

 private:
  FlatIndex<std::uint32_t> index_;
  std::vector<std::string> names_;
};

}  // namespace

AlleleId NomenclatureBuilder::lookup(Locus locus, std::string_view fields) const {
  const std::string key = nameWithLocus(locus, fields);
  const std::uint32_t* id = alleleIndex_.find(key);
  return id ? *id : kNoAllele;
}

void NomenclatureBuilder::numberAlleles() {
  auto& alleles = raw_.alleles;
  std::sort(alleles.begin(), alleles.end(),
            [](const RawAllele& a, const RawAllele& b) { return lessParsed(a.parsed, b.parsed); });
  const std::size_t count = alleles.size();
  n_.nameOffset_.reserve(count + 1);
  n_.nameOffset_.push_back(0);
  n_.locus_.reserve(count);
  n_.suffix_.reserve(count);
  parsed_.reserve(count);
  alleleIndex_.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const RawAllele& a = alleles[i];
    n_.names_ += locusName(a.parsed.locus);
    n_.names_ += '*';
    n_.names_ += a.fields;
    n_.nameOffset_.push_back(static_cast<std::uint32_t>(n_.names_.size()));
    n_.locus_.push_back(a.parsed.locus);
    n_.suffix_.push_back(a.parsed.suffix);
    parsed_.push_back(a.parsed);
  }
  for (std::size_t i = 0; i < count; ++i) alleleIndex_[n_.alleleName(static_cast<AlleleId>(i))] = static_cast<std::uint32_t>(i);
  std::size_t i = 0;
  for (int l = 0; l <= kLocusCount; ++l) {
    while (i < count && static_cast<int>(n_.locus_[i]) < l) ++i;
    ix_.locusBegin[static_cast<std::size_t>(l)] = static_cast<std::uint32_t>(i);
  }
}

// Allele -> name of its G or P group ("" when in none).
std::vector<std::string> NomenclatureBuilder::groupOf(const std::vector<RawGroup>& groups, const char* file) {
  std::vector<std::string> of(n_.alleleCount());
  std::size_t unknown = 0;
  for (const RawGroup& g : groups) {
    const std::string name = nameWithLocus(g.locus, g.name);
    for (std::string_view m : g.members) {
      const AlleleId a = lookup(g.locus, m);
      if (a == kNoAllele) {
        ++unknown;
        continue;
      }
      of[a] = name;
    }
  }
  if (unknown)
    warn(QT_TRANSLATE_NOOP("dd::hla", "%1 lists %2 alleles that hla_nom.txt does not have; they were ignored."),
         {file, std::to_string(unknown)});
  return of;
}

// The first two fields of a member as written in a group file ("01:01:01:02N" -> "01:01", "02:65" ->
// "02:65").
static std::string_view firstTwoFields(std::string_view member) {
  while (!member.empty() && !(member.back() >= '0' && member.back() <= '9')) member.remove_suffix(1);
  const std::size_t first = member.find(':');
  const std::size_t second = first == std::string_view::npos ? first : member.find(':', first + 1);
  return second == std::string_view::npos ? member : member.substr(0, second);
}

// Per allele: G (group or own name), P (group or two fields), lgx (two fields
// of the P group; a null allele keeps its own "A*01:04N"), two-field and U2.
// Then the reduce-only tables that follow py-ard (see nomenclature_index.h).
void NomenclatureBuilder::buildOutputNames() {
  const std::size_t count = n_.alleleCount();
  const auto gOf = groupOf(raw_.gGroups, "hla_nom_g.txt");
  const auto pOf = groupOf(raw_.pGroups, "hla_nom_p.txt");
  // py-ard names a G group after the first allele it lists, not the file's
  // name (3.58.0: C*02:10:01G lists C*02:02:37 first, so its lgx is C*02:02).
  std::vector<std::string> pyGroupLgx(count);
  for (const RawGroup& g : raw_.gGroups) {
    if (g.members.empty()) continue;
    const std::string lgx = nameWithLocus(g.locus, firstTwoFields(g.members.front()));
    for (std::string_view m : g.members)
      if (const AlleleId a = lookup(g.locus, m); a != kNoAllele) pyGroupLgx[a] = lgx;
  }
  NameTable table;
  table.reserve(count * 3);
  std::vector<std::uint32_t> g(count), p(count), lgx(count), two(count), u2(count);
  std::vector<std::uint32_t> pyLgx(count), gLgx(count, kNoGroup), pyP(count), pyU2(count), plain2(count),
      plain3(count), py2d(count), own(count), pLgx(count, kNoGroup);
  std::string s;
  for (AlleleId a = 0; a < count; ++a) {
    const ParsedName& pn = parsed_[a];
    const bool null = pn.suffix == 'N';
    s.assign(locusName(pn.locus));
    s += '*';
    appendFields(s, pn, std::min<int>(2, pn.fieldCount));
    const std::size_t plainLength = s.size();
    plain2[a] = table.add(s);
    if (null) s += 'N';
    two[a] = table.add(s);
    s.resize(plainLength);
    if (pn.suffix) s += pn.suffix;
    u2[a] = table.add(s);
    s.assign(locusName(pn.locus));
    s += '*';
    appendFields(s, pn, std::min<int>(3, pn.fieldCount));
    plain3[a] = table.add(s);
    // The allele's own name is an output name only where no group replaces it
    // (hashing every allele's name would cost load time for nothing).
    const bool ownNeeded = pn.fieldCount <= 2 || gOf[a].empty() || pOf[a].empty();
    own[a] = ownNeeded ? table.add(n_.alleleName(a)) : kNoGroup;
    py2d[a] = pn.fieldCount <= 2 ? own[a] : plain2[a];
    g[a] = gOf[a].empty() ? own[a] : table.add(gOf[a]);
    if (!pyGroupLgx[a].empty()) gLgx[a] = table.add(pyGroupLgx[a]);
    if (!pOf[a].empty()) pLgx[a] = table.add(std::string_view(pOf[a]).substr(0, pOf[a].size() - 1));
    pyP[a] = pOf[a].empty() ? own[a] : table.add(pOf[a]);
    if (!pOf[a].empty() && !null) {
      p[a] = table.add(pOf[a]);
      lgx[a] = pLgx[a];  // "A*01:01P" -> "A*01:01"
    } else {
      p[a] = two[a];
      lgx[a] = two[a];
    }
  }
  // py-ard's lgx ("ping", its default): the two fields of the G name; for an
  // allele of a P group whose two-field name is in no G group, the P group's
  // two fields; else the allele's own first two fields.
  std::vector<std::uint8_t> twoFieldInG(table.size(), 0);
  for (AlleleId a = 0; a < count; ++a)
    if (gLgx[a] != kNoGroup) twoFieldInG[py2d[a]] = 1;
  // U2 keeps a suffix only when every suffixed allele (3-4 fields) of that
  // two-field name has the same one (py-ard's "expression alleles").
  std::vector<char> suffixOfTwo(table.size(), 0);
  for (AlleleId a = 0; a < count; ++a) {
    const char sfx = parsed_[a].suffix;
    if (!sfx || parsed_[a].fieldCount <= 2) continue;
    char& seen = suffixOfTwo[plain2[a]];
    seen = seen == 0 || seen == sfx ? sfx : '*';
  }
  ix_.inG.assign(count, 0);
  ix_.inP.assign(count, 0);
  ix_.fieldCount.resize(count);
  for (AlleleId a = 0; a < count; ++a) {
    const ParsedName& pn = parsed_[a];
    ix_.inG[a] = gLgx[a] != kNoGroup;
    ix_.inP[a] = pLgx[a] != kNoGroup;
    ix_.fieldCount[a] = pn.fieldCount;
    if (pLgx[a] != kNoGroup && !twoFieldInG[py2d[a]])
      pyLgx[a] = pLgx[a];
    else if (gLgx[a] != kNoGroup)
      pyLgx[a] = gLgx[a];
    else
      pyLgx[a] = py2d[a];
    if (pn.fieldCount <= 2)
      pyU2[a] = own[a];
    else if (!pn.suffix)
      pyU2[a] = plain2[a];
    else if (suffixOfTwo[plain2[a]] == pn.suffix)
      pyU2[a] = u2[a];
    else
      pyU2[a] = pyLgx[a];
  }
  const auto remap = table.finish(n_.groupNames_, n_.groupOffset_);
  for (auto* v : {&g, &p, &lgx, &two, &u2, &pyLgx, &gLgx, &pyP, &pyU2, &plain2, &plain3, &py2d})
    for (auto& id : *v)
      if (id != kNoGroup) id = remap[id];
  n_.g_ = std::move(g);
  n_.ars_ = std::move(lgx);
  ix_.pName = std::move(p);
  ix_.twoField = std::move(two);
  ix_.u2Name = std::move(u2);
  ix_.pyLgx = std::move(pyLgx);
  ix_.gLgx = std::move(gLgx);
  ix_.pyP = std::move(pyP);
  ix_.pyU2 = std::move(pyU2);
  ix_.plain2 = std::move(plain2);
  ix_.plain3 = std::move(plain3);
  ix_.py2d = std::move(py2d);
}

}  // namespace dd::hla
