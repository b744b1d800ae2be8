#pragma once
// Synthetic donors for benchmarks and tests: genotypes from the haplotype
// frequencies, typings mixed in resolution (resolution_mixer.h) and plausible
// donor factors. The stream is deterministic for a seed, so the fast index
// and the naive reference can be fed the very same registry.
#include <cstdint>

#include "core/expected.h"
#include "match/donor_index.h"
#include "match/population.h"
#include "match/resolution_mixer.h"

namespace dd::match {

struct SyntheticDonor {
  MixedTyping typing;
  DonorFactors factors;
};

class SyntheticDonorSource {
 public:
  // Keeps references: frequencies and mixer must outlive the source.
  SyntheticDonorSource(const HaplotypeFrequencies& frequencies, const ResolutionMixer& mixer, std::uint64_t seed);

  // Factors: birth year 1966-2006, half male, 60% CMV positive, ABO
  // O 31% / A 28% / B 30% / AB 11%, last contact 2021-2025 (20% never),
  // 90% available (the rest deferred, reserved, lost, withdrawn or retired).
  SyntheticDonor next();
  // The same donor as the store would hand it over (text fields).
  DonorRecord record(const SyntheticDonor& donor, std::int64_t volunteerId) const;
  const ResolutionMixer& mixer() const { return *mixer_; }

 private:
  const ResolutionMixer* mixer_;
  GenotypeSampler sampler_;
};

// Appends `count` donors (volunteer ids 1..count, no registry numbers) through
// the fast path: each distinct mixer text is expanded once. Fails if a typing
// the mixer produces does not expand (bad haplotype file for this release).
dd::Status appendSyntheticDonors(DonorIndex& index, SyntheticDonorSource& source, std::size_t count);

// A patient drawn from the population, typed at high resolution.
Typing drawPatient(GenotypeSampler& sampler);

}  // namespace dd::match
