#pragma once
// Turns sampled genotypes into typings as a real registry holds them: most
// donors typed at high resolution, some with two-field ambiguity, a few at
// serology / first-field (XX) level. Per donor, one resolution:
//   High       80%  "A*02:01"
//   Ambiguous  15%  allele lists of the allele and neighbours sharing its first
//                   field ("A*02:01/A*02:05"), one of three fixed variants per slot
//   Low         5%  half of these donors serology ("A2", "DR15"; XX where the
//                   allele has no serological equivalent, and always for DPB1),
//                   half first field ("A*02:XX")
// Deterministic: every choice is drawn from the caller's Random.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "hla/nomenclature.h"
#include "match/population.h"
#include "match/random.h"
#include "match/typing.h"

namespace dd::match {

enum class Resolution : std::uint8_t { High, Ambiguous, Low };

struct MixedTyping {
  Resolution resolution = Resolution::High;
  // Per locus and slot: index into ResolutionMixer::slotTexts(locus).
  std::array<std::array<std::uint32_t, 2>, kMatchLoci> slot{};
};

class ResolutionMixer {
 public:
  // Keeps references to both arguments (they must outlive the mixer).
  ResolutionMixer(const HaplotypeFrequencies& frequencies, const dd::hla::Nomenclature& nomenclature);

  MixedTyping mix(const Genotype& genotype, Random& random) const;

  const std::vector<std::string>& slotTexts(int locus) const { return texts_[static_cast<std::size_t>(locus)]; }
  // "A*02:01+A*24:02" for one locus.
  std::string locusTyping(const MixedTyping& typing, int locus) const;
  // The whole typing as a GL String over the six loci.
  std::string glString(const MixedTyping& typing) const;

 private:
  struct Variants {
    std::uint32_t high = 0;
    std::vector<std::uint32_t> lists;  // ambiguous variants (may be empty: no neighbour)
    std::uint32_t xx = 0;
    std::uint32_t serology = 0;  // == xx when the allele has no serological equivalent
  };
  std::uint32_t intern(int locus, const std::string& text);

  std::array<std::vector<std::string>, kMatchLoci> texts_;
  std::array<std::vector<Variants>, kMatchLoci> variants_;  // per allele index of HaplotypeFrequencies
};

}  // namespace dd::match
