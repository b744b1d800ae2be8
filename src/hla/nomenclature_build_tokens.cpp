// The token index: every normalised spelling a typing token may take, and the
// map of deleted and renamed names.
#include <algorithm>

#include "hla/nomenclature_builder.h"

namespace dd::hla {
using namespace detail;

void NomenclatureBuilder::addToken(std::string_view key, const Entry& entry) {
  if (ix_.tokens.find(key)) return;
  ix_.tokens[key] = entry;
}

Entry NomenclatureBuilder::memberEntry(TokenKind kind, Locus locus, const std::vector<AlleleId>& alleles) {
  Entry e;
  e.kind = kind;
  e.locus = locus;
  e.range = false;
  e.begin = static_cast<std::uint32_t>(ix_.members.size());
  ix_.members.insert(ix_.members.end(), alleles.begin(), alleles.end());
  e.end = static_cast<std::uint32_t>(ix_.members.size());
  return e;
}

void NomenclatureBuilder::buildTokens() {
  const std::size_t count = n_.alleleCount();
  ix_.tokens.reserve(count * 3 + n_.antigenCount() * 2);
  for (AlleleId a = 0; a < count; ++a) {
    Entry e;
    e.kind = TokenKind::Allele;
    e.begin = a;
    e.end = a + 1;
    e.fields = parsed_[a].fieldCount;
    e.locus = parsed_[a].locus;
    addToken(n_.alleleName(a), e);
  }
  addPrefixTokens();
  addGroupTokens();
  addSerologyTokens();
}

// "A*01", "A*01:XX", "A*01:01", "A*01:01:01" (and with a suffix, "A*01:04N")
// cover contiguous allele ranges. Without a suffix a prefix means the
// expressed alleles under it, unless all of them are null.
void NomenclatureBuilder::addPrefixTokens() {
  const std::size_t count = n_.alleleCount();
  std::string key;
  for (int k = 1; k <= 4; ++k) {
    std::size_t b = 0;
    while (b < count) {
      const ParsedName& first = parsed_[b];
      if (first.fieldCount < k) {
        ++b;
        continue;
      }
      std::size_t e = b + 1;
      bool hasNull = first.suffix == 'N', hasExpressed = first.suffix != 'N';
      char suffixes[8] = {};
      int suffixCount = 0;
      auto noteSuffix = [&](char s) {
        if (s && std::find(suffixes, suffixes + suffixCount, s) == suffixes + suffixCount) suffixes[suffixCount++] = s;
      };
      noteSuffix(first.suffix);
      while (e < count) {
        const ParsedName& p = parsed_[e];
        if (p.locus != first.locus || p.fieldCount < k ||
            !std::equal(p.fields.begin(), p.fields.begin() + k, first.fields.begin()))
          break;
        (p.suffix == 'N' ? hasNull : hasExpressed) = true;
        noteSuffix(p.suffix);
        ++e;
      }
      key.assign(locusName(first.locus));
      key += '*';
      appendFields(key, first, k);
      Entry entry;
      entry.kind = TokenKind::Prefix;
      entry.begin = static_cast<std::uint32_t>(b);
      entry.end = static_cast<std::uint32_t>(e);
      entry.filter = hasNull && hasExpressed ? '!' : 0;
      entry.fields = static_cast<std::uint8_t>(k);
      entry.locus = first.locus;
      addToken(key, entry);
      if (k == 1) {
        Entry xx = entry;
        xx.kind = TokenKind::XX;
        addToken(key + ":XX", xx);
      }
      for (int s = 0; s < suffixCount; ++s) {
        Entry withSuffix = entry;
        withSuffix.filter = suffixes[s];
        addToken(key + suffixes[s], withSuffix);
      }
      b = e;
    }
  }
}

void NomenclatureBuilder::addGroupTokens() {
  std::vector<AlleleId> members;
  for (const auto* groups : {&raw_.gGroups, &raw_.pGroups}) {
    const TokenKind kind = groups == &raw_.gGroups ? TokenKind::GGroup : TokenKind::PGroup;
    for (const RawGroup& g : *groups) {
      members.clear();
      for (std::string_view m : g.members)
        if (const AlleleId a = lookup(g.locus, m); a != kNoAllele) members.push_back(a);
      std::sort(members.begin(), members.end());
      addToken(nameWithLocus(g.locus, g.name), memberEntry(kind, g.locus, members));
    }
  }
  // "A*01:01g": the expressed alleles of one lgx group.
  std::vector<std::pair<GroupId, AlleleId>> byGroup;
  byGroup.reserve(n_.alleleCount());
  for (AlleleId a = 0; a < n_.alleleCount(); ++a)
    if (n_.expressed(a)) byGroup.emplace_back(n_.arsGroup(a), a);
  std::sort(byGroup.begin(), byGroup.end());
  std::string key;
  for (std::size_t b = 0; b < byGroup.size();) {
    std::size_t e = b;
    members.clear();
    while (e < byGroup.size() && byGroup[e].first == byGroup[b].first) members.push_back(byGroup[e++].second);
    key.assign(n_.groupName(byGroup[b].first));
    key += 'g';
    addToken(key, memberEntry(TokenKind::LgGroup, n_.locus(members.front()), members));
    b = e;
  }
  // The lg names py-ard's reading prints that the ARS groups above do not
  // have ("A*02:32Ng", "A*66:26Qg"), so that a reduction reads back in: the
  // alleles that reduce to it.
  byGroup.clear();
  for (AlleleId a = 0; a < n_.alleleCount(); ++a) byGroup.emplace_back(ix_.pyLgx[a], a);
  std::sort(byGroup.begin(), byGroup.end());
  for (std::size_t b = 0; b < byGroup.size();) {
    std::size_t e = b;
    while (e < byGroup.size() && byGroup[e].first == byGroup[b].first) ++e;
    key.assign(n_.groupName(byGroup[b].first));
    key += 'g';
    if (!ix_.tokens.find(key)) {
      members.clear();
      for (std::size_t i = b; i < e; ++i) members.push_back(byGroup[i].second);
      Entry entry = memberEntry(TokenKind::LgGroup, n_.locus(members.front()), members);
      entry.filter = 'p';
      addToken(key, entry);
    }
    b = e;
  }
}

void NomenclatureBuilder::addSerologyTokens() {
  std::string key;
  for (AntigenId s = 0; s < n_.antigenCount(); ++s) {
    const std::string& name = n_.antigenNames_[s];
    Entry e = memberEntry(ix_.antigenIsEpitope[s] ? TokenKind::Epitope : TokenKind::Serology, ix_.antigenLocus[s],
                          antigenCoverage_[s]);
    e.antigen = s;
    key.clear();
    for (char c : name) key += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    addToken(key, e);
    if (name.starts_with("Cw")) {  // "C7" is read as Cw7
      key.assign(1, 'C');
      key.append(name, 2);
      addToken(key, e);
    }
    // A broad antigen written as a first field ("A*10", "DRB1*02") stands for
    // the first fields of its splits, as py-ard reads it.
    const bool isBroad = n_.splitOffset_[s + 1] > n_.splitOffset_[s];
    const std::size_t digits = name.find_first_of("0123456789");
    if (!isBroad || !isMatchLocus(e.locus) || e.locus == Locus::DPB1 || name.size() - digits > 2) continue;
    std::string first(locusName(e.locus));
    first += '*';
    if (name.size() - digits == 1) first += '0';
    first += name.substr(digits);
    Entry prefix = e;
    prefix.kind = TokenKind::Prefix;
    prefix.fields = 1;
    prefix.antigen = kNoAntigen;
    addToken(first, prefix);
    prefix.kind = TokenKind::XX;
    addToken(first + ":XX", prefix);
  }
}

void NomenclatureBuilder::buildDeleted() {
  auto add = [&](std::string name, std::string successor, std::string_view reason) {
    if (ix_.deleted.find(name)) return;
    ix_.deleted[name] = static_cast<std::uint32_t>(ix_.deletedNames.size());
    ix_.deletedNames.push_back({std::move(successor), std::string(reason)});
  };
  ix_.deleted.reserve(raw_.deleted.size() + raw_.deletedListed.size());
  for (const RawDeleted& d : raw_.deleted)
    add(nameWithLocus(d.locus, d.name), d.successor.empty() ? std::string() : nameWithLocus(d.locus, d.successor),
        d.reason);
  for (const RawDeletedListed& d : raw_.deletedListed) {
    std::string name(d.name);
    if (name.starts_with("Cw*")) name.erase(1, 1);
    // "... identical to A*01:04:01:01N (July 2001)" / "... renamed A*02:1040 (January 2022)"
    std::string successor;
    for (std::string_view marker : {std::string_view("identical to "), std::string_view("renamed ")}) {
      const std::size_t at = d.description.find(marker);
      if (at == std::string_view::npos) continue;
      std::string_view rest = d.description.substr(at + marker.size());
      rest = rest.substr(0, rest.find_first_of(" ),"));
      if (rest.find('*') != std::string_view::npos) successor = std::string(rest);
      if (successor.starts_with("Cw*")) successor.erase(1, 1);
    }
    add(std::move(name), std::move(successor), d.description);
  }
  // Follow chains (0422 -> 0421 -> 04:15:02) so a lookup needs one step.
  for (auto& d : ix_.deletedNames) {
    for (int hop = 0; hop < 16 && !d.successor.empty() && !ix_.tokens.find(d.successor); ++hop) {
      const std::uint32_t* next = ix_.deleted.find(d.successor);
      if (!next) break;
      d.successor = ix_.deletedNames[*next].successor;
    }
    if (!d.successor.empty() && !ix_.tokens.find(d.successor)) d.successor.clear();
  }
}

}  // namespace dd::hla
