#include <catch2/catch.hpp>

#include "support/registry_fixture.h"

#include <QFile>

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUrl>

#include "app/volunteer_validation.h"
#include "core/qt/localization.h"

namespace dd::test {

std::unique_ptr<TestDatabase> TestDatabase::create(const std::string& backend) {
  std::unique_ptr<TestDatabase> db(new TestDatabase);
  if (backend == "sqlite") {
    db->url_ = QStringLiteral("sqlite:") + db->dir_.filePath(QStringLiteral("registry.sqlite"));
    return db;
  }
  const QString base = qEnvironmentVariable("DONORDESK_TEST_PG_URL");
  if (base.isEmpty()) {
    if (qEnvironmentVariable("CI") == QLatin1String("true"))
      FAIL("DONORDESK_TEST_PG_URL is not set under CI: scripts/test must start PostgreSQL");
    WARN("DONORDESK_TEST_PG_URL not set: PostgreSQL part skipped (run through scripts/test)");
    return nullptr;
  }
  db->postgres_ = true;
  db->schema_ = QStringLiteral("t_%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
  db->url_ = base + QStringLiteral("?schema=") + db->schema_;
  return db;
}

TestDatabase::~TestDatabase() {
  if (!postgres_) return;
  // Drop the test's schema through a connection of its own.
  auto registry = openWithOptions(url_, store::OpenOptions{false, -1, false});
  if (registry) {
    QSqlQuery query(dd::app::storeDatabase(**registry).sql());
    query.exec(QStringLiteral("DROP SCHEMA \"%1\" CASCADE").arg(schema_));
  }
}

Expected<std::unique_ptr<app::Registry>> openWithOptions(const QString& url, const store::OpenOptions& options) {
  auto db = store::Database::open(url, options);
  if (!db) return db.error();
  return app::registryOver(std::move(*db));
}

std::unique_ptr<app::Registry> TestDatabase::open(const store::OpenOptions& options) const {
  auto registry = openWithOptions(url_, options);
  if (!registry) FAIL("cannot open " << url_.toStdString() << ": " << registry.error().english());
  return std::move(*registry);
}

app::Actor staff(const char* name) { return app::Actor{QString::fromUtf8(name)}; }

QString writeFile(const QString& dir, const QString& name, const QByteArray& bytes) {
  const QString path = dir + QLatin1Char('/') + name;
  QFile file(path);
  REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
  REQUIRE(file.write(bytes) == bytes.size());
  return path;
}

model::Volunteer registered(app::Registry& registry, const model::Volunteer& v) {
  auto saved = registry.registerVolunteer(v, staff());
  INFO((saved.errors.empty() ? std::string() : saved.errors.front().english()));
  REQUIRE(saved.ok());
  return *saved.value;
}

int rowCount(app::Registry& registry, const char* table) {
  QSqlQuery q(dd::app::storeDatabase(registry).sql());
  REQUIRE(q.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table))));
  REQUIRE(q.next());
  return q.value(0).toInt();
}

}  // namespace dd::test
