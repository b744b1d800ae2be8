#include "app/search_session.h"

#include <chrono>
#include <mutex>

#include <QCryptographicHash>
#include <QDate>
#include <QFile>
#include <QFileInfo>

#include "app/hla_check.h"
#include "app/index_snapshot.h"
#include "app/registry.h"

namespace dd::app {

Expected<std::shared_ptr<SearchSession>> SearchSession::load(const QString& hlaReleaseDir,
                                                             const QString& macTablePath) {
  auto nomenclature = loadNomenclature(hlaReleaseDir, macTablePath);
  if (!nomenclature) return nomenclature.error();
  auto session = std::make_shared<SearchSession>(std::move(*nomenclature));
  session->setMacTableFile(macTablePath);
  return session;
}

void SearchSession::setMacTableFile(const QString& path) {
  macFingerprint_.clear();
  if (path.isEmpty()) return;
  QFile file(path);
  if (file.open(QIODevice::ReadOnly))
    macFingerprint_ = QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha1).toHex());
}

SearchSession::SearchSession(std::shared_ptr<const hla::Nomenclature> nomenclature)
    : nomenclature_(std::move(nomenclature)), service_(std::make_shared<SearchService>(nomenclature_)) {}

QString SearchSession::unverifiedWarning() const { return unverifiedHlaDataWarning(*nomenclature_); }

namespace {
std::int32_t ymd(const QDate& day) {
  return day.year() * 10000 + day.month() * 100 + day.day();
}
}  // namespace

QString SearchSession::databaseKey(Registry& registry) {
  const QString location = registry.location();
  const QFileInfo file(location);
  return file.exists() ? file.canonicalFilePath() : location;
}

QString SearchSession::snapshotPathFor(Registry& registry) {
  return IndexSnapshot::pathFor(databaseKey(registry));
}

Expected<IndexBuildReport> SearchSession::build(Registry& registry) {
  const QDate today = QDate::currentDate();
  auto stamp = registry.volunteersChangeStamp();
  if (!stamp) return stamp.error();
  auto report = service_->rebuild(registry);
  if (!report) return report.error();
  {
    std::lock_guard lock(stampMutex_);
    stamp_ = *stamp;
  }
  const QString hla = IndexSnapshot::identity(*nomenclature_, macFingerprint_);
  if (!snapshotPath_.isEmpty() && !hla.isEmpty()) {
    const SnapshotIdentity identity{databaseKey(registry), *stamp, hla, ymd(today)};
    if (const Status saved = service_->writeSnapshot(snapshotPath_, identity, report->stats.invalidTypings);
        !saved)
      report->snapshotNote = QString::fromStdString(saved.error().english());
  }
  return report;
}

Expected<IndexBuildReport> SearchSession::open(Registry& registry) {
  if (snapshotPath_.isEmpty()) return build(registry);
  const auto start = std::chrono::steady_clock::now();
  const QDate today = QDate::currentDate();
  auto stamp = registry.volunteersChangeStamp();
  if (!stamp) return stamp.error();
  const double stampSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const SnapshotIdentity expected{databaseKey(registry), *stamp,
                                  IndexSnapshot::identity(*nomenclature_, macFingerprint_), ymd(today)};
  auto loaded = IndexSnapshot::read(snapshotPath_, expected, nomenclature_);
  QString note;
  if (loaded) {
    // Deferrals that ended since the snapshot's day: available today.
    const QDate day(loaded->dayYmd / 10000, loaded->dayYmd / 100 % 100, loaded->dayYmd % 100);
    auto ended = day < today ? registry.volunteersWhoseDeferralEnded(day, today)
                             : Expected<QList<qint64>>(QList<qint64>{});
    if (ended) {
      const std::uint64_t invalidTypings = loaded->invalidTypings;
      service_->replaceIndex(std::move(loaded->index));
      for (const qint64 id : *ended) {
        auto volunteer = registry.volunteer(id);
        if (volunteer) service_->upsert(*volunteer, today);
      }
      {
        std::lock_guard lock(stampMutex_);
        stamp_ = *stamp;
      }
      IndexBuildReport report;
      report.fromSnapshot = true;
      report.stampSeconds = stampSeconds;
      report.stats = service_->stats();
      report.stats.invalidTypings = static_cast<std::size_t>(invalidTypings);
      report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      return report;
    }
    note = QString::fromStdString(ended.error().english());
  } else {
    note = QString::fromStdString(loaded.error().english());
  }
  auto report = build(registry);
  if (report && report->snapshotNote.isEmpty()) report->snapshotNote = note;
  return report;
}

Status SearchSession::applyChanges(Registry& registry, const QList<qint64>& volunteerIds) {
  auto stamp = registry.volunteersChangeStamp();
  if (!stamp) return stamp.error();
  const QDate today = QDate::currentDate();
  for (const qint64 id : volunteerIds) {
    auto volunteer = registry.volunteer(id);
    if (volunteer) {
      service_->upsert(*volunteer, today);
    } else {
      service_->remove(id);  // gone (or unreadable): better absent than stale
    }
  }
  std::lock_guard lock(stampMutex_);
  if (!stamp_.isEmpty()) stamp_ = *stamp;  // never before the first build
  return {};
}

Expected<bool> SearchSession::isCurrent(Registry& registry) const {
  auto stamp = registry.volunteersChangeStamp();
  if (!stamp) return stamp.error();
  std::lock_guard lock(stampMutex_);
  return !stamp_.isEmpty() && *stamp == stamp_;
}

QString SearchSession::builtStamp() const {
  std::lock_guard lock(stampMutex_);
  return stamp_;
}

}  // namespace dd::app
