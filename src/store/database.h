#pragma once
// One open connection to the registry database (SQLite file or PostgreSQL).
// QSqlDatabase is one connection per thread: create one Database per thread;
// each gets its own unique Qt connection name and removes it when destroyed.
#include <functional>
#include <memory>

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

#include "core/expected.h"

namespace dd::store {

enum class Backend { Sqlite, Postgres };

struct ConnectionSpec {
  Backend backend = Backend::Sqlite;
  QString path;  // SQLite file
  QString host;  // PostgreSQL
  int port = 5432;
  QString user;
  QString password;
  QString database;
  // PostgreSQL schema (search_path) to use, created on open when missing;
  // from "?schema=NAME". Lets several registries (or tests) share a database.
  QString schema;

  QString display() const;  // for messages: never shows the password
};

// "sqlite:PATH", a bare PATH, or "postgresql://user[:pw]@host[:port]/db[?schema=s]"
// ("postgres://" too). Empty means dd::qt::defaultDatabasePath().
Expected<ConnectionSpec> parseDatabaseUrl(const QString& url);

struct OpenOptions {
  bool migrate = true;          // create/upgrade the schema to the latest version
  int targetVersion = -1;       // migrate only up to this version (tests); -1 = latest
  bool createIfMissing = true;  // SQLite: create the file (and its folder)
  // Lay the schema into a database that has none (a new file, an empty
  // PostgreSQL schema). Off, such a database is refused: another program's
  // SQLite file or a 0-byte file is not silently turned into a registry.
  bool createSchema = true;
  // SQLite: open read-only (no migration, no journal-mode change): a
  // command that only reads never writes to the file, so a registry on
  // read-only media or a backup copy can be inspected as it is.
  bool readOnly = false;
  // SQLite: trust a quick check that passed earlier on the file as it still
  // is (store/integrity_memory.h) instead of checking at every open. Off,
  // every first open in a process checks (and nothing is remembered).
  bool rememberChecks = true;
};

class Database {
 public:
  static Expected<std::unique_ptr<Database>> open(const ConnectionSpec& spec, const OpenOptions& options = {});
  static Expected<std::unique_ptr<Database>> open(const QString& url, const OpenOptions& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  QSqlDatabase& sql() { return db_; }
  Backend backend() const { return spec_.backend; }
  const ConnectionSpec& spec() const { return spec_; }
  int schemaVersion();  // 0 for an empty database
  // SQLite's quick check as run at open: empty when it passed, or passed
  // earlier on the file as it still is (OpenOptions::rememberChecks), or on
  // PostgreSQL, which checks its own pages; else what it found. A damaged
  // file is refused at open unless it is opened read-only.
  const QString& damage() const { return damage_; }

  // Transactions. Nested begin() calls join the outer transaction (only the
  // outermost commit really commits), so use cases can compose repositories.
  Status begin();
  Status commit();
  void rollback();
  bool inTransaction() const { return depth_ > 0; }

 private:
  Database() = default;
  Status connect(const OpenOptions& options);
  Status quickCheck(const OpenOptions& options);
  void rememberCheckAfterWriting();
  Status beginImmediate();
  Status refuseWithoutRegistry();
  void reopenImmutableIfReadOnlyMedia();
  Error openFailure(const QSqlError& error) const;
  ConnectionSpec spec_;
  QString connectionName_;
  QSqlDatabase db_;
  int depth_ = 0;
  QString damage_;
  QDateTime cleanSince_;  // when the check this connection relies on passed; invalid: none passed
  bool rememberChecks_ = false;
  QString openedFile_;  // IntegrityMemory::identity() of the file when it was checked
  bool readOnly_ = false;
  bool protectsFile_ = false;  // registered with dd::qt::database_files
  bool failed_ = false;  // an inner rollback dooms the outer transaction
};

// Called about once a second while a write transaction waits for another
// program's write lock (SQLite), with the seconds waited so far, so that a
// wait shows as a wait; gives up after maxSeconds (default 10: the GUI
// writes on its own thread and must not hang longer). Process-wide; the CLI
// prints the wait and allows 30 s.
void setLockWaitNotifier(std::function<void(int secondsWaited)> notifier, int maxSeconds = 10);

// RAII transaction: rolls back unless commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  const Status& started() const { return started_; }
  Status commit();

 private:
  Database& db_;
  Status started_;
  bool done_ = false;
};

}  // namespace dd::store
