#include "app/search_service.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/index_snapshot.h"
#include "app/registry.h"

namespace dd::app {

match::Availability availabilityOf(model::VolunteerStatus status, bool available) {
  using model::VolunteerStatus;
  if (available) return match::Availability::Available;
  switch (status) {
    case VolunteerStatus::Reserved: return match::Availability::Reserved;
    case VolunteerStatus::LostContact: return match::Availability::Lost;
    case VolunteerStatus::Withdrawn: return match::Availability::Withdrawn;
    case VolunteerStatus::Retired: return match::Availability::Retired;
    case VolunteerStatus::Donated: return match::Availability::Donated;
    default: return match::Availability::Deferred;
  }
}

namespace {
// Into an existing record, reusing its buffers (the bulk build fills a
// million of them).
void assignMatchRecord(const model::DonorRecord& donor, match::DonorRecord& record) {
  record.volunteerId = donor.id;
  record.registryNo = donor.registryNo;
  for (int locus = 0; locus < match::kMatchLoci; ++locus)
    record.locusTyping[static_cast<std::size_t>(locus)] = donor.hla[static_cast<std::size_t>(locus)];
  match::DonorFactors& f = record.factors;
  f.birthYear = donor.birthDate / 10000;
  f.sex = donor.sex == 'M' ? match::Sex::Male : donor.sex == 'F' ? match::Sex::Female : match::Sex::Unknown;
  f.cmv = donor.cmv;
  f.abo = match::parseAbo(donor.abo).value_or(match::Abo::Unknown);
  f.lastContactYmd = donor.lastContactOk;
  f.availability = availabilityOf(donor.status, donor.available);
}
}  // namespace

match::DonorRecord toMatchRecord(const model::DonorRecord& donor) {
  match::DonorRecord record;
  assignMatchRecord(donor, record);
  return record;
}

match::DonorRecord toMatchRecord(const model::Volunteer& volunteer, const QDate& today) {
  match::DonorRecord record;
  record.volunteerId = volunteer.id;
  record.registryNo = volunteer.registryNo.toStdString();
  for (int locus = 0; locus < match::kMatchLoci; ++locus)
    record.locusTyping[static_cast<std::size_t>(locus)] =
        volunteer.hla.loci[static_cast<std::size_t>(locus)].raw.toStdString();
  match::DonorFactors& f = record.factors;
  f.birthYear = volunteer.birthDate.isValid() ? volunteer.birthDate.year() : 0;
  f.sex = volunteer.sex == model::Sex::Male ? match::Sex::Male : match::Sex::Female;
  f.cmv = volunteer.cmv;
  f.abo = match::parseAbo(volunteer.abo.toStdString()).value_or(match::Abo::Unknown);
  const QDate contact = volunteer.lastContactOk;
  f.lastContactYmd = contact.isValid() ? contact.year() * 10000 + contact.month() * 100 + contact.day() : 0;
  f.availability = availabilityOf(volunteer.status, volunteer.availableOn(today));
  return record;
}

Expected<PatientSearchInput> patientSearchInput(const model::Patient& patient, const hla::Nomenclature& nomenclature) {
  PatientSearchInput input;
  input.caseNo = patient.caseNo;
  for (int locus = 0; locus < match::kMatchLoci; ++locus) {
    const auto& field = patient.hla.loci[static_cast<std::size_t>(locus)];
    const QString text = field.normalised.isEmpty() ? field.raw : field.normalised;
    auto typing = match::parseLocusTyping(text.toStdString(), static_cast<hla::Locus>(locus), nomenclature);
    if (!typing) return typing.error();
    input.typing.locus[static_cast<std::size_t>(locus)] = std::move(*typing);
  }
  bool typed = false;
  for (const auto& locus : input.typing.locus) typed = typed || locus.typed();
  if (!typed)
    return makeError("app.search_patient_untyped", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "Patient %1 has no HLA typing to search with."),
                     {patient.caseNo.toStdString()});
  input.factors.cmv = patient.cmv;
  input.factors.abo = match::parseAbo(patient.abo.toStdString()).value_or(match::Abo::Unknown);
  return input;
}

SearchService::SearchService(std::shared_ptr<const hla::Nomenclature> nomenclature)
    : nomenclature_(std::move(nomenclature)), index_(std::make_unique<match::DonorIndex>(nomenclature_)) {}

namespace {

// Reading the database and indexing run on two threads: the reader fills
// batches of records, the indexer drains them. Batches are recycled so the
// strings' buffers are reused instead of reallocated per volunteer.
class BatchPipe {
 public:
  static constexpr std::size_t kBatch = 4096;
  using Batch = std::vector<match::DonorRecord>;

  Batch takeEmpty() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !empty_.empty() || created_ < kMaxBatches; });
    if (empty_.empty()) {
      ++created_;
      Batch batch;
      batch.reserve(kBatch);
      return batch;
    }
    Batch batch = std::move(empty_.back());
    empty_.pop_back();
    return batch;
  }
  void pushFull(Batch batch) {
    std::lock_guard lock(mutex_);
    full_.push_back(std::move(batch));
    changed_.notify_all();
  }
  // False when the reader is done and nothing is left.
  bool takeFull(Batch& batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !full_.empty() || finished_; });
    if (full_.empty()) return false;
    batch = std::move(full_.front());
    full_.erase(full_.begin());
    return true;
  }
  void giveBack(Batch batch) {
    std::lock_guard lock(mutex_);
    empty_.push_back(std::move(batch));
    changed_.notify_all();
  }
  void finish() {
    std::lock_guard lock(mutex_);
    finished_ = true;
    changed_.notify_all();
  }

 private:
  static constexpr int kMaxBatches = 8;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<Batch> full_, empty_;
  int created_ = 0;
  bool finished_ = false;
};

}  // namespace

Expected<IndexBuildReport> SearchService::rebuild(Registry& registry) {
  const auto start = std::chrono::steady_clock::now();
  auto fresh = std::make_unique<match::DonorIndex>(nomenclature_);
  IndexBuildReport report;
  BatchPipe pipe;
  std::thread indexer([&] {
    BatchPipe::Batch batch;
    while (pipe.takeFull(batch)) {
      for (const auto& record : batch) {
        auto errors = fresh->upsert(record);
        for (auto& e : errors)
          if (report.firstErrors.size() < 20) {
            e.field = record.registryNo + ": " + e.field;
            report.firstErrors.push_back(std::move(e));
          }
      }
      pipe.giveBack(std::move(batch));
    }
  });
  BatchPipe::Batch batch = pipe.takeEmpty();
  std::size_t used = 0;
  const Status status = registry.forEachDonor([&](const model::DonorRecord& donor) {
    if (used == batch.size()) batch.emplace_back();
    assignMatchRecord(donor, batch[used++]);
    if (used == BatchPipe::kBatch) {
      pipe.pushFull(std::move(batch));
      batch = pipe.takeEmpty();
      batch.resize(std::min(batch.size(), BatchPipe::kBatch));
      used = 0;
    }
    return true;
  });
  batch.resize(used);
  if (used) pipe.pushFull(std::move(batch));
  pipe.finish();
  indexer.join();
  if (!status) return status.error();
  fresh->clusters();  // the search's clustered view, built now rather than in the first search
  report.stats = fresh->stats();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::unique_lock lock(mutex_);
  index_ = std::move(fresh);
  return report;
}

std::vector<Error> SearchService::upsert(const model::DonorRecord& donor) {
  std::unique_lock lock(mutex_);
  return index_->upsert(toMatchRecord(donor));
}

std::vector<Error> SearchService::upsert(const model::Volunteer& volunteer, const QDate& today) {
  std::unique_lock lock(mutex_);
  return index_->upsert(toMatchRecord(volunteer, today));
}

bool SearchService::remove(qint64 volunteerId) {
  std::unique_lock lock(mutex_);
  return index_->remove(volunteerId);
}

Status SearchService::writeSnapshot(const QString& path, const SnapshotIdentity& identity,
                                    std::uint64_t invalidTypings) const {
  std::shared_lock lock(mutex_);
  return IndexSnapshot::write(path, *index_, identity, invalidTypings);
}

void SearchService::replaceIndex(std::unique_ptr<match::DonorIndex> index) {
  std::unique_lock lock(mutex_);
  index_ = std::move(index);
}

match::IndexStats SearchService::stats() const {
  std::shared_lock lock(mutex_);
  return index_->stats();
}

std::size_t SearchService::size() const {
  std::shared_lock lock(mutex_);
  return index_->size();
}

Expected<std::vector<match::SearchResult>> SearchService::search(const match::Typing& patient,
                                                                 const match::SearchOptions& options,
                                                                 match::SearchTimings* timings) const {
  std::shared_lock lock(mutex_);
  return match::search(*index_, patient, options, timings);
}

Expected<std::vector<match::SearchResult>> SearchService::searchForPatient(Registry& registry, const QString& caseNo,
                                                                           match::SearchOptions options) const {
  auto patient = registry.patientByCaseNo(caseNo);
  if (!patient) return patient.error();
  auto input = patientSearchInput(*patient, *nomenclature_);
  if (!input) return input.error();
  options.patient = input->factors;
  auto reserved = registry.volunteersReservedFor(patient->id);
  if (!reserved) return reserved.error();
  options.reservedForThisPatient.assign(reserved->cbegin(), reserved->cend());
  return search(input->typing, options);
}

}  // namespace dd::app
