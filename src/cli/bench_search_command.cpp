// `donordesk-cli bench search --donors N --seed S --queries Q [--threads T]`
// A benchmark, not a test: builds a synthetic registry in memory from the
// haplotype frequency file (mixed resolutions, see match/resolution_mixer.h),
// draws Q patients from the same population and times the fast engine. The
// naive reference (src/match/naive_search.*) runs on the same
// queries over the first --naive-donors donors; its time is scaled to the
// full registry (said so in the output), and its results are compared with
// the fast engine's on that sample (clustered whatever its size, so the pruned
// scan is compared too). After each query one plain pass reads as
// many bytes as a scan of every donor would (the six typing-id columns and
// the packed factors) on as many threads as the search used: floor_ms, the
// memory-bandwidth floor of scanning every donor. The last output line is one
// JSON object.
#include <algorithm>
#include <chrono>
#include <cstring>
#include <thread>

#include "app/hla_check.h"

#include <QJsonDocument>
#include <QJsonObject>

#include "cli/command.h"
#include "core/qt/app_paths.h"
#include "core/qt/localization.h"
#include "hla/nomenclature.h"
#include "match/search.h"
#include "match/synthetic_registry.h"
#include "match/naive_search.h"

namespace {

using dd::cli::printErr;
using Clock = std::chrono::steady_clock;

int fail(const QString& message, int code) {
  printErr(QStringLiteral("donordesk-cli bench search: %1").arg(message));
  return code;
}

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(std::min<double>(values.size() - 1, p * (values.size() - 1) + 0.5));
  return values[index];
}

// Written once per run only so the compiler must keep the floor's reads.
volatile std::uint64_t floorKeep = 0;

// The search's automatic thread count (one per 64k donors up to the cores) or the one asked for.
unsigned searchThreads(qint64 asked, std::size_t donors) {
  if (asked > 0) return static_cast<unsigned>(std::min<std::size_t>(static_cast<std::size_t>(asked), donors));
  return static_cast<unsigned>(
      std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), (donors + 65535) / 65536));
}

// What a scan of every donor reads: each typing-id column and the packed factors.
std::vector<std::pair<const unsigned char*, std::size_t>> scanBytes(const dd::match::DonorIndex& index) {
  std::vector<std::pair<const unsigned char*, std::size_t>> areas;
  const std::size_t n = index.size();
  for (int locus = 0; locus < dd::match::kMatchLoci; ++locus) {
    const auto& column = index.column(locus);
    if (column.wide()) {
      areas.emplace_back(reinterpret_cast<const unsigned char*>(column.wideData()), n * 4);
    } else {
      areas.emplace_back(reinterpret_cast<const unsigned char*>(column.narrow()), n * 2);
    }
  }
  areas.emplace_back(reinterpret_cast<const unsigned char*>(index.packedFactors().data()), n * 4);
  return areas;
}

// One plain pass over the areas, each split between the threads as the scan
// splits the donors: 64-bit words summed (the sum is returned so the reads stay).
std::uint64_t readPass(const std::vector<std::pair<const unsigned char*, std::size_t>>& areas,
                       unsigned threads) {
  std::vector<std::uint64_t> sums(threads, 0);
  auto work = [&](unsigned t) {
    std::uint64_t sum = 0;
    for (const auto& [data, size] : areas) {
      const std::size_t words = size / 8, chunk = (words + threads - 1) / threads;
      const std::size_t from = std::min(words, t * chunk), to = std::min(words, from + chunk);
      for (std::size_t w = from; w < to; ++w) {
        std::uint64_t word;
        std::memcpy(&word, data + w * 8, 8);
        sum += word;
      }
    }
    sums[t] = sum;
  };
  std::vector<std::thread> workers;
  for (unsigned t = 0; t + 1 < threads; ++t) workers.emplace_back(work, t);
  work(threads - 1);
  for (auto& worker : workers) worker.join();
  std::uint64_t total = 0;
  for (auto sum : sums) total += sum;
  return total;
}

struct Numbers {
  qint64 donors = 0, queries = 0, seed = 0, threads = 0, naiveDonors = 0, scale = 10, minimum = 6, limit = 100;
};

bool readNumbers(const QCommandLineParser& parser, const QList<QPair<QCommandLineOption, qint64*>>& options,
                 QString* bad) {
  for (const auto& [option, target] : options) {
    if (!parser.isSet(option) && option.defaultValues().isEmpty()) continue;
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value < 0) {
      *bad = dd::cli::tr("--%1 must be a non-negative number, not '%2'").arg(option.names().constFirst(), parser.value(option));
      return false;
    }
    *target = value;
  }
  return true;
}

int runBenchSearch(dd::cli::Context& context, const QStringList& args) {
  QCommandLineParser parser;
  const QCommandLineOption donors(QStringLiteral("donors"), dd::cli::tr("Synthetic registry size."), QStringLiteral("N"));
  const QCommandLineOption seed(QStringLiteral("seed"), dd::cli::tr("Random seed (default 1)."), QStringLiteral("S"),
                                QStringLiteral("1"));
  const QCommandLineOption queries(QStringLiteral("queries"), dd::cli::tr("Number of patients to search for (default 20)."),
                                   QStringLiteral("Q"), QStringLiteral("20"));
  const QCommandLineOption threads(QStringLiteral("threads"), dd::cli::tr("Search threads (default: all cores)."),
                                   QStringLiteral("T"), QStringLiteral("0"));
  const QCommandLineOption naiveDonors(QStringLiteral("naive-donors"),
                                       dd::cli::tr("Donors the naive reference runs on (default 2000; its time is scaled)."),
                                       QStringLiteral("N"), QStringLiteral("2000"));
  const QCommandLineOption scale(QStringLiteral("scale"), dd::cli::tr("Match scale (default 10)."), QStringLiteral("N"),
                                 QStringLiteral("10"));
  const QCommandLineOption minimum(QStringLiteral("min"), dd::cli::tr("Minimum matches (default 6)."), QStringLiteral("N"),
                                   QStringLiteral("6"));
  const QCommandLineOption limit(QStringLiteral("limit"), dd::cli::tr("Results per query (default 100)."), QStringLiteral("N"),
                                 QStringLiteral("100"));
  const QCommandLineOption haplotypes(QStringLiteral("haplotypes"),
                                      dd::cli::tr("Haplotype frequency file (default: the bundled CAU file)."),
                                      QStringLiteral("FILE"));
  parser.addOptions({donors, seed, queries, threads, naiveDonors, scale, minimum, limit, haplotypes});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, QStringLiteral("bench search"), args, &code)) return code;
  if (!parser.isSet(donors)) return fail(dd::cli::tr("--donors N is required"), dd::cli::exitUsage);
  Numbers n;
  QString bad;
  if (!readNumbers(parser, {{donors, &n.donors}, {seed, &n.seed}, {queries, &n.queries}, {threads, &n.threads},
                            {naiveDonors, &n.naiveDonors}, {scale, &n.scale}, {minimum, &n.minimum},
                            {limit, &n.limit}},
                   &bad))
    return fail(bad, dd::cli::exitUsage);
  if (n.donors < 1 || n.donors > 200000000 || n.queries < 1 || n.limit < 1 ||
      !dd::match::isValidScale(static_cast<int>(n.scale)) || n.minimum > n.scale)
    return fail(dd::cli::tr("need --donors 1..200000000, --queries >= 1, --limit >= 1, --scale 10|8|6 and --min <= scale"),
                dd::cli::exitUsage);

  const QString hlaDir = context.hlaReleaseDir();
  auto loaded = dd::app::loadNomenclature(hlaDir);
  if (!loaded) return fail(dd::qt::translated(loaded.error()), dd::cli::exitFailure);
  std::shared_ptr<const dd::hla::Nomenclature> hla = std::move(*loaded);
  const QString freqFile = parser.isSet(haplotypes) ? parser.value(haplotypes) : dd::qt::bundledHaplotypeFile();
  auto frequencies = dd::match::HaplotypeFrequencies::load(freqFile.toStdString());
  if (!frequencies) return fail(dd::qt::translated(frequencies.error()), dd::cli::exitUsage);
  const dd::match::ResolutionMixer mixer(*frequencies, *hla);
  const auto seedValue = static_cast<std::uint64_t>(n.seed);

  // The fast index over the whole synthetic registry.
  const auto buildStart = Clock::now();
  dd::match::DonorIndex index(hla);
  dd::match::SyntheticDonorSource source(*frequencies, mixer, seedValue);
  if (auto status = dd::match::appendSyntheticDonors(index, source, static_cast<std::size_t>(n.donors)); !status)
    return fail(dd::qt::translated(status.error()), dd::cli::exitFailure);
  // The clustered view the search prunes with is built on the first search;
  // built here so no query pays for it (part of build_s, and said apart).
  const auto clusterStart = Clock::now();
  const bool clustered = index.clusters() != nullptr;
  const double clusterSeconds = msSince(clusterStart) / 1000.0;
  const double buildSeconds = msSince(buildStart) / 1000.0;

  dd::match::GenotypeSampler patientSampler(*frequencies, seedValue ^ 0x9E3779B97F4A7C15ull);
  std::vector<dd::match::Typing> patients;
  for (qint64 q = 0; q < n.queries; ++q) patients.push_back(dd::match::drawPatient(patientSampler));

  dd::match::SearchOptions options;
  options.scale = static_cast<int>(n.scale);
  options.minMatches = static_cast<int>(n.minimum);
  options.limit = static_cast<std::size_t>(n.limit);
  options.threads = static_cast<unsigned>(n.threads);
  const unsigned threadCount = searchThreads(n.threads, index.size());
  const auto floorAreas = scanBytes(index);
  std::size_t floorBytes = 0;
  for (const auto& area : floorAreas) floorBytes += area.second;
  std::vector<double> fastMs, gradeMs, floorMs;
  std::uint64_t floorSink = 0;
  for (const auto& patient : patients) {
    dd::match::SearchTimings timings;
    timings.countQualified = false;  // the results only, as `search` and the printed report ask
    const auto start = Clock::now();
    auto results = dd::match::search(index, patient, options, &timings);
    fastMs.push_back(msSince(start));
    gradeMs.push_back(timings.gradeMs);
    if (!results) return fail(dd::qt::translated(results.error()), dd::cli::exitFailure);
    const auto floorStart = Clock::now();
    floorSink += readPass(floorAreas, threadCount);
    floorMs.push_back(msSince(floorStart));
  }

  // The naive reference on the first donors of the same registry, and the
  // fast engine on exactly those donors for the agreement check.
  const auto sampleSize = static_cast<std::size_t>(std::min(n.donors, std::max<qint64>(1, n.naiveDonors)));
  dd::match::SyntheticDonorSource again(*frequencies, mixer, seedValue);
  std::vector<dd::match::DonorRecord> sample;
  dd::match::DonorIndex sampleIndex(hla);
  // Clustered although small, with a short seed, so the agreement covers the pruned scan too.
  dd::match::ClusterTuning clusterSample;
  clusterSample.minDonors = 1;
  clusterSample.seedRows = 64;
  sampleIndex.setClusterTuning(clusterSample);
  for (std::size_t i = 0; i < sampleSize; ++i) {
    sample.push_back(again.record(again.next(), static_cast<std::int64_t>(i) + 1));
    sampleIndex.upsert(sample.back());
  }
  std::vector<double> naiveMs;
  int agreeing = 0;
  QString disagreement;
  for (const auto& patient : patients) {
    const auto start = Clock::now();
    const auto naive = dd::match::naive::search(*hla, sample, patient, options);
    naiveMs.push_back(msSince(start) * static_cast<double>(n.donors) / static_cast<double>(sampleSize));
    auto fast = dd::match::search(sampleIndex, patient, options);
    std::string why;
    if (fast && dd::match::naive::sameResults(*fast, naive, &why)) {
      ++agreeing;
    } else if (disagreement.isEmpty()) {
      disagreement = fast ? QString::fromStdString(why) : dd::qt::translated(fast.error());
    }
  }

  const auto stats = index.stats();
  const double median = percentile(fastMs, 0.5), naiveMedian = percentile(naiveMs, 0.5);
  const bool scaled = sampleSize < static_cast<std::size_t>(n.donors);
  const double floorMedian = percentile(floorMs, 0.5);
  dd::cli::printOut(
      dd::cli::tr("fast engine: %1 donors, %2 queries, threads %3, median %4 ms (grading %5 ms), p95 %6 ms\n")
          .arg(n.donors)
          .arg(n.queries)
          .arg(threadCount)
          .arg(median, 0, 'f', 2)
          .arg(percentile(gradeMs, 0.5), 0, 'f', 2)
          .arg(percentile(fastMs, 0.95), 0, 'f', 2));
  dd::cli::printOut(
      dd::cli::tr(
          "floor: one plain pass over the %1 MB a scan of every donor reads, %2 threads: median %3 ms "
          "(fast engine / floor %4)\n")
          .arg(static_cast<double>(floorBytes) / 1e6, 0, 'f', 1)
          .arg(threadCount)
          .arg(floorMedian, 0, 'f', 2)
          .arg(floorMedian > 0 ? median / floorMedian : 0.0, 0, 'f', 2));
  dd::cli::printOut(dd::cli::tr("naive reference: run on %1 donors%2; fast == naive on %3 of %4 queries\n")
                        .arg(sampleSize)
                        .arg(scaled ? dd::cli::tr(", time scaled linearly to %1 donors").arg(n.donors) : QString())
                        .arg(agreeing).arg(n.queries));
  if (!disagreement.isEmpty()) printErr(dd::cli::tr("donordesk-cli bench search: first disagreement: %1").arg(disagreement));

  QJsonObject json;
  json[QStringLiteral("donors")] = n.donors;
  json[QStringLiteral("queries")] = n.queries;
  json[QStringLiteral("build_s")] = buildSeconds;
  json[QStringLiteral("bytes_per_donor")] = static_cast<double>(stats.bytes) / static_cast<double>(n.donors);
  json[QStringLiteral("median_ms")] = median;
  json[QStringLiteral("p95_ms")] = percentile(fastMs, 0.95);
  json[QStringLiteral("naive_median_ms")] = naiveMedian;
  json[QStringLiteral("speedup")] = median > 0 ? naiveMedian / median : 0.0;
  json[QStringLiteral("naive_donors")] = static_cast<qint64>(sampleSize);
  json[QStringLiteral("naive_scaled")] = scaled;
  json[QStringLiteral("agreement")] = agreeing == n.queries;
  json[QStringLiteral("agreeing_queries")] = agreeing;
  json[QStringLiteral("threads")] = static_cast<qint64>(threadCount);
  json[QStringLiteral("floor_ms")] = floorMedian;
  json[QStringLiteral("floor_bytes")] = static_cast<qint64>(floorBytes);
  json[QStringLiteral("clustered")] = clustered;
  json[QStringLiteral("cluster_s")] = clusterSeconds;
  json[QStringLiteral("seed")] = n.seed;
  json[QStringLiteral("scale")] = n.scale;
  json[QStringLiteral("min")] = n.minimum;
  json[QStringLiteral("limit")] = n.limit;
  floorKeep = floorSink;
  dd::cli::printOut(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
  return agreeing == n.queries ? dd::cli::exitOk : dd::cli::exitFailure;
}

}  // namespace

DD_CLI_COMMAND("bench search",
               QT_TRANSLATE_NOOP("dd::cli", "Benchmark the matching engine on a synthetic registry (not a test)."),
               runBenchSearch)
