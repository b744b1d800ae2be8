#include "hla/file_reading.h"

#include <cstdio>
#include <memory>

namespace dd::hla::detail {

dd::Expected<std::string> readWholeFile(const std::filesystem::path& file) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> handle(std::fopen(file.c_str(), "rb"), &std::fclose);
  if (!handle)
    return dd::makeError("hla.file_missing", "dd::hla", QT_TRANSLATE_NOOP("dd::hla", "Cannot read the file %1."),
                         {file.string()}, file.string());
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const std::size_t got = std::fread(buffer, 1, sizeof buffer, handle.get());
    text.append(buffer, got);
    if (got < sizeof buffer) break;
  }
  if (std::ferror(handle.get()))
    return dd::makeError("hla.file_unreadable", "dd::hla",
                         QT_TRANSLATE_NOOP("dd::hla", "Reading the file %1 failed."), {file.string()},
                         file.string());
  return text;
}

void split(std::string_view line, char separator, std::vector<std::string_view>& out) {
  out.clear();
  for (;;) {
    const std::size_t at = line.find(separator);
    out.push_back(line.substr(0, at));
    if (at == std::string_view::npos) return;
    line.remove_prefix(at + 1);
  }
}

dd::Error lineError(const char* code, const std::filesystem::path& file, std::size_t line, const char* text,
                    std::vector<std::string> args) {
  std::vector<std::string> all{file.string(), std::to_string(line)};
  all.insert(all.end(), args.begin(), args.end());
  return dd::makeError(code, "dd::hla", text, std::move(all), file.string() + ":" + std::to_string(line));
}

}  // namespace dd::hla::detail
