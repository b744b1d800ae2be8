// Schema versions: creation, upgrade from an older schema keeping data,
// refusing a newer one, SQLite connection settings, database URLs.
#include <catch2/catch.hpp>

#include <QSqlQuery>

#include "core/qt/app_paths.h"
#include "core/qt/localization.h"
#include "app/synthetic_data.h"
#include "model/statistics.h"
#include "store/database.h"
#include "store/migrations.h"
#include "support/registry_fixture.h"
#include "support/qt_string_maker.h"

using namespace dd;

TEST_CASE("a new database is created at the latest schema version") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  CHECK(dd::app::storeDatabase(*registry).schemaVersion() == store::latestSchemaVersion());
  CHECK(store::latestSchemaVersion() >= 2);
  // Opening again changes nothing.
  auto again = db->open();
  CHECK(dd::app::storeDatabase(*again).schemaVersion() == store::latestSchemaVersion());
}

TEST_CASE("upgrading from schema version 1 keeps the data and backfills the new column") {
  DD_FRESH_DATABASE(db);
  {
    auto old = db->open(store::OpenOptions{true, 1, true});
    REQUIRE(dd::app::storeDatabase(*old).schemaVersion() == 1);
    QSqlQuery q(dd::app::storeDatabase(*old).sql());
    // Rows as a version-1 program wrote them (no last_contact_ok column yet).
    REQUIRE(q.exec("INSERT INTO volunteer (registry_no, name, sex, birth_date, id_number, status, created_at, "
                   "updated_at) VALUES ('SD00000001', '张三', 'M', '1990-01-02', '11010519900102001X', 'active', "
                   "'2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')"));
    REQUIRE(q.exec("SELECT id FROM volunteer"));
    REQUIRE(q.next());
    const qint64 id = q.value(0).toLongLong();
    for (const char* row : {"'2021-03-04T10:00:00.000Z', 'phone', 'x', 'reached'",
                            "'2022-05-06T10:00:00.000Z', 'sms', 'x', 'reached'",
                            "'2023-07-08T10:00:00.000Z', 'phone', 'x', 'no_answer'"})
      REQUIRE(q.exec(QStringLiteral("INSERT INTO contact_attempt (volunteer_id, contacted_at, channel, staff, outcome) "
                                    "VALUES (%1, %2)").arg(id).arg(QString::fromLatin1(row))));
    QSqlQuery probe(dd::app::storeDatabase(*old).sql());
    CHECK_FALSE(probe.exec("SELECT last_contact_ok FROM volunteer"));
  }
  auto upgraded = db->open();
  CHECK(dd::app::storeDatabase(*upgraded).schemaVersion() == store::latestSchemaVersion());
  auto volunteer = upgraded->volunteerByRegistryNo("SD00000001");
  REQUIRE(volunteer);
  CHECK(volunteer->name == QStringLiteral("张三"));
  CHECK(volunteer->birthDate == QDate(1990, 1, 2));
  CHECK(volunteer->lastContactOk == QDate(2022, 5, 6));  // the last *reached* contact
  // schema 10's backfill: the channel that last reached them, the failures since
  CHECK(volunteer->lastContactChannel == model::ContactChannel::Sms);
  CHECK(volunteer->failedContacts == 1);
  auto contacts = upgraded->contacts(volunteer->id);
  REQUIRE(contacts);
  CHECK(contacts->size() == 3);
}

TEST_CASE("upgrading to schema version 6 gives existing cases their codes, numbered per patient") {
  DD_FRESH_DATABASE(db);
  QString caseNo;
  QList<qint64> caseIds;
  {
    auto old = db->open(store::OpenOptions{true, 5, true});
    REQUIRE(dd::app::storeDatabase(*old).schemaVersion() == 5);
    // Written as a version-5 program wrote it, as the cases below: today's
    // code writes columns that version does not have.
    caseNo = QStringLiteral("P2026-00001");
    QSqlQuery q(dd::app::storeDatabase(*old).sql());
    REQUIRE(q.exec(QStringLiteral("INSERT INTO patient (case_no, name, sex, birth_date, created_at, updated_at) "
                                  "VALUES ('%1', '患者丙', 'F', '2015-01-01', '2020-01-01T00:00:00Z', "
                                  "'2020-01-01T00:00:00Z') RETURNING id")
                       .arg(caseNo)));
    REQUIRE(q.next());
    const qint64 patientId = q.value(0).toLongLong();
    for (int n = 1; n <= 11; ++n) {  // two digits past 9: 10, 11
      // Written as a version-5 program wrote it: today's code writes columns
      // that version does not have.
      REQUIRE(q.exec(QStringLiteral("INSERT INTO volunteer (registry_no, name, sex, birth_date, id_number, status, "
                                    "created_at, updated_at) VALUES ('SD%1', 'v', 'F', '1990-01-02', 'ID%1', "
                                    "'active', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z') RETURNING id")
                         .arg(n, 8, 10, QLatin1Char('0'))));
      REQUIRE(q.next());
      const qint64 volunteerId = q.value(0).toLongLong();
      q.finish();
      REQUIRE(q.exec(QStringLiteral("INSERT INTO workup_case (patient_id, volunteer_id, stage, initial_match_date, "
                                    "created_at, updated_at) VALUES (%1, %2, 'initial_match', '2026-01-01', "
                                    "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id")
                         .arg(patientId)
                         .arg(volunteerId)));
      REQUIRE(q.next());
      caseIds << q.value(0).toLongLong();
      q.finish();  // an open statement would block the next registration's commit
    }
  }
  auto upgraded = db->open();
  REQUIRE(dd::app::storeDatabase(*upgraded).schemaVersion() == store::latestSchemaVersion());
  CHECK(upgraded->workupCase(caseIds[0])->caseCode == caseNo + QStringLiteral("-01"));
  CHECK(upgraded->workupCase(caseIds[8])->caseCode == caseNo + QStringLiteral("-09"));
  CHECK(upgraded->workupCase(caseIds[10])->caseCode == caseNo + QStringLiteral("-11"));
  auto byCode = upgraded->workupCaseByCode(caseNo + QStringLiteral("-10"));
  REQUIRE(byCode);
  CHECK(byCode->id == caseIds[9]);
}

TEST_CASE("a database written by a newer DonorDesk is refused and left untouched") {
  DD_FRESH_DATABASE(db);
  {
    auto registry = db->open();
    QSqlQuery q(dd::app::storeDatabase(*registry).sql());
    REQUIRE(q.exec(QStringLiteral("UPDATE meta SET value = '%1' WHERE key = 'schema_version'")
                       .arg(store::latestSchemaVersion() + 5)));
  }
  auto refused = app::Registry::open(db->url());
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == "store.schema_too_new");
  const QString text = qt::translated(refused.error());
  CHECK(text.contains(QString::number(store::latestSchemaVersion() + 5)));
  CHECK(text.contains("newer DonorDesk"));
  auto plain = dd::test::openWithOptions(db->url(), store::OpenOptions{false, -1, false});
  CHECK_FALSE(plain);
}

TEST_CASE("SQLite runs in WAL mode with foreign keys enforced") {
  auto db = test::TestDatabase::create("sqlite");
  auto registry = db->open();
  QSqlQuery q(dd::app::storeDatabase(*registry).sql());
  REQUIRE(q.exec("PRAGMA journal_mode"));
  REQUIRE(q.next());
  CHECK(q.value(0).toString() == "wal");
  REQUIRE(q.exec("PRAGMA foreign_keys"));
  REQUIRE(q.next());
  CHECK(q.value(0).toInt() == 1);
  // A contact for a volunteer that does not exist is refused by the database.
  CHECK_FALSE(q.exec("INSERT INTO contact_attempt (volunteer_id, contacted_at, channel, staff, outcome) "
                     "VALUES (424242, '2024-01-01', 'phone', 'x', 'reached')"));
}

TEST_CASE("database URLs: sqlite:, bare paths, postgresql:// and bad ones") {
  auto bare = store::parseDatabaseUrl("/tmp/a/b.sqlite");
  REQUIRE(bare);
  CHECK(bare->backend == store::Backend::Sqlite);
  CHECK(bare->path == "/tmp/a/b.sqlite");
  auto prefixed = store::parseDatabaseUrl("sqlite:/tmp/x.db");
  REQUIRE(prefixed);
  CHECK(prefixed->path == "/tmp/x.db");
  auto empty = store::parseDatabaseUrl("");
  REQUIRE(empty);
  CHECK(empty->path == qt::defaultDatabasePath());
  auto pg = store::parseDatabaseUrl("postgresql://reg:s3cret@db.example:5433/registry?schema=office");
  REQUIRE(pg);
  CHECK(pg->backend == store::Backend::Postgres);
  CHECK(pg->host == "db.example");
  CHECK(pg->port == 5433);
  CHECK(pg->user == "reg");
  CHECK(pg->password == "s3cret");
  CHECK(pg->database == "registry");
  CHECK(pg->schema == "office");
  CHECK_FALSE(pg->display().contains("s3cret"));
  auto noDb = store::parseDatabaseUrl("postgresql://reg@host:5432/");
  REQUIRE_FALSE(noDb);
  CHECK(noDb.error().english().find("database name is missing") != std::string::npos);
  auto badSchema = store::parseDatabaseUrl("postgresql://reg@host/db?schema=a;drop");
  CHECK_FALSE(badSchema);
  auto unreachable = app::Registry::open("postgresql://nobody@127.0.0.1:1/none");
  REQUIRE_FALSE(unreachable);
  CHECK(unreachable.error().code == "store.open");
}

TEST_CASE("upgrading to schema version 7 marks the volunteers earlier generate runs wrote as synthetic") {
  DD_FRESH_DATABASE(db);
  {
    auto old = db->open(store::OpenOptions{true, 6, true});
    QSqlQuery q(dd::app::storeDatabase(*old).sql());
    REQUIRE(q.exec("INSERT INTO import_batch (kind, source_file, staff, created_at, row_count) VALUES "
                   "('generated', 'CAU.freqs.gz', 't', '2024-01-01T00:00:00Z', 1)"));
    REQUIRE(q.exec("INSERT INTO import_batch (kind, source_file, staff, created_at, row_count) VALUES "
                   "('volunteers-csv', 'drive.csv', 't', '2024-01-02T00:00:00Z', 1)"));
    REQUIRE(q.exec("SELECT id FROM import_batch ORDER BY id"));
    REQUIRE(q.next());
    const qint64 generated = q.value(0).toLongLong();
    REQUIRE(q.next());
    const qint64 imported = q.value(0).toLongLong();
    int n = 0;
    for (qint64 batch : {generated, imported, qint64(0)}) {
      ++n;
      REQUIRE(q.exec(QStringLiteral("INSERT INTO volunteer (registry_no, name, sex, birth_date, id_number, status, "
                                    "created_at, updated_at, import_batch_id) VALUES ('SD0000000%1', 'x', 'M', "
                                    "'1990-01-02', 'ID%1', 'active', '2020-01-01T00:00:00Z', "
                                    "'2020-01-01T00:00:00Z', %2)")
                         .arg(n)
                         .arg(batch ? QString::number(batch) : QStringLiteral("NULL"))));
    }
  }
  auto upgraded = db->open();
  QSqlQuery q(dd::app::storeDatabase(*upgraded).sql());
  REQUIRE(q.exec("SELECT registry_no, synthetic FROM volunteer ORDER BY registry_no"));
  QStringList marks;
  while (q.next()) marks << q.value(0).toString() + '=' + q.value(1).toString();
  CHECK(marks == QStringList{"SD00000001=1", "SD00000002=0", "SD00000003=0"});
}

TEST_CASE("upgrading to schema version 8 keeps every volunteer and adds an empty second emergency contact") {
  DD_FRESH_DATABASE(db);
  {
    auto old = db->open(store::OpenOptions{true, 7, true});
    REQUIRE(dd::app::storeDatabase(*old).schemaVersion() == 7);
    QSqlQuery q(dd::app::storeDatabase(*old).sql());
    REQUIRE(q.exec(QStringLiteral(
        "INSERT INTO volunteer (registry_no, name, sex, birth_date, id_number, status, emergency_name, "
        "emergency_relation, emergency_phone, address, created_at, updated_at) VALUES ('SD00000001', '李娜', 'F', "
        "'1990-01-02', '370102199001020027', 'active', '李强', '父亲', '13800000001', '济南市历下区', "
        "'2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')")));
  }
  auto upgraded = db->open();
  REQUIRE(dd::app::storeDatabase(*upgraded).schemaVersion() == store::latestSchemaVersion());
  auto kept = upgraded->volunteerByRegistryNo(QStringLiteral("SD00000001"));
  REQUIRE(kept);
  CHECK(kept->name == QStringLiteral("李娜"));
  CHECK(kept->emergency.name == QStringLiteral("李强"));
  CHECK(kept->emergency.phone == QStringLiteral("13800000001"));
  CHECK(kept->address == QStringLiteral("济南市历下区"));
  CHECK(kept->emergency2 == model::EmergencyContact{});
}

TEST_CASE("upgrading to schema version 11 keeps the statistics and counts them from the new indexes") {
  DD_FRESH_DATABASE(db);
  const QDate today(2026, 12, 4);
  model::RegistryStatistics before;
  {
    auto old = db->open(store::OpenOptions{true, 10, true});
    REQUIRE(dd::app::storeDatabase(*old).schemaVersion() == 10);
    app::GenerateOptions options;
    options.volunteers = 300;
    options.seed = 3;
    REQUIRE(app::generateSyntheticData(*old, options));
    // Volunteers without a prefecture or a consent date count as "" and by
    // the drive's year, as before.
    QSqlQuery q(dd::app::storeDatabase(*old).sql());
    REQUIRE(q.exec("UPDATE volunteer SET prefecture = NULL WHERE id % 7 = 0"));
    REQUIRE(q.exec("UPDATE volunteer SET prefecture = '' WHERE id % 11 = 0"));
    REQUIRE(q.exec("UPDATE volunteer SET consent_date = NULL WHERE id % 5 = 0"));
    auto counted = old->statistics(today);
    REQUIRE(counted);
    before = *counted;
  }
  auto upgraded = db->open();
  REQUIRE(dd::app::storeDatabase(*upgraded).schemaVersion() == 11);
  auto after = upgraded->statistics(today);
  REQUIRE(after);
  CHECK(after->volunteers == 300);
  CHECK(after->byStatus == before.byStatus);
  CHECK(after->byPrefecture == before.byPrefecture);
  CHECK(after->byYearJoined == before.byYearJoined);
  CHECK(after->byAgeBand == before.byAgeBand);
  CHECK(after->reachedLast12Months == before.reachedLast12Months);
  int notRecorded = 0;
  for (const auto& [prefecture, count] : after->byPrefecture) notRecorded += prefecture.isEmpty() ? 1 : 0;
  CHECK(notRecorded == 1);  // NULL and "" are one row
  if (db->isPostgres()) return;
  // SQLite answers each count from an index alone, never from the table.
  QSqlQuery plan(dd::app::storeDatabase(*upgraded).sql());
  for (const char* sql : {"SELECT status, COUNT(*), SUM(CASE WHEN last_contact_ok >= '2025-12-04' THEN 1 ELSE 0 END) "
                          "FROM volunteer GROUP BY status",
                          "SELECT prefecture, COUNT(*) FROM volunteer GROUP BY prefecture",
                          "SELECT birth_date, COUNT(*) FROM volunteer GROUP BY birth_date",
                          "SELECT consent_date, drive_date, COUNT(*) FROM volunteer GROUP BY consent_date, drive_date"}) {
    INFO(sql);
    REQUIRE(plan.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + QLatin1String(sql)));
    QString steps;
    while (plan.next()) steps += plan.value(3).toString() + QLatin1Char('\n');
    CHECK(steps.contains("USING COVERING INDEX"));
    CHECK_FALSE(steps.contains("TEMP B-TREE"));
  }
}

TEST_CASE("upgrading to schema version 11 indexes the donation date and keeps the donors") {
  DD_FRESH_DATABASE(db);
  const char* indexQuery = nullptr;
  {
    auto old = db->open(store::OpenOptions{true, 10, true});
    REQUIRE(dd::app::storeDatabase(*old).schemaVersion() == 10);
    indexQuery = dd::app::storeDatabase(*old).backend() == store::Backend::Postgres
                     ? "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = "
                       "'volunteer_donation'"
                     : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'volunteer_donation'";
    QSqlQuery q(dd::app::storeDatabase(*old).sql());
    REQUIRE(q.exec(indexQuery));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 0);
    REQUIRE(q.exec("INSERT INTO volunteer (registry_no, name, sex, birth_date, id_number, status, donation_date, "
                   "donation_count, created_at, updated_at) VALUES ('SD00000001', '张三', 'M', '1990-01-02', "
                   "'11010519900102001X', 'donated', '2024-05-06', 1, '2020-01-01T00:00:00Z', "
                   "'2020-01-01T00:00:00Z')"));
  }
  auto upgraded = db->open();
  REQUIRE(dd::app::storeDatabase(*upgraded).schemaVersion() == store::latestSchemaVersion());
  REQUIRE(store::latestSchemaVersion() >= 11);
  QSqlQuery q(dd::app::storeDatabase(*upgraded).sql());
  REQUIRE(q.exec(indexQuery));
  REQUIRE(q.next());
  CHECK(q.value(0).toInt() == 1);
  auto donor = upgraded->volunteerByRegistryNo("SD00000001");
  REQUIRE(donor);
  CHECK(donor->donationDate == QDate(2024, 5, 6));
}
