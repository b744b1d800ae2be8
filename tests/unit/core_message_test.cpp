#include <catch2/catch.hpp>

#include "core/expected.h"
#include "core/message.h"
#include "core/version.h"

using dd::formatPlaceholders;

TEST_CASE("placeholders are filled in order and in one pass") {
  CHECK(formatPlaceholders("Row %1, field %2: %3", {"7", "id_number", "bad"}) == "Row 7, field id_number: bad");
  CHECK(formatPlaceholders("%2 before %1", {"a", "b"}) == "b before a");
  // An argument that itself looks like a placeholder is not expanded again.
  CHECK(formatPlaceholders("%1 %2", {"%2", "x"}) == "%2 x");
}

TEST_CASE("a placeholder without an argument stays visible") {
  CHECK(formatPlaceholders("missing %3", {"a"}) == "missing %3");
  CHECK(formatPlaceholders("100% sure", {}) == "100% sure");
  CHECK(formatPlaceholders("ends with %", {}) == "ends with %");
}

TEST_CASE("Expected carries either a value or an error") {
  dd::Expected<int> good = 42;
  REQUIRE(good);
  CHECK(*good == 42);
  dd::Expected<int> bad = dd::makeError("test.code", "test", "Value %1 is wrong", {"x"}, "field");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == "test.code");
  CHECK(bad.error().english() == "Value x is wrong");
  CHECK(bad.error().field == "field");
}

TEST_CASE("Status reports success and failure") {
  dd::Status ok;
  CHECK(ok.has_value());
  dd::Status failed = dd::makeError("x", "test", "broken");
  CHECK_FALSE(failed.has_value());
  CHECK(failed.error().english() == "broken");
}

TEST_CASE("version string is the project version") {
  const std::string version = dd::kVersion;
  REQUIRE_FALSE(version.empty());
  CHECK(std::count(version.begin(), version.end(), '.') == 2);
}
