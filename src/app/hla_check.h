#pragma once
// The one place where a typing string meets the HLA engine. Validation calls
// the checker for each locus; it answers with the normalised form or the
// engine's own message ("unknown HLA allele ...").
#include <functional>
#include <memory>
#include <optional>

#include <QString>

#include "core/expected.h"
#include "core/message.h"
#include "model/vocabulary.h"

namespace dd::hla {
class Nomenclature;
}

namespace dd::app {

struct TypingCheck {
  QString normalised;          // set when valid
  std::optional<Error> error;  // set when invalid; field is "hla_<locus>"
};

// Checks one locus typing (non-empty raw). Replaceable so the front ends can
// hand in an engine loaded from --hla-data.
using HlaChecker = std::function<TypingCheck(model::Locus locus, const QString& raw)>;

// Loads a release folder (empty = the bundled one) after verifyHlaRelease.
// A folder that fails the check is refused, unless unverified HLA data was
// allowed for this process (--hla-data-unverified): then it loads and the
// reason becomes its first load warning, which every front end shows with
// its results.
Expected<std::shared_ptr<dd::hla::Nomenclature>> loadNomenclature(const QString& releaseDir = {});
// The same, with the NMDP MAC table at macTablePath installed (empty: none),
// so that codes such as A*02:AB are read. An error of the table has field
// kMacTableField: the caller's file, not the release.
inline constexpr const char* kMacTableField = "mac_table";
Expected<std::shared_ptr<dd::hla::Nomenclature>> loadNomenclature(const QString& releaseDir,
                                                                  const QString& macTablePath);
// A start-up choice of the front end, like the language.
void allowUnverifiedHlaData(bool allow);
// The warning a release loaded unverified carries, translated; empty for a
// verified one. Front ends show it with every result.
QString unverifiedHlaDataWarning(const dd::hla::Nomenclature& nomenclature);

// One loaded nomenclature per release folder for the whole process (loading
// takes about a second); empty dir = the bundled release. Thread-safe.
Expected<std::shared_ptr<const dd::hla::Nomenclature>> sharedNomenclature(const QString& releaseDir = {});

// The checker built on src/hla with the bundled (or --hla-data) nomenclature,
// loaded on first use. If it cannot be loaded, every typing is refused
// ("validation.hla_unavailable", naming why): nothing is stored unchecked.
HlaChecker defaultHlaChecker(const QString& hlaDataDir = {});
// The same checks on a nomenclature the caller already holds (the GUI loads
// it in the background).
HlaChecker makeHlaChecker(std::shared_ptr<const dd::hla::Nomenclature> nomenclature);

}  // namespace dd::app
