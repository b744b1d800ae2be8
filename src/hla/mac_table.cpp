#include "hla/mac_table.h"

#include "hla/file_reading.h"

namespace dd::hla {
namespace {

bool isUpperLetters(std::string_view text) {
  for (char c : text)
    if (c < 'A' || c > 'Z') return false;
  return !text.empty();
}

// "01", "101", "01N": digits then at most one expression suffix letter.
bool isField(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits < 2) return false;
  if (digits == text.size()) return true;
  return digits + 1 == text.size() && std::string_view("NLSCAQ").find(text.back()) != std::string_view::npos;
}

}  // namespace

bool looksLikeMacCode(std::string_view text) {
  return text.size() >= 2 && text.size() <= 6 && text != "XX" && isUpperLetters(text);
}

dd::Status MacTable::add(std::string_view code, std::string_view expansion) {
  if (!looksLikeMacCode(code))
    return dd::makeError("hla.mac_bad_code", "dd::hla",
                         QT_TRANSLATE_NOOP("dd::hla", "'%1' is not a multiple-allele code (2 to 6 capital letters, not XX)."),
                         {std::string(code)}, std::string(code));
  Entry entry;
  std::vector<std::string_view> parts;
  detail::split(expansion, '/', parts);
  bool first = true;
  for (std::string_view part : parts) {
    const std::size_t colon = part.find(':');
    const bool generic = colon == std::string_view::npos;
    const bool ok = generic ? isField(part)
                            : isField(part.substr(0, colon)) && isField(part.substr(colon + 1)) &&
                                  part.substr(0, colon).find_first_not_of("0123456789") == std::string_view::npos;
    if (!ok || (!first && generic != entry.generic))
      return dd::makeError("hla.mac_bad_expansion", "dd::hla",
                           QT_TRANSLATE_NOOP("dd::hla", "The expansion '%1' of code %2 is not a list like 01/02 or 01:01/02:01."),
                           {std::string(expansion), std::string(code)}, std::string(part));
    entry.generic = generic;
    entry.parts.emplace_back(part);
    first = false;
  }
  codes_.insert_or_assign(std::string(code), std::move(entry));
  return {};
}

const MacTable::Entry* MacTable::find(std::string_view code) const {
  const auto it = codes_.find(code);
  return it == codes_.end() ? nullptr : &it->second;
}

dd::Expected<MacTable> loadMacTable(const std::filesystem::path& file) {
  auto text = detail::readWholeFile(file);
  if (!text) return text.error();
  MacTable table;
  std::vector<std::string_view> columns;
  const dd::Status status = detail::forEachLine(*text, [&](std::string_view line, std::size_t number) -> dd::Status {
    if (line.empty() || line.front() == '#' || line.front() == '*') return {};
    detail::split(line, '\t', columns);
    while (!columns.empty() && columns.back().empty()) columns.pop_back();
    if (columns.size() == 3 && columns[0].empty()) columns.erase(columns.begin());  // "\tCODE\tLIST"
    // Lines before the first code are a free-form header (NMDP puts a title and a date there).
    if (columns.size() != 2) {
      if (table.empty()) return {};
      return detail::lineError("hla.mac_bad_line", file, number,
                               QT_TRANSLATE_NOOP("dd::hla", "%1, line %2: expected a code, a tab and an allele list."));
    }
    const dd::Status added = table.add(columns[0], columns[1]);
    if (!added && !table.empty())
      return detail::lineError(added.error().code.c_str(), file, number, QT_TRANSLATE_NOOP("dd::hla", "%1, line %2: %3"),
                               {added.error().english()});
    return {};
  });
  if (!status) return status.error();
  if (table.empty())
    return dd::makeError("hla.mac_empty", "dd::hla", QT_TRANSLATE_NOOP("dd::hla", "The MAC table %1 contains no codes."),
                         {file.string()}, file.string());
  return table;
}

}  // namespace dd::hla
