#pragma once
// SearchForPatient: the in-memory donor index built from the registry at
// start-up, kept current on edits, and searched by typing or by patient case.
// Thread-safe: searches share a read lock, edits take the write lock.
#include <memory>
#include <shared_mutex>
#include <vector>

#include <QDate>
#include <QString>

#include "core/expected.h"
#include "hla/nomenclature.h"
#include "match/donor_index.h"
#include "match/search.h"
#include "model/donor_record.h"
#include "model/entities.h"

namespace dd::app {

class Registry;

// What a search needs of a patient case.
struct PatientSearchInput {
  QString caseNo;
  match::Typing typing;
  match::PatientFactors factors;
};

// Store records -> engine records (availability from status and the
// store's `available` flag; birth year, sex, ABO, CMV, last contact).
match::DonorRecord toMatchRecord(const model::DonorRecord& donor);
// The same from a full volunteer record as the GUI holds it after a save;
// available = active, or a temporary deferral ending on or before today (as the store).
match::DonorRecord toMatchRecord(const model::Volunteer& volunteer, const QDate& today);
match::Availability availabilityOf(model::VolunteerStatus status, bool available);

// The patient's typing (per-locus raw fields) and factors; errors name the locus.
Expected<PatientSearchInput> patientSearchInput(const model::Patient& patient, const hla::Nomenclature& nomenclature);

struct IndexBuildReport {
  match::IndexStats stats;
  double seconds = 0;
  std::vector<Error> firstErrors;  // up to 20 typing errors (the donors stay indexed, those loci untyped)
  // SearchSession::open(): read from the saved snapshot instead of built.
  bool fromSnapshot = false;
  double stampSeconds = 0;  // of seconds (open()): reading the change stamp
  // Why a snapshot was not used or not saved (English, for the log); empty
  // when it was used or none is kept.
  QString snapshotNote;
};

struct SnapshotIdentity;

class SearchService {
 public:
  explicit SearchService(std::shared_ptr<const hla::Nomenclature> nomenclature);

  // Replaces the index with every volunteer of the registry (one streaming read).
  Expected<IndexBuildReport> rebuild(Registry& registry);
  // Keep the index current after a volunteer was saved or deleted.
  std::vector<Error> upsert(const model::DonorRecord& donor);
  std::vector<Error> upsert(const model::Volunteer& volunteer, const QDate& today = QDate::currentDate());
  bool remove(qint64 volunteerId);
  // The saved snapshot (app/index_snapshot) of the index as it is now / the
  // index read from one in place of this one.
  Status writeSnapshot(const QString& path, const SnapshotIdentity& identity,
                       std::uint64_t invalidTypings) const;
  void replaceIndex(std::unique_ptr<match::DonorIndex> index);

  Expected<std::vector<match::SearchResult>> search(const match::Typing& patient,
                                                    const match::SearchOptions& options,
                                                    match::SearchTimings* timings = nullptr) const;
  // By case number: typing and CMV/ABO from the patient record.
  Expected<std::vector<match::SearchResult>> searchForPatient(Registry& registry, const QString& caseNo,
                                                              match::SearchOptions options) const;
  std::size_t size() const;
  match::IndexStats stats() const;

 private:
  std::shared_ptr<const hla::Nomenclature> nomenclature_;
  mutable std::shared_mutex mutex_;
  std::unique_ptr<match::DonorIndex> index_;
};

}  // namespace dd::app
