#pragma once
// The bundled IPD-IMGT/HLA release, loaded once per test process.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "hla/nomenclature.h"
#include "match/search.h"

namespace dd::match::test {

inline std::string hlaDir() { return std::string(DONORDESK_RESOURCE_DIR) + "/hla/imgt-3.58.0"; }
inline std::string haplotypeFile() {
  return std::string(DONORDESK_RESOURCE_DIR) + "/hla/haplotype-freqs/CAU.freqs.gz";
}

inline std::shared_ptr<const dd::hla::Nomenclature> nomenclature() {
  static std::shared_ptr<const dd::hla::Nomenclature> loaded;
  if (!loaded) {
    auto result = dd::hla::Nomenclature::load(hlaDir());
    if (!result) FAIL("cannot load " << hlaDir() << ": " << result.error().english());
    loaded = std::move(*result);
  }
  return loaded;
}

// A full patient typing and donors made from GL Strings, for hand-written searches.
inline const std::string kPatient =
    "A*01:01+A*02:01^B*08:01+B*44:02^C*07:01+C*05:01^DRB1*03:01+DRB1*04:01^DQB1*02:01+DQB1*03:01^"
    "DPB1*04:01+DPB1*04:01";

inline DonorRecord donor(std::int64_t id, const std::string& gl, DonorFactors factors = {}) {
  DonorRecord record;
  record.volunteerId = id;
  // append() rather than "R" + to_string(): GCC 12 at -O3 warns (-Wrestrict, a known false positive).
  record.registryNo = std::string("R").append(std::to_string(id));
  auto typing = parseTyping(gl, *nomenclature());
  REQUIRE(typing);
  for (int l = 0; l < kMatchLoci; ++l) {
    const auto& parts = typing->locus[l].slot;
    record.locusTyping[l] = parts[0].empty() ? "" : parts[0] + "+" + parts[1];
  }
  record.factors = factors;
  return record;
}

// kPatient with one locus block replaced.
inline std::string with(const std::string& locus, const std::string& block) {
  std::string gl;
  for (std::string part : {"A", "B", "C", "DRB1", "DQB1", "DPB1"}) {
    const std::size_t at = kPatient.find(part + "*");
    const std::size_t end = kPatient.find('^', at);
    if (!gl.empty()) gl += '^';
    gl += part == locus ? block : kPatient.substr(at, end == std::string::npos ? end : end - at);
  }
  return gl;
}

inline std::vector<SearchResult> run(const DonorIndex& index, const std::string& patient, SearchOptions options = {}) {
  auto typing = parseTyping(patient, *nomenclature());
  REQUIRE(typing);
  auto results = search(index, *typing, options);
  REQUIRE(results);
  return *results;
}

inline const SearchResult& byId(const std::vector<SearchResult>& results, std::int64_t id) {
  for (const auto& r : results)
    if (r.volunteerId == id) return r;
  FAIL("donor " << id << " not in the results");
  return results.front();
}

// A donor record's typing as a patient typing (search a donor's own typing).
inline Typing typingOf(const DonorRecord& donor) {
  Typing typing;
  for (int l = 0; l < kMatchLoci; ++l) {
    auto parsed = parseLocusTyping(donor.locusTyping[l], static_cast<dd::hla::Locus>(l), *nomenclature());
    REQUIRE(parsed);
    typing.locus[l] = *parsed;
  }
  return typing;
}

}  // namespace dd::match::test
