#pragma once
// A small, fully specified random generator (xoshiro256** seeded through
// splitmix64) and Vose's alias table. The standard library's distributions
// are implementation-defined, so synthetic registries would differ between
// compilers; these give the same donors for the same seed everywhere.
#include <cstdint>
#include <vector>

namespace dd::match {

class Random {
 public:
  explicit Random(std::uint64_t seed);
  std::uint64_t next();
  // Uniform in [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform integer in [0, n); n > 0. Lemire's multiply-shift (tiny bias is irrelevant here).
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
  }

 private:
  std::uint64_t s_[4];
};

// O(1) sampling from a fixed discrete distribution (weights need not sum to 1).
class AliasTable {
 public:
  AliasTable() = default;
  explicit AliasTable(const std::vector<double>& weights);
  std::uint32_t sample(Random& random) const;
  std::size_t size() const { return probability_.size(); }

 private:
  std::vector<double> probability_;
  std::vector<std::uint32_t> alias_;
};

}  // namespace dd::match
