// `donordesk-cli hla reduce|validate|info`: the HLA nomenclature engine from
// the command line. TYPING "-" reads one typing per line from stdin and
// writes one line per typing (errors as "ERROR: message"), so scripts can
// push large batches through one process.
#include <QDir>
#include "app/hla_check.h"

#include <cstdio>
#include <memory>
#include <string>

#include "cli/command.h"
#include "core/qt/app_paths.h"
#include "core/qt/localization.h"
#include "hla/nomenclature.h"

namespace {

using dd::cli::printErr;

struct HlaOptions {
  QCommandLineOption mac{QStringLiteral("mac"),
                         dd::cli::tr("NMDP multiple-allele code table (tab-separated CODE, allele list) for codes like A*02:AB."),
                         QStringLiteral("FILE")};
};

std::string utf8(const QString& text) { return text.toStdString(); }

// Loads the release and the optional MAC table.
std::shared_ptr<dd::hla::Nomenclature> loadNomenclature(const dd::cli::Context& context, const QString& command,
                                                        const QString& macFile) {
  const QString dir = context.hlaReleaseDir();
  auto loaded = dd::app::loadNomenclature(dir);
  if (!loaded) {
    printErr(QStringLiteral("donordesk-cli %1: %2").arg(command, dd::qt::translated(loaded.error())));
    return nullptr;
  }
  for (const auto& warning : (*loaded)->loadWarnings())
    printErr(QStringLiteral("donordesk-cli %1: %2").arg(command, dd::qt::translated(warning)));
  if (!macFile.isEmpty()) {
    auto table = dd::hla::loadMacTable(macFile.toStdString());
    if (!table) {
      printErr(QStringLiteral("donordesk-cli %1: %2").arg(command, dd::qt::translated(table.error())));
      return nullptr;
    }
    (*loaded)->setMacTable(std::move(*table));
  }
  return std::move(*loaded);
}

std::string readAllStdin() {
  std::string text;
  char buffer[1 << 16];
  std::size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) text.append(buffer, got);
  return text;
}

// Runs `one` on TYPING, or on every stdin line for "-". `one` appends its
// result to out or returns an error. Returns the exit code.
template <class One>
int runTypings(const QString& command, const QString& typing, One&& one) {
  std::vector<dd::Message> warnings;
  std::string out;
  if (typing != QLatin1String("-")) {
    const dd::Status status = one(typing.toStdString(), out, warnings);
    for (const auto& w : warnings) printErr(QStringLiteral("donordesk-cli %1: %2").arg(command, dd::qt::translated(w)));
    if (!status) {
      printErr(QStringLiteral("donordesk-cli %1: %2").arg(command, dd::qt::translated(status.error())));
      return dd::cli::exitUsage;
    }
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
    return dd::cli::exitOk;
  }
  const std::string input = readAllStdin();
  std::string_view rest(input);
  std::size_t lines = 0, failures = 0;
  out.reserve(input.size() * 2);
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    ++lines;
    warnings.clear();
    const dd::Status status = one(line, out, warnings);
    for (const auto& w : warnings)
      printErr(QStringLiteral("donordesk-cli %1: line %2: %3").arg(command).arg(lines).arg(dd::qt::translated(w)));
    if (!status) {
      ++failures;
      out += "ERROR: ";
      out += utf8(dd::qt::translated(status.error()));
    }
    out += '\n';
    if (out.size() > (1u << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return lines > 0 && failures == lines ? dd::cli::exitUsage : dd::cli::exitOk;
}

bool oneTyping(QCommandLineParser& parser, const QString& command, QString* typing) {
  const QStringList args = parser.positionalArguments();
  if (args.size() != 1) {
    printErr(dd::cli::tr("donordesk-cli %1: expected one TYPING (or - to read lines from stdin)").arg(command));
    return false;
  }
  *typing = args.constFirst();
  return true;
}

int runReduce(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("hla reduce");
  QCommandLineParser parser;
  HlaOptions options;
  const QCommandLineOption level(QStringLiteral("level"), dd::cli::tr("Reduction level: G, P, lg, lgx, S, U2, W or exp."),
                                 QStringLiteral("LEVEL"));
  const QCommandLineOption strictNulls(
      QStringLiteral("strict-nulls"),
      dd::cli::tr(
          "DonorDesk's matching reading instead of py-ard's: a null allele keeps its own name at P, lg, lgx "
          "and U2, lgx comes from P groups, and a name such as A*01:01 stands for its expressed alleles."));
  parser.addOptions({level, strictNulls, options.mac});
  parser.addPositionalArgument(QStringLiteral("typing"), dd::cli::tr("HLA typing or GL String; - reads one per line from stdin."));
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  QString typing;
  if (!oneTyping(parser, command, &typing)) return dd::cli::exitUsage;
  dd::hla::ReduceOptions reduceOptions;
  reduceOptions.strictNulls = parser.isSet(strictNulls);
  const auto chosen = dd::hla::parseLevel(parser.value(level).toStdString());
  if (!chosen) {
    printErr(dd::cli::tr("donordesk-cli %1: --level must be one of G, P, lg, lgx, S, U2, W, exp (got '%2')")
                 .arg(command, parser.value(level)));
    return dd::cli::exitUsage;
  }
  const auto nomenclature = loadNomenclature(context, command, parser.value(options.mac));
  if (!nomenclature) return dd::cli::exitFailure;
  return runTypings(command, typing,
                    [&](std::string_view text, std::string& out, std::vector<dd::Message>& warnings) {
                      return nomenclature->reduceInto(text, *chosen, out, &warnings, reduceOptions);
                    });
}

int runValidate(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("hla validate");
  QCommandLineParser parser;
  HlaOptions options;
  const QCommandLineOption locus(QStringLiteral("locus"), dd::cli::tr("Require every allele to belong to this locus (e.g. DRB1)."),
                                 QStringLiteral("LOCUS"));
  parser.addOptions({locus, options.mac});
  parser.addPositionalArgument(QStringLiteral("typing"), dd::cli::tr("HLA typing or GL String; - reads one per line from stdin."));
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  QString typing;
  if (!oneTyping(parser, command, &typing)) return dd::cli::exitUsage;
  std::optional<dd::hla::Locus> expected;
  if (parser.isSet(locus)) {
    expected = dd::hla::parseLocus(parser.value(locus).toStdString());
    if (!expected) {
      printErr(dd::cli::tr("donordesk-cli %1: '%2' is not an HLA locus").arg(command, parser.value(locus)));
      return dd::cli::exitUsage;
    }
  }
  const auto nomenclature = loadNomenclature(context, command, parser.value(options.mac));
  if (!nomenclature) return dd::cli::exitFailure;
  return runTypings(command, typing, [&](std::string_view text, std::string& out, std::vector<dd::Message>& warnings) -> dd::Status {
    auto result = nomenclature->validate(text, expected);
    if (!result) return result.error();
    out += result->normalized;
    warnings.insert(warnings.end(), result->warnings.begin(), result->warnings.end());
    return {};
  });
}

int runInfo(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("hla info");
  QCommandLineParser parser;
  HlaOptions options;
  parser.addOption(options.mac);
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  if (!dd::cli::noPositional(parser, command)) return dd::cli::exitUsage;
  const auto n = loadNomenclature(context, command, parser.value(options.mac));
  if (!n) return dd::cli::exitFailure;
  std::string out = "release\tIPD-IMGT/HLA " + n->release() + "\n";
  // Where it was read from: tells an office which installation answers.
  out += "folder\t" + utf8(QDir::cleanPath(context.hlaReleaseDir())) + "\n";
  out += "alleles\t" + std::to_string(n->alleleCount()) + "\n";
  for (int i = 0; i < dd::hla::kLocusCount; ++i) {
    const auto locus = static_cast<dd::hla::Locus>(i);
    if (n->alleleCount(locus) == 0) continue;
    out += std::string(dd::hla::locusName(locus)) + "\t" + std::to_string(n->alleleCount(locus)) + "\n";
  }
  out += "antigens\t" + std::to_string(n->antigenCount()) + "\n";
  if (!n->macTable().empty()) out += "mac codes\t" + std::to_string(n->macTable().size()) + "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return dd::cli::exitOk;
}

}  // namespace

DD_CLI_COMMAND("hla reduce", QT_TRANSLATE_NOOP("dd::cli", "Reduce HLA typings to G, P, lg, lgx, S, U2, W or expand codes (exp)."),
               runReduce)
DD_CLI_COMMAND("hla validate", QT_TRANSLATE_NOOP("dd::cli", "Check HLA typings and print their normal form."), runValidate)
DD_CLI_COMMAND("hla info", QT_TRANSLATE_NOOP("dd::cli", "Show the loaded IPD-IMGT/HLA release and allele counts per locus."),
               runInfo)
