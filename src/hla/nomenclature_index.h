#pragma once
// Internal: the lookup side of Nomenclature (not part of the public API).
// Every spelling a typing token can take after normalisation ("A*02:01",
// "A*02:XX", "A*02:01:01G", "A*02:01g", "CW7", "A*01:04N") is one key of
// `tokens`, so resolving a token is one hash lookup. Alleles are numbered in
// smart order, so the alleles under a name prefix form one contiguous range.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "hla/flat_index.h"
#include "hla/nomenclature.h"

namespace dd::hla::detail {

// What one key stands for.
struct Entry {
  std::uint32_t begin = 0;  // alleles [begin,end) if range, else members[begin,end)
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::Allele;
  bool range = true;
  char filter = 0;          // range only: 0 = every allele, '!' = expressed only, letter = that suffix only;
                            // lg keys: 'p' when the name is py-ard's lgx of its members, else their arsGroup
  std::uint8_t fields = 0;  // molecular names: number of fields written
  AntigenId antigen = kNoAntigen;  // serology / epitope keys
  Locus locus = Locus::A;
};

struct DeletedName {
  std::string successor;  // current name it became ("" = none)
  std::string reason;
};

}  // namespace dd::hla::detail

namespace dd::hla {

struct Nomenclature::Index {
  detail::FlatIndex<detail::Entry> tokens;
  std::vector<AlleleId> members;  // flat allele lists of non-range entries

  detail::FlatIndex<std::uint32_t> deleted;  // normalised old name -> deletedNames index
  std::vector<detail::DeletedName> deletedNames;

  // Per allele output names (GroupId = index into the name table) by level.
  std::vector<GroupId> pName;     // P group or two-field name
  std::vector<GroupId> twoField;  // "A*01:01" (expressed) / "A*01:04N" (null)
  std::vector<GroupId> u2Name;    // two fields plus the allele's own suffix
  // Serology output per allele: its antigens plus the broads of its splits.
  std::vector<std::uint32_t> sOffset;
  std::vector<AntigenId> sList;

  // Reduce-only tables for py-ard parity (the default of `hla reduce`). The
  // matching engine never reads them: arsGroup() keeps its P-group meaning.
  std::vector<GroupId> pyLgx;  // py-ard lgx: two fields of its G name (ping: of the P group when the allele's
                               // two-field name is in no G group)
  std::vector<GroupId> gLgx;   // two fields of py-ard's G name; kNoGroup outside any G group
  std::vector<GroupId> pyP;    // P group, else the allele's own name
  std::vector<GroupId> pyU2;   // py-ard U2 name
  std::vector<GroupId> plain2;  // first two fields as written, no suffix ("A*01:01")
  std::vector<GroupId> plain3;  // first three fields, no suffix (two for a two-field allele)
  std::vector<GroupId>
      py2d;  // py-ard's two-field key: plain2, or the allele's own name when it has two fields ("A*74:12N")
  std::vector<std::uint8_t> inG, inP, fieldCount;
  std::vector<std::uint32_t> pySOffset;  // S output of py-ard: sList plus the broads py-ard lists beside a
                                         // split's broad (B15 beside B70)
  std::vector<AntigenId> pySList;

  std::vector<Locus> antigenLocus;
  std::vector<std::uint8_t> antigenIsEpitope;
  std::vector<std::uint8_t> antigenIsAssociated;  // broad_ points to the parent, not a broad
  std::array<std::uint32_t, kLocusCount + 1> locusBegin{};  // allele id ranges per locus
};

}  // namespace dd::hla
