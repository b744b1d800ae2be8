// Reducing one '/' list of tokens to a level (the inner loop of `hla reduce`).
//
// Two readings. The default follows NMDP py-ard 2.3.1: lg/lgx/G come from the
// G groups (a null allele joins the name of its G group), a two- or
// three-field name is looked up as a name (the G/P groups of the alleles
// listed under it, else the name itself), XX stands for its two-field names,
// and each token keeps its "HLA-" prefix. The strict reading (--strict-nulls)
// is DonorDesk's own: a null keeps its own name, lgx is the P group, a prefix
// stands for its expressed alleles.
//
// Every output name is collected as (id << 1 | hla) so that one sort puts the
// list in smart order and removes duplicates.
#include <algorithm>

#include "hla/typing_engine.h"

namespace dd::hla {
using namespace detail;

namespace {
constexpr const char* kContext = "dd::hla";

struct ReduceScratch {
  std::vector<Token> tokens;
  std::vector<std::uint32_t> ids;  // (name id << 1) | "HLA-"
  std::vector<std::pair<GroupId, GroupId>> pairs;
  std::vector<AlleleId> alleles;
};
ReduceScratch& scratch() {
  thread_local ReduceScratch s;
  return s;
}

void sortUnique(std::vector<std::uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

std::uint32_t encode(std::uint32_t id, bool hla) {
  return id << 1 | (hla ? 1u : 0u);
}

bool isSuffixFilter(char filter) {
  return filter != 0 && filter != '!';
}

}  // namespace

dd::Status TypingEngine::reduceList(std::string_view list, Level level, std::string& out,
                                    std::vector<dd::Message>* warnings, bool strict) const {
  auto& tokens = scratch().tokens;
  tokens.clear();
  clearScratch();
  dd::Status status = forEachToken(list, [&](std::string_view text) {
    tokens.emplace_back();
    return resolve(text, tokens.back(), warnings);
  });
  if (!status) return status;
  for (const Token& t : tokens)
    if (t.locus != tokens.front().locus)
      return dd::makeError("hla.mixed_list", kContext,
                           QT_TRANSLATE_NOOP("dd::hla", "'%1' mixes loci in one allele list (%2 and %3); use ^ between loci."),
                           {std::string(list), std::string(locusName(tokens.front().locus)), std::string(locusName(t.locus))},
                           std::string(list));
  return emitList(tokens, level, out, strict);
}

// py-ard names for a set of alleles that one two- or three-field name (or one
// XX's two-field name) covers: the G (P) groups of those of them that are in
// one, else `fallback`, the name itself.
void TypingEngine::collectNames(std::span<const AlleleId> alleles, Level level, bool hla,
                                GroupId fallback) const {
  auto& ids = scratch().ids;
  const std::size_t before = ids.size();
  for (AlleleId a : alleles) {
    if (level == Level::P ? ix_.inP[a] : ix_.inG[a])
      ids.push_back(encode(level == Level::G   ? n_.gGroup(a)
                           : level == Level::P ? ix_.pyP[a]
                                               : ix_.gLgx[a],
                           hla));
  }
  if (ids.size() == before) ids.push_back(encode(fallback, hla));
}

void TypingEngine::collectPyArd(const Token& t, const Entry& e, Level level) const {
  auto& ids = scratch().ids;
  auto& alleles = scratch().alleles;
  const bool hla = t.hla;
  auto one = [&](AlleleId a) {
    switch (level) {
      case Level::G:
        ids.push_back(encode(n_.gGroup(a), hla));
        break;
      case Level::P:
        ids.push_back(encode(ix_.pyP[a], hla));
        break;
      case Level::lg:
      case Level::lgx:
        ids.push_back(encode(ix_.pyLgx[a], hla));
        break;
      case Level::U2:
        ids.push_back(encode(ix_.pyU2[a], hla));
        break;
      default:
        ids.push_back(encode(a, hla));
        break;  // W
    }
  };
  // Every allele listed under the entry, nulls included (py-ard's tables list them).
  auto everyAllele = [&] {
    alleles.clear();
    if (e.range)
      for (AlleleId a = e.begin; a < e.end; ++a) alleles.push_back(a);
    else
      alleles.insert(alleles.end(), ix_.members.begin() + e.begin, ix_.members.begin() + e.end);
  };
  const bool namePrefix =
      (e.kind == TokenKind::Prefix || e.kind == TokenKind::XX) && !isSuffixFilter(e.filter);
  if (level == Level::W) {
    // py-ard's WHO expansion of a name lists every allele under it, nulls too.
    if (namePrefix) {
      everyAllele();
      for (AlleleId a : alleles) one(a);
    } else {
      forEachInEntry(e, one);
    }
    return;
  }
  if (e.kind == TokenKind::Allele) return one(e.begin);
  if (namePrefix && e.fields >= 2) {
    everyAllele();
    if (level == Level::U2) {  // a two-field name stays; a three-field one is cut to two fields
      ids.push_back(encode(ix_.plain2[alleles.front()], hla));
      return;
    }
    const AlleleId first = alleles.front();
    const bool twoFields = e.fields == 2 || level == Level::lg || level == Level::lgx;
    collectNames(alleles, level, hla, twoFields ? ix_.plain2[first] : ix_.plain3[first]);
    return;
  }
  if (namePrefix) {  // "A*02:XX", "A*02", "A*10": each two-field name under it, as py-ard's XX table
    everyAllele();
    for (std::size_t b = 0; b < alleles.size();) {
      std::size_t end = b + 1;
      while (end < alleles.size() && ix_.py2d[alleles[end]] == ix_.py2d[alleles[b]]) ++end;
      const std::span<const AlleleId> part(alleles.data() + b, end - b);
      if (level == Level::U2)
        ids.push_back(encode(ix_.py2d[part.front()], hla));
      else if (part.size() == 1 && ix_.fieldCount[part.front()] <= 2)
        one(part.front());
      else
        collectNames(part, level, hla, ix_.py2d[part.front()]);
      b = end;
    }
    return;
  }
  if (isSuffixFilter(e.filter) && e.fields == 2 && e.range && level != Level::U2) {
    // py-ard makes "A*24:02L" a short name for its L alleles only when the
    // suffixed alleles under A*24:02 share one suffix (DRB4*01:03N). Under
    // A*24:02 there are L and Q alleles, so it reads the plain name
    // (expressionchar.feature: A*24:02L G -> the G groups of A*24:02).
    char seen = 0;
    bool mixed = false;
    for (AlleleId a = e.begin; a < e.end; ++a) {
      const char sfx = n_.expressionSuffix(a);
      if (!sfx || ix_.fieldCount[a] <= 2) continue;
      mixed |= seen != 0 && seen != sfx;
      seen = sfx;
    }
    if (mixed) {
      everyAllele();
      collectNames(alleles, level, hla, ix_.plain2[alleles.front()]);
      return;
    }
  }
  if (isSuffixFilter(e.filter) && level == Level::U2 && e.fields == 2) {  // "A*01:04N" stays
    AlleleId pick = kNoAllele;
    auto first = [&](AlleleId a) {
      if (pick == kNoAllele) pick = a;
    };
    forEachInEntry(e, first);
    ids.push_back(encode(ix_.u2Name[pick], hla));
    return;
  }
  if (e.kind == TokenKind::LgGroup &&
      (level == Level::lg || level == Level::lgx)) {  // "A*01:01g" is already reduced
    const AlleleId first = ix_.members[e.begin];      // every member has the same name
    ids.push_back(encode(e.filter == 'p' ? ix_.pyLgx[first] : n_.arsGroup(first), hla));
    return;
  }
  if ((e.kind == TokenKind::GGroup || e.kind == TokenKind::PGroup) && e.begin < e.end) {
    const AlleleId first = ix_.members[e.begin];
    if (level == Level::P) {  // a group name is already reduced at P
      ids.push_back(encode(e.kind == TokenKind::PGroup ? ix_.pyP[first] : n_.gGroup(first), hla));
      return;
    }
    if (level == Level::U2) {
      ids.push_back(encode(e.kind == TokenKind::PGroup ? ix_.pyP[first] : ix_.plain2[first], hla));
      return;
    }
    // G, lg, lgx: py-ard drops the G/P and reduces the name that is left
    // ("A*02:01P" -> "A*02:01" -> lgx A*02:01).
    const std::string_view name = t.canonical();
    if (const Entry* stripped = ix_.tokens.find(name.substr(0, name.size() - 1));
        stripped && (stripped->kind == TokenKind::Prefix || stripped->kind == TokenKind::Allele)) {
      collectPyArd(t, *stripped, level);
      return;
    }
  }
  forEachInEntry(e, one);  // serology, lg names, G/P members, "DRB4*01:03N": each allele
}

void TypingEngine::collectStrict(std::span<const Token> tokens, Level level) const {
  auto& ids = scratch().ids;
  auto& pairs = scratch().pairs;
  pairs.clear();
  bool hla = false;
  for (const Token& t : tokens) {
    hla |= t.hla;
    // U2 leaves a two-field name as it is.
    if (level == Level::U2 && t.entry && t.entry->fields == 2 &&
        (t.kind == TokenKind::Allele || t.kind == TokenKind::Prefix)) {
      AlleleId pick = kNoAllele;
      forEachAllele(t, [&](AlleleId a) {
        if (pick == kNoAllele) pick = a;
      });
      const bool suffixed = t.kind == TokenKind::Allele || isSuffixFilter(t.entry->filter);
      ids.push_back(encode(suffixed ? ix_.u2Name[pick] : ix_.twoField[pick], t.hla));
      continue;
    }
    forEachAllele(t, [&](AlleleId a) {
      switch (level) {
        case Level::G:
          ids.push_back(encode(n_.gGroup(a), t.hla));
          break;
        case Level::P:
          ids.push_back(encode(ix_.pName[a], t.hla));
          break;
        case Level::lg:
        case Level::lgx:
          ids.push_back(encode(n_.arsGroup(a), t.hla));
          break;
        case Level::W:
          ids.push_back(encode(a, t.hla));
          break;
        default:
          pairs.emplace_back(ix_.twoField[a], ix_.u2Name[a]);
          break;  // U2
      }
    });
  }
  // U2: a two-field group keeps the suffix only when all its alleles share it
  // (B*39:01:01:02L -> B*39:01L, but B*39:01:01:02L/B*39:01:01:03 -> B*39:01).
  if (!pairs.empty()) {
    std::sort(pairs.begin(), pairs.end());
    for (std::size_t b = 0; b < pairs.size();) {
      std::size_t e = b + 1;
      bool same = true;
      while (e < pairs.size() && pairs[e].first == pairs[b].first)
        same &= pairs[e++].second == pairs[b].second;
      ids.push_back(encode(same ? pairs[b].second : pairs[b].first, hla));
      b = e;
    }
  }
}

dd::Status TypingEngine::emitList(std::span<const Token> tokens, Level level, std::string& out,
                                  bool strict) const {
  auto& ids = scratch().ids;
  ids.clear();
  // Fast path: one allele at a level with one name per allele.
  if (tokens.size() == 1 && tokens[0].kind == TokenKind::Allele && level != Level::S && level != Level::exp) {
    const AlleleId a = tokens[0].entry->begin;
    if (tokens[0].hla) out += "HLA-";
    switch (level) {
      case Level::G: out += n_.groupName(n_.gGroup(a)); return {};
      case Level::P:
        out += n_.groupName(strict ? ix_.pName[a] : ix_.pyP[a]);
        return {};
      case Level::lgx:
        out += n_.groupName(strict ? n_.arsGroup(a) : ix_.pyLgx[a]);
        return {};
      case Level::lg:
        out += n_.groupName(strict ? n_.arsGroup(a) : ix_.pyLgx[a]);
        if (!strict || n_.expressed(a)) out += 'g';
        return {};
      case Level::U2:
        out += n_.groupName(strict ? ix_.u2Name[a] : ix_.pyU2[a]);
        return {};
      case Level::W: out += n_.alleleName(a); return {};
      default: break;
    }
  }
  const std::size_t start = out.size();
  auto separate = [&](bool hla) {
    if (out.size() > start) out += '/';
    if (hla) out += "HLA-";
  };

  if (level == Level::exp) {
    for (const Token& t : tokens) {
      if (t.kind == TokenKind::Mac) {
        for (std::uint32_t i = t.macBegin; i < t.macEnd; ++i) separate(t.hla), out += macName(i);
      } else if (t.kind == TokenKind::XX) {
        ids.clear();
        forEachAllele(t, [&](AlleleId a) { ids.push_back(ix_.twoField[a]); });
        sortUnique(ids);
        for (std::uint32_t id : ids) separate(t.hla), out += n_.groupName(id);
      } else {
        separate(t.hla), out += t.canonical();
      }
    }
    return {};
  }

  if (level == Level::S) {
    const auto& offset = strict ? ix_.sOffset : ix_.pySOffset;
    const auto& list = strict ? ix_.sList : ix_.pySList;
    for (const Token& t : tokens) {
      if (t.entry && t.entry->antigen != kNoAntigen) {
        ids.push_back(encode(t.entry->antigen, t.hla));
        continue;
      }
      forEachAllele(t, [&](AlleleId a) {
        for (std::uint32_t i = offset[a]; i < offset[a + 1]; ++i) ids.push_back(encode(list[i], t.hla));
      });
    }
    sortUnique(ids);
    if (ids.empty()) {
      std::string names;
      for (const Token& t : tokens) {
        if (!names.empty()) names += '/';
        names += t.canonical();
      }
      return dd::makeError("hla.no_serology", kContext,
                           QT_TRANSLATE_NOOP("dd::hla",
                                             "'%1' has no serological equivalent: null (non-expressed) "
                                             "alleles and alleles without an assigned antigen have none."),
                           {names}, names);
    }
    for (std::uint32_t id : ids) separate(id & 1), out += n_.antigenName(static_cast<AntigenId>(id >> 1));
    return {};
  }

  for (const Token& t : tokens) {
    if (t.kind == TokenKind::Epitope)
      return dd::makeError("hla.epitope", kContext,
                           QT_TRANSLATE_NOOP("dd::hla", "'%1' is a public epitope, not the typing of one locus; it has no alleles to reduce."),
                           {std::string(t.canonical())}, std::string(t.canonical()));
    if (t.entry && t.entry->begin == t.entry->end)
      return dd::makeError("hla.no_alleles", kContext,
                           QT_TRANSLATE_NOOP("dd::hla", "No allele of IPD-IMGT/HLA %2 is assigned to '%1'."),
                           {std::string(t.canonical()), n_.release()}, std::string(t.canonical()));
  }
  if (strict) {
    collectStrict(tokens, level);
  } else {
    for (const Token& t : tokens) {
      if (t.entry) {
        collectPyArd(t, *t.entry, level);
        continue;
      }
      for (std::uint32_t i = t.macBegin; i < t.macEnd; ++i) collectPyArd(t, *macEntries()[i], level);
    }
  }
  sortUnique(ids);
  for (std::uint32_t id : ids) {
    separate(id & 1);
    if (level == Level::W) {
      out += n_.alleleName(id >> 1);
    } else {
      const std::string_view name = n_.groupName(id >> 1);
      out += name;
      // py-ard appends g to every lgx name ("A*66:26Qg"); DonorDesk leaves a null's name alone.
      if (level == Level::lg && (!strict || name.back() != 'N')) out += 'g';
    }
  }
  return {};
}

}  // namespace dd::hla
