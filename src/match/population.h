#pragma once
// A donor population for synthetic registries and benchmarks: five-locus
// haplotype frequencies (`A~C~B~DRB1~DQB1,count,frequency` lines, gzip or
// plain text) and a seeded, deterministic sampler of genotypes.
//
// The frequency file has no DPB1. DPB1 is drawn independently of the
// haplotype from syntheticDpb1Alleles(): a short fixed list of common
// European DPB1 alleles with rounded published frequencies (documented in
// docs/matching.md). Good enough for exercising the TCE classification; not a
// population genetics model.
//
// Typical use (store `generate`, `bench search`):
//   auto freqs = dd::match::HaplotypeFrequencies::load(path);   // Expected<>
//   dd::match::GenotypeSampler sampler(*freqs, seed);
//   dd::match::Genotype g = sampler.next();
//   freqs->allele(dd::hla::Locus::B, g.allele[1][0])  -> "B*08:01"
// and, for realistic mixed-resolution typing strings, ResolutionMixer
// (match/resolution_mixer.h).
#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "hla/locus.h"
#include "match/random.h"

namespace dd::match {

// The six matching loci in dd::hla::Locus order: A, B, C, DRB1, DQB1, DPB1.
inline constexpr int kLoci = dd::hla::kMatchLocusCount;
inline constexpr int kHaplotypeLoci = 5;  // the file's loci (no DPB1)

struct Haplotype {
  std::array<std::uint16_t, kHaplotypeLoci> allele{};  // per locus A,B,C,DRB1,DQB1: index into alleles(locus)
  double frequency = 0;
};

struct WeightedAllele {
  const char* name;
  double weight;
};
// The fixed DPB1 list used for synthetic donors (weights sum to 1).
std::span<const WeightedAllele> syntheticDpb1Alleles();

class HaplotypeFrequencies {
 public:
  // Reads a gzip-compressed or plain file. Blank lines and '#' comments are
  // skipped; any other malformed line is an error naming file and line.
  static dd::Expected<HaplotypeFrequencies> load(const std::filesystem::path& file);
  // Same from text already in memory; sourceName is used in messages.
  static dd::Expected<HaplotypeFrequencies> parse(std::string_view text, const std::string& sourceName);

  const std::vector<Haplotype>& haplotypes() const { return haplotypes_; }
  // Allele names of a matching locus, first-seen order ("A*01:01"); DPB1 holds
  // the synthetic list.
  const std::vector<std::string>& alleles(dd::hla::Locus locus) const {
    return alleles_[static_cast<std::size_t>(locus)];
  }
  const std::string& allele(dd::hla::Locus locus, std::uint16_t index) const { return alleles(locus)[index]; }

 private:
  std::vector<Haplotype> haplotypes_;
  std::array<std::vector<std::string>, kLoci> alleles_;
};

// Two alleles per matching locus, as indices into HaplotypeFrequencies::alleles(locus).
struct Genotype {
  std::array<std::array<std::uint16_t, 2>, kLoci> allele{};
};

// Draws genotypes as two independent haplotypes by frequency (alias method),
// plus two DPB1 alleles. The same seed gives the same sequence on every
// platform. Keeps a reference: `frequencies` must outlive the sampler.
class GenotypeSampler {
 public:
  GenotypeSampler(const HaplotypeFrequencies& frequencies, std::uint64_t seed);
  Genotype next();
  // The sampler's generator, for callers that draw related choices (resolution, sex...).
  Random& random() { return random_; }
  const HaplotypeFrequencies& frequencies() const { return *frequencies_; }

  // Allele names of a genotype: names[locus][slot] like "A*02:01".
  std::array<std::array<std::string, 2>, kLoci> names(const Genotype& genotype) const;

 private:
  const HaplotypeFrequencies* frequencies_;
  Random random_;
  AliasTable haplotypeTable_;
  AliasTable dpb1Table_;
};

}  // namespace dd::match
