// Validation and normal form of every input kind, and the messages for bad input.
#include "hla_fixture.h"

using namespace dd::hla;
using namespace dd::hla::test;

namespace {

std::string normalized(std::string_view typing, std::optional<Locus> locus = {}) {
  auto v = nomenclature().validate(typing, locus);
  return v ? v->normalized : "ERROR " + v.error().code + ": " + v.error().english();
}

// Checks that each typing is valid and already in its normal form.
void checkValidAsWritten(std::initializer_list<std::string_view> typings) {
  for (std::string_view typing : typings) CHECK(normalized(typing) == typing);
}

dd::Error failure(std::string_view typing, std::optional<Locus> locus = {}) {
  auto v = nomenclature().validate(typing, locus);
  if (v) FAIL("expected '" << typing << "' to be invalid, got " << v->normalized);
  return v.error();
}

}  // namespace

TEST_CASE("allele names with 1 to 4 fields, HLA- prefix and expression suffixes are valid") {
  // 1 to 4 fields, then the N, L, S and Q suffixes; DRB4*01:03N is a short
  // null (the null alleles under DRB4*01:03).
  checkValidAsWritten({"A*02", "A*02:01", "A*02:01:01", "A*02:01:01:01", "A*01:01:01:02N", "A*24:02:01:02L",
                       "B*44:02:01:02S", "A*32:11Q", "C*04:09N", "DRB4*01:03N"});
  CHECK(normalized("HLA-A*02:01:01:01") == "A*02:01:01:01");
  CHECK(normalized("hla-a*02:01") == "A*02:01");
  CHECK(normalized("  DRB1*15:01  ") == "DRB1*15:01");
}

TEST_CASE("XX codes, G and P groups, lg names and serology are valid") {
  checkValidAsWritten(
      {"A*02:XX", "A*02:01:01G", "A*02:01P", "A*02:01g", "A2", "B44", "Cw7", "DR15", "DQ6", "Bw4", "Bw6"});
  CHECK(normalized("a*02:xx") == "A*02:XX");
  CHECK(normalized("CW7") == "Cw7");
  CHECK(normalized("C7") == "Cw7");
  CHECK(normalized("HLA-B44") == "B44");
}

TEST_CASE("A*02 (first field of a DNA typing) and A2 (serology) are different kinds") {
  auto dna = nomenclature().validate("A*02");
  auto serology = nomenclature().validate("A2");
  REQUIRE(dna);
  REQUIRE(serology);
  CHECK_FALSE(dna->serologyOnly);
  CHECK(serology->serologyOnly);
  CHECK(dna->locus == Locus::A);
  CHECK(serology->locus == Locus::A);
}

TEST_CASE("GL Strings keep their structure in the normal form") {
  CHECK(normalized("A*01:01/A*01:02+A*02:01^B*07:02~C*07:02|B*08:01~C*07:01") ==
        "A*01:01/A*01:02+A*02:01^B*07:02~C*07:02|B*08:01~C*07:01");
  CHECK(normalized("hla-a*01:01 + hla-a*02:01") == "A*01:01+A*02:01");
  auto v = nomenclature().validate("A*01:01+A*02:01^B*07:02");
  REQUIRE(v);
  CHECK_FALSE(v->locus);  // two loci
}

TEST_CASE("renamed and deleted alleles resolve to the current name with a warning") {
  auto v = nomenclature().validate("A*01:34N");
  REQUIRE(v);
  CHECK(v->normalized == "A*01:01:38L");
  REQUIRE(v->warnings.size() == 1);
  CHECK(v->warnings[0].english().find("A*01:34N") != std::string::npos);
  CHECK(v->warnings[0].english().find("A*01:01:38L") != std::string::npos);

  v = nomenclature().validate("A*0105N");  // pre-2010 name, identical to A*01:04:01:01N
  REQUIRE(v);
  CHECK(v->normalized == "A*01:04:01:01N");
  CHECK(v->warnings.size() == 1);

  v = nomenclature().validate("Cw*0422");  // 0422 -> 0421 -> 04:15:02 (a chain of renamings)
  REQUIRE(v);
  CHECK(v->normalized == "C*04:15:02");

  const auto e = failure("A*02:100");  // "never assigned": no successor
  CHECK(e.code == "hla.deleted_allele");
  CHECK(e.field == "A*02:100");
  CHECK(e.english().find("Never assigned") != std::string::npos);
}

TEST_CASE("invalid input gives a specific message naming the bad token") {
  struct Case {
    const char* typing;
    const char* code;
    const char* named;
  };
  const Case cases[] = {
      {"A*99:99", "hla.unknown_allele", "A*99:99"},
      {"A*99:XX", "hla.unknown_allele", "A*99:XX"},
      {"A*02:01:XX", "hla.malformed_allele", "A*02:01:XX"},
      {"A*02:01/A*99:99", "hla.unknown_allele", "A*99:99"},
      {"Q*02:01", "hla.unknown_locus", "Q*02:01"},
      {"A*2:01", "hla.malformed_allele", "A*2:01"},
      {"A*02:01:01:01:01", "hla.malformed_allele", "A*02:01:01:01:01"},
      {"A*02:01X", "hla.malformed_allele", "A*02:01X"},
      {"A*02::01", "hla.malformed_allele", "A*02::01"},
      {"A*02:01:99G", "hla.unknown_group", "A*02:01:99G"},
      {"A*02:9999P", "hla.unknown_group", "A*02:9999P"},
      {"A99", "hla.unknown_antigen", "A99"},
      {"DR99", "hla.unknown_antigen", "DR99"},
      {"A", "hla.malformed", "A"},
      {"hello", "hla.malformed", "hello"},
      {"A*02;01", "hla.bad_character", "A*02;01"},
      {"A*02:01//A*02:02", "hla.empty_element", "A*02:01//A*02:02"},
      {"A*02:01+", "hla.empty_element", "A*02:01+"},
      {"^B*07:02", "hla.empty_element", "^B*07:02"},
      {"A*02:AB/B*07:02", "hla.mixed_list", "A*02:AB/B*07:02"},
      {"A*02:QQQQ", "hla.unknown_mac", "A*02:QQQQ"},
  };
  for (const Case& c : cases) {
    INFO(c.typing);
    dd::Error e = c.code == std::string("hla.mixed_list") ? nomenclature().reduce(c.typing, Level::lgx).error()
                                                          : failure(c.typing);
    CHECK(e.code == c.code);
    CHECK(e.english().find(c.named) != std::string::npos);
    CHECK(e.field == c.named);
  }
  const auto wide = failure("A*02:01\xEF\xBC\x8C");  // a full-width comma typed by a Chinese keyboard
  CHECK(wide.code == "hla.bad_character");
  CHECK(wide.english().find("'\xEF\xBC\x8C'") != std::string::npos);
  CHECK(failure("A*02:01:01:01:01:01:01:01:01:01:01:01:01:01:01:01:01:01:01:01:01:01:01:01").code == "hla.malformed");
  CHECK(failure("").code == "hla.empty");
  CHECK(failure("   ").code == "hla.empty");
}

TEST_CASE("a typing in the wrong locus slot is rejected with both loci named") {
  CHECK(normalized("DRB1*15:01", Locus::DRB1) == "DRB1*15:01");
  CHECK(normalized("DR15", Locus::DRB1) == "DR15");
  CHECK(normalized("DR53", Locus::DRB4) == "DR53");
  auto e = failure("B*07:02", Locus::A);
  CHECK(e.code == "hla.wrong_locus");
  CHECK(e.field == "B*07:02");
  CHECK(e.english() == "'B*07:02' is a typing of B, but this field is for A.");
  e = failure("DR53", Locus::DRB1);
  CHECK(e.code == "hla.wrong_locus");
  CHECK(e.english().find("DRB4") != std::string::npos);
  e = failure("A*02:01/B*07:02", Locus::A);
  CHECK(e.field == "B*07:02");
}

TEST_CASE("messages are translatable: English pattern, arguments and the dd::hla context") {
  const auto e = failure("A*99:99");
  CHECK(std::string(e.message.context) == "dd::hla");
  CHECK(std::string(e.message.text).find("%1") != std::string::npos);
  CHECK(e.message.args.at(0) == "A*99:99");
  CHECK(e.message.args.at(1) == "3.58.0");
}
