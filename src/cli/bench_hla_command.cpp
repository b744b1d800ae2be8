// `donordesk-cli bench hla`: how fast the nomenclature engine loads a release
// and reduces typings, on one thread. Figures go to stdout, one per line.
#include <malloc.h>
#include "app/hla_check.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command.h"
#include "core/qt/app_paths.h"
#include "core/qt/localization.h"
#include "hla/nomenclature.h"

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::size_t heapBytes() {
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

// Reduces the typings round-robin for about `seconds`; returns reductions per second.
double reductionsPerSecond(const dd::hla::Nomenclature& n, const std::vector<std::string>& typings,
                           dd::hla::Level level, double seconds, std::size_t* failures) {
  std::string out;
  std::size_t done = 0;
  const auto start = Clock::now();
  double elapsed = 0;
  while (elapsed < seconds * 1000) {
    for (const std::string& typing : typings) {
      out.clear();
      if (!n.reduceInto(typing, level, out)) ++*failures;
    }
    done += typings.size();
    elapsed = millisecondsSince(start);
  }
  return static_cast<double>(done) / (elapsed / 1000);
}

int runBenchHla(dd::cli::Context& context, const QStringList& args) {
  const QString command = QStringLiteral("bench hla");
  QCommandLineParser parser;
  const QCommandLineOption loads(QStringLiteral("loads"), dd::cli::tr("How many times to load the tables (default 5)."),
                                 QStringLiteral("N"), QStringLiteral("5"));
  const QCommandLineOption seconds(QStringLiteral("seconds"),
                                   dd::cli::tr("Seconds per reduction measurement (default 1)."), QStringLiteral("S"),
                                   QStringLiteral("1"));
  parser.addOptions({loads, seconds});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, command, args, &code)) return code;
  const int loadCount = std::max(1, parser.value(loads).toInt());
  const double measureSeconds = std::max(0.05, parser.value(seconds).toDouble());
  const QString dir = context.hlaReleaseDir();

  std::vector<double> loadTimes;
  std::shared_ptr<dd::hla::Nomenclature> n;
  std::size_t memory = 0;
  for (int i = 0; i < loadCount; ++i) {
    n.reset();
    const std::size_t before = heapBytes();
    const auto start = Clock::now();
    auto loaded = dd::app::loadNomenclature(dir);
    loadTimes.push_back(millisecondsSince(start));
    if (!loaded) {
      dd::cli::printErr(QStringLiteral("donordesk-cli %1: %2").arg(command, dd::qt::translated(loaded.error())));
      return dd::cli::exitFailure;
    }
    n = std::move(*loaded);
    memory = heapBytes() - before;
  }
  std::sort(loadTimes.begin(), loadTimes.end());

  std::vector<std::string> alleles;  // every current allele of the matching loci
  for (dd::hla::AlleleId a = 0; a < n->alleleCount(); ++a)
    if (dd::hla::isMatchLocus(n->locus(a))) alleles.emplace_back(n->alleleName(a));
  const std::vector<std::string> mixed = {"A*02:01",   "A*02:XX",          "B*44:02:01:01/B*44:03:01:01",
                                          "DRB1*15:01", "C*07:01:01G",      "A*01:01+A*02:01^B*07:02+B*08:01",
                                          "DR15",       "DQB1*06:02:01:01", "B*15:01P"};
  std::size_t failures = 0;
  const double lgx = reductionsPerSecond(*n, alleles, dd::hla::Level::lgx, measureSeconds, &failures);
  const double g = reductionsPerSecond(*n, alleles, dd::hla::Level::G, measureSeconds, &failures);
  const double typical = reductionsPerSecond(*n, mixed, dd::hla::Level::lgx, measureSeconds, &failures);
  if (failures) {
    dd::cli::printErr(QStringLiteral("donordesk-cli %1: %2 reductions failed").arg(command).arg(failures));
    return dd::cli::exitFailure;
  }
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "release\tIPD-IMGT/HLA %s (%zu alleles)\n", n->release().c_str(), n->alleleCount());
  out += line;
  std::snprintf(line, sizeof line, "load_ms\tbest %.1f, median %.1f of %d\n", loadTimes.front(),
                loadTimes[loadTimes.size() / 2], loadCount);
  out += line;
  std::snprintf(line, sizeof line, "memory_mb\t%.1f\n", static_cast<double>(memory) / (1024.0 * 1024.0));
  out += line;
  std::snprintf(line, sizeof line, "lgx_per_s\t%.0f (single alleles, 1 thread)\n", lgx);
  out += line;
  std::snprintf(line, sizeof line, "G_per_s\t%.0f (single alleles, 1 thread)\n", g);
  out += line;
  std::snprintf(line, sizeof line, "mixed_lgx_per_s\t%.0f (XX, lists, groups, serology, GL Strings)\n", typical);
  out += line;
  std::fwrite(out.data(), 1, out.size(), stdout);
  return dd::cli::exitOk;
}

}  // namespace

DD_CLI_COMMAND("bench hla", QT_TRANSLATE_NOOP("dd::cli", "Measure HLA table load time, memory and reductions per second."),
               runBenchHla)
