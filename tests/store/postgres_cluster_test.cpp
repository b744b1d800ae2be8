// Proves that the throwaway PostgreSQL cluster started by scripts/test
// answers through Qt's QPSQL driver. Under CI it must be there.
#include <catch2/catch.hpp>

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include "support/qt_string_maker.h"

TEST_CASE("the test PostgreSQL cluster answers a query") {
  const QString url = qEnvironmentVariable("DONORDESK_TEST_PG_URL");
  if (url.isEmpty()) {
    const bool ci = qEnvironmentVariable("CI") == "true";
    if (ci) FAIL("DONORDESK_TEST_PG_URL is not set under CI: scripts/test must start PostgreSQL");
    WARN("DONORDESK_TEST_PG_URL not set; run through scripts/test to include PostgreSQL");
    return;
  }
  REQUIRE(QSqlDatabase::isDriverAvailable("QPSQL"));
  const QUrl parsed(url);
  {
    QSqlDatabase db = QSqlDatabase::addDatabase("QPSQL", "pg-cluster-test");
    db.setHostName(parsed.host());
    db.setPort(parsed.port(5432));
    db.setUserName(parsed.userName());
    db.setPassword(parsed.password());
    db.setDatabaseName(parsed.path().mid(1));
    REQUIRE(db.open());
    QSqlQuery query(db);
    REQUIRE(query.exec("SELECT 6 * 7, current_setting('server_version_num')::int"));
    REQUIRE(query.next());
    CHECK(query.value(0).toInt() == 42);
    CHECK(query.value(1).toInt() >= 150000);
  }
  QSqlDatabase::removeDatabase("pg-cluster-test");
}
