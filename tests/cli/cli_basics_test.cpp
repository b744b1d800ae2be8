#include <catch2/catch.hpp>

#include "core/version.h"
#include "support/process_runner.h"
#include "support/qt_string_maker.h"

using dd::test::runCli;

TEST_CASE("donordesk-cli --version prints the version") {
  const auto result = runCli({"--version"});
  CHECK(result.exitCode == 0);
  CHECK(result.out.trimmed() == QStringLiteral("DonorDesk %1").arg(dd::kVersion));
}

TEST_CASE("an unknown global option exits 2 with one line naming it") {
  const auto result = runCli({"--frobnicate"});
  CHECK(result.exitCode == 2);
  CHECK(result.err.contains("frobnicate"));
  CHECK(result.err.trimmed().count('\n') == 0);
  CHECK(result.out.isEmpty());
}

TEST_CASE("an unknown command exits 2 and names it") {
  const auto result = runCli({"transmogrify"});
  CHECK(result.exitCode == 2);
  CHECK(result.err.contains("transmogrify"));
}

TEST_CASE("no command prints usage to stderr and exits 2") {
  const auto result = runCli({});
  CHECK(result.exitCode == 2);
  CHECK(result.err.contains("version"));  // the command list
}

TEST_CASE("a command's unknown option exits 2 naming command and option") {
  const auto result = runCli({"version", "--bogus"});
  CHECK(result.exitCode == 2);
  CHECK(result.err.contains("version"));
  CHECK(result.err.contains("bogus"));
}

TEST_CASE("bad --log-level and --lang values are rejected with the value named") {
  auto result = runCli({"--log-level", "loud", "version"});
  CHECK(result.exitCode == 2);
  CHECK(result.err.contains("loud"));
  result = runCli({"--lang", "fr", "version"});
  CHECK(result.exitCode == 2);
  CHECK(result.err.contains("fr"));
}

TEST_CASE("help lists the commands and exits 0") {
  const auto result = runCli({"--help"});
  CHECK(result.exitCode == 0);
  CHECK(result.out.contains("version"));
  CHECK(result.out.contains("--db"));
}

TEST_CASE("Chinese help when asked with --lang zh_CN") {
  const auto result = runCli({"--lang", "zh_CN", "--help"});
  CHECK(result.exitCode == 0);
  CHECK(result.out.contains(QStringLiteral("数据库")));
}
