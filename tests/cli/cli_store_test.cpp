// The store commands of donordesk-cli, run as the real program: init,
// generate, import volunteers (report, dry run, exit codes), backup, and a
// killed import leaving the database as it was.
#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include "app/registry.h"
#include "app/registry_store_access.h"
#include "app/volunteer_validation.h"
#include "core/qt/localization.h"
#include "store/migrations.h"
#include "support/registry_fixture.h"
#include "support/process_runner.h"
#include "support/qt_string_maker.h"

using namespace dd;
using test::runCli;

namespace {
// The volunteers in the registry at db, counted through a connection of its
// own (what the CLI left behind, not what a connection still holds).
int volunteersIn(const QString& db) {
  auto registry = app::Registry::open(db);
  REQUIRE(registry);
  auto count = (*registry)->countVolunteers({});
  REQUIRE(count);
  return *count;
}

QString importCsv(const QString& dir, int rows, int badEvery = 0) {
  QString text = QStringLiteral("name,sex,birth_date,id_number,phone,consent_date,consent_version\n");
  for (int i = 1; i <= rows; ++i) {
    const model::Volunteer v = test::sampleVolunteer(i);
    const QString abo = badEvery && i % badEvery == 0 ? QStringLiteral("1380") : v.phones.at(0).number;
    text += QStringList{v.name, "F", v.birthDate.toString(Qt::ISODate), v.idNumber, abo,
                        v.consentDate.toString(Qt::ISODate), "v1"}
                .join(',') +
            '\n';
  }
  return test::writeFile(dir, QStringLiteral("drive-%1-%2.csv").arg(rows).arg(badEvery), text.toUtf8());
}
}  // namespace

TEST_CASE("cli: init creates the database and reports its schema version") {
  QTemporaryDir dir;
  const QString db = dir.filePath("new/registry.sqlite");
  auto result = runCli({"--db", db, "init"});
  CHECK(result.exitCode == 0);
  CHECK(result.out.contains(QStringLiteral("schema version %1").arg(store::latestSchemaVersion())));
  CHECK(QFile::exists(db));
  auto bad = runCli({"--db", db, "init", "extra"});
  CHECK(bad.exitCode == 2);
}

TEST_CASE("cli: generate fills a registry with valid, reproducible synthetic volunteers") {
  QTemporaryDir dir;
  const QString a = dir.filePath("a.sqlite"), b = dir.filePath("b.sqlite");
  REQUIRE(runCli({"--db", a, "init"}).exitCode == 0);
  REQUIRE(runCli({"--db", b, "init"}).exitCode == 0);
  auto result = runCli({"--db", a, "generate", "--volunteers", "300", "--patients", "5", "--seed", "7"});
  REQUIRE(result.exitCode == 0);
  CHECK(result.out.contains("generated 300 volunteers"));
  REQUIRE(runCli({"--db", b, "generate", "--volunteers", "300", "--patients", "5", "--seed", "7"}).exitCode == 0);
  auto ra = app::Registry::open(a);
  auto rb = app::Registry::open(b);
  REQUIRE(ra);
  REQUIRE(rb);
  CHECK(*(*ra)->countVolunteers({}) == 300);
  auto patients = (*ra)->listPatients({});
  REQUIRE(patients);
  CHECK(patients->size() == 5);
  std::vector<model::DonorRecord> donorsA, donorsB;
  REQUIRE((*ra)->forEachDonor([&](const model::DonorRecord& r) { donorsA.push_back(r); return true; }));
  REQUIRE((*rb)->forEachDonor([&](const model::DonorRecord& r) { donorsB.push_back(r); return true; }));
  REQUIRE(donorsA.size() == donorsB.size());
  for (std::size_t i = 0; i < donorsA.size(); ++i) {
    REQUIRE(donorsA[i].registryNo == donorsB[i].registryNo);
    REQUIRE(donorsA[i].hla == donorsB[i].hla);
    REQUIRE(donorsA[i].birthDate == donorsB[i].birthDate);
  }
  // Every generated volunteer passes the registry's own rules (as an existing record).
  int statuses[model::kVolunteerStatusCount] = {};
  int withContact = 0;
  const app::HlaChecker checker = app::defaultHlaChecker();
  for (const auto& donor : donorsA) {
    auto v = (*ra)->volunteer(donor.id);
    REQUIRE(v);
    app::ValidationContext context;
    context.mode = app::ValidationMode::Update;
    context.hla = checker;  // the real HLA engine: every sampled typing is valid
    auto errors = app::validateVolunteer(*v, context);
    INFO(v->registryNo.toStdString() << " " << (errors.empty() ? "" : errors[0].english()));
    REQUIRE(errors.empty());
    REQUIRE(donor.hla[0].find('A') == 0);
    REQUIRE(donor.hla[3].find("DR") == 0);
    REQUIRE(donor.hla[0].find('+') != std::string::npos);
    ++statuses[static_cast<int>(donor.status)];
    if (donor.lastContactOk) ++withContact;
  }
  CHECK(statuses[static_cast<int>(model::VolunteerStatus::Active)] > 200);
  CHECK(statuses[static_cast<int>(model::VolunteerStatus::Active)] < 300);
  CHECK(withContact > 50);
  auto bad = runCli({"--db", a, "generate", "--volunteers", "many"});
  CHECK(bad.exitCode == 2);
  CHECK(bad.err.contains("--volunteers"));
  auto badFile = runCli({"--db", a, "generate", "--volunteers", "3", "--haplotypes", dir.filePath("none.gz")});
  CHECK(badFile.exitCode == 1);
  CHECK(*(*ra)->countVolunteers({}) == 300);
}

TEST_CASE("cli: import volunteers reports every bad row and exits 2, --dry-run and --skip-invalid") {
  QTemporaryDir dir;
  const QString db = dir.filePath("r.sqlite");
  const QString bad = importCsv(dir.path(), 40, 10);
  REQUIRE(runCli({"--db", db, "init"}).exitCode == 0);
  auto refused = runCli({"--db", db, "import", "volunteers", bad});
  CHECK(refused.exitCode == 2);
  const QStringList lines = refused.out.trimmed().split('\n');
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "row 11, phone: Phone number '1380' is not a mainland mobile number (11 digits starting with 1) "
                    "or a landline with area code.");
  CHECK(lines[3].startsWith("row 41, phone: "));
  CHECK(refused.err.contains("nothing imported"));

  auto dry = runCli({"--db", db, "import", "volunteers", "--dry-run", importCsv(dir.path(), 20)});
  CHECK(dry.exitCode == 0);
  CHECK(dry.err.contains("20 rows checked"));
  CHECK(volunteersIn(db) == 0);

  const QString rejects = dir.filePath("rejects.csv");
  auto partial = runCli({"--db", db, "import", "volunteers", "--skip-invalid", "--rejects", rejects, bad});
  CHECK(partial.exitCode == 0);
  CHECK(partial.err.contains("imported 36 of 40 rows"));
  CHECK(QFile::exists(rejects));
  CHECK(volunteersIn(db) == 36);
  auto missing = runCli({"--db", db, "import", "volunteers"});
  CHECK(missing.exitCode == 2);
}

TEST_CASE("cli: import accepts MAC codes in donor typings with --mac, and refuses them without") {
  QTemporaryDir dir;
  const QString db = dir.filePath("r.sqlite");
  REQUIRE(runCli({"--db", db, "init"}).exitCode == 0);
  const model::Volunteer v = test::sampleVolunteer(1);
  const QString header = "name,sex,birth_date,id_number,phone,consent_date,consent_version,hla_a,hla_b,hla_drb1\n";
  const QString row = QStringList{v.name, "F", v.birthDate.toString(Qt::ISODate), v.idNumber, v.phones.at(0).number,
                                  v.consentDate.toString(Qt::ISODate), "v1", "A*02:AB+A*01:01", "B*08:01+B*44:02",
                                  "DRB1*03:01+DRB1*15:01"}
                          .join(',');
  const QString csv = test::writeFile(dir.path(), "mac.csv", (header + row + '\n').toUtf8());
  const QString macTable = QStringLiteral(DONORDESK_TEST_DATA_DIR "/hla/mac_small.txt");
  auto refused = runCli({"--db", db, "import", "volunteers", csv});
  CHECK(refused.exitCode == 2);
  CHECK(refused.out.contains("row 2, hla_a"));  // names the row and the field
  CHECK(refused.out.contains("A*02:AB"));
  CHECK(volunteersIn(db) == 0);
  auto badTable = runCli({"--db", db, "import", "volunteers", "--mac", dir.filePath("missing.txt"), csv});
  CHECK(badTable.exitCode == 2);
  CHECK(badTable.err.contains("nothing imported"));
  auto accepted = runCli({"--db", db, "import", "volunteers", "--mac", macTable, csv});
  INFO(accepted.out.toStdString() << accepted.err.toStdString());
  CHECK(accepted.exitCode == 0);
  CHECK(volunteersIn(db) == 1);
  // The code is searchable with the same table: A*02:01 is one of A*02:AB's alleles.
  auto found = runCli({"--db", db, "search", "--mac", macTable, "--format", "json", "--typing",
                       "A*02:01+A*01:01^B*08:01+B*44:02^DRB1*03:01+DRB1*15:01"});
  CHECK(found.exitCode == 0);
  const bool gradedAsPotential = found.out.contains("\"A\":[\"potential\",\"allele\"]") ||
                                 found.out.contains("\"A\":[\"allele\",\"potential\"]");
  CHECK(gradedAsPotential);
}

TEST_CASE("cli: import refuses to run when the HLA nomenclature cannot be loaded") {
  // It used to fall back to a syntax check and store A*99:99, B*07:02 and DR15 in HLA-A.
  QTemporaryDir dir;
  const QString db = dir.filePath("r.sqlite");
  REQUIRE(runCli({"--db", db, "init"}).exitCode == 0);
  QString text = QStringLiteral("name,sex,birth_date,id_number,phone,consent_date,consent_version,hla_a\n");
  const model::Volunteer v = test::sampleVolunteer(1);
  text += QStringList{v.name, "F", v.birthDate.toString(Qt::ISODate), v.idNumber, v.phones.at(0).number,
                      v.consentDate.toString(Qt::ISODate), "v1", "B*07:02"}.join(',') + '\n';
  const QString csv = test::writeFile(dir.path(), "hla.csv", text.toUtf8());
  for (const QString& folder : {dir.filePath("nonexistent"), dir.path()}) {  // missing, and not a release
    auto refused = runCli({"--db", db, "--hla-data", folder, "import", "volunteers", csv});
    INFO(refused.err.toStdString());
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains("HLA typings cannot be checked, nothing imported"));
  }
  CHECK(volunteersIn(db) == 0);
}

TEST_CASE("without the nomenclature every typing is refused, never stored unchecked") {
  const app::HlaChecker checker = app::defaultHlaChecker(QStringLiteral("/nonexistent/hla"));
  for (const char* typing : {"A*02:01", "A*99:99", "B*07:02", "DR15"}) {
    const app::TypingCheck check = checker(model::Locus::A, QString::fromLatin1(typing));
    INFO(typing);
    REQUIRE(check.error.has_value());
    CHECK(check.error->code == "validation.hla_unavailable");
    CHECK(check.error->field == "hla_a");
    CHECK(check.normalised.isEmpty());
    CHECK(qt::translated(*check.error).contains("cannot be checked"));
  }
  // Registration without typing does not need the nomenclature; with typing it is refused.
  QTemporaryDir dir;
  auto registry = app::Registry::open(dir.filePath("r.sqlite"));
  REQUIRE(registry);
  (*registry)->setHlaChecker(checker);
  model::Volunteer typed = test::sampleVolunteer(2);
  typed.hla.at(model::Locus::A).raw = QStringLiteral("A*02:01");
  auto refused = (*registry)->registerVolunteer(typed, test::staff());
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.errors.at(0).code == "validation.hla_unavailable");
  CHECK((*registry)->registerVolunteer(test::sampleVolunteer(3), test::staff()).ok());
}

TEST_CASE("cli: backup copies the SQLite registry") {
  QTemporaryDir dir;
  const QString db = dir.filePath("r.sqlite");
  REQUIRE(runCli({"--db", db, "init"}).exitCode == 0);
  REQUIRE(runCli({"--db", db, "generate", "--volunteers", "20"}).exitCode == 0);
  const QString copy = dir.filePath("copy.sqlite");
  auto result = runCli({"--db", db, "backup", copy});
  CHECK(result.exitCode == 0);
  auto info = runCli({"--db", copy, "db", "info"});
  CHECK(info.exitCode == 0);
  CHECK(info.out.contains("volunteer: 20"));
  CHECK(runCli({"--db", db, "backup", copy}).exitCode == 1);  // never overwrites
}

TEST_CASE("cli: an import killed in the middle of writing leaves the database unchanged") {
  QTemporaryDir dir;
  const QString db = dir.filePath("r.sqlite");
  REQUIRE(runCli({"--db", db, "init"}).exitCode == 0);
  {  // ten volunteers already there, none of them among the file's
    auto registry = app::Registry::open(db);
    REQUIRE(registry);
    for (int n = 40001; n <= 40010; ++n) REQUIRE((*registry)->registerVolunteer(test::sampleVolunteer(n), test::staff()).ok());
  }
  const QString csv = importCsv(dir.path(), 30000);
  QProcess process;
  process.setProgram(test::cliPath());
  process.setArguments({"--db", db, "import", "volunteers", csv});
  process.start();
  REQUIRE(process.waitForStarted());
  // Progress lines "N/30000 rows" on stderr: kill once writing has begun.
  QByteArray err;
  QElapsedTimer timer;
  timer.start();
  bool writing = false;
  while (timer.elapsed() < 60000 && process.state() == QProcess::Running) {
    process.waitForReadyRead(50);
    err += process.readAllStandardError();
    if (err.contains("written 2000/30000 rows")) {
      writing = true;
      break;
    }
  }
  REQUIRE(writing);
  process.kill();
  process.waitForFinished();
  auto registry = app::Registry::open(db);
  REQUIRE(registry);
  CHECK(*(*registry)->countVolunteers({}) == 10);
  auto batches = (*registry)->importBatches();
  REQUIRE(batches);
  CHECK(batches->empty());  // the killed import recorded none
  QSqlQuery q(dd::app::storeDatabase(**registry).sql());
  REQUIRE(q.exec("PRAGMA integrity_check"));
  REQUIRE(q.next());
  CHECK(q.value(0).toString() == "ok");
}

TEST_CASE("cli: only init creates a registry, a mistyped --db path is refused and stays absent") {
  QTemporaryDir dir;
  const QString typo = dir.filePath("regsitry.sqlite");
  for (const QStringList& command : {QStringList{"db", "info"}, QStringList{"import", "volunteers", importCsv(dir.path(), 2)},
                                     QStringList{"generate", "--volunteers", "2"}, QStringList{"retire-aged"},
                                     QStringList{"backup", dir.filePath("b.sqlite")}}) {
    INFO(command.join(' ').toStdString());
    auto result = runCli(QStringList{"--db", typo} + command);
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains("does not exist"));
    CHECK_FALSE(QFile::exists(typo));
  }
}

TEST_CASE("cli: db info and backup only read: an older registry is reported as it is, not upgraded") {
  QTemporaryDir dir;
  const QString db = dir.filePath("old.sqlite");
  {
    store::OpenOptions old;
    old.targetVersion = 1;
    REQUIRE(dd::test::openWithOptions(db, old));
  }
  auto info = runCli({"--db", db, "db", "info"});
  CHECK(info.exitCode == 0);
  CHECK(info.out.contains(QStringLiteral("schema version: 1 (this program: %1)").arg(store::latestSchemaVersion())));
  REQUIRE(runCli({"--db", db, "backup", dir.filePath("copy.sqlite")}).exitCode == 0);
  auto again = runCli({"--db", db, "db", "info"});
  CHECK(again.out.contains("schema version: 1 "));
}

TEST_CASE("cli: a backup that fails leaves nothing at its name, and a retry works") {
  QTemporaryDir dir;
  const QString db = dir.filePath("r.sqlite");
  REQUIRE(runCli({"--db", db, "init"}).exitCode == 0);
  REQUIRE(runCli({"--db", db, "generate", "--volunteers", "5"}).exitCode == 0);
  // A folder that cannot be made: its parent is a file.
  QFile blocker(dir.filePath("plain-file"));
  REQUIRE(blocker.open(QIODevice::WriteOnly));
  blocker.close();
  const QString impossible = dir.filePath("plain-file/backup.sqlite");
  auto failed = runCli({"--db", db, "backup", impossible});
  CHECK(failed.exitCode == 1);
  CHECK(failed.err.contains("was not written"));
  CHECK_FALSE(QFile::exists(impossible));
  auto unnamed = runCli({"--db", db, "backup", ""});
  CHECK(unnamed.exitCode == 2);
  CHECK(unnamed.err.contains("the backup file name is empty"));
  const QString good = dir.filePath("backup.sqlite");
  REQUIRE(runCli({"--db", db, "backup", good}).exitCode == 0);
  CHECK(QDir(dir.path()).entryList({"*.partial-*"}).isEmpty());
  auto info = runCli({"--db", good, "db", "info"});
  CHECK(info.out.contains("volunteer: 5"));
}

namespace {
// Overwrites pages in the middle of a closed SQLite file, as a failing disk does.
void damageMiddlePages(const QString& path) {
  QFile file(path);
  REQUIRE(file.open(QIODevice::ReadWrite));
  const qint64 pages = file.size() / 4096;
  REQUIRE(pages > 8);
  REQUIRE(file.seek((pages / 2) * 4096));
  file.write(QByteArray(3 * 4096, '\x5A'));
}
}  // namespace

TEST_CASE("cli: a remembered integrity check does not hide damage done after it, even with the file's time put back") {
  QTemporaryDir dir;
  const QString db = dir.filePath("r.sqlite");
  REQUIRE(runCli({"--db", db, "init"}).exitCode == 0);
  REQUIRE(runCli({"--db", db, "generate", "--volunteers", "300"}).exitCode == 0);
  // The check passed at the first open is remembered: the next commands
  // find the file as generate left it.
  CHECK(runCli({"--db", db, "db", "info"}).out.contains("quick check: ok"));
  CHECK(runCli({"--db", db, "retention", "rules", "--attempts", "4"}).exitCode == 0);  // a write in between
  const QDateTime modified = QFileInfo(db).lastModified();
  damageMiddlePages(db);
  {
    QFile file(db);
    REQUIRE(file.open(QIODevice::ReadWrite));
    REQUIRE(file.setFileTime(modified, QFileDevice::FileModificationTime));
  }
  auto import = runCli({"--db", db, "import", "volunteers", importCsv(dir.path(), 3)});
  CHECK(import.exitCode == 1);
  CHECK(import.err.contains("is damaged"));
  CHECK(runCli({"--db", db, "db", "info"}).out.contains("quick check: DAMAGED"));
  CHECK(runCli({"--db", db, "db", "check"}).exitCode == 1);
}

TEST_CASE("cli: a damaged registry is noticed at open, refuses writes, and db check names the problems") {
  QTemporaryDir dir;
  const QString db = dir.filePath("r.sqlite");
  REQUIRE(runCli({"--db", db, "init"}).exitCode == 0);
  REQUIRE(runCli({"--db", db, "generate", "--volunteers", "300"}).exitCode == 0);
  auto healthy = runCli({"--db", db, "db", "check"});
  CHECK(healthy.exitCode == 0);
  CHECK(healthy.out.contains("integrity: ok"));
  CHECK(healthy.out.contains("references: ok"));

  damageMiddlePages(db);
  const QByteArray before = [&] {
    QFile f(db);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
  }();
  auto import = runCli({"--db", db, "import", "volunteers", importCsv(dir.path(), 3)});
  CHECK(import.exitCode == 1);
  CHECK(import.err.contains("is damaged"));
  QFile after(db);
  REQUIRE(after.open(QIODevice::ReadOnly));
  CHECK(after.readAll() == before);  // not one byte written
  auto info = runCli({"--db", db, "db", "info"});
  CHECK(info.out.contains("quick check: DAMAGED"));
  auto check = runCli({"--db", db, "db", "check"});
  CHECK(check.exitCode == 1);
  CHECK_FALSE(check.out.contains("integrity: ok"));
}

TEST_CASE("cli: a file that is not a registry is named as such, not with the driver's words") {
  QTemporaryDir dir;
  const QString notDb = dir.filePath("notes.sqlite");
  QFile file(notDb);
  REQUIRE(file.open(QIODevice::WriteOnly));
  file.write(QByteArray(8192, 'x'));
  file.close();
  for (const QStringList& command : {QStringList{"db", "info"}, QStringList{"init"}}) {
    auto result = runCli(QStringList{"--db", notDb} + command);
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains("not a DonorDesk registry"));
    CHECK_FALSE(result.err.contains("Unable to"));
  }
}

TEST_CASE("cli: generate marks what it writes as synthetic and refuses a registry with real volunteers") {
  QTemporaryDir dir;
  const QString demo = dir.filePath("demo.sqlite"), real = dir.filePath("real.sqlite");
  for (const QString& db : {demo, real}) REQUIRE(runCli({"--db", db, "init"}).exitCode == 0);
  REQUIRE(runCli({"--db", demo, "generate", "--volunteers", "30", "--patients", "3"}).exitCode == 0);
  // A demo registry can be topped up: it holds synthetic volunteers only.
  REQUIRE(runCli({"--db", demo, "generate", "--volunteers", "5", "--seed", "2"}).exitCode == 0);
  {
    auto registry = app::Registry::open(demo);
    REQUIRE(registry);
    QSqlQuery q(dd::app::storeDatabase(**registry).sql());
    REQUIRE(q.exec("SELECT COUNT(*), SUM(synthetic) FROM volunteer"));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 35);
    CHECK(q.value(1).toInt() == 35);
    REQUIRE(q.exec("SELECT COUNT(*), SUM(synthetic) FROM patient"));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 3);
    CHECK(q.value(1).toInt() == 3);
  }
  REQUIRE(runCli({"--db", real, "import", "volunteers", importCsv(dir.path(), 2)}).exitCode == 0);
  auto refused = runCli({"--db", real, "generate", "--volunteers", "50"});
  CHECK(refused.exitCode == 1);
  CHECK(refused.err.contains("2 real (not generated) volunteers"));
  CHECK(volunteersIn(real) == 2);
}

TEST_CASE("cli: a second writer waits for the first, says that it waits, and then does its work") {
  QTemporaryDir dir;
  const QString db = dir.filePath("r.sqlite");
  REQUIRE(runCli({"--db", db, "init"}).exitCode == 0);
  {  // one volunteer due for retirement, with a consistent ID number
    auto registry = app::Registry::open(db);
    REQUIRE(registry);
    auto saved = (*registry)->registerVolunteer(test::sampleVolunteer(900), test::staff());
    REQUIRE(saved.ok());
    const QDate birth = QDate::currentDate().addYears(-61);
    QSqlQuery q(dd::app::storeDatabase(**registry).sql());
    REQUIRE(q.exec(QStringLiteral("UPDATE volunteer SET birth_date = '%1', id_number = '%2' WHERE id = %3")
                       .arg(birth.toString(Qt::ISODate), test::validIdNumber(birth, model::Sex::Female, 9))
                       .arg(saved.value->id)));
  }
  const QString csv = importCsv(dir.path(), 30000);
  QProcess import;
  import.setProgram(test::cliPath());
  import.setArguments({"--db", db, "import", "volunteers", csv});
  import.start();
  REQUIRE(import.waitForStarted());
  QByteArray err;
  QElapsedTimer timer;
  timer.start();
  while (timer.elapsed() < 60000 && import.state() == QProcess::Running && !err.contains("written 1000/30000")) {
    import.waitForReadyRead(50);
    err += import.readAllStandardError();
  }
  REQUIRE(err.contains("written 1000/30000"));
  auto retire = runCli({"--db", db, "retire-aged"});  // while the import holds the write lock
  REQUIRE(import.waitForFinished(120000));
  CHECK(import.exitCode() == 0);
  CHECK(retire.exitCode == 0);
  CHECK(retire.err.contains("waiting for the database"));
  CHECK_FALSE(retire.err.contains("locked"));
  CHECK(retire.out.contains("1 volunteers retired"));
}

TEST_CASE("cli: commands other than init never lay a schema into someone else's SQLite file, and a dry run writes nothing") {
  QTemporaryDir dir;
  const QString foreign = dir.filePath("other-program.sqlite");
  {
    QSqlDatabase other = QSqlDatabase::addDatabase("QSQLITE", "foreign-db");
    other.setDatabaseName(foreign);
    REQUIRE(other.open());
    QSqlQuery q(other);
    REQUIRE(q.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"));
    other.close();
  }
  QSqlDatabase::removeDatabase("foreign-db");
  const QString empty = dir.filePath("empty.sqlite");
  QFile(empty).open(QIODevice::WriteOnly);
  const QString csv = importCsv(dir.path(), 2);
  for (const QString& db : {foreign, empty})
    for (const QStringList& command : {QStringList{"import", "volunteers", csv}, QStringList{"retire-aged"},
                                       QStringList{"db", "info"}, QStringList{"search", "--typing", "A*02:01"}}) {
      INFO((db + ' ' + command.join(' ')).toStdString());
      auto result = runCli(QStringList{"--db", db} + command);
      CHECK(result.exitCode != 0);
      CHECK(result.err.contains("holds no DonorDesk registry"));
    }
  CHECK(QFileInfo(empty).size() == 0);
  auto folder = runCli({"--db", dir.path(), "db", "info"});
  CHECK(folder.exitCode == 1);
  CHECK(folder.err.contains("is a folder"));
  // A dry run against an older registry neither upgrades it nor writes.
  const QString old = dir.filePath("old.sqlite");
  {
    store::OpenOptions v5;
    v5.targetVersion = 5;
    REQUIRE(dd::test::openWithOptions(old, v5));
  }
  auto dry = runCli({"--db", old, "import", "volunteers", "--dry-run", csv});
  CHECK(dry.exitCode == 1);
  CHECK(dry.err.contains("upgrade it first with donordesk-cli init"));
  CHECK(runCli({"--db", old, "db", "info"}).out.contains("schema version: 5 "));
  auto staff = runCli({"--db", old, "retire-aged", "--staff", QStringLiteral("a\x1b[2Jb")});
  CHECK(staff.exitCode == 2);
}

TEST_CASE("cli: a registry on read-only media is read as it is: db info, search and backup work") {
  QTemporaryDir dir;
  const QString source = dir.filePath("media");
  const QString mounted = dir.filePath("readonly");
  QDir().mkpath(source);
  QDir().mkpath(mounted);
  const QString db = source + "/r.sqlite";
  REQUIRE(runCli({"--db", db, "init"}).exitCode == 0);
  REQUIRE(runCli({"--db", db, "generate", "--volunteers", "30"}).exitCode == 0);
  // A read-only bind mount stands in for a backup disc or a read-only share.
  if (QProcess::execute("mount", {"--bind", source, mounted}) != 0 ||
      QProcess::execute("mount", {"-o", "remount,ro,bind", mounted}) != 0) {
    QProcess::execute("umount", {mounted});
    WARN("mount is not permitted here: the read-only media case was not exercised");
    return;
  }
  struct Unmount {
    QString path;
    ~Unmount() { QProcess::execute("umount", {path}); }
  } unmount{mounted};
  REQUIRE_FALSE(QFileInfo(mounted).isWritable());
  const QString ro = mounted + "/r.sqlite";
  auto info = runCli({"--db", ro, "db", "info"});
  CHECK(info.exitCode == 0);
  CHECK(info.out.contains("volunteer: 30"));
  auto search = runCli({"--db", ro, "search", "--typing", "A*02:01+A*11:01^B*46:01+B*40:01^DRB1*09:01+DRB1*15:01",
                        "--include-unavailable", "--format", "csv"});
  CHECK(search.exitCode == 0);
  CHECK(search.out.startsWith("rank,registry_no"));
  REQUIRE(runCli({"--db", ro, "backup", dir.filePath("copy.sqlite")}).exitCode == 0);
  CHECK(runCli({"--db", dir.filePath("copy.sqlite"), "db", "check"}).exitCode == 0);
  auto write = runCli({"--db", ro, "retire-aged"});
  CHECK(write.exitCode == 1);
  CHECK_FALSE(write.err.contains("Unable to"));
}

TEST_CASE("cli: only init lays out a new registry, on PostgreSQL as on SQLite") {
  DD_FRESH_DATABASE(db);
  auto before = runCli({"--db", db->url(), "db", "info"});
  CHECK(before.exitCode == 1);
  CHECK((before.err.contains("holds no DonorDesk registry") || before.err.contains("does not exist")));
  auto import = runCli({"--db", db->url(), "retire-aged"});
  CHECK(import.exitCode == 1);
  REQUIRE(runCli({"--db", db->url(), "init"}).exitCode == 0);
  auto after = runCli({"--db", db->url(), "db", "info"});
  CHECK(after.exitCode == 0);
  CHECK(after.out.contains("volunteer: 0"));
}
