// The saved search index (app::IndexSnapshot through app::SearchSession):
// read back it searches exactly as a fresh build does, and it is never used
// when the registry, the HLA data or the file itself no longer agree with it
// (then the index is built from the database and the file written again).
#include <catch2/catch.hpp>

#include <cstring>

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>

#include "app/index_snapshot.h"
#include "app/registry.h"
#include "app/registry_store_access.h"
#include "app/search_session.h"
#include "store/database.h"
#include "support/process_runner.h"

using namespace dd;

namespace {

// Everything a result says, in one line per donor.
QStringList describe(const std::vector<match::SearchResult>& results) {
  QStringList lines;
  for (const auto& r : results) {
    QString slotTexts;
    for (const auto& locus : r.donorSlots)
      slotTexts += QString::fromStdString(locus[0] + "+" + locus[1]) + QLatin1Char('^');
    lines << QStringLiteral("%1 %2 #%3 key=%4 %5/%6/%7 definite=%8 available=%9 %10")
                 .arg(r.volunteerId)
                 .arg(QString::fromStdString(r.registryNo))
                 .arg(r.rank)
                 .arg(r.key)
                 .arg(r.matches[0])
                 .arg(r.matches[1])
                 .arg(r.matches[2])
                 .arg(r.definiteMatches)
                 .arg(r.available)
                 .arg(slotTexts);
  }
  return lines;
}

// The results of every patient of the registry, with unavailable donors and
// no minimum, so every donor and its factors show.
QStringList searchEveryPatient(app::SearchSession& session, app::Registry& registry) {
  auto patients = registry.listPatients({});
  REQUIRE(patients);
  REQUIRE_FALSE(patients->isEmpty());
  QStringList all;
  for (const auto& patient : *patients) {
    match::SearchOptions options;
    options.minMatches = 0;
    options.limit = 100000;
    options.includeUnavailable = true;
    auto results = session.service().searchForPatient(registry, patient.caseNo, options);
    REQUIRE(results);
    all << patient.caseNo << describe(*results);
  }
  return all;
}

struct GeneratedRegistry {
  QTemporaryDir dir;
  QString db = dir.filePath(QStringLiteral("snapshot.sqlite"));
  QString snapshot = dir.filePath(QStringLiteral("cache/index.ddindex"));
  std::shared_ptr<app::SearchSession> hla;  // loaded once: sessions share its nomenclature

  GeneratedRegistry() {
    REQUIRE(test::runCli({"--db", db, "init"}).exitCode == 0);
    REQUIRE(test::runCli({"--db", db, "generate", "--volunteers", "300", "--patients", "3", "--seed", "11"})
                .exitCode == 0);
    auto loaded = app::SearchSession::load({});
    REQUIRE(loaded);
    hla = *loaded;
  }
  std::unique_ptr<app::Registry> open() const {
    auto registry = app::Registry::open(db);
    REQUIRE(registry);
    return std::move(*registry);
  }
  // A session keeping its snapshot at `snapshot`, opened over registry.
  std::unique_ptr<app::SearchSession> session() const {
    auto session = std::make_unique<app::SearchSession>(
        std::shared_ptr<const hla::Nomenclature>(hla, &hla->nomenclature()));
    session->keepSnapshot(snapshot);
    return session;
  }
};

void changeSomeone(app::Registry& registry, qint64 id) {
  auto volunteer = registry.volunteer(id);
  REQUIRE(volunteer);
  volunteer->hla.loci[0].raw = QStringLiteral("A*01:01+A*03:01");
  volunteer->hla.loci[0].normalised.clear();
  REQUIRE(registry.updateVolunteer(*volunteer, app::Actor{QStringLiteral("another workstation")}).ok());
}

// Rewrites the file with `edit` applied to its bytes.
void editFile(const QString& path, const std::function<void(QByteArray&)>& edit) {
  QFile file(path);
  REQUIRE(file.open(QIODevice::ReadOnly));
  QByteArray bytes = file.readAll();
  file.close();
  edit(bytes);
  REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
  REQUIRE(file.write(bytes) == bytes.size());
}

// The byte offset of the row count in a snapshot: after the magic, format
// version, order mark and four length-prefixed texts and the day.
qsizetype rowCountOffset(const QByteArray& bytes) {
  qsizetype at = 16;
  for (int text = 0; text < 4; ++text) {
    quint32 length = 0;
    std::memcpy(&length, bytes.constData() + at, sizeof length);
    at += 4 + static_cast<qsizetype>(length);
  }
  return at + 4;
}

// The MD5 at the end made to fit the edited bytes again, as a file written
// wrongly (not damaged afterwards) would carry.
void reseal(QByteArray& bytes) {
  bytes.chop(16);
  bytes.append(QCryptographicHash::hash(bytes, QCryptographicHash::Md5));
}

void setRowCount(QByteArray& bytes, quint64 rows) {
  std::memcpy(bytes.data() + rowCountOffset(bytes), &rows, sizeof rows);
  reseal(bytes);
}

}  // namespace

TEST_CASE("a search index read from its snapshot finds exactly what a fresh build finds") {
  GeneratedRegistry r;
  auto registry = r.open();
  auto building = r.session();
  auto built = building->open(*registry);  // no file yet: built, then saved
  REQUIRE(built);
  CHECK_FALSE(built->fromSnapshot);
  CHECK(built->snapshotNote.contains(QLatin1String("snapshot.missing")));
  REQUIRE(QFileInfo::exists(r.snapshot));
  CHECK(built->stats.donors == 300);

  auto reading = r.session();
  auto loaded = reading->open(*r.open());
  REQUIRE(loaded);
  CHECK(loaded->fromSnapshot);
  CHECK(loaded->snapshotNote.isEmpty());
  CHECK(reading->service().size() == building->service().size());
  CHECK(loaded->stats.invalidTypings == built->stats.invalidTypings);
  CHECK(*reading->isCurrent(*registry));
  const QStringList fresh = searchEveryPatient(*building, *registry);
  CHECK(fresh.size() > 3 * 100);  // every donor of every patient, so the comparison means something
  CHECK(searchEveryPatient(*reading, *registry) == fresh);

  // Edits after loading go into the loaded index like into a built one.
  changeSomeone(*registry, 7);
  auto changed = registry->volunteer(7);
  REQUIRE(changed);
  building->service().upsert(*changed);
  reading->service().upsert(*changed);
  CHECK(searchEveryPatient(*reading, *registry) == searchEveryPatient(*building, *registry));
}

TEST_CASE(
    "a snapshot older than the registry is not used: the index is built again and the snapshot rewritten") {
  GeneratedRegistry r;
  auto registry = r.open();
  REQUIRE(r.session()->open(*registry));

  // Another workstation (another connection) edits a volunteer: the stamp moves.
  changeSomeone(*r.open(), 5);
  auto session = r.session();
  auto report = session->open(*registry);
  REQUIRE(report);
  CHECK_FALSE(report->fromSnapshot);
  CHECK(report->snapshotNote.contains(QLatin1String("snapshot.stamp")));
  // Rebuilt from the database: the edit is in it, and in the new snapshot.
  auto fresh = r.session();
  REQUIRE(fresh->build(*registry));
  auto reread = r.session();
  auto again = reread->open(*registry);
  REQUIRE(again);
  CHECK(again->fromSnapshot);
  CHECK(searchEveryPatient(*reread, *registry) == searchEveryPatient(*fresh, *registry));
  CHECK(searchEveryPatient(*session, *registry) == searchEveryPatient(*fresh, *registry));
}

TEST_CASE("a damaged, cut short or foreign-version snapshot is rebuilt and rewritten") {
  GeneratedRegistry r;
  auto registry = r.open();
  auto reference = r.session();
  REQUIRE(reference->open(*registry));
  const QStringList expected = searchEveryPatient(*reference, *registry);
  QFile file(r.snapshot);
  const qint64 size = QFileInfo(r.snapshot).size();
  REQUIRE(size > 1000);

  struct Damage {
    const char* name;
    const char* code;
    std::function<void(QByteArray&)> edit;
  };
  const std::vector<Damage> damages{
      {"one byte flipped in the middle", "snapshot.checksum",
       [](QByteArray& b) { b[b.size() / 2] = static_cast<char>(b[b.size() / 2] ^ 0x5A); }},
      {"one byte flipped in the checksum", "snapshot.checksum",
       [](QByteArray& b) { b[b.size() - 1] = static_cast<char>(b[b.size() - 1] ^ 1); }},
      {"cut to half", "snapshot.checksum", [](QByteArray& b) { b.truncate(b.size() / 2); }},
      {"cut inside the header", "snapshot.truncated", [](QByteArray& b) { b.truncate(12); }},
      {"empty", "snapshot.truncated", [](QByteArray& b) { b.clear(); }},
      {"another format version", "snapshot.version",
       [](QByteArray& b) { b[8] = static_cast<char>(b[8] + 1); }},
      {"not a snapshot at all", "snapshot.version", [](QByteArray& b) { b.replace(0, 7, "SQLite "); }},
      // Sealed with a fitting checksum, but claiming what it does not hold:
      // refused before anything is allocated for it.
      {"a row count of 2^40", "snapshot.content", [](QByteArray& b) { setRowCount(b, quint64(1) << 40); }},
      {"one row more than written", "snapshot.content", [](QByteArray& b) { setRowCount(b, 301); }},
      {"one row less than written", "snapshot.content", [](QByteArray& b) { setRowCount(b, 299); }},
  };
  for (const Damage& damage : damages) {
    INFO(damage.name);
    editFile(r.snapshot, damage.edit);
    auto session = r.session();
    auto report = session->open(*registry);
    REQUIRE(report);
    CHECK_FALSE(report->fromSnapshot);
    INFO(report->snapshotNote.toStdString());
    CHECK(report->snapshotNote.contains(QLatin1String(damage.code)));
    CHECK(searchEveryPatient(*session, *registry) == expected);
    // Rewritten whole: the next open reads it.
    CHECK(QFileInfo(r.snapshot).size() == size);
    auto next = r.session();
    auto reread = next->open(*registry);
    REQUIRE(reread);
    CHECK(reread->fromSnapshot);
  }
}

TEST_CASE("a snapshot is bound to its HLA data, its database and its day") {
  GeneratedRegistry r;
  auto registry = r.open();
  REQUIRE(r.session()->open(*registry));
  const QString stamp = *registry->volunteersChangeStamp();
  const QString database = QFileInfo(r.db).canonicalFilePath();
  const QString hla = app::IndexSnapshot::identity(r.hla->nomenclature(), {});
  const std::int32_t today =
      QDate::currentDate().year() * 10000 + QDate::currentDate().month() * 100 + QDate::currentDate().day();
  auto nomenclature = std::shared_ptr<const hla::Nomenclature>(r.hla, &r.hla->nomenclature());
  auto read = [&](app::SnapshotIdentity expected) {
    return app::IndexSnapshot::read(r.snapshot, expected, nomenclature);
  };

  CHECK(read({database, stamp, hla, today}));
  CHECK(read({database, stamp, hla, today + 1}));  // a later day: the caller re-reads ended deferrals
  CHECK(read({database, stamp, hla, today - 1}).error().code == "snapshot.day");
  CHECK(read({database + QStringLiteral("x"), stamp, hla, today}).error().code == "snapshot.database");
  CHECK(read({database, stamp + QStringLiteral("1"), hla, today}).error().code == "snapshot.stamp");
  CHECK(read({database, {}, hla, today}).error().code == "snapshot.stamp");
  CHECK(read({database, stamp, hla + QStringLiteral(" other"), today}).error().code == "snapshot.hla");
  CHECK(read({database, stamp, {}, today}).error().code == "snapshot.hla");
  CHECK(app::IndexSnapshot::read(r.dir.filePath(QStringLiteral("absent")), {database, stamp, hla, today},
                                 nomenclature)
            .error()
            .code == "snapshot.missing");

  // Another MAC table is other HLA data: the session built with it rebuilds.
  const QString mac = r.dir.filePath(QStringLiteral("mac.txt"));
  QFile macFile(mac);
  REQUIRE(macFile.open(QIODevice::WriteOnly));
  macFile.write("AB\t01/02\n");
  macFile.close();
  auto withMac = app::SearchSession::load({}, mac);
  REQUIRE(withMac);
  (*withMac)->keepSnapshot(r.snapshot);
  auto report = (*withMac)->open(*registry);
  REQUIRE(report);
  CHECK_FALSE(report->fromSnapshot);
  CHECK(report->snapshotNote.contains(QLatin1String("snapshot.hla")));
  // A session made on a nomenclature that has the table (as the GUI makes it)
  // and told the table's file trusts the snapshot written with that table;
  // not told, it never does.
  auto loadedWithMac = app::loadNomenclature({}, mac);
  REQUIRE(loadedWithMac);
  auto told = std::make_shared<app::SearchSession>(std::shared_ptr<const hla::Nomenclature>(*loadedWithMac));
  told->setMacTableFile(mac);
  told->keepSnapshot(r.snapshot);
  auto again = told->open(*registry);
  REQUIRE(again);
  CHECK(again->fromSnapshot);
  auto untold = std::make_shared<app::SearchSession>(std::shared_ptr<const hla::Nomenclature>(*loadedWithMac));
  untold->keepSnapshot(r.snapshot);
  auto refused = untold->open(*registry);
  REQUIRE(refused);
  CHECK_FALSE(refused->fromSnapshot);
  // ... and the session without it then finds the snapshot of the other data.
  auto plain = r.session();
  auto back = plain->open(*registry);
  REQUIRE(back);
  CHECK_FALSE(back->fromSnapshot);
  CHECK(back->snapshotNote.contains(QLatin1String("snapshot.hla")));
}

TEST_CASE("a snapshot of an earlier day makes the deferrals that ended since available") {
  GeneratedRegistry r;
  auto registry = r.open();
  const QDate today = QDate::currentDate();
  // Volunteer 9 deferred until tomorrow: unavailable in the index built today.
  {
    QSqlQuery q(app::storeDatabase(*registry).sql());
    REQUIRE(
        q.exec(QStringLiteral("UPDATE volunteer SET status = 'temporarily_deferred', status_until = '%1', "
                              "row_version = row_version + 1 WHERE id = 9")
                   .arg(today.addDays(1).toString(Qt::ISODate))));
  }
  auto session = r.session();
  REQUIRE(session->build(*registry));
  const auto row = [&](app::SearchSession& s) {
    match::SearchOptions options;
    options.minMatches = 0;
    options.limit = 100000;
    options.includeUnavailable = true;
    auto patients = registry->listPatients({});
    auto results = s.service().searchForPatient(*registry, patients->constFirst().caseNo, options);
    REQUIRE(results);
    for (const auto& result : *results)
      if (result.volunteerId == 9) return result.available;
    FAIL("volunteer 9 not found");
    return false;
  };
  CHECK_FALSE(row(*session));
  // Saved as of yesterday, and the deferral moved to today without touching
  // the stamp (as if the snapshot had been written yesterday, when its end
  // was still ahead): opening today makes volunteer 9 available.
  const QString stamp = *registry->volunteersChangeStamp();
  const app::SnapshotIdentity yesterday{
      QFileInfo(r.db).canonicalFilePath(), stamp, app::IndexSnapshot::identity(r.hla->nomenclature(), {}),
      today.addDays(-1).year() * 10000 + today.addDays(-1).month() * 100 + today.addDays(-1).day()};
  REQUIRE(session->service().writeSnapshot(r.snapshot, yesterday, 0));
  {
    QSqlQuery q(app::storeDatabase(*registry).sql());
    REQUIRE(q.exec(QStringLiteral("UPDATE volunteer SET status_until = '%1' WHERE id = 9")
                       .arg(today.toString(Qt::ISODate))));
  }
  REQUIRE(*registry->volunteersChangeStamp() == stamp);
  auto opened = r.session();
  auto report = opened->open(*registry);
  REQUIRE(report);
  CHECK(report->fromSnapshot);
  CHECK(row(*opened));
}
