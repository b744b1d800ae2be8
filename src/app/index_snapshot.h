#pragma once
// A saved copy of a donor index, so a registry of a million volunteers is
// searchable within a second of opening instead of after re-reading and
// re-parsing every typing (docs/matching.md, "The saved index"). One binary
// file per database in the per-user cache folder, written atomically
// (QSaveFile) and trusted only when everything that produced it still holds:
// its format version and checksum, the database it was built from, that
// registry's volunteer change stamp (read before the build), the HLA release
// and MAC table (identity()), and a day not after today (availability ends
// with deferrals: the caller re-reads the deferrals that ended since).
//
// Written and read through DonorIndex's public interface only: each locus's
// slot texts (re-profiled against the nomenclature on load) and slot pairs,
// per row the pair of each locus, the packed factors, the volunteer id and
// the registry number. Removed donors are left out.
#include <cstdint>
#include <memory>

#include <QString>

#include "core/expected.h"
#include "hla/nomenclature.h"
#include "match/donor_index.h"

namespace dd::app {

struct SnapshotIdentity {
  QString database;         // the registry's location (Registry::location())
  QString stamp;            // Registry::volunteersChangeStamp() read before the index was built
  QString hla;              // IndexSnapshot::identity(): release and MAC table
  std::int32_t dayYmd = 0;  // the day the donors' availability was computed for
};

struct LoadedSnapshot {
  std::unique_ptr<match::DonorIndex> index;
  std::int32_t dayYmd = 0;
  std::uint64_t invalidTypings = 0;  // as counted by the build that was saved
};

class IndexSnapshot {
 public:
  static constexpr std::uint32_t kFormatVersion = 1;

  // Where the snapshot of the database at `location` lives:
  // <cache>/search-index/<SHA-1 of the location>.ddindex.
  static QString pathFor(const QString& location);
  // The release and the MAC table a snapshot's typings were parsed with;
  // "" (never snapshot) when a MAC table is installed but its fingerprint
  // is unknown.
  static QString identity(const hla::Nomenclature& nomenclature, const QString& macFingerprint);

  static Status write(const QString& path, const match::DonorIndex& index, const SnapshotIdentity& identity,
                      std::uint64_t invalidTypings);
  // The snapshot at path when it is intact and `expected` agrees with it
  // (database, stamp, hla; its day not after expected.dayYmd). Otherwise an
  // error whose code says why: snapshot.missing, .version, .checksum,
  // .truncated, .database, .stamp, .hla, .day, .content (a slot text the
  // release refuses, an id twice, an index out of range).
  static Expected<LoadedSnapshot> read(const QString& path, const SnapshotIdentity& expected,
                                       std::shared_ptr<const hla::Nomenclature> nomenclature);
};

}  // namespace dd::app
