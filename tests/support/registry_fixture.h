#pragma once
// A fresh registry database per test on each backend: a SQLite file in a
// temporary folder, and a PostgreSQL schema of its own (dropped afterwards)
// in the cluster scripts/test starts. Without DONORDESK_TEST_PG_URL the
// PostgreSQL run is skipped with a warning, except under CI=true where it fails.
#include <memory>
#include <optional>
#include <string>

#include <QDate>
#include <QString>
#include <QTemporaryDir>

#include "app/registry.h"
#include "app/registry_store_access.h"
#include "store/database.h"
#include "model/entities.h"
#include "support/sample_people.h"

namespace dd::test {

class TestDatabase {
 public:
  // "sqlite" or "postgres"; nullptr when PostgreSQL is not available outside CI.
  static std::unique_ptr<TestDatabase> create(const std::string& backend);
  ~TestDatabase();
  const QString& url() const { return url_; }
  bool isPostgres() const { return postgres_; }
  QString dir() const { return dir_.path(); }
  // A new connection (Registry) to the same database.
  std::unique_ptr<app::Registry> open(const store::OpenOptions& options = {}) const;

 private:
  TestDatabase() = default;
  QTemporaryDir dir_;
  QString url_;
  QString schema_;
  bool postgres_ = false;
};

// A Registry over a database opened with the store's own options (older
// schema versions, no migration): what the migration tests need and no
// front end may ask for.
Expected<std::unique_ptr<app::Registry>> openWithOptions(const QString& url, const store::OpenOptions& options);

// Both backends; use as: const auto backend = GENERATE(dd::test::backends());
inline auto backends() { return Catch::Generators::values<std::string>({"sqlite", "postgres"}); }

app::Actor staff(const char* name = "tester");
// Registers v as staff; returns it as saved (its id, registry number and row version).
model::Volunteer registered(app::Registry& registry, const model::Volunteer& v);
// A file of exactly these bytes in dir (a CSV as a spreadsheet or a careless
// hand wrote it); returns its path.
QString writeFile(const QString& dir, const QString& name, const QByteArray& bytes);
// SELECT COUNT(*) of one table (for "nothing was written" checks).
int rowCount(app::Registry& registry, const char* table);

}  // namespace dd::test

// Opens a fresh database for the generated backend or leaves the test.
#define DD_FRESH_DATABASE(var)                                   \
  const std::string ddBackend = GENERATE(dd::test::backends());  \
  INFO("backend: " << ddBackend);                                \
  auto var = dd::test::TestDatabase::create(ddBackend);          \
  if (!var) return
