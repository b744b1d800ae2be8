// The haplotype frequency loader and the genotype sampler (match/population.h).
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include <QTemporaryDir>

#include "match/population.h"

using dd::hla::Locus;
using dd::match::GenotypeSampler;
using dd::match::HaplotypeFrequencies;

namespace {
const std::string kBundled = std::string(DONORDESK_RESOURCE_DIR) + "/hla/haplotype-freqs/CAU.freqs.gz";

std::string errorOf(std::string_view text) {
  auto parsed = HaplotypeFrequencies::parse(text, "test.freqs");
  REQUIRE_FALSE(parsed);
  return parsed.error().english();
}
}  // namespace

TEST_CASE("haplotype lines are parsed into per-locus allele tables") {
  auto parsed = HaplotypeFrequencies::parse(
      "# comment\n"
      "A*01:01~C*07:01~B*08:01~DRB1*03:01~DQB1*02:01,120,0.06\r\n"
      "\n"
      "A*02:01~C*07:01~B*07:02~DRB1*15:01~DQB1*06:02,80,0.04\n",
      "x");
  REQUIRE(parsed);
  REQUIRE(parsed->haplotypes().size() == 2);
  CHECK(parsed->alleles(Locus::A) == std::vector<std::string>{"A*01:01", "A*02:01"});
  CHECK(parsed->alleles(Locus::C) == std::vector<std::string>{"C*07:01"});  // shared allele stored once
  const auto& second = parsed->haplotypes()[1];
  CHECK(parsed->allele(Locus::B, second.allele[static_cast<int>(Locus::B)]) == "B*07:02");
  CHECK(parsed->allele(Locus::DQB1, second.allele[static_cast<int>(Locus::DQB1)]) == "DQB1*06:02");
  CHECK(second.frequency == Approx(0.04));
  // DPB1 is synthetic and documented as such.
  CHECK(parsed->alleles(Locus::DPB1).size() == dd::match::syntheticDpb1Alleles().size());
}

TEST_CASE("malformed haplotype lines are rejected with file and line") {
  const std::string good = "A*01:01~C*07:01~B*08:01~DRB1*03:01~DQB1*02:01,1,0.01\n";
  CHECK(errorOf(good + "A*01:01~C*07:01~B*08:01~DRB1*03:01~DQB1*02:01,1\n") ==
        "test.freqs, line 2: expected 'A~C~B~DRB1~DQB1,count,frequency' but found "
        "'A*01:01~C*07:01~B*08:01~DRB1*03:01~DQB1*02:01,1'.");
  CHECK(errorOf(good + good + "A*01:01~C*07:01~B*08:01~DRB1*03:01,1,0.1\n").find("line 3: the haplotype") !=
        std::string::npos);
  CHECK(errorOf("A*01:01~C*07:01~B*08:01~DRB1*03:01~DQB1*02:01~DPB1*04:01,1,0.1\n").find("line 1") !=
        std::string::npos);
  CHECK(errorOf("C*07:01~A*01:01~B*08:01~DRB1*03:01~DQB1*02:01,1,0.1\n") ==
        "test.freqs, line 1: 'C*07:01' is not an allele name of the locus expected at its position "
        "(A~C~B~DRB1~DQB1).");
  CHECK(errorOf("A*01~C*07:01~B*08:01~DRB1*03:01~DQB1*02:01,1,0.1\n").find("'A*01'") != std::string::npos);
  CHECK(errorOf("A*01:01~C*07:01~B*08:01~DRB1*03:01~DQB1*02:01,1,abc\n").find("the frequency 'abc'") !=
        std::string::npos);
  CHECK(errorOf("A*01:01~C*07:01~B*08:01~DRB1*03:01~DQB1*02:01,1,0\n").find("frequency '0'") != std::string::npos);
  CHECK(errorOf("A*01:01~C*07:01~B*08:01~DRB1*03:01~DQB1*02:01,1,1.5\n").find("'1.5'") != std::string::npos);
  CHECK(errorOf("A*01:01~C*07:01~B*08:01~DRB1*03:01~DQB1*02:01,1,0.1,x\n").find("line 1: expected") !=
        std::string::npos);
  CHECK(errorOf("# only a comment\n\n") == "The haplotype frequency file test.freqs contains no haplotypes.");
  auto parsed = HaplotypeFrequencies::parse("junk\n", "f");
  REQUIRE_FALSE(parsed);
  CHECK(parsed.error().code == "match.haplotype_file");
  CHECK(parsed.error().field == "f:1");
}

TEST_CASE("the bundled gzip file and a plain copy load the same") {
  auto bundled = HaplotypeFrequencies::load(kBundled);
  REQUIRE(bundled);
  CHECK(bundled->haplotypes().size() == 3380);
  CHECK(bundled->alleles(Locus::A).front() == "A*01:01");

  QTemporaryDir dir;
  const std::filesystem::path plain = dir.filePath(QStringLiteral("plain.freqs")).toStdString();
  std::ofstream(plain) << "A*01:01~C*07:01~B*08:01~DRB1*03:01~DQB1*02:01,1,0.5\n";
  auto fromPlain = HaplotypeFrequencies::load(plain);
  REQUIRE(fromPlain);
  CHECK(fromPlain->haplotypes().size() == 1);

  auto missing = HaplotypeFrequencies::load(dir.filePath(QStringLiteral("missing.gz")).toStdString());
  REQUIRE_FALSE(missing);
  CHECK(missing.error().code == "match.haplotype_file_open");
}

TEST_CASE("the sampler is deterministic per seed and follows the frequencies") {
  auto freqs = HaplotypeFrequencies::parse(
      "A*01:01~C*07:01~B*08:01~DRB1*03:01~DQB1*02:01,1,0.75\n"
      "A*02:01~C*07:02~B*07:02~DRB1*15:01~DQB1*06:02,1,0.25\n",
      "x");
  REQUIRE(freqs);
  GenotypeSampler a(*freqs, 7), b(*freqs, 7), c(*freqs, 8);
  bool differs = false;
  std::map<std::string, int> counts;
  const int draws = 20000;
  for (int i = 0; i < draws; ++i) {
    const auto ga = a.next(), gb = b.next(), gc = c.next();
    CHECK(ga.allele == gb.allele);
    differs = differs || ga.allele != gc.allele;
    const auto names = a.names(ga);
    for (int slot = 0; slot < 2; ++slot) {
      ++counts[names[0][slot]];
      ++counts[names[5][slot]];
      // Alleles of one haplotype travel together.
      CHECK((names[0][slot] == "A*01:01") == (names[1][slot] == "B*08:01"));
    }
  }
  CHECK(differs);
  CHECK(counts["A*01:01"] / (2.0 * draws) == Approx(0.75).margin(0.02));
  CHECK(counts["DPB1*04:01"] / (2.0 * draws) == Approx(0.42).margin(0.02));
  double total = 0;
  for (const auto& allele : dd::match::syntheticDpb1Alleles()) total += allele.weight;
  CHECK(total == Approx(1.0));
}
