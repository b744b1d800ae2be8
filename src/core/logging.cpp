#include "core/logging.h"

#include <memory>
#include <vector>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace dd::log {

std::optional<spdlog::level::level_enum> parseLevel(std::string_view name) {
  if (name == "warning") return spdlog::level::warn;
  const auto level = spdlog::level::from_str(std::string(name));
  // from_str answers "off" for anything it does not know; only accept "off" when asked for.
  if (level == spdlog::level::off && name != "off") return std::nullopt;
  return level;
}

Status init(const Options& options) {
  std::vector<spdlog::sink_ptr> sinks;
  if (options.toStderr) {
    auto sink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    sink->set_level(options.stderrLevel);
    sinks.push_back(sink);
  }
  std::optional<Error> fileError;
  if (!options.file.empty()) {
    try {
      std::filesystem::create_directories(options.file.parent_path());
      sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
          options.file.string(), options.maxFileBytes, options.maxFiles));
    } catch (const std::exception& e) {
      fileError = makeError("log.file", "dd::log", QT_TRANSLATE_NOOP("dd::log", "Cannot open log file %1: %2"),
                            {options.file.string(), e.what()});
    }
  }
  auto logger = std::make_shared<spdlog::logger>("donordesk", sinks.begin(), sinks.end());
  logger->set_level(options.level);
  logger->set_pattern("%Y-%m-%d %H:%M:%S.%e [%l] %v");
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
  if (fileError) {
    spdlog::warn("{}", fileError->english());
    return *fileError;
  }
  return {};
}

}  // namespace dd::log
