#pragma once
// Everything a donor search runs on, assembled in one place for the CLI's
// `search`, the printed search report and the GUI's search index: the HLA
// nomenclature (the chosen release, else the bundled one, with a MAC table
// when one is given), the warning an unverified release carries, the donor
// index built from the registry, and the freshness policy (the volunteers'
// change stamp read before the build: a different stamp means rebuild).
#include <memory>
#include <mutex>

#include <QList>
#include <QString>

#include "app/hla_check.h"
#include "app/search_service.h"
#include "core/expected.h"

namespace dd::app {

class Registry;

class SearchSession {
 public:
  // Loads the release (empty dir: the bundled one) and, when macTablePath is
  // given, the NMDP MAC table; nothing is read from the registry yet. An
  // error of the MAC table has field kMacTableField (the caller's input, not
  // the installation).
  static constexpr const char* kMacTableField = app::kMacTableField;
  static Expected<std::shared_ptr<SearchSession>> load(const QString& hlaReleaseDir,
                                                       const QString& macTablePath = {});
  // Over a nomenclature the caller already holds (the GUI loads it once).
  explicit SearchSession(std::shared_ptr<const hla::Nomenclature> nomenclature);

  const hla::Nomenclature& nomenclature() const { return *nomenclature_; }
  // The warning every result of an unverified release carries, translated;
  // empty for a verified release.
  QString unverifiedWarning() const;

  // Keep the index in a snapshot file (app/index_snapshot): build() writes
  // it, open() reads it. "" = none (the default).
  void keepSnapshot(const QString& path) { snapshotPath_ = path; }
  // The MAC table file the nomenclature was given (load() does this itself):
  // a snapshot is bound to its content, and without it a nomenclature with a
  // MAC table never trusts a snapshot.
  void setMacTableFile(const QString& path);
  const QString& snapshotPath() const { return snapshotPath_; }
  // Where the snapshot of this registry's database lives in the per-user
  // cache folder (IndexSnapshot::pathFor its location, a file made absolute).
  static QString snapshotPathFor(Registry& registry);

  // Builds the donor index from every volunteer of the registry, reading
  // the change stamp first: a write in between makes isCurrent() false,
  // never missed. Then saves the snapshot when one is kept (a failure to
  // save is a note in the report, not an error).
  Expected<IndexBuildReport> build(Registry& registry);
  // The index as fast as it can be had: from the snapshot when it matches
  // this registry's change stamp, release and MAC table (the deferrals that
  // ended since its day are read again), else build() and a new snapshot.
  Expected<IndexBuildReport> open(Registry& registry);
  // Another connection announced writes to these volunteers (PostgreSQL
  // notifications): reads the stamp, then each volunteer again (gone: removed
  // from the index), and takes that stamp as the one the index is at. A
  // write committed after the stamp was read is announced too and applied by
  // the next call; one whose announcement was lost (dropped connection)
  // moves the stamp past it, so isCurrent() catches it.
  Status applyChanges(Registry& registry, const QList<qint64>& volunteerIds);
  // Whether the registry's volunteers are as they were at the last build
  // (false before the first).
  Expected<bool> isCurrent(Registry& registry) const;
  // The stamp read for the last build ("" before the first).
  QString builtStamp() const;

  SearchService& service() { return *service_; }
  const SearchService& service() const { return *service_; }
  std::shared_ptr<SearchService> sharedService() const { return service_; }

 private:
  // The key of a snapshot: the database's location, a file made absolute.
  static QString databaseKey(Registry& registry);

  std::shared_ptr<const hla::Nomenclature> nomenclature_;
  std::shared_ptr<SearchService> service_;
  QString snapshotPath_;
  QString macFingerprint_;  // SHA-1 of the MAC table file load() read
  mutable std::mutex stampMutex_;
  QString stamp_;
};

}  // namespace dd::app
