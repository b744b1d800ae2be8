#include "store/database.h"

#include "core/qt/database_files.h"

#include <algorithm>
#include <atomic>
#include <mutex>

#include <QDir>
#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

#include "core/qt/app_paths.h"
#include "store/integrity_memory.h"
#include "store/migrations.h"
#include "store/store_errors.h"

namespace dd::store {
namespace {

Error badUrl(const QString& url, const char* why) {
  return makeError("store.bad_url", "dd::store",
                   QT_TRANSLATE_NOOP("dd::store", "Cannot use database '%1': %2"), {utf8(url), why});
}

QString uniqueConnectionName() {
  static std::atomic<int> counter{0};
  return QStringLiteral("donordesk-%1").arg(++counter);
}

bool isPlainIdentifier(const QString& name) {
  if (name.isEmpty() || name.size() > 63) return false;
  for (QChar c : name)
    if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('_')) return false;
  return !name.at(0).isDigit();
}

}  // namespace

QString ConnectionSpec::display() const {
  if (backend == Backend::Sqlite) return path;
  QString text = QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
  if (!schema.isEmpty()) text += QStringLiteral("?schema=") + schema;
  return text;
}

Expected<ConnectionSpec> parseDatabaseUrl(const QString& url) {
  ConnectionSpec spec;
  if (url.trimmed().isEmpty()) {
    spec.path = dd::qt::defaultDatabasePath();
    return spec;
  }
  if (url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://"))) {
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty())
      return badUrl(url, QT_TRANSLATE_NOOP("dd::store", "expected postgresql://user[:password]@host[:port]/database"));
    spec.backend = Backend::Postgres;
    spec.host = parsed.host();
    spec.port = parsed.port(5432);
    spec.user = parsed.userName();
    spec.password = parsed.password();
    spec.database = parsed.path().mid(1);
    if (spec.database.isEmpty()) return badUrl(url, QT_TRANSLATE_NOOP("dd::store", "the database name is missing"));
    spec.schema = QUrlQuery(parsed).queryItemValue(QStringLiteral("schema"));
    if (!spec.schema.isEmpty() && !isPlainIdentifier(spec.schema))
      return badUrl(url, QT_TRANSLATE_NOOP("dd::store", "the schema name must be letters, digits and _"));
    return spec;
  }
  QString path = url;
  if (path.startsWith(QLatin1String("sqlite:"))) path = path.mid(7);
  if (path.startsWith(QLatin1String("//"))) path = path.mid(2);  // sqlite:///abs/path
  if (path.isEmpty()) return badUrl(url, QT_TRANSLATE_NOOP("dd::store", "the file path is missing"));
  spec.path = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
  return spec;
}

Expected<std::unique_ptr<Database>> Database::open(const QString& url, const OpenOptions& options) {
  auto spec = parseDatabaseUrl(url);
  if (!spec) return spec.error();
  return open(*spec, options);
}

Expected<std::unique_ptr<Database>> Database::open(const ConnectionSpec& spec, const OpenOptions& options) {
  std::unique_ptr<Database> db(new Database);
  db->spec_ = spec;
  if (Status status = db->connect(options); !status) return status.error();
  if (options.migrate && !options.readOnly) {
    if (Status status = migrate(*db, options.targetVersion); !status) return status.error();
  } else if (Status status = checkNotNewer(*db); !status) {
    return status.error();
  }
  return db;
}

Status Database::connect(const OpenOptions& options) {
  connectionName_ = uniqueConnectionName();
  readOnly_ = options.readOnly;
  if (spec_.backend == Backend::Sqlite) {
    if (QFileInfo(spec_.path).isDir())
      return makeError("store.is_folder", "dd::store",
                       QT_TRANSLATE_NOOP("dd::store", "%1 is a folder, not a registry file. Give the path of the "
                                                      "registry's .sqlite file."),
                       {utf8(spec_.path)});
    if (!QFileInfo::exists(spec_.path)) {
      if (!options.createIfMissing)
        return makeError("store.missing", "dd::store",
                         QT_TRANSLATE_NOOP("dd::store", "The database file %1 does not exist: check the path (a new "
                                                         "registry is created by donordesk-cli init)."),
                         {utf8(spec_.path)});
      QDir().mkpath(QFileInfo(spec_.path).absolutePath());
    }
    db_ = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName_);
    db_.setDatabaseName(spec_.path);
    db_.setConnectOptions(options.readOnly ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000;QSQLITE_OPEN_READONLY")
                                           : QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
  } else {
    db_ = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName_);
    db_.setHostName(spec_.host);
    db_.setPort(spec_.port);
    db_.setUserName(spec_.user);
    db_.setPassword(spec_.password);
    db_.setDatabaseName(spec_.database);
    db_.setConnectOptions(QStringLiteral("connect_timeout=10"));
  }
  if (!db_.open())
    return makeError("store.open", "dd::store", QT_TRANSLATE_NOOP("dd::store", "Cannot open the database %1: %2"),
                     {utf8(spec_.display()), utf8(db_.lastError().text())});
  if (spec_.backend == Backend::Sqlite && options.readOnly) reopenImmutableIfReadOnlyMedia();
  if (spec_.backend == Backend::Sqlite) {
    // From now on no other code of this process may open these files.
    dd::qt::database_files::opened(spec_.path);
    protectsFile_ = true;
  }
  // Before anything is written (the journal-mode pragma writes a header
  // into an empty file): a database without our schema is refused unless
  // the caller means to create one.
  const bool mustHoldRegistry = !options.createSchema || options.readOnly;
  if (mustHoldRegistry && spec_.backend == Backend::Sqlite) {
    if (Status held = refuseWithoutRegistry(); !held) return held;
  }
  QSqlQuery query(db_);
  QStringList setup;
  if (spec_.backend == Backend::Sqlite) {
    // WAL: readers never block the writer; NORMAL sync is durable in WAL mode
    // except for the last transaction on power loss; foreign keys are off by default.
    if (!options.readOnly)
      setup << QStringLiteral("PRAGMA journal_mode=WAL") << QStringLiteral("PRAGMA synchronous=NORMAL");
    setup << QStringLiteral("PRAGMA foreign_keys=ON") << QStringLiteral("PRAGMA cache_size=-65536");
  } else {
    setup << QStringLiteral("SET client_min_messages TO warning");
    if (!spec_.schema.isEmpty()) {
      // Only a caller that may create a registry creates its schema.
      if (!mustHoldRegistry) setup << QStringLiteral("CREATE SCHEMA IF NOT EXISTS \"%1\"").arg(spec_.schema);
      setup << QStringLiteral("SET search_path TO \"%1\"").arg(spec_.schema);
    }
  }
  for (const QString& statement : setup)
    if (!query.exec(statement)) return openFailure(query.lastError());
  if (spec_.backend == Backend::Sqlite) return quickCheck(options);
  if (mustHoldRegistry) return refuseWithoutRegistry();  // PostgreSQL: once search_path is set
  return {};
}

// SQLite says "unable to open database file" when it cannot write next to a
// registry it is asked to change: said as what it is.
Error Database::openFailure(const QSqlError& error) const {
  if (spec_.backend == Backend::Sqlite &&
      (!QFileInfo(spec_.path).isWritable() || !QFileInfo(QFileInfo(spec_.path).absolutePath()).isWritable()))
    return makeError("store.read_only", "dd::store",
                     QT_TRANSLATE_NOOP("dd::store", "The registry %1 can only be read here (read-only media or no "
                                                    "write permission): commands that change it cannot run. db "
                                                    "info, db check, search and backup still work."),
                     {utf8(spec_.display())});
  return databaseError(QStringLiteral("opening ") + spec_.display(), error);
}

// A registry in WAL mode needs its -shm file even to be read; on read-only
// media (a backup disc, a read-only share) SQLite cannot create it and says
// "unable to open database file". Such a file cannot change under us, so it
// is opened as immutable: no locks, no -shm.
void Database::reopenImmutableIfReadOnlyMedia() {
  {
    QSqlQuery probe(db_);
    if (probe.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master"))) return;
    if (!probe.lastError().databaseText().contains(QLatin1String("unable to open"))) return;
  }
  if (QFileInfo(QFileInfo(spec_.path).absolutePath()).isWritable() && QFileInfo(spec_.path).isWritable()) return;
  db_.close();
  db_.setDatabaseName(QUrl::fromLocalFile(spec_.path).toString(QUrl::FullyEncoded) + QStringLiteral("?immutable=1"));
  db_.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
  if (!db_.open()) {  // back to the plain open, whose error the caller reports
    db_.setDatabaseName(spec_.path);
    db_.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000;QSQLITE_OPEN_READONLY"));
    db_.open();
  }
}

Status Database::refuseWithoutRegistry() {
  if (spec_.backend == Backend::Sqlite) {  // a file that is no SQLite database at all says so
    QSqlQuery probe(db_);
    if (!probe.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master"))) return openFailure(probe.lastError());
  }
  if (currentSchemaVersion(*this) != 0) return {};
  return makeError("store.not_a_registry", "dd::store",
                   QT_TRANSLATE_NOOP("dd::store", "%1 holds no DonorDesk registry (it is empty or another program's "
                                                  "database). Check the --db path; a new registry is created by "
                                                  "donordesk-cli init."),
                   {utf8(spec_.display())});
}

// Pages overwritten in the middle of a file once went unnoticed: db info said
// ok and an import wrote into it. quick_check reads every page (3-6 s for a
// million volunteers) but not every index entry. It runs when the file is
// not as a passed check left it (IntegrityMemory: changed by anything but
// this program's connections, replaced, restored) and at least once a day;
// otherwise the passed check is remembered, so an ordinary command opens in
// milliseconds while a damaged file is still refused before anything is
// written to it.
Status Database::quickCheck(const OpenOptions& options) {
  // Once per file and process: the GUI opens further connections for
  // background reads, and damage that appears later is reported by SQLite
  // itself ("store.damaged").
  static std::mutex checkedMutex;
  static QHash<QString, QDateTime> checked;  // path -> when its check passed
  const QDateTime now = QDateTime::currentDateTimeUtc();
  rememberChecks_ = options.rememberChecks;
  openedFile_ = IntegrityMemory::identity(spec_.path);
  {
    std::lock_guard lock(checkedMutex);
    if (auto it = checked.constFind(spec_.path); it != checked.constEnd()) {
      cleanSince_ = *it;
      return {};
    }
  }
  const IntegrityMemory memory = options.rememberChecks ? IntegrityMemory::forThisUser() : IntegrityMemory({});
  QDateTime since = memory.cleanSince(spec_.path, now);
  if (!since.isValid()) {
    QSqlQuery check(db_);
    if (!check.exec(QStringLiteral("PRAGMA quick_check(5)")))
      return databaseError(QStringLiteral("checking ") + spec_.display(), check.lastError());
    QStringList found;
    while (check.next()) found << check.value(0).toString();
    if (found != QStringList{QStringLiteral("ok")}) {
      memory.forget(spec_.path);
      damage_ = found.join(QStringLiteral("; "));
      if (options.readOnly) return {};
      return makeError("store.damaged", "dd::store",
                       QT_TRANSLATE_NOOP("dd::store", "The database %1 is damaged (%2). Nothing will be written to "
                                                      "it: run donordesk-cli db check, and restore the latest backup."),
                       {utf8(spec_.display()), utf8(damage_.left(300))});
    }
    since = now;
    memory.rememberClean(spec_.path, since);
  }
  cleanSince_ = since;
  std::lock_guard lock(checkedMutex);
  checked.insert(spec_.path, since);
  return {};
}

// A connection that saw the file whole and wrote to it through SQLite
// leaves a file as whole as it found it: the passed check is carried over
// to the file as it is now (with the time of the check itself, so the daily
// check is not put off), unless another file was put in its place meanwhile.
void Database::rememberCheckAfterWriting() {
  if (spec_.backend != Backend::Sqlite || readOnly_ || !cleanSince_.isValid() || !rememberChecks_) return;
  if (openedFile_.isEmpty() || IntegrityMemory::identity(spec_.path) != openedFile_) return;
  IntegrityMemory::forThisUser().rememberClean(spec_.path, cleanSince_);
}

Database::~Database() {
  if (db_.isOpen()) {
    if (depth_ > 0) db_.rollback();
    db_.close();
    rememberCheckAfterWriting();  // after the close: SQLite has moved the WAL into the file
  }
  if (protectsFile_) dd::qt::database_files::closed(spec_.path);
  db_ = QSqlDatabase();
  if (!connectionName_.isEmpty()) QSqlDatabase::removeDatabase(connectionName_);
}

int Database::schemaVersion() { return currentSchemaVersion(*this); }

namespace {
std::mutex notifierMutex;
std::function<void(int)>& lockWaitNotifier() {
  static std::function<void(int)> notifier;
  return notifier;
}
std::atomic<int> lockWaitSeconds{10};
}  // namespace

void setLockWaitNotifier(std::function<void(int)> notifier, int maxSeconds) {
  std::lock_guard lock(notifierMutex);
  lockWaitNotifier() = std::move(notifier);
  lockWaitSeconds = std::max(1, maxSeconds);
}

Status Database::begin() {
  if (depth_++ > 0) return {};
  failed_ = false;
  if (spec_.backend == Backend::Sqlite && !readOnly_) return beginImmediate();
  if (!db_.transaction()) {
    depth_ = 0;
    return databaseError(QStringLiteral("starting a transaction"), db_.lastError());
  }
  return {};
}

// BEGIN IMMEDIATE takes the write lock up front. A deferred transaction that
// reads first and then writes is refused at once ("database is locked", no
// waiting) when another writer committed meanwhile; this one waits its turn,
// a second at a time, saying so, for up to lockWaitSeconds.
Status Database::beginImmediate() {
  QSqlQuery q(db_);
  q.exec(QStringLiteral("PRAGMA busy_timeout = 1000"));
  Status result;
  for (int waited = 0;; ++waited) {
    if (q.exec(QStringLiteral("BEGIN IMMEDIATE"))) break;
    const QSqlError error = q.lastError();
    const bool busy = error.nativeErrorCode() == QLatin1String("5") ||
                      error.databaseText().contains(QLatin1String("locked"), Qt::CaseInsensitive);
    if (!busy || waited + 1 >= lockWaitSeconds) {
      depth_ = 0;
      result = databaseError(QStringLiteral("starting a change"), error);
      break;
    }
    std::function<void(int)> notify;
    {
      std::lock_guard lock(notifierMutex);
      notify = lockWaitNotifier();
    }
    if (notify) notify(waited + 1);
  }
  q.exec(QStringLiteral("PRAGMA busy_timeout = 10000"));
  return result;
}

Status Database::commit() {
  if (depth_ <= 0) return {};
  if (--depth_ > 0) return {};
  if (failed_) {
    db_.rollback();
    return makeError("store.rolled_back", "dd::store",
                     QT_TRANSLATE_NOOP("dd::store", "The change was rolled back because part of it failed."));
  }
  if (!db_.commit()) {
    Error error = databaseError(QStringLiteral("COMMIT"), db_.lastError());
    db_.rollback();
    return error;
  }
  return {};
}

void Database::rollback() {
  if (depth_ <= 0) return;
  if (--depth_ > 0) {
    failed_ = true;
    return;
  }
  db_.rollback();
}

Transaction::Transaction(Database& db) : db_(db), started_(db.begin()) {}

Transaction::~Transaction() {
  if (!done_ && started_) db_.rollback();
}

Status Transaction::commit() {
  if (!started_) return started_.error();
  done_ = true;
  return db_.commit();
}

}  // namespace dd::store
