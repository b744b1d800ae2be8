// `donordesk-cli [--db PATH] bench index [--runs N] [--snapshot FILE]`
// A benchmark, not a test: where the time goes between opening a registry
// and its search index being ready. Times the database read alone (every
// volunteer through Registry::forEachDonor), a full build (read + parsing
// and interning, on two threads), writing the snapshot, and then --runs
// times what the GUI does when it opens the database: open a connection,
// read the change stamp and load the snapshot (app::SearchSession::open).
// The HLA tables are loaded once beforehand (the GUI loads them while the
// window opens). Never writes to the registry; the snapshot goes to a
// temporary file unless --snapshot names one. The last output line is one
// JSON object.
#include <algorithm>
#include <chrono>

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include "app/hla_check.h"
#include "app/registry.h"
#include "app/search_session.h"
#include "cli/command.h"
#include "core/qt/app_paths.h"
#include "core/qt/localization.h"

namespace {

using dd::cli::printErr;
using Clock = std::chrono::steady_clock;

int fail(const QString& message, int code) {
  printErr(QStringLiteral("donordesk-cli bench index: %1").arg(message));
  return code;
}

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int runBenchIndex(dd::cli::Context& context, const QStringList& args) {
  QCommandLineParser parser;
  const QCommandLineOption runs(QStringLiteral("runs"),
                                dd::cli::tr("How many times to time opening with the snapshot (default 3)."),
                                QStringLiteral("N"), QStringLiteral("3"));
  const QCommandLineOption snapshot(QStringLiteral("snapshot"),
                                    dd::cli::tr("Where to write the snapshot (default: a temporary file)."),
                                    QStringLiteral("FILE"));
  parser.addOptions({runs, snapshot});
  int code = 0;
  if (!dd::cli::parseCommandLine(parser, QStringLiteral("bench index"), args, &code)) return code;
  if (!dd::cli::noPositional(parser, QStringLiteral("bench index"))) return dd::cli::exitUsage;
  bool ok = false;
  const int runCount = parser.value(runs).toInt(&ok);
  if (!ok || runCount < 1 || runCount > 100)
    return fail(dd::cli::tr("--runs must be a number from 1 to 100, not '%1'").arg(parser.value(runs)),
                dd::cli::exitUsage);
  QTemporaryDir temporary;
  const QString snapshotFile =
      parser.isSet(snapshot) ? parser.value(snapshot) : temporary.filePath(QStringLiteral("index.ddindex"));

  const QString url =
      context.settings.database.isEmpty() ? dd::qt::defaultDatabasePath() : context.settings.database;
  const auto hlaStart = Clock::now();
  auto nomenclature = dd::app::loadNomenclature(context.hlaReleaseDir());
  if (!nomenclature) return fail(dd::qt::translated(nomenclature.error()), dd::cli::exitFailure);
  const std::shared_ptr<const dd::hla::Nomenclature> hla = std::move(*nomenclature);
  const double hlaSeconds = secondsSince(hlaStart);

  const auto firstOpenStart = Clock::now();  // includes SQLite's quick check, once per process
  auto registry = dd::app::Registry::open(url, dd::app::Access::ReadOnly);
  if (!registry) return fail(dd::qt::translated(registry.error()), dd::cli::exitFailure);
  const double firstOpenSeconds = secondsSince(firstOpenStart);
  if (dd::Status current = (*registry)->checkCurrent(); !current)
    return fail(dd::qt::translated(current.error()), dd::cli::exitFailure);

  const auto stampStart = Clock::now();
  if (auto stamp = (*registry)->volunteersChangeStamp(); !stamp)
    return fail(dd::qt::translated(stamp.error()), dd::cli::exitFailure);
  const double stampSeconds = secondsSince(stampStart);

  const auto readStart = Clock::now();
  qint64 volunteers = 0;
  if (dd::Status read =
          (*registry)->forEachDonor([&](const dd::model::DonorRecord&) { return ++volunteers, true; });
      !read)
    return fail(dd::qt::translated(read.error()), dd::cli::exitFailure);
  const double readSeconds = secondsSince(readStart);

  // A full build without a snapshot, then one that writes it.
  dd::app::SearchSession session(hla);
  auto built = session.build(**registry);
  if (!built) return fail(dd::qt::translated(built.error()), dd::cli::exitFailure);
  const double buildSeconds = built->seconds;
  session.keepSnapshot(snapshotFile);
  const auto writeStart = Clock::now();
  auto rebuilt = session.build(**registry);
  if (!rebuilt) return fail(dd::qt::translated(rebuilt.error()), dd::cli::exitFailure);
  if (!rebuilt->snapshotNote.isEmpty()) return fail(rebuilt->snapshotNote, dd::cli::exitFailure);
  const double writeSeconds = secondsSince(writeStart) - rebuilt->seconds;

  // What the GUI does on opening: connection, stamp, snapshot.
  std::vector<double> openSeconds, openStampSeconds, readSnapshotSeconds;
  for (int run = 0; run < runCount; ++run) {
    const auto openStart = Clock::now();
    auto again = dd::app::Registry::open(url, dd::app::Access::ReadOnly);
    if (!again) return fail(dd::qt::translated(again.error()), dd::cli::exitFailure);
    dd::app::SearchSession opening(hla);
    opening.keepSnapshot(snapshotFile);
    auto opened = opening.open(**again);
    if (!opened) return fail(dd::qt::translated(opened.error()), dd::cli::exitFailure);
    if (!opened->fromSnapshot) return fail(opened->snapshotNote, dd::cli::exitFailure);
    if (opening.service().size() != session.service().size())
      return fail(QStringLiteral("the snapshot holds %1 donors, the build %2")
                      .arg(opening.service().size())
                      .arg(session.service().size()),
                  dd::cli::exitFailure);
    openSeconds.push_back(secondsSince(openStart));
    openStampSeconds.push_back(opened->stampSeconds);
    readSnapshotSeconds.push_back(opened->seconds - opened->stampSeconds);
  }
  const auto median = [](std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
  };
  const double openMedian = median(openSeconds);
  const double snapshotMb = static_cast<double>(QFileInfo(snapshotFile).size()) / 1e6;

  dd::cli::printOut(QStringLiteral("volunteers            %1\n"
                                   "HLA tables load       %2 s (once per program start, not counted below)\n"
                                   "first open            %10 s (the quick check, once per process)\n"
                                   "change stamp          %3 s\n"
                                   "database read only    %4 s\n"
                                   "full build            %5 s (read + parse and intern, two threads)\n"
                                   "snapshot write        %6 s (%7 MB)\n"
                                   "open with snapshot    %8 s median of %9 (connection + stamp + snapshot)\n"
                                   "  of which stamp      %11 s, snapshot read %12 s\n")
                        .arg(volunteers)
                        .arg(hlaSeconds, 0, 'f', 2)
                        .arg(stampSeconds, 0, 'f', 3)
                        .arg(readSeconds, 0, 'f', 2)
                        .arg(buildSeconds, 0, 'f', 2)
                        .arg(writeSeconds, 0, 'f', 2)
                        .arg(snapshotMb, 0, 'f', 1)
                        .arg(openMedian, 0, 'f', 2)
                        .arg(runCount)
                        .arg(firstOpenSeconds, 0, 'f', 2)
                        .arg(median(openStampSeconds), 0, 'f', 3)
                        .arg(median(readSnapshotSeconds), 0, 'f', 2));
  QJsonObject json;
  json[QStringLiteral("volunteers")] = volunteers;
  json[QStringLiteral("hla_load_s")] = hlaSeconds;
  json[QStringLiteral("first_open_s")] = firstOpenSeconds;
  json[QStringLiteral("stamp_s")] = stampSeconds;
  json[QStringLiteral("read_s")] = readSeconds;
  json[QStringLiteral("build_s")] = buildSeconds;
  json[QStringLiteral("snapshot_write_s")] = writeSeconds;
  json[QStringLiteral("snapshot_mb")] = snapshotMb;
  json[QStringLiteral("open_snapshot_median_s")] = openMedian;
  json[QStringLiteral("open_snapshot_max_s")] = *std::max_element(openSeconds.begin(), openSeconds.end());
  json[QStringLiteral("open_stamp_median_s")] = median(openStampSeconds);
  json[QStringLiteral("snapshot_read_median_s")] = median(readSnapshotSeconds);
  json[QStringLiteral("runs")] = runCount;
  dd::cli::printOut(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)) +
                    QLatin1Char('\n'));
  return dd::cli::exitOk;
}

}  // namespace

DD_CLI_COMMAND("bench index",
               QT_TRANSLATE_NOOP("dd::cli",
                                 "Time opening a registry until its search index is ready, with and "
                                 "without the saved snapshot (not a test)."),
               runBenchIndex)
