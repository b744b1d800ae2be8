#include "gui/search/search_runner.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include "app/search_service.h"
#include "core/qt/localization.h"
#include "gui/hla_reader.h"
#include "gui/search/search_index.h"

namespace dd::gui {
namespace {
struct Outcome {
  std::optional<Error> error;
  std::vector<match::SearchResult> results;
  double milliseconds = 0;
  std::size_t found = 0;  // every donor that qualified, not only the ones returned
};
}  // namespace

SearchRunner::SearchRunner(SearchIndex* index, QObject* parent) : QObject(parent), index_(index) {}

SearchRunner::~SearchRunner() = default;

bool SearchRunner::start(const match::Typing& patient, const match::SearchOptions& options) {
  if (!HlaReader::instance().nomenclature()) {
    Q_EMIT failed(HlaReader::instance().failed() ? HlaReader::instance().loadError()
                                                 : tr("The HLA tables are still loading; try again in a moment."));
    return false;
  }
  busy_ = true;
  const quint64 generation = ++generation_;
  Q_EMIT progress(index_->building() ? tr("Waiting for the search index to be built…") : tr("Searching…"));
  index_->whenCurrent([this, self = QPointer<SearchRunner>(this), generation, patient, options](bool ok,
                                                                                             const QString& error) {
    if (!self || generation != generation_) return;  // gone, cancelled or superseded
    if (!ok) {
      busy_ = false;
      Q_EMIT failed(error);
      return;
    }
    runSearch(generation, patient, options);
  });
  return true;
}

void SearchRunner::runSearch(quint64 generation, const match::Typing& patient, const match::SearchOptions& options) {
  Q_EMIT progress(tr("Searching…"));
  auto* watcher = new QFutureWatcher<Outcome>(this);
  connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation, scale = options.scale] {
    Outcome outcome = watcher->result();
    watcher->deleteLater();
    if (generation != generation_) return;  // cancelled or superseded
    busy_ = false;
    if (outcome.error) Q_EMIT failed(dd::qt::translated(*outcome.error));
    else Q_EMIT finished(outcome.results, scale, outcome.milliseconds, outcome.found);
  });
  watcher->setFuture(QtConcurrent::run([service = index_->service(), patient, options]() {
    Outcome outcome;
    QElapsedTimer timer;
    timer.start();
    match::SearchTimings timings;
    auto found = service->search(patient, options, &timings);
    if (!found) outcome.error = found.error();
    else outcome.results = std::move(*found);
    outcome.found = timings.qualified;
    outcome.milliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return outcome;
  }));
}

void SearchRunner::cancel() {
  ++generation_;
  busy_ = false;
}

}  // namespace dd::gui
