#pragma once
// The HLA nomenclature engine: loads one IPD-IMGT/HLA release (the unmodified
// WMDA files), then parses, validates, expands and reduces typings at any
// resolution. Everything is derived at load time into flat, dense-id tables
// so that the per-allele accessors below are array reads (inline, no
// allocation) for the matching engine's hot loops.
//
// Names are printed without the "HLA-" prefix ("A*02:01", "B44"); reduce()
// keeps the prefix of an input token on every name it reduces to, as py-ard does.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "hla/locus.h"
#include "hla/mac_table.h"

namespace dd::hla {

using AlleleId = std::uint32_t;   // dense 0..alleleCount()-1, current (not deleted) alleles only
using GroupId = std::uint32_t;    // dense id of an ARS group (lgx) or G group, unique across loci
using AntigenId = std::uint16_t;  // dense id of a serological antigen ("A2", "B44", "Cw7", "DR15")
inline constexpr AlleleId kNoAllele = 0xFFFFFFFFu;
inline constexpr GroupId kNoGroup = 0xFFFFFFFFu;
inline constexpr AntigenId kNoAntigen = 0xFFFFu;

// Reduction levels of `hla reduce --level`.
enum class Level : std::uint8_t {
  // Defaults as py-ard 2.3.1; ReduceOptions::strictNulls gives DonorDesk's reading (docs/hla.md).
  G,    // G group ("A*01:01:01G"); alleles outside any G group stay as they are
  P,    // P group ("A*01:01P"); outside any P group the allele stays (strict: its two-field name)
  lg,   // lgx plus "g" ("A*01:01g")
  lgx,  // two fields of the G group, as py-ard names it ("A*01:01"); strict: of the P group (arsGroup)
  S,    // serological antigen(s) from rel_dna_ser.txt ("B15/B21")
  U2,   // unambiguous two-field name if one exists, else lgx
  W,    // full WHO names (expands anything to all current alleles it covers)
  exp,  // expansion of XX and MAC codes to the allele list, other tokens unchanged
};
std::optional<Level> parseLevel(std::string_view text);  // "G","P","lg","lgx","S","U2","W","exp"
std::string_view levelName(Level level);

// How reduce() reads null alleles and names that cover several alleles.
struct ReduceOptions {
  // false (default): as NMDP py-ard 2.3.1 (G-group based lg/lgx, so a null
  // joins its G group's name; a two- or three-field name is looked up as a
  // name). true: DonorDesk's stricter reading, the one the matching engine
  // uses: a null keeps its own "A*01:04N" at P, lg, lgx and U2, lgx comes from
  // P groups, and a name prefix stands for its expressed alleles.
  bool strictNulls = false;
};

// DPB1 T-cell epitope group from dpb_tce.csv; 0 = not assigned.
struct Tce {
  std::uint8_t v1 = 0;       // V1 assignment 1..3
  std::uint8_t v2 = 0;       // V2 assignment 1..3 (V2 "2a" is v2 == 2 with v2a)
  bool v1Inferred = false;   // '$' in the file: assigned by inference, not experiment
  bool v2Inferred = false;
  bool v2a = false;
};

// What one token of a typing is.
enum class TokenKind : std::uint8_t {
  Allele,    // a current allele, 2-4 fields ("A*02:01:01:01")
  Prefix,    // fewer fields than the alleles it covers ("A*02:01" covering A*02:01:01:01...)
  XX,        // "A*02:XX", same as first field "A*02"
  Mac,       // NMDP code "A*02:AB"
  GGroup,    // "A*02:01:01G"
  PGroup,    // "A*02:01P"
  Serology,  // "A2", "Cw7", "DR15", "DQ6"
  Epitope,   // "Bw4", "Bw6": valid, but not a locus typing (cannot be expanded)
  LgGroup,   // "A*02:01g": the expressed alleles of one lgx (ARS) group, as `--level lg` prints
};

// Result of validate(): the typing in normal form (current names, no HLA-,
// canonical case and serology spelling) plus notes such as renamed alleles.
struct ValidatedTyping {
  std::string normalized;
  std::vector<dd::Message> warnings;  // e.g. "A*01:34N was renamed A*01:01:38L"
  std::optional<Locus> locus;         // the single locus of the typing, if it has exactly one
  bool serologyOnly = false;          // every token is serology/epitope
};

// Summary of a one-slot expansion (see expandSlot).
struct SlotInfo {
  bool serologyOnly = false;  // compare at antigen level: only serology was typed
  bool hasNull = false;       // at least one possible allele is not expressed
  std::uint32_t tokens = 0;   // number of '/'-separated tokens
};

class Nomenclature {
 public:
  // Loads a release folder laid out like the IMGTHLA repository (wmda/*.txt,
  // tce/dpb_tce.csv, Deleted_alleles.txt, release_version.txt). Errors name
  // file, line and reason.
  static dd::Expected<std::shared_ptr<Nomenclature>> load(const std::filesystem::path& releaseDir);

  Nomenclature(Nomenclature&&) noexcept;
  Nomenclature& operator=(Nomenclature&&) noexcept;
  ~Nomenclature();

  const std::string& release() const { return release_; }  // "3.58.0"
  const std::vector<dd::Message>& loadWarnings() const { return loadWarnings_; }
  // For the loader's caller (e.g. "this folder failed its checksum check");
  // like setMacTable, do it before sharing the object.
  void addLoadWarning(dd::Message warning) { loadWarnings_.insert(loadWarnings_.begin(), std::move(warning)); }
  // Installs the MAC table used for codes like A*02:AB. Not thread-safe against
  // concurrent readers: do it before sharing the object.
  void setMacTable(MacTable table);
  const MacTable& macTable() const { return mac_; }

  // ---- validation, normalisation, reduction (GL String in, GL String out)
  // Validates any typing: one token, a '/' list or a full GL String. With
  // expectedLocus every token must belong to it (wrong locus is an error).
  // Errors have code "hla.*", name the bad token in Error::field and in the text.
  dd::Expected<ValidatedTyping> validate(std::string_view text, std::optional<Locus> expectedLocus = {}) const;
  dd::Expected<std::string> reduce(std::string_view gl, Level level,
                                   std::vector<dd::Message>* warnings = nullptr,
                                   ReduceOptions options = {}) const;
  // Same, appending to `out` (reuse one string across calls to avoid allocation).
  dd::Status reduceInto(std::string_view gl, Level level, std::string& out,
                        std::vector<dd::Message>* warnings = nullptr, ReduceOptions options = {}) const;

  // ---- expansion for matching
  // Expands the typing of ONE locus slot ("A*02:01", "A*02:01/A*02:06",
  // "A*02:XX", "A*02:AB", "A2", "A*02:01:01G", "A*02:01P") to all current
  // alleles it may be, appended to `out` sorted and without duplicates.
  // '+', '~', '|', '^' are errors here (they describe more than one slot).
  dd::Status expandSlot(std::string_view text, Locus slot, std::vector<AlleleId>& out,
                        SlotInfo* info = nullptr, std::vector<dd::Message>* warnings = nullptr) const;

  // ---- alleles (all O(1) array reads)
  std::size_t alleleCount() const { return locus_.size(); }
  std::size_t alleleCount(Locus locus) const;
  AlleleId findAllele(std::string_view name) const;  // current full name, "HLA-" optional; else kNoAllele
  std::string_view alleleName(AlleleId a) const {     // "A*01:04:01:01N"
    return std::string_view(names_).substr(nameOffset_[a], nameOffset_[a + 1] - nameOffset_[a]);
  }
  Locus locus(AlleleId a) const { return locus_[a]; }
  bool expressed(AlleleId a) const { return suffix_[a] != 'N'; }
  char expressionSuffix(AlleleId a) const { return suffix_[a]; }  // 'N','L','S','C','A','Q' or 0
  GroupId arsGroup(AlleleId a) const { return ars_[a]; }          // lgx identity (P group level)
  GroupId gGroup(AlleleId a) const { return g_[a]; }              // G group identity
  // Split-level antigens of the allele (unambiguous, else possible, else
  // assumed serology); empty for null alleles and '?' entries.
  std::span<const AntigenId> antigens(AlleleId a) const {
    return {antigenList_.data() + antigenOffset_[a], antigenOffset_[a + 1] - antigenOffset_[a]};
  }
  Tce tce(AlleleId a) const { return tce_[a]; }  // DPB1 only; zeros elsewhere

  // ---- groups
  std::size_t groupCount() const { return groupOffset_.size() - 1; }
  std::string_view groupName(GroupId g) const {  // "A*01:01" (lgx), "A*01:04N", "A*01:01:01G"
    return std::string_view(groupNames_).substr(groupOffset_[g], groupOffset_[g + 1] - groupOffset_[g]);
  }

  // ---- serology
  std::size_t antigenCount() const { return antigenNames_.size(); }
  const std::string& antigenName(AntigenId s) const { return antigenNames_[s]; }  // "B44", "Cw7"
  AntigenId findAntigen(std::string_view name) const;  // "B44", "HLA-B44", "DR15", "C7"/"Cw7"; else kNoAntigen
  AntigenId broadOf(AntigenId s) const { return broad_[s]; }  // itself when s is not a split
  // An associated antigen (A203 of A2, B3901 of B39): broadOf() gives its
  // parent, which it matches at the "associated" rather than the broad level.
  bool isAssociated(AntigenId s) const;
  std::span<const AntigenId> splitsOf(AntigenId s) const;     // empty when s is not a broad

 private:
  Nomenclature();
  friend class NomenclatureBuilder;
  friend class TypingEngine;
  struct Index;  // name lookups (hash maps), defined in the .cpp files

  std::string release_;
  std::vector<dd::Message> loadWarnings_;
  MacTable mac_;

  std::string names_;
  std::vector<std::uint32_t> nameOffset_;
  std::vector<Locus> locus_;
  std::vector<char> suffix_;
  std::vector<GroupId> ars_;
  std::vector<GroupId> g_;
  std::vector<std::uint32_t> antigenOffset_;
  std::vector<AntigenId> antigenList_;
  std::vector<Tce> tce_;

  std::string groupNames_;
  std::vector<std::uint32_t> groupOffset_;

  std::vector<std::string> antigenNames_;
  std::vector<AntigenId> broad_;
  std::vector<std::uint32_t> splitOffset_;
  std::vector<AntigenId> splitList_;

  std::unique_ptr<Index> index_;
};

}  // namespace dd::hla
