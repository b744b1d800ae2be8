#pragma once
// Shared by the tests_hla files: the bundled IPD-IMGT/HLA 3.58.0 release,
// loaded once per test run (loading is the slow part), and helpers that turn
// an unexpected error into a readable test failure.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "hla/nomenclature.h"

namespace dd::hla::test {

inline std::filesystem::path bundledRelease() {
  return std::filesystem::path(DONORDESK_RESOURCE_DIR) / "hla" / "imgt-3.58.0";
}
inline std::filesystem::path testData(const char* name) {
  return std::filesystem::path(DONORDESK_TEST_DATA_DIR) / "hla" / name;
}

inline const Nomenclature& nomenclature() {
  static const std::shared_ptr<Nomenclature> loaded = [] {
    auto n = Nomenclature::load(bundledRelease());
    if (!n) FAIL("loading the bundled release failed: " << n.error().english());
    auto mac = loadMacTable(testData("mac_small.txt"));
    if (!mac) FAIL("loading the test MAC table failed: " << mac.error().english());
    (*n)->setMacTable(std::move(*mac));
    return *n;
  }();
  return *loaded;
}

// The reduction, or "ERROR <code>: <message>" so a failing CHECK shows why.
inline std::string reduce(std::string_view typing, Level level) {
  auto result = nomenclature().reduce(typing, level);
  return result ? *result : "ERROR " + result.error().code + ": " + result.error().english();
}

// The same with --strict-nulls (DonorDesk's reading instead of py-ard's).
inline std::string reduceStrict(std::string_view typing, Level level) {
  ReduceOptions options;
  options.strictNulls = true;
  auto result = nomenclature().reduce(typing, level, nullptr, options);
  return result ? *result : "ERROR " + result.error().code + ": " + result.error().english();
}

// "/" + list + "/", so that a name can be searched as a whole list element.
// (Built by appending: GCC 12 at -O3 warns falsely about "/" + temporary.)
inline std::string slashed(std::string_view list) {
  std::string s(1, '/');
  s += list;
  s += '/';
  return s;
}

inline std::string errorCode(std::string_view typing, Level level = Level::lgx) {
  auto result = nomenclature().reduce(typing, level);
  return result ? std::string("no error") : result.error().code;
}

inline std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void writeFile(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// A private copy of the bundled release that a test may damage.
inline std::filesystem::path copyOfRelease(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("dd-hla-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::copy(bundledRelease(), dir, std::filesystem::copy_options::recursive);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
    std::filesystem::permissions(entry.path(), std::filesystem::perms::owner_all, std::filesystem::perm_options::add);
  return dir;
}

}  // namespace dd::hla::test
