#pragma once
// Internal: derives every table of Nomenclature from the raw WMDA records at
// load time (allele numbering in smart order, output names per level,
// serology with broad/split relations, DPB1 TCE groups, the token index).
#include <string>
#include <vector>

#include "hla/nomenclature_index.h"
#include "hla/release_files.h"

namespace dd::hla {

// "A*" + fields; and the first `count` fields of a parsed name as written ("01:01").
std::string nameWithLocus(Locus locus, std::string_view fields);
void appendFields(std::string& out, const detail::ParsedName& p, int count);

class NomenclatureBuilder {
 public:
  NomenclatureBuilder(detail::RawRelease& raw, Nomenclature& n) : raw_(raw), n_(n), ix_(*n.index_) {}

  dd::Status build() {
    n_.release_ = raw_.version;
    numberAlleles();
    buildOutputNames();
    buildSerology();
    if (dd::Status tce = buildTce(); !tce) return tce;
    buildTokens();
    buildDeleted();
    n_.loadWarnings_ = std::move(raw_.warnings);
    return {};
  }

 private:
  void warn(const char* text, std::vector<std::string> args) {
    raw_.warnings.push_back({"dd::hla", text, std::move(args)});
  }
  AlleleId lookup(Locus locus, std::string_view fields) const;
  std::vector<std::string> groupOf(const std::vector<detail::RawGroup>& groups, const char* file);

  void numberAlleles();
  void buildOutputNames();
  void buildSerology();
  dd::Status buildTce();
  void buildTokens();
  void addPrefixTokens();
  void addGroupTokens();
  void addSerologyTokens();
  void buildDeleted();

  AntigenId antigenId(std::string_view name) const;
  AntigenId addAntigen(const std::string& name);
  // Adds key -> entry unless the key exists (exact names are added first and win).
  void addToken(std::string_view key, const detail::Entry& entry);
  detail::Entry memberEntry(TokenKind kind, Locus locus, const std::vector<AlleleId>& alleles);

  detail::RawRelease& raw_;
  Nomenclature& n_;
  Nomenclature::Index& ix_;
  std::vector<detail::ParsedName> parsed_;
  detail::FlatIndex<std::uint32_t> alleleIndex_;
  detail::FlatIndex<std::uint32_t> antigenIndex_;  // antigen name -> id + 1 while building
  std::vector<std::vector<AlleleId>> antigenCoverage_;
};

}  // namespace dd::hla
