// The API the matching engine uses: slot expansion to allele ids and the
// per-allele identities (ARS group, expression, antigens, TCE).
#include "hla_fixture.h"

#include <algorithm>

using namespace dd::hla;
using namespace dd::hla::test;

namespace {
std::vector<AlleleId> expand(std::string_view typing, Locus slot, SlotInfo* info = nullptr) {
  std::vector<AlleleId> out;
  const dd::Status s = nomenclature().expandSlot(typing, slot, out, info);
  if (!s) FAIL(typing << ": " << s.error().english());
  return out;
}
}  // namespace

TEST_CASE("expandSlot gives sorted, unique current alleles of the slot's locus") {
  const Nomenclature& n = nomenclature();
  const auto a0201 = expand("A*02:01", Locus::A);
  REQUIRE(a0201.size() > 100);
  CHECK(std::is_sorted(a0201.begin(), a0201.end()));
  CHECK(std::adjacent_find(a0201.begin(), a0201.end()) == a0201.end());
  for (AlleleId a : a0201) {
    CHECK(n.locus(a) == Locus::A);
    CHECK(n.alleleName(a).substr(0, 7) == "A*02:01");
    CHECK(n.expressed(a));
  }
  const auto single = expand("A*02:01:01:01", Locus::A);
  REQUIRE(single.size() == 1);
  CHECK(n.alleleName(single[0]) == "A*02:01:01:01");
  CHECK(std::binary_search(a0201.begin(), a0201.end(), single[0]));
  const auto list = expand("A*02:01/A*02:01:01:01", Locus::A);
  CHECK(list == a0201);
}

TEST_CASE("expandSlot covers XX, G and P groups and serology") {
  SlotInfo info;
  const auto xx = expand("A*02:XX", Locus::A, &info);
  CHECK_FALSE(info.serologyOnly);
  CHECK(xx == expand("A*02", Locus::A));
  const auto g = expand("A*02:01:01G", Locus::A);
  const auto p = expand("A*02:01P", Locus::A);
  CHECK(g.size() > 10);
  CHECK(std::includes(p.begin(), p.end(), g.begin(), g.end()) == false);  // G holds nulls, P never does
  const auto serology = expand("A2", Locus::A, &info);
  CHECK(info.serologyOnly);
  const Nomenclature& n = nomenclature();
  for (AlleleId a : serology) {  // every allele of A2 has A2 (or an antigen associated with it)
    bool a2 = false;
    for (AntigenId s : n.antigens(a)) a2 |= n.antigenName(s) == "A2" || n.antigenName(n.broadOf(s)) == "A2";
    CHECK(a2);
  }
  CHECK(std::binary_search(serology.begin(), serology.end(), n.findAllele("A*02:01:01:01")));
  const auto broad = expand("A10", Locus::A);
  const auto split = expand("A25", Locus::A);
  CHECK(std::includes(broad.begin(), broad.end(), split.begin(), split.end()));
  CHECK(broad.size() > split.size());
}

TEST_CASE("expandSlot rejects more than one slot, the wrong locus and epitopes") {
  std::vector<AlleleId> out{7};
  CHECK(nomenclature().expandSlot("A*02:01+A*01:01", Locus::A, out).error().code == "hla.not_one_slot");
  CHECK(nomenclature().expandSlot("B*07:02", Locus::A, out).error().code == "hla.wrong_locus");
  CHECK(nomenclature().expandSlot("Bw4", Locus::B, out).error().code == "hla.epitope");
  CHECK(nomenclature().expandSlot("A*02:01/A*99:99", Locus::A, out).error().field == "A*99:99");
  CHECK(out == std::vector<AlleleId>{7});  // untouched on error
}

TEST_CASE("ARS identity: members of one P group share arsGroup, nulls and other groups do not") {
  const Nomenclature& n = nomenclature();
  const AlleleId c0210 = n.findAllele("C*02:10:01:01");
  const AlleleId c0202 = n.findAllele("C*02:02:02:01");
  REQUIRE(c0210 != kNoAllele);
  REQUIRE(c0202 != kNoAllele);
  CHECK(n.arsGroup(c0210) == n.arsGroup(c0202));
  CHECK(n.groupName(n.arsGroup(c0210)) == "C*02:02");
  CHECK(n.gGroup(c0210) != n.gGroup(c0202));  // different G groups, same protein (P)
  const AlleleId null = n.findAllele("A*01:01:01:02N");
  const AlleleId a0101 = n.findAllele("A*01:01:01:01");
  CHECK(n.gGroup(null) == n.gGroup(a0101));
  CHECK(n.arsGroup(null) != n.arsGroup(a0101));
  CHECK_FALSE(n.expressed(null));
  CHECK(n.expressionSuffix(null) == 'N');
  CHECK(n.expressed(n.findAllele("A*24:02:01:02L")));
  CHECK(n.groupCount() > n.alleleCount() / 4);
}

TEST_CASE("antigens, broads and splits for antigen-level matching") {
  const Nomenclature& n = nomenclature();
  const AlleleId b1304 = n.findAllele("B*13:04");
  REQUIRE(b1304 != kNoAllele);
  std::vector<std::string> names;
  for (AntigenId s : n.antigens(b1304)) names.push_back(n.antigenName(s));
  CHECK(names == std::vector<std::string>{"B15", "B21"});
  const AntigenId b62 = n.findAntigen("B62");
  const AntigenId b15 = n.findAntigen("B15");
  REQUIRE(b62 != kNoAntigen);
  REQUIRE(b15 != kNoAntigen);
  CHECK(n.broadOf(b62) == b15);
  CHECK(n.broadOf(b15) == b15);
  const auto splits = n.splitsOf(b15);
  CHECK(std::find(splits.begin(), splits.end(), b62) != splits.end());
  CHECK(n.splitsOf(b62).empty());
  CHECK(n.findAntigen("Cw7") == n.findAntigen("C7"));
  CHECK(n.findAntigen("DR15") != kNoAntigen);
  CHECK(n.findAntigen("A*02:01") == kNoAntigen);
  CHECK(n.findAntigen("A99") == kNoAntigen);
}

TEST_CASE("DPB1 TCE groups come from dpb_tce.csv") {
  const Nomenclature& n = nomenclature();
  const auto line = [](std::string_view allele) {  // the file's own V1,V2 for an allele
    std::istringstream in(readFile(bundledRelease() / "tce" / "dpb_tce.csv"));
    std::string text;
    while (std::getline(in, text))
      if (text.rfind(std::string(allele) + ",", 0) == 0) return text;
    return std::string();
  };
  for (const char* allele : {"DPB1*01:01:01:01", "DPB1*04:01:01:01", "DPB1*09:01:01:01", "DPB1*02:01:02:01"}) {
    INFO(allele);
    const std::string row = line(allele);
    REQUIRE_FALSE(row.empty());
    std::vector<std::string> f;
    std::istringstream cells(row);
    std::string cell;
    while (std::getline(cells, cell, ',')) f.push_back(cell);
    const Tce t = n.tce(n.findAllele(allele));
    CHECK(int(t.v1) == f.at(2)[0] - '0');
    CHECK(int(t.v2) == f.at(3)[0] - '0');
    CHECK(t.v1 >= 1);
  }
  CHECK(n.tce(n.findAllele("A*02:01:01:01")).v1 == 0);
}
