#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <QTemporaryDir>
#include <spdlog/spdlog.h>

#include "core/logging.h"
#include "core/qt/qt_log_bridge.h"

TEST_CASE("log levels parse by spdlog's names and reject others") {
  CHECK(dd::log::parseLevel("debug") == spdlog::level::debug);
  CHECK(dd::log::parseLevel("warn") == spdlog::level::warn);
  CHECK(dd::log::parseLevel("warning") == spdlog::level::warn);
  CHECK(dd::log::parseLevel("off") == spdlog::level::off);
  CHECK_FALSE(dd::log::parseLevel("loud").has_value());
  CHECK_FALSE(dd::log::parseLevel("").has_value());
}

TEST_CASE("log file receives messages at or above the level") {
  QTemporaryDir dir;
  const auto path = std::filesystem::path(dir.filePath("logs/test.log").toStdString());
  dd::log::Options options;
  options.file = path;
  options.toStderr = false;
  options.level = spdlog::level::info;
  REQUIRE(dd::log::init(options));
  spdlog::debug("hidden-debug-line");
  spdlog::info("visible-info-line");
  spdlog::default_logger()->flush();
  std::ifstream in(path);
  std::stringstream content;
  content << in.rdbuf();
  CHECK(content.str().find("visible-info-line") != std::string::npos);
  CHECK(content.str().find("hidden-debug-line") == std::string::npos);
}

TEST_CASE("an unwritable log file is reported, not ignored") {
  dd::log::Options options;
  options.file = "/proc/donordesk-cannot-write/test.log";
  options.toStderr = false;
  const auto status = dd::log::init(options);
  REQUIRE_FALSE(status);
  CHECK(status.error().code == "log.file");
}

TEST_CASE("Qt's warnings routed into the log are remembered for the --smoke self-check") {
  dd::qt::installQtMessageRouting();
  const auto before = dd::qt::qtWarningsSoFar().size();
  qDebug("a debug line is not a problem");
  qWarning("QObject::connect: a connection the test pretends failed");
  qCritical("a critical message");
  const QStringList seen = dd::qt::qtWarningsSoFar();
  qInstallMessageHandler(nullptr);  // back to Qt's default for the other tests
  REQUIRE(seen.size() == before + 2);
  CHECK(seen.at(before) == "QObject::connect: a connection the test pretends failed");
  CHECK(seen.at(before + 1) == "a critical message");
}
