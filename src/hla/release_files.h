#pragma once
// Internal: reading the IPD-IMGT/HLA WMDA files of one release into plain
// records (views into the file texts, which RawRelease keeps alive). Only
// syntax is checked here (errors carry file, line and reason);
// nomenclature_build.cpp derives the tables from these records.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/expected.h"
#include "hla/allele_name.h"

namespace dd::hla::detail {

struct RawAllele {
  std::string_view fields;  // "01:01:01:01N" (the part after '*')
  ParsedName parsed;
};

struct RawDeleted {
  Locus locus;
  std::string_view name;       // "0105N", "01:34N"
  std::string_view successor;  // "01:04:01:01N" or ""
  std::string_view reason;
};

struct RawGroup {
  Locus locus;
  std::string_view name;                  // "01:01:01G" / "01:01P"
  std::vector<std::string_view> members;  // "01:01:01:01", ...
};

struct RawSerology {
  Locus locus;
  std::string_view allele;                // "13:04"
  std::vector<std::string_view> numbers;  // "15", "21" (unambiguous, possible, assumed; no "0"/"?")
};

struct RawSerSer {
  std::string antigen;                  // "B15"
  std::vector<std::string> splits;      // "B62", ...
  std::vector<std::string> associated;  // "B4005"
};

struct RawTce {
  std::string_view allele;  // "DPB1*01:01:01:01"
  std::string_view v1, v2;  // as written: "", "0", "3", "3$", "2a"
  std::size_t line = 0;
};

struct RawDeletedListed {  // Deleted_alleles.txt
  std::string_view name;   // "A*0105N"
  std::string_view description;
};

struct RawRelease {
  std::vector<std::unique_ptr<std::string>> texts;  // the file contents the views point into
  std::string version;                              // "3.58.0"
  std::vector<RawAllele> alleles;
  std::vector<RawDeleted> deleted;
  std::vector<std::string> antigens;  // current serological antigens of hla_nom.txt ("A2", "Bw4", "Cw7")
  std::vector<RawGroup> gGroups, pGroups;
  std::vector<RawSerology> serology;
  std::vector<RawSerSer> serSer;
  std::vector<RawTce> tce;
  std::vector<RawDeletedListed> deletedListed;
  std::filesystem::path tceFile;
  std::vector<dd::Message> warnings;
};

// The serological prefix of a locus ("Cw" for C, "DR" for DRB1/3/4/5...), or "" if none.
std::string_view serologyPrefix(Locus locus);
// The locus a serological antigen belongs to ("DR53" -> DRB4); nullopt for Dw and unknown prefixes.
std::optional<Locus> antigenLocus(std::string_view prefix, std::string_view number);

dd::Expected<RawRelease> readRelease(const std::filesystem::path& releaseDir);

}  // namespace dd::hla::detail
