#include "hla/allele_name.h"

namespace dd::hla::detail {

std::optional<ParsedName> parseFields(Locus locus, std::string_view text, std::string_view suffixes) {
  ParsedName parsed;
  parsed.locus = locus;
  if (!text.empty() && !(text.back() >= '0' && text.back() <= '9')) {
    if (suffixes.find(text.back()) == std::string_view::npos) return std::nullopt;
    parsed.suffix = text.back();
    text.remove_suffix(1);
  }
  std::size_t i = 0;
  for (;;) {
    if (parsed.fieldCount == 4) return std::nullopt;
    std::uint32_t value = 0;
    std::size_t digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      value = value * 10 + static_cast<std::uint32_t>(text[i] - '0');
      ++digits;
      ++i;
    }
    if (digits < 2 || digits > 5 || value > 65535) return std::nullopt;
    parsed.fields[parsed.fieldCount] = static_cast<std::uint16_t>(value);
    parsed.widths[parsed.fieldCount] = static_cast<std::uint8_t>(digits);
    ++parsed.fieldCount;
    if (i == text.size()) return parsed;
    if (text[i] != ':') return std::nullopt;
    ++i;
  }
}

std::optional<ParsedName> parseAlleleName(std::string_view name, std::string_view suffixes) {
  const std::size_t star = name.find('*');
  if (star == std::string_view::npos) return std::nullopt;
  const auto locus = parseLocus(name.substr(0, star));
  if (!locus) return std::nullopt;
  return parseFields(*locus, name.substr(star + 1), suffixes);
}

SortKey sortKeyOf(std::string_view name) {
  SortKey key;
  const std::size_t star = name.find('*');
  if (star != std::string_view::npos) {
    if (const auto locus = parseLocus(name.substr(0, star))) key.locus = static_cast<std::uint8_t>(*locus);
    std::string_view rest = name.substr(star + 1);
    int field = 0;
    std::int32_t value = -1;
    for (char c : rest) {
      if (c >= '0' && c <= '9') {
        value = (value < 0 ? 0 : value * 10) + (c - '0');
      } else if (c == ':') {
        if (field < 4) key.fields[static_cast<std::size_t>(field++)] = value;
        value = -1;
      } else {
        key.suffix = c;
      }
    }
    if (field < 4) key.fields[static_cast<std::size_t>(field)] = value;
    return key;
  }
  // Serology: letters then a number ("DR15", "Cw7", "Bw4").
  key.kind = 1;
  std::size_t digits = 0;
  while (digits < name.size() && !(name[digits] >= '0' && name[digits] <= '9')) ++digits;
  std::int32_t value = 0;
  for (std::size_t i = digits; i < name.size(); ++i)
    if (name[i] >= '0' && name[i] <= '9') value = value * 10 + (name[i] - '0');
  key.fields[0] = static_cast<std::int32_t>(name[0]);  // keeps A < B < Cw < DP < DQ < DR
  key.fields[1] = digits > 1 ? static_cast<std::int32_t>(name[1]) : 0;
  key.fields[2] = value;
  return key;
}

}  // namespace dd::hla::detail
