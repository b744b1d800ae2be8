#pragma once
// Outcome of a use case that writes: the saved record, or every reason it was
// not saved. Validation errors carry Error::field (the column key, e.g.
// "id_number") so a form can put each message next to its field.
#include <optional>
#include <vector>

#include <QString>

#include "core/message.h"

namespace dd::app {

// Stable error codes (Error::code) callers may branch on.
namespace codes {
inline constexpr const char* conflict = "store.conflict";    // changed by someone else: reload
inline constexpr const char* notFound = "store.not_found";
inline constexpr const char* database = "store.database";    // the database refused or failed
inline constexpr const char* possibleDuplicate = "validation.possible_duplicate";  // a warning
inline constexpr const char* caseAtRisk = "validation.case_at_risk";  // a warning: open risk flags before mobilisation
}  // namespace codes

template <class T>
struct SaveResult {
  std::optional<T> value;
  std::vector<Error> errors;    // nothing was written when non-empty
  std::vector<Error> warnings;  // soft problems; repeat the call with acceptWarnings to save anyway

  bool ok() const { return value.has_value(); }
  bool conflict() const {
    for (const Error& e : errors)
      if (e.code == codes::conflict) return true;
    return false;
  }
  // Only warnings stand in the way: ask the user, then call again accepting them.
  bool needsConfirmation() const { return !ok() && errors.empty() && !warnings.empty(); }
  static SaveResult failure(Error error) {
    SaveResult result;
    result.errors.push_back(std::move(error));
    return result;
  }
};

}  // namespace dd::app
