#pragma once
// The one match-search index of an open database (owned by the Workspace,
// shared by every SearchRunner). Built in a worker thread with its own
// connection as soon as the database is open and the HLA tables are loaded;
// kept current on this workstation's writes (the Registry's written-volunteer
// hook upserts the volunteer); on a shared PostgreSQL database, rebuilt before
// a search when the volunteers' change stamp moved since the last build (other
// workstations' edits). Edits made while a build runs are applied again after it.
// The first build reads the index's snapshot in the per-user cache when it
// still matches the database (app::SearchSession::open), and every build
// saves one. On PostgreSQL it also listens for other workstations' volunteer
// writes (Registry::listenForVolunteerChanges) and applies them one volunteer
// at a time as they are announced, so the stamp check before a search finds
// nothing to rebuild; the check stays for what an announcement missed.
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>
#include <memory>
#include <vector>

namespace dd::app {
class Registry;
class SearchService;
class SearchSession;
}  // namespace dd::app

namespace dd::gui {

class SearchIndex : public QObject {
  Q_OBJECT
 public:
  // registry: the GUI thread's connection; its written-volunteer hook is set
  // here (and cleared on destruction), so the registry must outlive this.
  // url: opened again by the build worker.
  SearchIndex(app::Registry* registry, QString databaseUrl, QObject* parent = nullptr);
  ~SearchIndex() override;

  // Starts the first build now, or when the HLA tables are ready.
  void start();
  // Runs `then` on the GUI thread once the index is current: at once when it
  // is, after the running or a needed (re)build otherwise. then(false, why)
  // when the build failed.
  void whenCurrent(std::function<void(bool ok, const QString& error)> then);
  std::shared_ptr<app::SearchService> service() const;
  bool building() const { return building_; }
  // Whether other workstations may write (check the change stamp before each
  // search): on by default for PostgreSQL; also for a SQLite file on a share.
  void setSharedDatabase(bool shared) { shared_ = shared; }
  int builds() const { return builds_; }  // completed builds (tests)
  // A volunteer was written through the GUI's registry (0 = many: rebuild).
  void volunteerWritten(qint64 volunteerId);
  // Whether other workstations' writes are announced (PostgreSQL LISTEN).
  bool listening() const { return listening_; }
  int announcementsApplied() const { return announcementsApplied_; }  // batches applied (tests)
  bool fromSnapshot() const { return fromSnapshot_; }  // the last build read the snapshot (tests)

 Q_SIGNALS:
  void progress(const QString& text);  // for the status bar; "" when done
  // Another workstation wrote these volunteers (empty: many); the index is
  // being updated, the open lists may reload.
  void volunteersChangedElsewhere(const QList<qint64>& volunteerIds);

 private:
  void build();
  void buildOnceHlaReady();
  void checkStampThenRun();
  void finishBuild(const QString& error, double seconds, std::size_t donors, bool fromSnapshot);
  void volunteerAnnounced(qint64 volunteerId, bool fromHere);
  void applyAnnounced();
  void resumeWaiting();
  void upsertNow(qint64 volunteerId);
  void runWaiting(bool ok, const QString& error);

  app::Registry* registry_;
  QString url_;
  bool shared_;  // PostgreSQL: other workstations write too
  std::shared_ptr<app::SearchSession> session_;  // nomenclature, index and the stamp it was built at
  bool built_ = false;
  bool building_ = false;
  bool checking_ = false;
  bool stale_ = false;  // a change we cannot apply one by one: rebuild before the next search
  int builds_ = 0;
  bool fromSnapshot_ = false;
  bool listening_ = false;
  bool applying_ = false;
  bool announcedMany_ = false;
  int announcementsApplied_ = 0;
  QSet<qint64> announced_;            // waiting to be applied
  QList<qint64> announcedElsewhere_;  // of those, what other workstations wrote (for the lists)
  QTimer announceDelay_;              // gathers a burst of announcements into one batch
  QSet<qint64> writtenDuringBuild_;
  std::vector<std::function<void(bool, const QString&)>> waiting_;
};

}  // namespace dd::gui
