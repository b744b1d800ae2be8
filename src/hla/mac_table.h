#pragma once
// NMDP multiple-allele codes (MAC): "A*02:AB" means A*02:01/A*02:02 when the
// table says AB = 01/02. NMDP publishes the table (numer.v3.txt) as
// tab-separated lines CODE<TAB>EXPANSION where EXPANSION is either a list of
// second fields ("01/02", combined with the typing's first field) or a list of
// full field:field names ("01:01/02:01", the first field comes from the table).
// DonorDesk ships no table; users load one with --mac FILE (CLI) or
// Nomenclature::setMacTable().
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/expected.h"

namespace dd::hla {

class MacTable {
 public:
  // One code's meaning. generic: second fields only ("01", "02"); otherwise
  // each entry is "field:field" ("01:01", "02:01").
  struct Entry {
    bool generic = true;
    std::vector<std::string> parts;
  };

  // Adds or replaces a code. Returns an error for a malformed code or expansion.
  dd::Status add(std::string_view code, std::string_view expansion);

  const Entry* find(std::string_view code) const;  // nullptr if unknown; code is upper case letters
  std::size_t size() const { return codes_.size(); }
  bool empty() const { return codes_.empty(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Entry, Hash, std::equal_to<>> codes_;
};

// Reads a MAC table file. Blank lines and lines starting with '#' or '*' are
// skipped, as is any header before the first valid code line (a title, a
// date, "CODE<TAB>SUBTYPE").
// Errors name the file, the line number and the reason.
dd::Expected<MacTable> loadMacTable(const std::filesystem::path& file);

// True for text that looks like a MAC code (2-5 upper-case letters, not "XX").
bool looksLikeMacCode(std::string_view text);

}  // namespace dd::hla
