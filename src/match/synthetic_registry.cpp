#include "match/synthetic_registry.h"

namespace dd::match {

SyntheticDonorSource::SyntheticDonorSource(const HaplotypeFrequencies& frequencies, const ResolutionMixer& mixer,
                                           std::uint64_t seed)
    : mixer_(&mixer), sampler_(frequencies, seed) {}

SyntheticDonor SyntheticDonorSource::next() {
  SyntheticDonor donor;
  const Genotype genotype = sampler_.next();
  Random& random = sampler_.random();
  donor.typing = mixer_->mix(genotype, random);
  DonorFactors& f = donor.factors;
  f.birthYear = 1966 + static_cast<int>(random.below(41));
  f.sex = random.uniform() < 0.5 ? Sex::Male : Sex::Female;
  f.cmv = random.uniform() < 0.6 ? Cmv::Positive : Cmv::Negative;
  const double abo = random.uniform();
  f.abo = abo < 0.31 ? Abo::O : abo < 0.59 ? Abo::A : abo < 0.89 ? Abo::B : Abo::AB;
  if (random.uniform() >= 0.2)
    f.lastContactYmd = (2021 + static_cast<int>(random.below(5))) * 10000 +
                       (1 + static_cast<int>(random.below(12))) * 100 + 1 + static_cast<int>(random.below(28));
  if (random.uniform() >= 0.9) f.availability = static_cast<Availability>(1 + random.below(5));
  return donor;
}

DonorRecord SyntheticDonorSource::record(const SyntheticDonor& donor, std::int64_t volunteerId) const {
  DonorRecord record;
  record.volunteerId = volunteerId;
  for (int locus = 0; locus < kMatchLoci; ++locus)
    record.locusTyping[static_cast<std::size_t>(locus)] = mixer_->locusTyping(donor.typing, locus);
  record.factors = donor.factors;
  return record;
}

dd::Status appendSyntheticDonors(DonorIndex& index, SyntheticDonorSource& source, std::size_t count) {
  // mixer text index -> index slot id, filled on first use.
  std::array<std::vector<std::uint32_t>, kMatchLoci> slotIds;
  index.reserve(index.size() + count);
  const std::int64_t firstId = static_cast<std::int64_t>(index.size()) + 1;
  for (std::size_t i = 0; i < count; ++i) {
    const SyntheticDonor donor = source.next();
    SlotIds donorSlots{};
    for (int locus = 0; locus < kMatchLoci; ++locus)
      for (int s = 0; s < 2; ++s) {
        const std::uint32_t text = donor.typing.slot[locus][s];
        auto& map = slotIds[static_cast<std::size_t>(locus)];
        if (text >= map.size()) map.resize(text + 1, 0xFFFFFFFFu);
        if (map[text] == 0xFFFFFFFFu) {  // expand each distinct text once, when it first occurs
          auto id = index.internSlot(locus, source.mixer().slotTexts(locus)[text]);
          if (!id) return id.error();
          map[text] = *id;
        }
        donorSlots[locus][s] = map[text];
      }
    index.append(firstId + static_cast<std::int64_t>(i), donorSlots, packFactors(donor.factors));
  }
  return {};
}

Typing drawPatient(GenotypeSampler& sampler) {
  Typing typing;
  const auto names = sampler.names(sampler.next());
  for (int locus = 0; locus < kMatchLoci; ++locus) typing.locus[static_cast<std::size_t>(locus)].slot = names[locus];
  return typing;
}

}  // namespace dd::match
