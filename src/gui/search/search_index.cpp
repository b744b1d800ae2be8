#include "gui/search/search_index.h"

#include <QDate>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <utility>

#include "app/registry.h"
#include "app/search_session.h"
#include "core/qt/localization.h"
#include "gui/hla_reader.h"

namespace dd::gui {
namespace {
struct BuildOutcome {
  QString error;  // translated; empty on success
  double seconds = 0;
  std::size_t donors = 0;
};

struct CurrentOutcome {
  QString error;
  bool current = false;
};

// Runs job on the thread pool and hands its result to done on the GUI thread
// (not at all once owner is gone).
template <typename T, typename Job, typename Done>
void runInBackground(QObject* owner, Job job, Done done) {
  auto* watcher = new QFutureWatcher<T>(owner);
  QObject::connect(watcher, &QFutureWatcher<T>::finished, owner, [watcher, done] {
    done(watcher->result());
    watcher->deleteLater();
  });
  watcher->setFuture(QtConcurrent::run(std::move(job)));
}
}  // namespace

SearchIndex::SearchIndex(app::Registry* registry, QString databaseUrl, QObject* parent)
    : QObject(parent),
      registry_(registry),
      url_(std::move(databaseUrl)),
      shared_(url_.startsWith(QLatin1String("postgres"))) {
  // Every write through the GUI's connection, whichever page or dialog made it.
  registry_->setVolunteerWrittenHook([this](qint64 id) { volunteerWritten(id); });
}

SearchIndex::~SearchIndex() { registry_->setVolunteerWrittenHook({}); }

std::shared_ptr<app::SearchService> SearchIndex::service() const {
  return session_ ? session_->sharedService() : nullptr;
}

void SearchIndex::start() {
  if (HlaReader::instance().ready()) {
    if (!built_ && !building_) build();
    return;
  }
  // A member function, not a lambda: Qt can only tell a repeated connection
  // (start() may be called again) when it compares pointers to members.
  connect(&HlaReader::instance(), &HlaReader::readyChanged, this, &SearchIndex::buildOnceHlaReady,
          Qt::UniqueConnection);
}

void SearchIndex::buildOnceHlaReady() {
  if (HlaReader::instance().ready() && !built_ && !building_) build();
}

void SearchIndex::build() {
  const auto nomenclature = HlaReader::instance().nomenclature();
  if (!nomenclature) return runWaiting(false, tr("The HLA tables are still loading; try again in a moment."));
  if (!session_) session_ = std::make_shared<app::SearchSession>(nomenclature);
  building_ = true;
  stale_ = false;
  writtenDuringBuild_.clear();
  Q_EMIT progress(tr("Building the search index from every volunteer…"));
  runInBackground<BuildOutcome>(
      this,
      [url = url_, session = session_] {
        BuildOutcome outcome;
        // One connection per thread: the worker opens its own.
        auto registry = app::Registry::open(url);
        if (!registry) return outcome.error = dd::qt::translated(registry.error()), outcome;
        auto report = session->build(**registry);
        if (!report) return outcome.error = dd::qt::translated(report.error()), outcome;
        outcome.seconds = report->seconds;
        outcome.donors = session->service().size();
        return outcome;
      },
      [this](const BuildOutcome& outcome) { finishBuild(outcome.error, outcome.seconds, outcome.donors); });
}

void SearchIndex::finishBuild(const QString& error, double seconds, std::size_t donors) {
  building_ = false;
  if (!error.isEmpty()) {
    Q_EMIT progress(tr("The search index could not be built: %1").arg(error));
    return runWaiting(false, error);
  }
  built_ = true;
  ++builds_;
  // The build may have read these volunteers before they were saved.
  const QSet<qint64> written = std::exchange(writtenDuringBuild_, {});
  for (qint64 id : written) upsertNow(id);
  Q_EMIT progress(tr("Search index ready: %Ln donor(s) in %1 s.", nullptr, static_cast<int>(donors))
                      .arg(seconds, 0, 'f', 1));
  runWaiting(true, {});
}

void SearchIndex::whenCurrent(std::function<void(bool, const QString&)> then) {
  if (building_ || checking_) return waiting_.push_back(std::move(then));
  if (!built_ || stale_) {
    waiting_.push_back(std::move(then));
    return build();
  }
  if (!shared_) return then(true, {});
  waiting_.push_back(std::move(then));
  checkStampThenRun();
}

void SearchIndex::checkStampThenRun() {
  checking_ = true;
  runInBackground<CurrentOutcome>(
      this,
      [url = url_, session = session_] {
        CurrentOutcome outcome;
        auto registry = app::Registry::open(url);
        if (!registry) return outcome.error = dd::qt::translated(registry.error()), outcome;
        auto current = session->isCurrent(**registry);
        if (!current) return outcome.error = dd::qt::translated(current.error()), outcome;
        outcome.current = *current;
        return outcome;
      },
      [this](const CurrentOutcome& outcome) {
        checking_ = false;
        if (!outcome.error.isEmpty()) return runWaiting(false, outcome.error);
        if (!outcome.current) return build();  // another workstation (or we) changed volunteers
        runWaiting(true, {});
      });
}

void SearchIndex::volunteerWritten(qint64 volunteerId) {
  if (volunteerId == 0) {
    stale_ = true;
    return;
  }
  if (building_) writtenDuringBuild_.insert(volunteerId);
  if (built_) upsertNow(volunteerId);
}

void SearchIndex::upsertNow(qint64 volunteerId) {
  auto volunteer = registry_->volunteer(volunteerId);
  if (volunteer) session_->service().upsert(*volunteer, QDate::currentDate());
  else session_->service().remove(volunteerId);  // gone (or unreadable): better absent than stale
}

void SearchIndex::runWaiting(bool ok, const QString& error) {
  auto waiting = std::exchange(waiting_, {});
  for (auto& then : waiting) then(ok, error);
}

}  // namespace dd::gui
