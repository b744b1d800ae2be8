// Reducing one '/' list of tokens to a level (the inner loop of `hla reduce`).
#include <algorithm>

#include "hla/typing_engine.h"

namespace dd::hla {
using namespace detail;

namespace {
constexpr const char* kContext = "dd::hla";

struct ReduceScratch {
  std::vector<Token> tokens;
  std::vector<std::uint32_t> ids;
  std::vector<std::pair<GroupId, GroupId>> pairs;
};
ReduceScratch& scratch() {
  thread_local ReduceScratch s;
  return s;
}

void sortUnique(std::vector<std::uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

dd::Status TypingEngine::reduceList(std::string_view list, Level level, std::string& out,
                                    std::vector<dd::Message>* warnings) const {
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
  return emitList(tokens, level, out);
}

dd::Status TypingEngine::emitList(std::span<const Token> tokens, Level level, std::string& out) const {
  auto& ids = scratch().ids;
  ids.clear();
  // Fast path: one allele at a level with one name per allele.
  if (tokens.size() == 1 && tokens[0].kind == TokenKind::Allele && level != Level::S && level != Level::exp) {
    const AlleleId a = tokens[0].entry->begin;
    switch (level) {
      case Level::G: out += n_.groupName(n_.gGroup(a)); return {};
      case Level::P: out += n_.groupName(ix_.pName[a]); return {};
      case Level::lgx: out += n_.groupName(n_.arsGroup(a)); return {};
      case Level::lg:
        out += n_.groupName(n_.arsGroup(a));
        if (n_.expressed(a)) out += 'g';
        return {};
      case Level::U2: out += n_.groupName(ix_.u2Name[a]); return {};
      case Level::W: out += n_.alleleName(a); return {};
      default: break;
    }
  }
  const std::size_t start = out.size();
  auto separate = [&] {
    if (out.size() > start) out += '/';
  };

  if (level == Level::exp) {
    for (const Token& t : tokens) {
      if (t.kind == TokenKind::Mac) {
        for (std::uint32_t i = t.macBegin; i < t.macEnd; ++i) separate(), out += macName(i);
      } else if (t.kind == TokenKind::XX) {
        ids.clear();
        forEachAllele(t, [&](AlleleId a) { ids.push_back(ix_.twoField[a]); });
        sortUnique(ids);
        for (std::uint32_t id : ids) separate(), out += n_.groupName(id);
      } else {
        separate(), out += t.canonical();
      }
    }
    return {};
  }

  if (level == Level::S) {
    for (const Token& t : tokens) {
      if (t.entry && t.entry->antigen != kNoAntigen) {
        ids.push_back(t.entry->antigen);
        continue;
      }
      forEachAllele(t, [&](AlleleId a) {
        for (std::uint32_t i = ix_.sOffset[a]; i < ix_.sOffset[a + 1]; ++i) ids.push_back(ix_.sList[i]);
      });
    }
    sortUnique(ids);
    if (ids.empty()) {
      std::string list;
      for (const Token& t : tokens) {
        if (!list.empty()) list += '/';
        list += t.canonical();
      }
      return dd::makeError("hla.no_serology", kContext,
                           QT_TRANSLATE_NOOP("dd::hla", "'%1' has no serological equivalent: null (non-expressed) alleles and alleles without an assigned antigen have none."),
                           {list}, list);
    }
    for (std::uint32_t id : ids) separate(), out += n_.antigenName(static_cast<AntigenId>(id));
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
  auto& pairs = scratch().pairs;
  pairs.clear();
  for (const Token& t : tokens) {
    // U2 leaves a two-field name as it is.
    if (level == Level::U2 && t.entry && t.entry->fields == 2 &&
        (t.kind == TokenKind::Allele || t.kind == TokenKind::Prefix)) {
      AlleleId pick = kNoAllele;
      forEachAllele(t, [&](AlleleId a) {
        if (pick == kNoAllele) pick = a;
      });
      const bool suffixed = t.kind == TokenKind::Allele || (t.entry->filter != 0 && t.entry->filter != '!');
      ids.push_back(suffixed ? ix_.u2Name[pick] : ix_.twoField[pick]);
      continue;
    }
    forEachAllele(t, [&](AlleleId a) {
      switch (level) {
        case Level::G: ids.push_back(n_.gGroup(a)); break;
        case Level::P: ids.push_back(ix_.pName[a]); break;
        case Level::lg:
        case Level::lgx: ids.push_back(n_.arsGroup(a)); break;
        case Level::W: ids.push_back(a); break;
        default: pairs.emplace_back(ix_.twoField[a], ix_.u2Name[a]); break;  // U2
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
      while (e < pairs.size() && pairs[e].first == pairs[b].first) same &= pairs[e++].second == pairs[b].second;
      ids.push_back(same ? pairs[b].second : pairs[b].first);
      b = e;
    }
  }
  sortUnique(ids);
  for (std::uint32_t id : ids) {
    separate();
    if (level == Level::W) {
      out += n_.alleleName(id);
    } else {
      const std::string_view name = n_.groupName(id);
      out += name;
      if (level == Level::lg && name.back() != 'N') out += 'g';
    }
  }
  return {};
}

}  // namespace dd::hla
