#include "match/typing.h"

#include <algorithm>
#include <functional>

namespace dd::match {
namespace {

using dd::hla::Locus;

std::vector<std::string_view> splitOn(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const std::size_t at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
  return parts;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

dd::Error typingError(const char* code, const char* text, std::string block) {
  return dd::makeError(code, "dd::match", text, {block}, block);
}

// "A*01:01+A*02:01" (already validated and normalised) -> two slots.
dd::Expected<LocusTyping> splitSlots(std::string_view normalized, std::string_view original) {
  if (normalized.find_first_of("|~^") != std::string_view::npos)
    return typingError("match.typing_genotype_list",
                       QT_TRANSLATE_NOOP("dd::match", "'%1' lists several genotypes or phased haplotypes; give one "
                                                      "typing per locus as SLOT+SLOT (alternatives with '/')."),
                       std::string(original));
  const auto parts = splitOn(normalized, '+');
  if (parts.size() > 2 || parts[0].empty() || (parts.size() == 2 && parts[1].empty()))
    return typingError("match.typing_slots",
                       QT_TRANSLATE_NOOP("dd::match", "'%1' must have one or two typings joined by '+'."),
                       std::string(original));
  LocusTyping typing;
  typing.slot[0] = std::string(parts[0]);
  typing.slot[1] = std::string(parts.size() == 2 ? parts[1] : parts[0]);
  return typing;
}

// A molecular name with two or more numeric fields and no suffix ("A*01:01"):
// it names an expressed protein.
bool namesExpressedProtein(std::string_view token) {
  const std::size_t star = token.find('*');
  if (star == std::string_view::npos) return false;
  const std::string_view fields = token.substr(star + 1);
  if (fields.empty() || fields.find(':') == std::string_view::npos) return false;
  return std::all_of(fields.begin(), fields.end(), [](char c) { return (c >= '0' && c <= '9') || c == ':'; });
}

// A key for the first `fields` fields of an allele name without its
// expression suffix ("A*01:01:01:02N", 2 -> "A*01:01"): a 64-bit hash, so two
// slots compare their cDNA / protein identities as sorted integer lists.
std::uint64_t fieldsKey(std::string_view alleleName, int fields) {
  std::size_t end = 0;
  int seen = 0;
  while (end < alleleName.size()) {
    if (alleleName[end] == ':' && ++seen == fields) break;
    ++end;
  }
  std::string_view prefix = alleleName.substr(0, end);
  while (!prefix.empty() && prefix.back() >= 'A' && prefix.back() <= 'Z') prefix.remove_suffix(1);
  return std::hash<std::string_view>{}(prefix);
}

// An allele name, with or without an expression suffix ("A*01:01",
// "A*01:04:01:01N"): a molecular typing by name rather than by code or group.
bool namesAllele(std::string_view token) {
  if (!token.empty() && std::string_view("NLSCAQ").find(token.back()) != std::string_view::npos)
    token.remove_suffix(1);
  return namesExpressedProtein(token);
}

std::uint32_t firstFieldKey(std::string_view alleleName, Locus locus) {
  const std::size_t star = alleleName.find('*');
  std::uint32_t value = 0;
  for (std::size_t i = star + 1; i < alleleName.size() && alleleName[i] >= '0' && alleleName[i] <= '9'; ++i)
    value = value * 10 + static_cast<std::uint32_t>(alleleName[i] - '0');
  return 0x01000000u | (static_cast<std::uint32_t>(locus) << 16) | (value & 0xFFFFu);
}

}  // namespace

dd::Status checkLocusCellShape(std::string_view text) {
  text = trimmed(text);
  // Messages quote only the start of an oversized cell.
  auto quoted = [&] { return std::string(text.substr(0, 40)) + (text.size() > 40 ? "..." : ""); };
  if (text.size() > kMaxLocusCellChars)
    return dd::makeError("match.typing_too_long", "dd::match",
                         QT_TRANSLATE_NOOP("dd::match", "The typing starting '%1' is %2 characters long; a locus "
                                                        "holds at most %3 (no lab report is longer)."),
                         {quoted(), std::to_string(text.size()), std::to_string(kMaxLocusCellChars)}, quoted());
  if (text.find('^') != std::string_view::npos)
    return typingError("match.typing_several_loci",
                       QT_TRANSLATE_NOOP("dd::match", "'%1' joins several loci with '^'; a locus cell holds the "
                                                      "typing of its own locus only."),
                       quoted());
  if (text.find_first_of("|~") != std::string_view::npos)
    return typingError("match.typing_genotype_list",
                       QT_TRANSLATE_NOOP("dd::match", "'%1' lists several genotypes or phased haplotypes; give one "
                                                      "typing per locus as SLOT+SLOT (alternatives with '/')."),
                       quoted());
  const auto parts = splitOn(text, '+');
  if (parts.size() > 2 || trimmed(parts[0]).empty() || (parts.size() == 2 && trimmed(parts[1]).empty()))
    return typingError("match.typing_slots",
                       QT_TRANSLATE_NOOP("dd::match", "'%1' must have one or two typings joined by '+'."), quoted());
  for (std::string_view part : parts)
    if (static_cast<std::size_t>(std::count(part.begin(), part.end(), '/')) + 1 > kMaxAlternativesPerSlot)
      return dd::makeError("match.typing_too_ambiguous", "dd::match",
                           QT_TRANSLATE_NOOP("dd::match", "The typing starting '%1' lists more than %2 alternatives "
                                                          "for one position; give the lab's typing at a resolution "
                                                          "it reports (a G group, P group or code)."),
                           {quoted(), std::to_string(kMaxAlternativesPerSlot)}, quoted());
  return {};
}

dd::Expected<LocusTyping> parseLocusTyping(std::string_view text, Locus locus,
                                           const dd::hla::Nomenclature& nomenclature) {
  text = trimmed(text);
  if (text.empty()) return LocusTyping{};
  if (dd::Status shape = checkLocusCellShape(text); !shape) return shape.error();
  auto validated = nomenclature.validate(text, locus);
  if (!validated) return validated.error();
  return splitSlots(validated->normalized, text);
}

dd::Expected<Typing> parseTyping(std::string_view gl, const dd::hla::Nomenclature& nomenclature) {
  Typing typing;
  std::array<bool, kMatchLoci> seen{};
  gl = trimmed(gl);
  if (gl.empty())
    return dd::makeError("match.typing_empty", "dd::match",
                         QT_TRANSLATE_NOOP("dd::match", "The typing is empty; give at least one locus, e.g. "
                                                        "A*01:01+A*02:01^B*08:01+B*44:02."));
  for (std::string_view block : splitOn(gl, '^')) {
    block = trimmed(block);
    auto validated = nomenclature.validate(block);
    if (!validated) return validated.error();
    if (!validated->locus)
      return typingError("match.typing_locus",
                         QT_TRANSLATE_NOOP("dd::match", "'%1' must name exactly one locus (loci are separated by "
                                                        "'^')."),
                         std::string(block));
    const Locus locus = *validated->locus;
    if (!dd::hla::isMatchLocus(locus))
      return typingError("match.typing_not_match_locus",
                         QT_TRANSLATE_NOOP("dd::match", "'%1' is not one of the matching loci A, B, C, DRB1, DQB1, "
                                                        "DPB1."),
                         std::string(block));
    const auto index = static_cast<std::size_t>(locus);
    if (seen[index])
      return typingError("match.typing_duplicate_locus",
                         QT_TRANSLATE_NOOP("dd::match", "The locus of '%1' is given twice."), std::string(block));
    seen[index] = true;
    auto locusSlots = splitSlots(validated->normalized, block);
    if (!locusSlots) return locusSlots.error();
    typing.locus[index] = std::move(*locusSlots);
  }
  return typing;
}

dd::Expected<SlotProfile> profileSlot(std::string_view text, Locus locus, const dd::hla::Nomenclature& nomenclature) {
  SlotProfile profile;
  text = trimmed(text);
  if (text.empty()) return profile;
  profile.typed = true;
  std::vector<dd::hla::AlleleId> alleles, tokenAlleles;
  bool allSerology = true, allNames = true;
  for (std::string_view token : splitOn(text, '/')) {
    token = trimmed(token);
    tokenAlleles.clear();
    dd::hla::SlotInfo info;
    auto status = nomenclature.expandSlot(token, locus, tokenAlleles, &info);
    if (!status) return status.error();
    const bool named = namesExpressedProtein(token);
    allSerology = allSerology && info.serologyOnly;
    allNames = allNames && namesAllele(token);
    // A name means its expressed protein, unless nothing under it is expressed.
    const bool anyExpressed = std::any_of(tokenAlleles.begin(), tokenAlleles.end(),
                                          [&](auto a) { return nomenclature.expressed(a); });
    for (auto a : tokenAlleles)
      if (!named || !anyExpressed || nomenclature.expressed(a)) alleles.push_back(a);
  }
  profile.method = allSerology ? TypingMethod::Serology : allNames ? TypingMethod::Alleles : TypingMethod::Consolidated;
  std::sort(alleles.begin(), alleles.end());
  alleles.erase(std::unique(alleles.begin(), alleles.end()), alleles.end());
  profile.nullOnly =
      !alleles.empty() && std::none_of(alleles.begin(), alleles.end(), [&](auto a) { return nomenclature.expressed(a); });
  if (!profile.nullOnly)
    std::erase_if(alleles, [&](auto a) { return !nomenclature.expressed(a); });
  for (auto a : alleles) {
    const std::string_view name = nomenclature.alleleName(a);
    profile.threeFields.push_back(fieldsKey(name, 3));
    profile.twoFields.push_back(fieldsKey(name, 2));
    if (const auto g = nomenclature.gGroup(a); g != dd::hla::kNoGroup) profile.gGroups.push_back(g);
    if (profile.nullOnly) continue;
    profile.groups.push_back(nomenclature.arsGroup(a));
    const auto antigens = nomenclature.antigens(a);
    if (antigens.empty()) {
      profile.antigens.push_back(firstFieldKey(name, locus));
    } else {
      for (auto s : antigens) profile.antigens.push_back(s);
    }
    if (locus == Locus::DPB1) {
      const auto tce = nomenclature.tce(a);
      for (std::size_t version = 0; version < 2; ++version) {
        const auto group = version == 0 ? tce.v1 : tce.v2;
        profile.tceMask[version] |= static_cast<std::uint8_t>(group >= 1 && group <= 3 ? (1u << group) : 1u);
      }
    }
  }
  if (profile.nullOnly) profile.groups.push_back(kNullGroup);
  profile.alleles = std::move(alleles);
  for (auto* list : {&profile.groups, &profile.antigens, &profile.gGroups}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  for (auto* list : {&profile.threeFields, &profile.twoFields}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
  for (auto key : profile.antigens)
    profile.broads.push_back(key < 0x10000u ? nomenclature.broadOf(static_cast<dd::hla::AntigenId>(key)) : key);
  if (profile.groups.empty()) profile.typed = false;  // nothing current matched (cannot happen for valid input)
  return profile;
}

}  // namespace dd::match
