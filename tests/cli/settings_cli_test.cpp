#include <catch2/catch.hpp>

#include "support/process_runner.h"
#include "support/qt_string_maker.h"

using dd::test::runCli;

TEST_CASE("settings set then get round-trips a value, Chinese included") {
  auto result = runCli({"settings", "set", "organisation/name", "山东省造血干细胞捐献者资料库"});
  REQUIRE(result.exitCode == 0);
  result = runCli({"settings", "get", "organisation/name"});
  CHECK(result.exitCode == 0);
  CHECK(result.out == QStringLiteral("山东省造血干细胞捐献者资料库\n"));
  result = runCli({"settings", "list"});
  CHECK(result.exitCode == 0);
  CHECK(result.out.contains(QStringLiteral("organisation/name\t山东省造血干细胞捐献者资料库")));
}

TEST_CASE("settings reject a malformed key, a missing key and a wrong argument count") {
  auto result = runCli({"settings", "set", "name", "x"});
  CHECK(result.exitCode == 2);
  CHECK(result.err.contains("'name' is not a setting key"));
  result = runCli({"settings", "get", "nothing/here"});
  CHECK(result.exitCode == 2);
  CHECK(result.err.contains("no setting 'nothing/here'"));
  result = runCli({"settings", "set", "organisation/address"});
  CHECK(result.exitCode == 2);
  CHECK(result.err.contains("expected 2 argument(s), got 1"));
  result = runCli({"settings", "get", "organisation/address"});  // nothing was written by the failure
  CHECK(result.exitCode == 2);
}
