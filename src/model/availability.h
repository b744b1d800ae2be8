#pragma once
// When a volunteer may be offered to a patient: the one rule the donor
// listing (store), the search (app) and the GUI share. Pure C++ on yyyymmdd
// days so the bulk reader can apply it without building dates.
#include <cstdint>

#include "model/vocabulary.h"

namespace dd::model {

// Active, or a temporary deferral whose until day (yyyymmdd, 0 = none) has
// come by today (yyyymmdd), and no withdrawal asked for: a volunteer who
// asked to withdraw leaves the searches at once, before staff confirm it.
// Every other status is unavailable.
constexpr bool availableOn(VolunteerStatus status, std::int32_t untilYmd, std::int32_t todayYmd,
                           bool withdrawalRequested) {
  if (withdrawalRequested) return false;
  return status == VolunteerStatus::Active ||
         (status == VolunteerStatus::TemporarilyDeferred && untilYmd != 0 && untilYmd <= todayYmd);
}

}  // namespace dd::model
