#pragma once
// The bundled IPD-IMGT/HLA release, loaded once per test process.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "hla/nomenclature.h"

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

}  // namespace dd::match::test
