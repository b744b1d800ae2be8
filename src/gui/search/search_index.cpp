#include "gui/search/search_index.h"

#include <QDate>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <utility>

#include "app/registry.h"
#include "app/search_session.h"
#include "core/qt/localization.h"
#include "gui/hla_reader.h"

#include <spdlog/spdlog.h>

namespace dd::gui {
namespace {
struct BuildOutcome {
  QString error;  // translated; empty on success
  double seconds = 0;
  std::size_t donors = 0;
  bool fromSnapshot = false;
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
  announceDelay_.setSingleShot(true);
  announceDelay_.setInterval(100);
  connect(&announceDelay_, &QTimer::timeout, this, &SearchIndex::applyAnnounced);
  if (shared_) {
    // Every other workstation's write, as it commits (PostgreSQL).
    const dd::Status listening = registry_->listenForVolunteerChanges(
        [this](qint64 id, bool fromHere) { volunteerAnnounced(id, fromHere); });
    listening_ = static_cast<bool>(listening);
    if (!listening)
      spdlog::warn(
          "search index: not listening for other workstations' writes, checking before each search: {}",
          listening.error().english());
  }
}

SearchIndex::~SearchIndex() {
  registry_->stopListening();
  registry_->setVolunteerWrittenHook({});
}

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
  const bool first = !session_;
  if (first) {
    session_ = std::make_shared<app::SearchSession>(nomenclature);
    session_->setMacTableFile(HlaReader::instance().macTablePath());
    session_->keepSnapshot(app::SearchSession::snapshotPathFor(*registry_));
  }
  building_ = true;
  stale_ = false;
  writtenDuringBuild_.clear();
  Q_EMIT progress(tr("Building the search index from every volunteer…"));
  runInBackground<BuildOutcome>(
      this,
      [url = url_, session = session_, first] {
        BuildOutcome outcome;
        // One connection per thread: the worker opens its own.
        auto registry = app::Registry::open(url);
        if (!registry) return outcome.error = dd::qt::translated(registry.error()), outcome;
        // The first build may read the snapshot; a rebuild is asked for
        // because the index is out of date, so it reads the database.
        auto report = first ? session->open(**registry) : session->build(**registry);
        if (!report) return outcome.error = dd::qt::translated(report.error()), outcome;
        if (!report->snapshotNote.isEmpty())
          spdlog::info("search index: {}", report->snapshotNote.toStdString());
        outcome.seconds = report->seconds;
        outcome.donors = session->service().size();
        outcome.fromSnapshot = report->fromSnapshot;
        return outcome;
      },
      [this](const BuildOutcome& outcome) {
        finishBuild(outcome.error, outcome.seconds, outcome.donors, outcome.fromSnapshot);
      });
}

void SearchIndex::finishBuild(const QString& error, double seconds, std::size_t donors, bool fromSnapshot) {
  building_ = false;
  fromSnapshot_ = fromSnapshot;
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
  if (!announced_.isEmpty()) announceDelay_.start();  // announced while it was built
  runWaiting(true, {});
}

void SearchIndex::whenCurrent(std::function<void(bool, const QString&)> then) {
  if (building_ || checking_ || applying_) return waiting_.push_back(std::move(then));
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

void SearchIndex::volunteerAnnounced(qint64 volunteerId, bool fromHere) {
  if (volunteerId == 0) {
    announcedMany_ = true;
  } else {
    // Our own writes too: the hook has already applied them, but applying
    // the batch moves the stamp the index is known to be at past them.
    announced_.insert(volunteerId);
  }
  if (!fromHere && !announcedElsewhere_.contains(volunteerId)) announcedElsewhere_.append(volunteerId);
  if (!announceDelay_.isActive()) announceDelay_.start();
}

void SearchIndex::applyAnnounced() {
  if (!announcedElsewhere_.isEmpty()) {
    QList<qint64> elsewhere = std::exchange(announcedElsewhere_, {});
    if (elsewhere.contains(0)) elsewhere.clear();  // many: reload
    Q_EMIT volunteersChangedElsewhere(elsewhere);
  }
  if (announcedMany_) {
    announcedMany_ = false;
    announced_.clear();
    stale_ = true;
    if (built_ && !building_) build();  // now, not before the next search
    return;
  }
  // Until the first build ends (it reads what was committed before it) and
  // while another update runs, the batch waits.
  if (announced_.isEmpty() || !built_ || building_ || applying_) return;
  const QList<qint64> ids = std::exchange(announced_, {}).values();
  applying_ = true;
  runInBackground<QString>(
      this,
      [url = url_, session = session_, ids] {
        auto registry = app::Registry::open(url);
        if (!registry) return dd::qt::translated(registry.error());
        const dd::Status applied = session->applyChanges(**registry, ids);
        return applied ? QString() : dd::qt::translated(applied.error());
      },
      [this](const QString& error) {
        applying_ = false;
        if (!error.isEmpty()) {
          spdlog::warn("search index: other workstations' writes not applied, rebuilding: {}",
                       error.toStdString());
          stale_ = true;
        } else {
          ++announcementsApplied_;
        }
        if (!announced_.isEmpty() || announcedMany_) announceDelay_.start();
        resumeWaiting();
      });
}

void SearchIndex::resumeWaiting() {
  auto waiting = std::exchange(waiting_, {});
  for (auto& then : waiting) whenCurrent(std::move(then));
}

void SearchIndex::runWaiting(bool ok, const QString& error) {
  auto waiting = std::exchange(waiting_, {});
  for (auto& then : waiting) then(ok, error);
}

}  // namespace dd::gui
