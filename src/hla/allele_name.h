#pragma once
// Parsing of molecular HLA names ("A*02:01:01:01N", "DRB1*15:01P") into
// locus, numeric fields and a trailing letter, plus the "smart" order the
// output uses (locus, then fields numerically: A*02:09 < A*02:10 < A*02:100).
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "hla/locus.h"

namespace dd::hla::detail {

struct ParsedName {
  Locus locus = Locus::A;
  std::uint8_t fieldCount = 0;             // 1..4
  std::array<std::uint16_t, 4> fields{};   // numeric values
  std::array<std::uint8_t, 4> widths{};    // digits as written (leading zeros matter for names)
  char suffix = 0;                         // N L S C A Q (expression), G P g (group), or 0
};

inline bool isExpressionSuffix(char c) {
  return c == 'N' || c == 'L' || c == 'S' || c == 'C' || c == 'A' || c == 'Q';
}

// Parses the part after '*' ("02:01:01:01N"); nullopt if a field is not
// 2-5 digits or there are more than four fields. `suffixes` lists the letters
// allowed at the end.
std::optional<ParsedName> parseFields(Locus locus, std::string_view fields, std::string_view suffixes);

// Parses "A*02:01N" (locus with '*'); nullopt when malformed or the locus is unknown.
std::optional<ParsedName> parseAlleleName(std::string_view name, std::string_view suffixes);

// A key whose lexicographic order is the smart order of names; serology and
// other non-molecular names sort after molecular ones of the same locus.
struct SortKey {
  std::uint8_t locus = 0;
  std::uint8_t kind = 0;  // 0 molecular, 1 serology
  std::array<std::int32_t, 4> fields{-1, -1, -1, -1};
  char suffix = 0;
  auto operator<=>(const SortKey&) const = default;
};
SortKey sortKeyOf(std::string_view name);

}  // namespace dd::hla::detail
