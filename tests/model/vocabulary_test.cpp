// The vocabularies' keys are what the database stores and CSV files carry:
// each key reads back as its value, and text from spreadsheets is read the
// way offices write it.
#include <catch2/catch.hpp>

#include "model/vocabulary.h"

using namespace dd::model;

TEST_CASE("every CMV status reads back from its key, and unknown is stored as no key", "[model]") {
  for (const Cmv value : {Cmv::Unknown, Cmv::Negative, Cmv::Positive}) {
    INFO(static_cast<int>(value));
    REQUIRE(parseCmv(key(value)).has_value());
    CHECK(*parseCmv(key(value)) == value);
  }
  CHECK(key(Cmv::Unknown).empty());
  CHECK(key(Cmv::Positive) == "positive");
  CHECK(key(Cmv::Negative) == "negative");
}

TEST_CASE("CMV as offices write it: signs, short forms, Chinese, any case", "[model]") {
  for (const char* text : {"positive", "Positive", "POS", "pos", "+", "阳性"}) {
    INFO(text);
    CHECK(parseCmv(text) == Cmv::Positive);
  }
  for (const char* text : {"negative", "NEGATIVE", "Neg", "-", "阴性"}) {
    INFO(text);
    CHECK(parseCmv(text) == Cmv::Negative);
  }
  for (const char* text : {"maybe", "posit", "++", "阳", "unknown"}) {
    INFO(text);
    CHECK_FALSE(parseCmv(text).has_value());
  }
}

TEST_CASE("each CMV status has its English name for the translators", "[model]") {
  CHECK(std::string_view(displayName(Cmv::Unknown)) == "Unknown");
  CHECK(std::string_view(displayName(Cmv::Negative)) == "Negative");
  CHECK(std::string_view(displayName(Cmv::Positive)) == "Positive");
}
