// NMDP multiple-allele codes: loading a table file and expanding codes.
// The table is tests/data/hla/mac_small.txt, written for these tests.
#include "hla_fixture.h"

using namespace dd::hla;
using namespace dd::hla::test;

TEST_CASE("a MAC table file loads generic and allele-specific codes and skips its header") {
  auto table = loadMacTable(testData("mac_small.txt"));
  REQUIRE(table);
  CHECK(table->size() == 6);
  const MacTable::Entry* ab = table->find("AB");
  REQUIRE(ab);
  CHECK(ab->generic);
  CHECK(ab->parts == std::vector<std::string>{"01", "02"});
  const MacTable::Entry* ad = table->find("AD");
  REQUIRE(ad);
  CHECK_FALSE(ad->generic);
  CHECK(ad->parts == std::vector<std::string>{"01:01", "02:01"});
  CHECK(table->find("CODE") == nullptr);
  CHECK(table->find("QQ") == nullptr);
}

TEST_CASE("a free-form title before the first code and leading tabs are accepted") {
  auto table = loadMacTable(testData("mac_with_title.txt"));
  REQUIRE(table);
  CHECK(table->size() == 2);
  REQUIRE(table->find("AD"));
  CHECK(table->find("AD")->parts == std::vector<std::string>{"01:01", "02:01"});
}

TEST_CASE("a broken MAC table names the file, line and problem") {
  auto table = loadMacTable(testData("mac_missing_tab.txt"));
  REQUIRE_FALSE(table);
  CHECK(table.error().english().find("mac_missing_tab.txt, line 2") != std::string::npos);
  table = loadMacTable(testData("mac_bad_code.txt"));
  REQUIRE_FALSE(table);
  CHECK(table.error().english().find("line 2") != std::string::npos);
  CHECK(table.error().english().find("'XX'") != std::string::npos);
  table = loadMacTable(testData("no_such_table.txt"));
  REQUIRE_FALSE(table);
  CHECK(table.error().code == "hla.file_missing");
}

TEST_CASE("MacTable::add rejects malformed codes and lists") {
  MacTable table;
  CHECK(table.add("AB", "01/02"));
  CHECK_FALSE(table.add("A", "01/02"));      // too short
  CHECK_FALSE(table.add("ab", "01/02"));     // lower case
  CHECK_FALSE(table.add("XX", "01/02"));     // XX is not a MAC
  CHECK_FALSE(table.add("AC", "01/1"));      // one-digit field
  CHECK_FALSE(table.add("AD", "01/02:01"));  // mixed generic and specific
  CHECK_FALSE(table.add("AE", ""));
  CHECK(table.size() == 1);
}

TEST_CASE("MAC codes expand with --level exp and reduce through their alleles") {
  CHECK(reduce("A*02:AB", Level::exp) == "A*02:01/A*02:02");
  CHECK(reduce("HLA-A*02:ab", Level::exp) ==
        "HLA-A*02:01/HLA-A*02:02");                           // py-ard keeps the prefix on each allele
  CHECK(reduce("A*01:AD", Level::exp) == "A*01:01/A*02:01");  // allele-specific code: first field from the table
  CHECK(reduce("A*02:AC", Level::exp) == "A*02:01/A*02:03/A*02:06");
  CHECK(reduce("A*02:AB", Level::lgx) == "A*02:01/A*02:02");
  CHECK(reduce("A*02:AB", Level::S) == "A2");
  CHECK(reduce("A*02:AB+A*01:AD^B*07:02", Level::lgx) == "A*02:01/A*02:02+A*01:01/A*02:01^B*07:02");
  CHECK(reduce("A*02:AF", Level::exp) == "A*02:01");  // parts this release lacks are dropped
  CHECK(reduce("A*02:AB/A*02:XX", Level::exp).find("A*02:01/A*02:02/A*02:01/A*02:02/A*02:03") == 0);
}

TEST_CASE("unknown codes, codes without any current allele, and a missing table are errors") {
  CHECK(errorCode("A*02:QQQQ") == "hla.unknown_mac");
  CHECK(errorCode("A*02:ZZ") == "hla.mac_no_alleles");
  auto n = Nomenclature::load(bundledRelease());
  REQUIRE(n);
  auto result = (*n)->reduce("A*02:AB", Level::exp);
  REQUIRE_FALSE(result);
  CHECK(result.error().code == "hla.no_mac_table");
  CHECK(result.error().english().find("--mac") != std::string::npos);
}

TEST_CASE("MAC codes expand for matching like the allele list they stand for") {
  std::vector<AlleleId> mac, list;
  REQUIRE(nomenclature().expandSlot("A*02:AB", Locus::A, mac));
  REQUIRE(nomenclature().expandSlot("A*02:01/A*02:02", Locus::A, list));
  CHECK(mac == list);
  CHECK_FALSE(mac.empty());
}
