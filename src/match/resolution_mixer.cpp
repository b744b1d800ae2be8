#include "match/resolution_mixer.h"

#include <algorithm>
#include <map>

namespace dd::match {
namespace {

using dd::hla::Locus;

// "A*02:01:01:02L" -> "A*02:01"; "A*02:01" -> "A*02:01".
std::string twoFieldName(std::string_view name) {
  const std::size_t first = name.find(':');
  if (first == std::string_view::npos) return std::string(name);
  std::size_t end = name.find(':', first + 1);
  std::string two(name.substr(0, end));
  while (!two.empty() && (two.back() < '0' || two.back() > '9')) two.pop_back();
  return two;
}

std::string firstField(std::string_view name) { return std::string(name.substr(0, name.find(':'))); }

}  // namespace

std::uint32_t ResolutionMixer::intern(int locus, const std::string& text) {
  auto& texts = texts_[static_cast<std::size_t>(locus)];
  const auto found = std::find(texts.begin(), texts.end(), text);
  if (found != texts.end()) return static_cast<std::uint32_t>(found - texts.begin());
  texts.push_back(text);
  return static_cast<std::uint32_t>(texts.size() - 1);
}

ResolutionMixer::ResolutionMixer(const HaplotypeFrequencies& frequencies, const dd::hla::Nomenclature& nomenclature) {
  // Expressed two-field names of every matching locus, grouped by first field.
  std::array<std::map<std::string, std::vector<std::string>>, kMatchLoci> byFirstField;
  for (dd::hla::AlleleId a = 0; a < nomenclature.alleleCount(); ++a) {
    const Locus locus = nomenclature.locus(a);
    if (!dd::hla::isMatchLocus(locus) || !nomenclature.expressed(a)) continue;
    const std::string two = twoFieldName(nomenclature.alleleName(a));
    byFirstField[static_cast<std::size_t>(locus)][firstField(two)].push_back(two);
  }
  for (auto& locusMap : byFirstField)
    for (auto& [field, names] : locusMap) {
      std::sort(names.begin(), names.end());
      names.erase(std::unique(names.begin(), names.end()), names.end());
    }

  std::vector<dd::hla::AlleleId> expanded;
  for (int locus = 0; locus < kMatchLoci; ++locus) {
    for (const std::string& allele : frequencies.alleles(static_cast<Locus>(locus))) {
      Variants v;
      v.high = intern(locus, allele);
      const std::string field = firstField(allele);
      const auto& siblings = byFirstField[static_cast<std::size_t>(locus)][field];
      std::vector<std::string> partners;
      const auto self = std::find(siblings.begin(), siblings.end(), allele);
      const std::size_t start = self == siblings.end() ? 0 : static_cast<std::size_t>(self - siblings.begin()) + 1;
      for (std::size_t k = 0; k < siblings.size() && partners.size() < 3; ++k) {
        const std::string& candidate = siblings[(start + k) % siblings.size()];
        if (candidate != allele) partners.push_back(candidate);
      }
      if (!partners.empty()) {
        v.lists.push_back(intern(locus, allele + "/" + partners[0]));
        if (partners.size() >= 2) v.lists.push_back(intern(locus, allele + "/" + partners[0] + "/" + partners[1]));
        if (partners.size() >= 3) v.lists.push_back(intern(locus, allele + "/" + partners[2]));
      }
      v.xx = intern(locus, field + ":XX");
      v.serology = v.xx;
      expanded.clear();
      if (locus != static_cast<int>(Locus::DPB1) && nomenclature.expandSlot(allele, static_cast<Locus>(locus), expanded)) {
        for (auto a : expanded) {
          const auto antigens = nomenclature.antigens(a);
          if (nomenclature.expressed(a) && !antigens.empty()) {
            v.serology = intern(locus, nomenclature.antigenName(antigens.front()));
            break;
          }
        }
      }
      variants_[static_cast<std::size_t>(locus)].push_back(std::move(v));
    }
  }
}

MixedTyping ResolutionMixer::mix(const Genotype& genotype, Random& random) const {
  MixedTyping typing;
  const double roll = random.uniform();
  typing.resolution = roll < 0.80 ? Resolution::High : roll < 0.95 ? Resolution::Ambiguous : Resolution::Low;
  const bool serology = typing.resolution == Resolution::Low && random.uniform() < 0.5;
  for (int locus = 0; locus < kMatchLoci; ++locus)
    for (int s = 0; s < 2; ++s) {
      const Variants& v = variants_[static_cast<std::size_t>(locus)][genotype.allele[locus][s]];
      std::uint32_t id = v.high;
      if (typing.resolution == Resolution::Ambiguous && !v.lists.empty())
        id = v.lists[random.below(static_cast<std::uint32_t>(v.lists.size()))];
      if (typing.resolution == Resolution::Low) id = serology ? v.serology : v.xx;
      typing.slot[locus][s] = id;
    }
  return typing;
}

std::string ResolutionMixer::locusTyping(const MixedTyping& typing, int locus) const {
  const auto& texts = slotTexts(locus);
  return texts[typing.slot[locus][0]] + "+" + texts[typing.slot[locus][1]];
}

std::string ResolutionMixer::glString(const MixedTyping& typing) const {
  std::string gl;
  for (int locus = 0; locus < kMatchLoci; ++locus) {
    if (locus) gl += '^';
    gl += locusTyping(typing, locus);
  }
  return gl;
}

}  // namespace dd::match
