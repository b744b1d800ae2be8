#include "gui/search_runner.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include "app/registry.h"
#include "app/search_service.h"
#include "core/qt/localization.h"
#include "gui/hla_reader.h"

namespace dd::gui {
namespace {
struct Outcome {
  std::optional<Error> error;
  std::vector<match::SearchResult> results;
  double milliseconds = 0;
  bool indexed = false;
};
}  // namespace

SearchRunner::SearchRunner(QString databaseUrl, QObject* parent) : QObject(parent), url_(std::move(databaseUrl)) {}

SearchRunner::~SearchRunner() = default;

bool SearchRunner::start(const match::Typing& patient, const match::SearchOptions& options) {
  const auto nomenclature = HlaReader::instance().nomenclature();
  if (!nomenclature) {
    Q_EMIT failed(HlaReader::instance().failed() ? HlaReader::instance().loadError()
                                                 : tr("The HLA tables are still loading; try again in a moment."));
    return false;
  }
  if (!service_) service_ = std::make_shared<app::SearchService>(nomenclature);
  const bool buildIndex = !indexed_;
  busy_ = true;
  const quint64 generation = ++generation_;
  Q_EMIT progress(buildIndex ? tr("Reading every volunteer into the search index…") : tr("Searching…"));
  auto* watcher = new QFutureWatcher<Outcome>(this);
  connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation, scale = options.scale] {
    Outcome outcome = watcher->result();
    watcher->deleteLater();
    if (generation != generation_) return;  // cancelled or superseded
    busy_ = false;
    if (outcome.indexed) indexed_ = true;
    if (outcome.error) Q_EMIT failed(dd::qt::translated(*outcome.error));
    else Q_EMIT finished(outcome.results, scale, outcome.milliseconds);
  });
  watcher->setFuture(QtConcurrent::run([url = url_, service = service_, buildIndex, patient, options]() {
    Outcome outcome;
    QElapsedTimer timer;
    timer.start();
    if (buildIndex) {
      // One connection per thread: this worker opens its own.
      auto registry = app::Registry::open(url);
      if (!registry) {
        outcome.error = registry.error();
        return outcome;
      }
      auto built = service->rebuild(**registry);
      if (!built) {
        outcome.error = built.error();
        return outcome;
      }
      outcome.indexed = true;
    }
    auto found = service->search(patient, options);
    if (!found) outcome.error = found.error();
    else outcome.results = std::move(*found);
    outcome.milliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return outcome;
  }));
  return true;
}

void SearchRunner::cancel() {
  ++generation_;
  busy_ = false;
}

}  // namespace dd::gui
