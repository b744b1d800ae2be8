// Reductions per level: real cases (several from py-ard's own feature files,
// IMGT/HLA 3.58.0) plus whole-file properties checked against the WMDA files.
#include "hla_fixture.h"

#include <map>
#include <thread>

using namespace dd::hla;
using namespace dd::hla::test;

namespace {

// Every member of every group line of a WMDA group file (hla_nom_g/p.txt).
template <class F>
void forEachGroupMember(const char* file, F&& f) {
  std::istringstream in(readFile(bundledRelease() / "wmda" / file));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t a = line.find(';'), b = line.rfind(';');
    const std::string locus = line.substr(0, a), group = line.substr(b + 1);
    if (group.empty()) continue;
    std::istringstream members(line.substr(a + 1, b - a - 1));
    std::string member;
    while (std::getline(members, member, '/')) f(locus + member, locus + group);
  }
}

}  // namespace

TEST_CASE("G level: alleles reduce to their G group, alleles outside any G group stay") {
  CHECK(reduce("A*01:01:01:01", Level::G) == "A*01:01:01G");
  CHECK(reduce("A*01:01:01", Level::G) == "A*01:01:01G");
  CHECK(reduce("A*01:04:01:01N", Level::G) == "A*01:01:01G");  // the G file puts this null in 01:01:01G
  CHECK(reduce("A*01:01:02", Level::G) == "A*01:01:02");       // in no G group
  CHECK(reduce("B*07:02:01:01", Level::G) == "B*07:02:01G");
  CHECK(reduce("DRB1*15:01:01:01", Level::G) == "DRB1*15:01:01G");
  CHECK(reduce("A*01:01:01G", Level::G) == "A*01:01:01G");
  std::size_t checked = 0;
  forEachGroupMember("hla_nom_g.txt", [&](const std::string& allele, const std::string& group) {
    if (checked++ % 97) return;  // a spread sample keeps the test fast
    INFO(allele);
    CHECK(reduce(allele, Level::G) == group);
  });
  CHECK(checked > 15000);
}

TEST_CASE(
    "P level: alleles reduce to their P group, others stay as they are (strict: nulls give two fields)") {
  CHECK(reduce("A*01:01:01:01", Level::P) == "A*01:01P");
  CHECK(reduce("C*02:10:01:01", Level::P) == "C*02:02P");
  CHECK(reduce("A*01:04:01:01N", Level::P) == "A*01:04:01:01N");  // py-ard: a null is in no P group
  CHECK(reduceStrict("A*01:04:01:01N", Level::P) == "A*01:04N");
  CHECK(reduce("A*01:06", Level::P) == "A*01:06");
  CHECK(reduceStrict("A*01:06", Level::P) == "A*01:06");
  std::size_t checked = 0;
  forEachGroupMember("hla_nom_p.txt", [&](const std::string& allele, const std::string& group) {
    if (checked++ % 53) return;
    INFO(allele);
    CHECK(reduce(allele, Level::P) == group);
    CHECK(reduceStrict(allele, Level::P) == group);
    CHECK(reduceStrict(allele, Level::lgx) == group.substr(0, group.size() - 1));
  });
  CHECK(checked > 15000);
}

TEST_CASE("lgx and lg: two fields of the G group (py-ard), or of the P group with --strict-nulls") {
  for (auto* r : {&reduce, &reduceStrict}) {
    CHECK((*r)("C*02:10", Level::lgx) == "C*02:02");
    CHECK((*r)("C*02:10:01:01", Level::lgx) == "C*02:02");
    CHECK((*r)("C*02:02", Level::lgx) == "C*02:02");
    CHECK((*r)("A*01:01:01", Level::lgx) == "A*01:01");
    CHECK((*r)("A*01:01:01", Level::lg) == "A*01:01g");
    CHECK((*r)("HLA-A*01:01:01:01", Level::lgx) == "HLA-A*01:01");
    CHECK((*r)("A*01:06", Level::lgx) == "A*01:06");  // no group: its own two fields
    CHECK((*r)("A*01:06", Level::lg) == "A*01:06g");
    CHECK((*r)("DRB1*04:01:01:01", Level::lgx) == "DRB1*04:01");
    CHECK((*r)("A*01:01g", Level::lgx) == "A*01:01");  // lg names are accepted as input
    CHECK((*r)("A*02:01P", Level::lgx) == "A*02:01");
  }
  // py-ard: a null reduces with its G group (hla_nom_g.txt puts A*01:04:01:01N in A*01:01:01G).
  CHECK(reduce("A*01:04:01:01N", Level::lgx) == "A*01:01");
  CHECK(reduce("DRB4*01:03N", Level::lgx) == "DRB4*01:01");
  CHECK(reduce("DRB4*01:03N", Level::lg) == "DRB4*01:01g");
  CHECK(reduce("A*02:01:01G", Level::lgx) == "A*02:01");
  // --strict-nulls: a null never collapses onto an expressed group.
  CHECK(reduceStrict("A*01:04:01:01N", Level::lgx) == "A*01:04N");
  CHECK(reduceStrict("DRB4*01:03N", Level::lgx) == "DRB4*01:03N");
  CHECK(reduceStrict("DRB4*01:03N", Level::lg) == "DRB4*01:03N");
  const std::string g = reduceStrict("A*02:01:01G", Level::lgx);
  CHECK(g.find("A*02:01/") == 0);
  CHECK(g.find("A*02:43N") != std::string::npos);
}

TEST_CASE("S level: serological antigens with their broads (rel_dna_ser.txt + rel_ser_ser.txt)") {
  CHECK(reduce("A*01:01:01:01", Level::S) == "A1");
  CHECK(reduce("A*01:01", Level::S) == "A1");
  CHECK(reduce("A*03:XX", Level::S) == "A3");
  CHECK(reduce("B*13:03", Level::S) == "B13");
  CHECK(reduce("B*13:04", Level::S) == "B15/B21");
  CHECK(reduce("B*44:02:01:11/B*44:02:01:12", Level::S) == "B12/B44");
  CHECK(reduce("B*15:01/B*15:02/B*15:03/B*15:04", Level::S) == "B15/B62/B70/B72/B75");
  CHECK(reduce("C*07:01", Level::S) == "Cw7");
  CHECK(reduce("DRB1*15:01", Level::S) == "DR2/DR15");
  CHECK(reduce("DRB4*01:01", Level::S) == "DR53");
  CHECK(reduce("DQB1*06:02", Level::S) == "DQ1/DQ6");
  CHECK(reduce("B44", Level::S) == "B44");
  CHECK(reduce("Bw4", Level::S) == "Bw4");
}

TEST_CASE("S level: non-expressed alleles have no antigen") {
  CHECK(errorCode("DRB4*01:03N", Level::S) == "hla.no_serology");
  CHECK(errorCode("A*01:01:01:02N", Level::S) == "hla.no_serology");
  // In a list the null simply adds nothing.
  CHECK(reduce("A*01:01:01:01/A*01:01:01:02N", Level::S) == "A1");
  const Nomenclature& n = nomenclature();
  CHECK(n.antigens(n.findAllele("DRB4*01:03:01:02N")).empty());
  CHECK_FALSE(n.expressed(n.findAllele("DRB4*01:03:01:02N")));
}

TEST_CASE("U2 level: unambiguous two-field names keep the expression suffix") {
  CHECK(reduce("A*01:04:01:01N", Level::U2) == "A*01:04N");
  CHECK(reduce("A*01:04:01:02N", Level::U2) == "A*01:04N");
  CHECK(reduce("A*01:52:01N", Level::U2) == "A*01:52N");
  CHECK(reduce("DRB5*01:08:01N", Level::U2) == "DRB5*01:08N");
  CHECK(reduce("B*56:01:01:05S", Level::U2) == "B*56:01S");
  CHECK(reduce("B*39:01:01:02L", Level::U2) == "B*39:01L");
  CHECK(reduce("B*44:66", Level::U2) == "B*44:66");
  CHECK(reduce("B*44:270:01", Level::U2) == "B*44:270");
  CHECK(reduce("B*44:270:01/B*44:270:02", Level::U2) == "B*44:270");
  CHECK(reduce("A*01:01:01:01/A*01:01:01:03", Level::U2) == "A*01:01");
  CHECK(reduce("A*02:01", Level::U2) == "A*02:01");
}

TEST_CASE("W level: full WHO names of every allele a typing covers") {
  CHECK(reduce("DRB4*01:03N", Level::W) == "DRB4*01:03:01:02N/DRB4*01:03:01:13N");
  CHECK(reduce("A*01:01:01:01", Level::W) == "A*01:01:01:01");
  const std::string w = reduce("A*01:01:01", Level::W);
  CHECK(w.find("A*01:01:01:01/A*01:01:01:02N/") == 0);  // py-ard's WHO table lists the nulls under a name
  const std::string strict = reduceStrict("A*01:01:01", Level::W);
  CHECK(strict.find("A*01:01:01:01/") == 0);
  CHECK(strict.find("A*01:01:01:02N") ==
        std::string::npos);  // strict: "A*01:01:01" means the expressed alleles
  CHECK(reduce("A*01:01:01N", Level::W) == "A*01:01:01:02N");
  // Smart order: numeric, not alphabetic.
  const std::string list = reduce("A*02:101:01/A*02:10/A*02:09:01:01", Level::W);
  CHECK(list == "A*02:09:01:01/A*02:10/A*02:101:01");
}

TEST_CASE("XX expansion and serology typings reduce through their alleles") {
  const std::string xx = reduce("A*02:XX", Level::exp);
  CHECK(xx.find("A*02:01/A*02:02/A*02:03/") == 0);
  CHECK(xx.find("XX") == std::string::npos);
  CHECK(xx.find("A*02:100/") == std::string::npos);  // never assigned
  CHECK(xx.find("/A*02:99/A*02:101/") != std::string::npos);  // numeric order
  CHECK(reduce("A*02", Level::exp) == "A*02");      // exp only expands codes
  CHECK(reduce("A*02:XX", Level::lgx) == reduce("A*02", Level::lgx));
  CHECK(reduce("A10", Level::lgx).find("A*25:01/") == 0);
  CHECK(reduce("A10", Level::lgx).find("A*66:01") != std::string::npos);
  CHECK(reduce("A*10", Level::lgx) == reduce("A10", Level::lgx));  // broad written as a first field
  CHECK(errorCode("Bw4", Level::lgx) == "hla.epitope");
}

TEST_CASE("GL String operators are kept, each allele list is reduced, sorted and deduplicated") {
  CHECK(reduce("A*01:01:01:01/A*01:01:01:03+A*02:01:01:01^B*07:02:01:01~C*07:02:01:01", Level::lgx) ==
        "A*01:01+A*02:01^B*07:02~C*07:02");
  CHECK(reduce("B*08:01|B*07:02", Level::lgx) == "B*08:01|B*07:02");
  CHECK(reduce("A*02:01:01:01/A*01:01:01:01", Level::lgx) == "A*01:01/A*02:01");
}

TEST_CASE("GL String round trip: reducing a reduction changes nothing") {
  for (const char* typing : {"A*01:01:01:01+A*02:01:01:01^B*07:02:01:01+B*08:01:01:01", "C*02:10/C*02:02",
                             "DRB1*15:01:01:01~DQB1*06:02:01:01", "A*02:XX", "DRB4*01:03N"}) {
    for (Level level : {Level::G, Level::P, Level::lgx, Level::lg, Level::W, Level::U2}) {
      INFO(typing << " at " << levelName(level));
      const std::string once = reduce(typing, level);
      CHECK(reduce(once, level) == once);
      const std::string strict = reduceStrict(typing, level);
      CHECK(reduceStrict(strict, level) == strict);
    }
    const auto normalized = nomenclature().validate(typing);
    REQUIRE(normalized);
    CHECK(nomenclature().validate(normalized->normalized)->normalized == normalized->normalized);
  }
}

TEST_CASE("a renamed allele reduces as its new name and reports the renaming") {
  std::vector<dd::Message> warnings;
  auto result = nomenclature().reduce("A*01:34N", Level::lgx, &warnings);
  REQUIRE(result);
  CHECK(*result == "A*01:01");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].english().find("A*01:01:38L") != std::string::npos);
}

TEST_CASE("reduceInto appends and leaves the buffer untouched on error") {
  std::string out = "x=";
  REQUIRE(nomenclature().reduceInto("A*01:01:01:01", Level::lgx, out));
  CHECK(out == "x=A*01:01");
  CHECK_FALSE(nomenclature().reduceInto("A*01:01^B*99:99", Level::lgx, out));
  CHECK(out == "x=A*01:01");
}

TEST_CASE("levels parse by their CLI names only") {
  for (const char* name : {"G", "P", "lg", "lgx", "S", "U2", "W", "exp"}) {
    const auto level = parseLevel(name);
    REQUIRE(level);
    CHECK(levelName(*level) == name);
  }
  CHECK_FALSE(parseLevel("g"));
  CHECK_FALSE(parseLevel("LGX"));
  CHECK_FALSE(parseLevel(""));
}

TEST_CASE("one loaded Nomenclature serves many threads with the same results") {
  const Nomenclature& n = nomenclature();
  std::vector<std::string> typings;
  for (AlleleId a = 0; a < n.alleleCount(); a += 13) typings.emplace_back(n.alleleName(a));
  typings.push_back("A*02:XX");
  typings.push_back("A*02:AB+A*01:AD^DR15");
  std::vector<std::string> expected;
  for (const auto& t : typings) expected.push_back(reduce(t, Level::lgx));
  std::vector<std::size_t> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t w = 0; w < mismatches.size(); ++w)
    threads.emplace_back([&, w] {
      std::string out;
      for (int round = 0; round < 3; ++round)
        for (std::size_t i = 0; i < typings.size(); ++i) {
          out.clear();
          if (!n.reduceInto(typings[i], Level::lgx, out) || out != expected[i]) ++mismatches[w];
        }
    });
  for (auto& t : threads) t.join();
  CHECK(mismatches == std::vector<std::size_t>(4, 0));
}

TEST_CASE("S level agrees with the unambiguous serology column of rel_dna_ser.txt") {
  const std::map<std::string, std::string> prefix = {{"A*", "A"},     {"B*", "B"},     {"C*", "Cw"},   {"DRB1*", "DR"},
                                                     {"DRB3*", "DR"}, {"DRB4*", "DR"}, {"DRB5*", "DR"}, {"DQB1*", "DQ"}};
  std::istringstream in(readFile(bundledRelease() / "wmda" / "rel_dna_ser.txt"));
  std::string line;
  std::size_t checked = 0, row = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || row++ % 11) continue;
    std::vector<std::string> f;
    std::istringstream cells(line);
    std::string cell;
    while (std::getline(cells, cell, ';')) f.push_back(cell);
    f.resize(6);
    const auto p = prefix.find(f[0]);
    if (p == prefix.end() || f[2].empty() || f[2] == "?") continue;
    const std::string allele = f[0] + f[1];
    INFO(allele);
    if (f[2] == "0") {
      CHECK(errorCode(allele, Level::S) == "hla.no_serology");
    } else {
      const std::string s = slashed(reduce(allele, Level::S));
      CHECK(s.find(slashed(p->second + f[2])) != std::string::npos);
    }
    CHECK(reduce(allele, Level::W) == allele);
    ++checked;
  }
  CHECK(checked > 1000);
}
