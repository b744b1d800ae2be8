#include "hla/release_files.h"

#include "hla/file_reading.h"

namespace dd::hla::detail {
namespace fs = std::filesystem;

std::string_view serologyPrefix(Locus locus) {
  switch (locus) {
    case Locus::A: return "A";
    case Locus::B: return "B";
    case Locus::C: return "Cw";
    case Locus::DRB1: case Locus::DRB3: case Locus::DRB4: case Locus::DRB5: return "DR";
    case Locus::DQB1: return "DQ";
    case Locus::DPB1: return "DPw";
    default: return {};
  }
}

std::optional<Locus> antigenLocus(std::string_view prefix, std::string_view number) {
  if (prefix == "A") return Locus::A;
  if (prefix == "B" || prefix == "Bw") return Locus::B;
  if (prefix == "Cw" || prefix == "C") return Locus::C;
  if (prefix == "DQ") return Locus::DQB1;
  if (prefix == "DPw" || prefix == "DP") return Locus::DPB1;
  if (prefix == "DR") {
    if (number == "51") return Locus::DRB5;
    if (number == "52") return Locus::DRB3;
    if (number == "53") return Locus::DRB4;
    return Locus::DRB1;
  }
  return std::nullopt;
}

namespace {

bool isDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

// "A*" -> A, "Cw*" -> C; nullopt for serological loci and unknown genes.
std::optional<Locus> molecularLocus(std::string_view column) {
  if (column.size() < 2 || column.back() != '*') return std::nullopt;
  return parseLocus(column.substr(0, column.size() - 1));
}

class Reader {
 public:
  explicit Reader(const fs::path& dir) : dir_(dir) {}

  // dir/wmda/name, else dir/name (a flat folder of WMDA files works too).
  fs::path locate(std::string_view sub, std::string_view name) const {
    fs::path nested = dir_ / sub / name;
    return fs::exists(nested) ? nested : dir_ / name;
  }

  dd::Expected<std::string_view> load(RawRelease& release, const fs::path& file) {
    auto text = readWholeFile(file);
    if (!text) return text.error();
    release.texts.push_back(std::make_unique<std::string>(std::move(*text)));
    return std::string_view(*release.texts.back());
  }

 private:
  fs::path dir_;
};

dd::Error fieldCountError(const fs::path& file, std::size_t line, std::size_t expected, std::size_t found) {
  return lineError("hla.data_malformed", file, line,
                   QT_TRANSLATE_NOOP("dd::hla", "%1, line %2: expected %3 fields separated by ';', found %4."),
                   {std::to_string(expected), std::to_string(found)});
}

dd::Error badNameError(const fs::path& file, std::size_t line, std::string_view name) {
  return lineError("hla.data_malformed", file, line,
                   QT_TRANSLATE_NOOP("dd::hla", "%1, line %2: '%3' is not a valid allele or group name."),
                   {std::string(name)});
}

void noteUnknownLocus(RawRelease& release, std::vector<std::string>& seen, std::string_view column,
                      const fs::path& file) {
  for (const auto& s : seen)
    if (s == column) return;
  seen.emplace_back(column);
  release.warnings.push_back({"dd::hla", QT_TRANSLATE_NOOP("dd::hla", "%1: skipped the unknown gene %2."),
                              {file.filename().string(), std::string(column)}});
}

dd::Status readHlaNom(RawRelease& release, const fs::path& file, std::string_view text) {
  std::vector<std::string_view> columns;
  std::vector<std::string> unknown;
  return forEachLine(text, [&](std::string_view line, std::size_t number) -> dd::Status {
    if (line.empty()) return {};
    if (line.front() == '#') {
      constexpr std::string_view tag = "# version: IPD-IMGT/HLA ";
      if (line.starts_with(tag)) release.version = std::string(line.substr(tag.size()));
      return {};
    }
    split(line, ';', columns);
    if (columns.size() != 6) return fieldCountError(file, number, 6, columns.size());
    const std::string_view locusColumn = columns[0];
    const bool current = columns[3].empty();
    if (locusColumn.empty() || columns[1].empty()) return badNameError(file, number, line);
    if (locusColumn.back() != '*') {  // serological antigen
      if (!current) return {};
      if (!isDigits(columns[1])) return badNameError(file, number, columns[1]);
      if (antigenLocus(locusColumn, columns[1])) release.antigens.push_back(std::string(locusColumn) + std::string(columns[1]));
      return {};
    }
    const auto locus = molecularLocus(locusColumn);
    if (!locus) {
      noteUnknownLocus(release, unknown, locusColumn, file);
      return {};
    }
    if (!current) {
      release.deleted.push_back({*locus, columns[1], columns[4], columns[5]});
      return {};
    }
    const auto parsed = parseFields(*locus, columns[1], "NLSCAQ");
    if (!parsed) return badNameError(file, number, columns[1]);
    release.alleles.push_back({columns[1], *parsed});
    return {};
  });
}

dd::Status readGroupFile(std::vector<RawGroup>& groups, const fs::path& file, std::string_view text, char suffix) {
  std::vector<std::string_view> columns;
  return forEachLine(text, [&](std::string_view line, std::size_t number) -> dd::Status {
    if (line.empty() || line.front() == '#') return {};
    split(line, ';', columns);
    if (columns.size() != 3) return fieldCountError(file, number, 3, columns.size());
    if (columns[2].empty()) return {};  // an allele in no group
    const auto locus = molecularLocus(columns[0]);
    if (!locus) return {};
    const char suffixes[2] = {suffix, 0};
    const auto parsed = parseFields(*locus, columns[2], suffixes);
    if (!parsed || parsed->suffix != suffix || columns[1].empty()) return badNameError(file, number, columns[2]);
    RawGroup group{*locus, columns[2], {}};
    split(columns[1], '/', group.members);
    for (std::string_view member : group.members)
      if (!parseFields(*locus, member, "NLSCAQ")) return badNameError(file, number, member);
    groups.push_back(std::move(group));
    return {};
  });
}

dd::Status readRelDnaSer(RawRelease& release, const fs::path& file, std::string_view text) {
  std::vector<std::string_view> columns, numbers;
  return forEachLine(text, [&](std::string_view line, std::size_t number) -> dd::Status {
    if (line.empty() || line.front() == '#') return {};
    split(line, ';', columns);
    // 3.64.0 added a column; both layouts keep the first five where they were.
    if (columns.size() != 6 && columns.size() != 7) return fieldCountError(file, number, 6, columns.size());
    const auto locus = molecularLocus(columns[0]);
    if (!locus || serologyPrefix(*locus).empty()) return {};
    RawSerology record{*locus, columns[1], {}};
    for (std::size_t c = 2; c <= 4; ++c) {
      if (columns[c].empty()) continue;
      split(columns[c], '/', numbers);
      for (std::string_view n : numbers) {
        if (n == "0" || n == "?") continue;
        if (!isDigits(n))
          return lineError("hla.data_malformed", file, number,
                           QT_TRANSLATE_NOOP("dd::hla", "%1, line %2: '%3' is not a serological antigen number."),
                           {std::string(n)});
        record.numbers.push_back(n);
      }
    }
    release.serology.push_back(std::move(record));
    return {};
  });
}

dd::Status readRelSerSer(RawRelease& release, const fs::path& file, std::string_view text) {
  std::vector<std::string_view> columns, list;
  return forEachLine(text, [&](std::string_view line, std::size_t number) -> dd::Status {
    if (line.empty() || line.front() == '#') return {};
    split(line, ';', columns);
    if (columns.size() != 4) return fieldCountError(file, number, 4, columns.size());
    if (!isDigits(columns[1])) return badNameError(file, number, columns[1]);
    if (!antigenLocus(columns[0], columns[1])) return {};  // Dw (cellular) specificities
    const std::string prefix(columns[0]);
    RawSerSer record{prefix + std::string(columns[1]), {}, {}};
    for (int c = 2; c <= 3; ++c) {
      if (columns[static_cast<std::size_t>(c)].empty()) continue;
      split(columns[static_cast<std::size_t>(c)], '/', list);
      for (std::string_view n : list) {
        if (!isDigits(n)) return badNameError(file, number, n);
        (c == 2 ? record.splits : record.associated).push_back(prefix + std::string(n));
      }
    }
    release.serSer.push_back(std::move(record));
    return {};
  });
}

dd::Status readTce(RawRelease& release, const fs::path& file, std::string_view text) {
  std::vector<std::string_view> columns;
  bool header = false;
  return forEachLine(text, [&](std::string_view line, std::size_t number) -> dd::Status {
    if (line.empty() || line.front() == '#') return {};
    split(line, ',', columns);
    if (!header) {
      if (columns.size() < 4 || columns[0] != "Allele")
        return lineError("hla.data_malformed", file, number,
                         QT_TRANSLATE_NOOP("dd::hla", "%1, line %2: expected the header Allele,Protein,V1_Assignment,V2_Assignment."));
      header = true;
      return {};
    }
    if (columns.size() < 4)
      return lineError("hla.data_malformed", file, number,
                       QT_TRANSLATE_NOOP("dd::hla", "%1, line %2: expected at least 4 fields separated by ','."));
    release.tce.push_back({columns[0], columns[2], columns[3], number});
    return {};
  });
}

dd::Status readDeletedList(RawRelease& release, const fs::path& file, std::string_view text) {
  bool header = false;
  return forEachLine(text, [&](std::string_view line, std::size_t number) -> dd::Status {
    if (line.empty() || line.front() == '#') return {};
    const std::size_t first = line.find(',');
    const std::size_t second = first == std::string_view::npos ? first : line.find(',', first + 1);
    if (second == std::string_view::npos)
      return lineError("hla.data_malformed", file, number,
                       QT_TRANSLATE_NOOP("dd::hla", "%1, line %2: expected AlleleID,Allele,Description."));
    if (!header) {
      header = true;
      return {};
    }
    release.deletedListed.push_back({line.substr(first + 1, second - first - 1), line.substr(second + 1)});
    return {};
  });
}

}  // namespace

dd::Expected<RawRelease> readRelease(const fs::path& releaseDir) {
  if (!fs::is_directory(releaseDir))
    return dd::makeError("hla.data_missing", "dd::hla",
                         QT_TRANSLATE_NOOP("dd::hla", "The HLA data folder %1 does not exist or is not a folder."),
                         {releaseDir.string()}, releaseDir.string());
  RawRelease release;
  Reader reader(releaseDir);
  struct Step {
    const char* sub;
    const char* name;
    bool required;
    dd::Status (*parse)(RawRelease&, const fs::path&, std::string_view);
  };
  static const Step steps[] = {
      {"wmda", "hla_nom.txt", true, &readHlaNom},
      {"wmda", "hla_nom_g.txt", true,
       [](RawRelease& r, const fs::path& f, std::string_view t) { return readGroupFile(r.gGroups, f, t, 'G'); }},
      {"wmda", "hla_nom_p.txt", true,
       [](RawRelease& r, const fs::path& f, std::string_view t) { return readGroupFile(r.pGroups, f, t, 'P'); }},
      {"wmda", "rel_dna_ser.txt", true, &readRelDnaSer},
      {"wmda", "rel_ser_ser.txt", true, &readRelSerSer},
      {"tce", "dpb_tce.csv", false, &readTce},
      {".", "Deleted_alleles.txt", false, &readDeletedList},
  };
  for (const Step& step : steps) {
    const fs::path file = reader.locate(step.sub, step.name);
    if (!step.required && !fs::exists(file)) {
      release.warnings.push_back({"dd::hla", QT_TRANSLATE_NOOP("dd::hla", "%1 is missing; continuing without it."),
                                  {file.string()}});
      continue;
    }
    auto text = reader.load(release, file);
    if (!text) return text.error();
    if (std::string_view(step.name) == "dpb_tce.csv") release.tceFile = file;
    const dd::Status status = step.parse(release, file, *text);
    if (!status) return status.error();
  }
  if (release.alleles.empty())
    return dd::makeError("hla.data_empty", "dd::hla",
                         QT_TRANSLATE_NOOP("dd::hla", "%1 lists no current alleles."),
                         {reader.locate("wmda", "hla_nom.txt").string()});
  if (release.version.empty()) release.version = "unknown";
  return release;
}

}  // namespace dd::hla::detail
