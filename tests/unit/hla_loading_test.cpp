// Loading the WMDA files: counts against the files themselves, the release
// version, and precise errors for damaged or missing files.
#include "hla_fixture.h"

#include <map>

using namespace dd::hla;
using namespace dd::hla::test;

namespace {

// Current alleles per locus counted straight from hla_nom.txt (independent of the loader).
std::map<std::string, std::size_t> countCurrentAlleles() {
  std::map<std::string, std::size_t> counts;
  std::istringstream in(readFile(bundledRelease() / "wmda" / "hla_nom.txt"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::string field;
    std::istringstream l(line);
    while (std::getline(l, field, ';')) f.push_back(field);
    f.resize(6);
    if (f[0].back() == '*' && f[3].empty()) ++counts[f[0].substr(0, f[0].size() - 1)];
  }
  return counts;
}

std::string replaceLine(const std::string& text, const std::string& startsWith, const std::string& replacement) {
  const std::size_t at = text.find("\n" + startsWith);
  REQUIRE(at != std::string::npos);
  const std::size_t end = text.find('\n', at + 1);
  return text.substr(0, at + 1) + replacement + text.substr(end);
}

std::size_t lineNumberOf(const std::string& text, const std::string& startsWith) {
  const std::size_t at = text.find("\n" + startsWith);
  return static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at) + 1, '\n')) + 1;
}

}  // namespace

TEST_CASE("the bundled release reports its version and every current allele of hla_nom.txt") {
  const Nomenclature& n = nomenclature();
  CHECK(n.release() == "3.58.0");
  const auto counts = countCurrentAlleles();
  std::size_t total = 0;
  for (const auto& [locus, count] : counts) {
    INFO(locus);
    const auto parsed = parseLocus(locus);
    REQUIRE(parsed);
    CHECK(n.alleleCount(*parsed) == count);
    total += count;
  }
  CHECK(n.alleleCount() == total);
  CHECK(n.alleleCount(Locus::A) > 8000);
  CHECK(n.loadWarnings().empty());
}

TEST_CASE("allele ids are dense, named and ordered numerically within a locus") {
  const Nomenclature& n = nomenclature();
  const AlleleId a0209 = n.findAllele("A*02:09:01:01");
  const AlleleId a0210 = n.findAllele("A*02:10");
  const AlleleId a02100 = n.findAllele("A*02:100");
  REQUIRE(a0209 != kNoAllele);
  REQUIRE(a0210 != kNoAllele);
  CHECK(a02100 == kNoAllele);  // never assigned (hla_nom.txt lists it as deleted)
  CHECK(a0209 < a0210);
  for (AlleleId a : {a0209, a0210}) CHECK(n.findAllele(n.alleleName(a)) == a);
  CHECK(n.findAllele("HLA-A*02:09:01:01") == a0209);
  CHECK(n.findAllele("A*02:01") == kNoAllele);  // a prefix, not an allele name
  CHECK(n.findAllele("A*01:34N") == kNoAllele);  // renamed: not a current name
}

TEST_CASE("a malformed line names the file, the line number and the reason") {
  const auto dir = copyOfRelease("malformed");
  const auto file = dir / "wmda" / "hla_nom.txt";
  const std::string text = readFile(file);
  writeFile(file, replaceLine(text, "A*;01:01:01:05;", "A*;01:01:01:05;20100101"));
  auto loaded = Nomenclature::load(dir);
  REQUIRE_FALSE(loaded);
  CHECK(loaded.error().code == "hla.data_malformed");
  const std::string message = loaded.error().english();
  CHECK(message.find("hla_nom.txt") != std::string::npos);
  CHECK(message.find("line " + std::to_string(lineNumberOf(text, "A*;01:01:01:05;"))) != std::string::npos);
  CHECK(message.find("expected 6 fields") != std::string::npos);

  writeFile(file, replaceLine(text, "A*;01:01:01:05;", "A*;01:0x:01:05;20100101;;;"));
  loaded = Nomenclature::load(dir);
  REQUIRE_FALSE(loaded);
  CHECK(loaded.error().english().find("'01:0x:01:05'") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("bad group, serology and TCE lines are reported with their file") {
  const auto dir = copyOfRelease("badfiles");
  struct Case {
    const char* file;
    const char* line;
    const char* replacement;
    const char* expect;
  };
  const Case cases[] = {
      {"wmda/hla_nom_p.txt", "A*;01:02:01:01/", "A*;01:02:01:01;01:02Q", "hla_nom_p.txt"},
      {"wmda/rel_dna_ser.txt", "A*;01:01:01:03;", "A*;01:01:01:03;1x;;;", "'1x'"},
      {"wmda/rel_ser_ser.txt", "A;9;", "A;9;23/24", "rel_ser_ser.txt"},
      {"tce/dpb_tce.csv", "DPB1*01:01:01:02,", "DPB1*01:01:01:02,DPB1*01:01,7,3,", "dpb_tce.csv"},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    const auto path = dir / c.file;
    const std::string original = readFile(path);
    writeFile(path, replaceLine(original, c.line, c.replacement));
    auto loaded = Nomenclature::load(dir);
    REQUIRE_FALSE(loaded);
    CHECK(loaded.error().english().find(c.expect) != std::string::npos);
    CHECK(loaded.error().english().find("line " + std::to_string(lineNumberOf(original, c.line))) != std::string::npos);
    writeFile(path, original);
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("rel_dna_ser.txt with the seventh column of 3.64+ loads the same serology") {
  const auto dir = copyOfRelease("sevencolumns");
  const auto file = dir / "wmda" / "rel_dna_ser.txt";
  std::istringstream in(readFile(file));
  std::string line, out;
  while (std::getline(in, line)) out += line + (line.empty() || line[0] == '#' ? "" : ";extra") + "\n";
  writeFile(file, out);
  auto loaded = Nomenclature::load(dir);
  REQUIRE(loaded);
  CHECK((*loaded)->reduce("B*13:04", Level::S).value() == "B15/B21");
  std::filesystem::remove_all(dir);
}

TEST_CASE("missing folder and missing required file are clear errors, optional files only warn") {
  auto loaded = Nomenclature::load("/nonexistent/hla-release");
  REQUIRE_FALSE(loaded);
  CHECK(loaded.error().code == "hla.data_missing");
  CHECK(loaded.error().english().find("/nonexistent/hla-release") != std::string::npos);

  const auto dir = copyOfRelease("missing");
  std::filesystem::remove(dir / "wmda" / "hla_nom_g.txt");
  loaded = Nomenclature::load(dir);
  REQUIRE_FALSE(loaded);
  CHECK(loaded.error().code == "hla.file_missing");
  CHECK(loaded.error().english().find("hla_nom_g.txt") != std::string::npos);

  std::filesystem::copy(bundledRelease() / "wmda" / "hla_nom_g.txt", dir / "wmda" / "hla_nom_g.txt");
  std::filesystem::remove(dir / "tce" / "dpb_tce.csv");
  loaded = Nomenclature::load(dir);
  REQUIRE(loaded);
  REQUIRE((*loaded)->loadWarnings().size() == 1);
  CHECK((*loaded)->loadWarnings()[0].english().find("dpb_tce.csv") != std::string::npos);
  CHECK((*loaded)->tce((*loaded)->findAllele("DPB1*04:01:01:01")).v1 == 0);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a gene this version does not know is skipped with one warning") {
  const auto dir = copyOfRelease("newgene");
  const auto file = dir / "wmda" / "hla_nom.txt";
  writeFile(file, readFile(file) + "\nZZZ1*;01:01;20240101;;;\nZZZ1*;01:02;20240101;;;\n");
  auto loaded = Nomenclature::load(dir);
  REQUIRE(loaded);
  CHECK((*loaded)->alleleCount() == nomenclature().alleleCount());
  REQUIRE((*loaded)->loadWarnings().size() == 1);
  CHECK((*loaded)->loadWarnings()[0].english().find("ZZZ1*") != std::string::npos);
  std::filesystem::remove_all(dir);
}
