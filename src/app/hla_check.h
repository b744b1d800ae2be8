#pragma once
// The one place where a typing string meets the HLA engine. Validation calls
// checkTyping() for each locus; it answers with the normalised form or the
// engine's own message ("unknown HLA allele ...").
#include <functional>
#include <optional>

#include <QString>

#include "core/message.h"
#include "store/vocabulary.h"

namespace dd::app {

struct TypingCheck {
  QString normalised;          // set when valid
  std::optional<Error> error;  // set when invalid; field is "hla_<locus>"
};

// Checks one locus typing (non-empty raw). Replaceable so the front ends can
// hand in an engine loaded from --hla-data.
using HlaChecker = std::function<TypingCheck(store::Locus locus, const QString& raw)>;

// The checker built on src/hla with the bundled (or --hla-data) nomenclature,
// loaded once on first use. Falls back to a syntax check while the engine is
// unavailable.
HlaChecker defaultHlaChecker(const QString& hlaDataDir = {});

}  // namespace dd::app
