#include "match/population.h"

#include <charconv>
#include <cmath>
#include <unordered_map>

#include <zlib.h>

namespace dd::match {
namespace {

using dd::hla::Locus;

// Rounded DPB1 allele frequencies of European-ancestry registries (DPB1*04:01
// dominates); fixed so synthetic registries are reproducible.
constexpr std::array<WeightedAllele, 14> kDpb1 = {{
    {"DPB1*04:01", 0.42}, {"DPB1*02:01", 0.12}, {"DPB1*04:02", 0.11}, {"DPB1*03:01", 0.10},
    {"DPB1*01:01", 0.05}, {"DPB1*13:01", 0.04}, {"DPB1*11:01", 0.03}, {"DPB1*05:01", 0.03},
    {"DPB1*10:01", 0.02}, {"DPB1*06:01", 0.02}, {"DPB1*17:01", 0.02}, {"DPB1*14:01", 0.02},
    {"DPB1*09:01", 0.01}, {"DPB1*15:01", 0.01},
}};

// File column order A~C~B~DRB1~DQB1 -> Locus.
constexpr std::array<Locus, kHaplotypeLoci> kFileLoci = {Locus::A, Locus::C, Locus::B, Locus::DRB1, Locus::DQB1};

dd::Error lineError(const std::string& source, std::size_t line, const char* text, std::string detail) {
  return dd::makeError("match.haplotype_file", "dd::match", text, {source, std::to_string(line), std::move(detail)},
                       source + ":" + std::to_string(line));
}

// "A*01:01", two or more numeric fields, for the expected locus.
bool isAlleleOf(std::string_view name, Locus locus) {
  const std::string_view prefix = dd::hla::locusName(locus);
  if (name.size() <= prefix.size() + 1 || name.substr(0, prefix.size()) != prefix || name[prefix.size()] != '*')
    return false;
  std::string_view fields = name.substr(prefix.size() + 1);
  if (!fields.empty() && std::string_view("NLSCAQ").find(fields.back()) != std::string_view::npos)
    fields.remove_suffix(1);
  int count = 0;
  std::size_t digits = 0;
  for (char c : fields) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == ':' && digits > 0) {
      ++count;
      digits = 0;
    } else {
      return false;
    }
  }
  return digits > 0 && count >= 1;
}

dd::Expected<std::string> readMaybeGzip(const std::filesystem::path& file) {
  gzFile in = gzopen(file.string().c_str(), "rb");  // reads plain text transparently too
  if (!in)
    return dd::makeError("match.haplotype_file_open", "dd::match",
                         QT_TRANSLATE_NOOP("dd::match", "Cannot open the haplotype frequency file %1."),
                         {file.string()}, file.string());
  std::string text;
  char buffer[1 << 16];
  int n = 0;
  while ((n = gzread(in, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<std::size_t>(n));
  int code = Z_OK;
  const std::string reason = n < 0 ? gzerror(in, &code) : "";
  gzclose(in);
  if (n < 0)
    return dd::makeError("match.haplotype_file_read", "dd::match",
                         QT_TRANSLATE_NOOP("dd::match", "Cannot read the haplotype frequency file %1: %2."),
                         {file.string(), reason}, file.string());
  return text;
}

}  // namespace

std::span<const WeightedAllele> syntheticDpb1Alleles() { return kDpb1; }

dd::Expected<HaplotypeFrequencies> HaplotypeFrequencies::load(const std::filesystem::path& file) {
  auto text = readMaybeGzip(file);
  if (!text) return text.error();
  return parse(*text, file.string());
}

dd::Expected<HaplotypeFrequencies> HaplotypeFrequencies::parse(std::string_view text, const std::string& source) {
  HaplotypeFrequencies result;
  std::array<std::unordered_map<std::string, std::uint16_t>, kLoci> indexOf;
  std::size_t lineNumber = 0;
  while (!text.empty()) {
    ++lineNumber;
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos || line.front() == '#') continue;

    const std::size_t comma1 = line.find(',');
    const std::size_t comma2 = comma1 == std::string_view::npos ? comma1 : line.find(',', comma1 + 1);
    if (comma2 == std::string_view::npos || line.find(',', comma2 + 1) != std::string_view::npos)
      return lineError(source, lineNumber,
                       QT_TRANSLATE_NOOP("dd::match",
                                         "%1, line %2: expected 'A~C~B~DRB1~DQB1,count,frequency' but found '%3'."),
                       std::string(line));
    const std::string_view haplotype = line.substr(0, comma1);
    const std::string_view frequencyText = line.substr(comma2 + 1);
    double frequency = 0;
    const auto parsed = std::from_chars(frequencyText.data(), frequencyText.data() + frequencyText.size(), frequency);
    if (parsed.ec != std::errc() || parsed.ptr != frequencyText.data() + frequencyText.size() ||
        !std::isfinite(frequency) || frequency <= 0 || frequency > 1)
      return lineError(source, lineNumber,
                       QT_TRANSLATE_NOOP("dd::match", "%1, line %2: the frequency '%3' is not a number above 0 and "
                                                      "at most 1."),
                       std::string(frequencyText));

    Haplotype entry;
    entry.frequency = frequency;
    std::string_view rest = haplotype;
    for (int column = 0; column < kHaplotypeLoci; ++column) {
      const std::size_t tilde = rest.find('~');
      const bool last = column == kHaplotypeLoci - 1;
      if ((tilde == std::string_view::npos) != last)
        return lineError(source, lineNumber,
                         QT_TRANSLATE_NOOP("dd::match",
                                           "%1, line %2: the haplotype '%3' does not have the five loci "
                                           "A~C~B~DRB1~DQB1."),
                         std::string(haplotype));
      const std::string name(rest.substr(0, tilde));
      rest.remove_prefix(last ? rest.size() : tilde + 1);
      const Locus locus = kFileLoci[static_cast<std::size_t>(column)];
      if (!isAlleleOf(name, locus))
        return lineError(source, lineNumber,
                         QT_TRANSLATE_NOOP("dd::match", "%1, line %2: '%3' is not an allele name of the locus "
                                                        "expected at its position (A~C~B~DRB1~DQB1)."),
                         name);
      auto& map = indexOf[static_cast<std::size_t>(locus)];
      auto& names = result.alleles_[static_cast<std::size_t>(locus)];
      auto [it, inserted] = map.emplace(name, static_cast<std::uint16_t>(names.size()));
      if (inserted) names.push_back(name);
      entry.allele[static_cast<std::size_t>(locus)] = it->second;
    }
    result.haplotypes_.push_back(entry);
  }
  if (result.haplotypes_.empty())
    return dd::makeError("match.haplotype_file_empty", "dd::match",
                         QT_TRANSLATE_NOOP("dd::match", "The haplotype frequency file %1 contains no haplotypes."),
                         {source}, source);
  for (const auto& dpb1 : kDpb1) result.alleles_[static_cast<std::size_t>(Locus::DPB1)].emplace_back(dpb1.name);
  return result;
}

GenotypeSampler::GenotypeSampler(const HaplotypeFrequencies& frequencies, std::uint64_t seed)
    : frequencies_(&frequencies), random_(seed) {
  std::vector<double> weights;
  weights.reserve(frequencies.haplotypes().size());
  for (const auto& h : frequencies.haplotypes()) weights.push_back(h.frequency);
  haplotypeTable_ = AliasTable(weights);
  std::vector<double> dpb1;
  for (const auto& a : kDpb1) dpb1.push_back(a.weight);
  dpb1Table_ = AliasTable(dpb1);
}

Genotype GenotypeSampler::next() {
  Genotype genotype;
  const auto& haplotypes = frequencies_->haplotypes();
  for (int slot = 0; slot < 2; ++slot) {
    const Haplotype& h = haplotypes[haplotypeTable_.sample(random_)];
    for (int locus = 0; locus < kHaplotypeLoci; ++locus) genotype.allele[locus][slot] = h.allele[locus];
    genotype.allele[static_cast<std::size_t>(Locus::DPB1)][slot] =
        static_cast<std::uint16_t>(dpb1Table_.sample(random_));
  }
  return genotype;
}

std::array<std::array<std::string, 2>, kLoci> GenotypeSampler::names(const Genotype& genotype) const {
  std::array<std::array<std::string, 2>, kLoci> out;
  for (int locus = 0; locus < kLoci; ++locus)
    for (int slot = 0; slot < 2; ++slot)
      out[locus][slot] = frequencies_->allele(static_cast<Locus>(locus), genotype.allele[locus][slot]);
  return out;
}

}  // namespace dd::match
