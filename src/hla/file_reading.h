#pragma once
// Whole-file reading and line splitting for the loaders: one read per file,
// then string_view slicing (no iostream per line, no regex).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"

namespace dd::hla::detail {

// The whole file, or an error naming it.
dd::Expected<std::string> readWholeFile(const std::filesystem::path& file);

// Calls f(line, lineNumber) for each line (without "\n" or "\r\n"); stops and
// returns the first error f returns.
template <class F>
dd::Status forEachLine(std::string_view text, F&& f) {
  std::size_t lineNumber = 0;
  while (!text.empty()) {
    ++lineNumber;
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    dd::Status status = f(line, lineNumber);
    if (!status) return status;
  }
  return {};
}

// Splits on `separator` into out (cleared first); views into `line`.
void split(std::string_view line, char separator, std::vector<std::string_view>& out);

// An error "FILE, line N: reason" (reason is a translatable pattern using %3.. for its args).
dd::Error lineError(const char* code, const std::filesystem::path& file, std::size_t line, const char* text,
                    std::vector<std::string> args = {});

}  // namespace dd::hla::detail
