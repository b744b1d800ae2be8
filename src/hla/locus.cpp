#include "hla/locus.h"

#include <cctype>
#include <string>

namespace dd::hla {

std::optional<Locus> parseLocus(std::string_view text) {
  if (text.size() > 4 && (text[0] == 'H' || text[0] == 'h') && (text[1] == 'L' || text[1] == 'l') &&
      (text[2] == 'A' || text[2] == 'a') && text[3] == '-')
    text.remove_prefix(4);
  if (text.empty() || text.size() > 8) return std::nullopt;
  char upper[8];
  for (std::size_t i = 0; i < text.size(); ++i)
    upper[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
  const std::string_view name(upper, text.size());
  if (name == "CW") return Locus::C;  // serological spelling of C
  for (int i = 0; i < kLocusCount; ++i)
    if (kLocusNames[static_cast<std::size_t>(i)] == name) return static_cast<Locus>(i);
  return std::nullopt;
}

}  // namespace dd::hla
