#pragma once
// What the matching engine needs of one volunteer, in plain C++ (no Qt), as
// read by the bulk reader (VolunteerRepository::forEachDonor). Compact on
// purpose: a million of these are streamed into the in-memory index.
#include <array>
#include <cstdint>
#include <string>

#include "model/vocabulary.h"

namespace dd::model {

struct DonorRecord {
  std::int64_t id = 0;
  std::string registryNo;
  VolunteerStatus status = VolunteerStatus::Active;
  // True when the volunteer may be offered to a patient today: active, or a
  // temporary deferral whose until date has passed.
  bool available = false;
  std::int32_t birthDate = 0;        // yyyymmdd, e.g. 19900131
  std::int32_t lastContactOk = 0;    // yyyymmdd of the last contact that reached them; 0 = never
  char sex = 'M';                    // 'M' or 'F'
  std::string abo;                   // "A", "B", "AB", "O" or empty
  char rh = '?';                     // '+', '-' or '?'
  Cmv cmv = Cmv::Unknown;
  // Raw typing per locus in kAllLoci order, exactly as received (may be
  // empty, serology, allele list, GL string fragment, ...).
  std::array<std::string, kLocusCount> hla;
};

// Age in whole years on `today` (both yyyymmdd).
inline int ageOn(std::int32_t birthYmd, std::int32_t todayYmd) {
  int age = todayYmd / 10000 - birthYmd / 10000;
  if (todayYmd % 10000 < birthYmd % 10000) --age;
  return age;
}

}  // namespace dd::model
