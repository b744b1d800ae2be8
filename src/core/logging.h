#pragma once
// Logging set-up shared by every front end: a rotating file in the app data
// directory plus stderr. After init(), any layer logs with spdlog::info() etc.
#include <filesystem>
#include <optional>
#include <string_view>

#include <spdlog/common.h>

#include "core/expected.h"

namespace dd::log {

struct Options {
  std::filesystem::path file;  // empty: no file sink (tests)
  spdlog::level::level_enum level = spdlog::level::info;
  bool toStderr = true;
  // stderr can be quieter than the file, so a CLI's stderr stays readable.
  spdlog::level::level_enum stderrLevel = spdlog::level::trace;
  std::size_t maxFileBytes = 5 * 1024 * 1024;
  std::size_t maxFiles = 5;
};

// Accepts spdlog's names: trace, debug, info, warn (or warning), error, critical, off.
std::optional<spdlog::level::level_enum> parseLevel(std::string_view name);

// Replaces the default logger. A file that cannot be opened is an error, and
// logging then still goes to stderr so nothing is lost silently.
Status init(const Options& options);

}  // namespace dd::log
