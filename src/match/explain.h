#pragma once
// Human-readable reasons for a result, as translatable messages (context
// "dd::match"); the Qt layers translate them with dd::qt::translated().
#include <vector>

#include "core/message.h"
#include "match/grading.h"
#include "match/ranking.h"

namespace dd::match {

// One message per position ("allele match", "potential allele match: 2 of 5
// possibilities match", ...) plus one for a one-directional mismatch.
std::vector<dd::Message> explainLocus(const LocusGrade& grade);
dd::Message explainDpb1(Dpb1Category category);
dd::Message explainAvailability(Availability availability);

}  // namespace dd::match
