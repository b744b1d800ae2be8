#pragma once
// HLA loci as a small dense enum. The six loci the registry matches on come
// first (so `static_cast<int>(locus) < kMatchLocusCount` tests for them); the
// rest are every other gene the IPD-IMGT/HLA WMDA files name. A newer release
// that adds a gene loads fine: alleles of an unknown gene are skipped with a
// warning (see Nomenclature::loadWarnings()).
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace dd::hla {

enum class Locus : std::uint8_t {
  A, B, C, DRB1, DQB1, DPB1,  // matching loci
  DRB3, DRB4, DRB5, DQA1, DPA1,
  DRA, DRB2, DRB6, DRB7, DRB8, DRB9, DQA2, DQB2, DPA2, DPB2, DMA, DMB, DOA, DOB,
  E, F, G, H, J, K, L, N, P, R, S, T, U, V, W, Y, HFE, MICA, MICB, TAP1, TAP2,
};

inline constexpr int kMatchLocusCount = 6;
inline constexpr int kLocusCount = static_cast<int>(Locus::TAP2) + 1;

inline constexpr std::array<std::string_view, kLocusCount> kLocusNames = {
    "A",    "B",    "C",    "DRB1", "DQB1", "DPB1", "DRB3", "DRB4", "DRB5", "DQA1", "DPA1", "DRA",
    "DRB2", "DRB6", "DRB7", "DRB8", "DRB9", "DQA2", "DQB2", "DPA2", "DPB2", "DMA",  "DMB",  "DOA",
    "DOB",  "E",    "F",    "G",    "H",    "J",    "K",    "L",    "N",    "P",    "R",    "S",
    "T",    "U",    "V",    "W",    "Y",    "HFE",  "MICA", "MICB", "TAP1", "TAP2"};

// "DRB1" for Locus::DRB1 (no "HLA-" prefix, no "*").
constexpr std::string_view locusName(Locus locus) { return kLocusNames[static_cast<std::size_t>(locus)]; }

// Accepts "A", "HLA-A", "a", "DRB1", "Cw" (serological C) ... ; nullopt if unknown.
std::optional<Locus> parseLocus(std::string_view text);

constexpr bool isMatchLocus(Locus locus) { return static_cast<int>(locus) < kMatchLocusCount; }

}  // namespace dd::hla
