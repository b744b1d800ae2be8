#pragma once
// Realistic synthetic registry data for demos and benchmarks: Chinese names,
// valid ID numbers, regions of the province, ages, statuses, contact history,
// and HLA typings sampled from a haplotype frequency file. Deterministic for a
// given seed.
#include <functional>

#include <QString>

#include "app/actor.h"
#include "core/expected.h"

namespace dd::app {

class Registry;

struct GenerateOptions {
  int volunteers = 0;
  int patients = 0;
  quint64 seed = 1;
  QString haplotypeFile;  // A~C~B~DRB1~DQB1,count,freq lines (.gz or plain); empty = bundled CAU
  // IPD-IMGT/HLA release for mixed-resolution typings (serology, XX, allele
  // lists as real registries hold them); empty = bundled. If it cannot be
  // loaded every typing is two-field high resolution.
  QString hlaDataDir;
  Actor actor = Actor::fromOperatingSystem();
  std::function<void(int done, int total)> progress;
};

struct GenerateReport {
  int volunteers = 0;
  int patients = 0;
  int contacts = 0;
  int cases = 0;      // workup cases (app/synthetic_cases.h)
  int stoppedCases = 0;
  int followUps = 0;  // follow-up calls recorded after the donations
  qint64 batchId = 0;
};

Expected<GenerateReport> generateSyntheticData(Registry& registry, const GenerateOptions& options);

}  // namespace dd::app
