// app::SearchService over a real SQLite registry written by `generate`: the
// index built from the database (two-thread pipeline) holds every volunteer,
// and follows edits (typing, status) and removals without a rebuild.
#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include "app/search_format.h"
#include "app/registry.h"
#include "app/registry_store_access.h"
#include "app/search_service.h"
#include "core/qt/app_paths.h"
#include "store/database.h"
#include "support/process_runner.h"

using namespace dd;

namespace {
const char* kPatient =
    "A*01:01+A*02:01^B*08:01+B*44:02^C*07:01+C*05:01^DRB1*03:01+DRB1*04:01^DQB1*02:01+DQB1*03:01^"
    "DPB1*04:01+DPB1*04:01";
}

TEST_CASE("the search service indexes the registry and follows edits") {
  QTemporaryDir dir;
  const QString db = dir.filePath(QStringLiteral("service.sqlite"));
  REQUIRE(test::runCli({"--db", db, "init"}).exitCode == 0);
  const auto generated = test::runCli({"--db", db, "generate", "--volunteers", "300", "--patients", "1", "--seed",
                                       "3"});
  REQUIRE(generated.exitCode == 0);
  auto registry = app::Registry::open(db);
  REQUIRE(registry);
  auto hla = hla::Nomenclature::load(qt::bundledHlaDataDir().toStdString());
  REQUIRE(hla);
  app::SearchService service(std::move(*hla));
  auto built = service.rebuild(**registry);
  REQUIRE(built);
  CHECK(built->stats.donors == 300);
  CHECK(service.size() == 300);

  auto loaded = hla::Nomenclature::load(qt::bundledHlaDataDir().toStdString());
  REQUIRE(loaded);
  auto patient = match::parseTyping(kPatient, **loaded);
  REQUIRE(patient);
  match::SearchOptions everyone;
  everyone.includeUnavailable = true;
  everyone.limit = 1000;
  auto before = service.search(*patient, everyone);
  REQUIRE(before);
  CHECK(before->size() == 300);

  // Give volunteer 17 the patient's typing: it must come first at once.
  auto volunteer = (*registry)->volunteer(17);
  REQUIRE(volunteer);
  const QStringList loci = QString::fromLatin1(kPatient).split(QLatin1Char('^'));
  for (int l = 0; l < 6; ++l) volunteer->hla.loci[static_cast<std::size_t>(l)].raw = loci[l];
  volunteer->status = model::VolunteerStatus::Active;
  volunteer->birthDate = QDate(2006, 1, 1);
  volunteer->sex = model::Sex::Male;
  CHECK(service.upsert(*volunteer).empty());
  auto after = service.search(*patient, match::SearchOptions{});
  REQUIRE(after);
  REQUIRE_FALSE(after->empty());
  CHECK(after->front().volunteerId == 17);
  CHECK(after->front().registryNo == volunteer->registryNo.toStdString());
  CHECK(after->front().definite);
  CHECK(after->front().matches[0] == 10);
  CHECK(service.size() == 300);

  // A deferral whose end lies ahead makes the volunteer unavailable; once it has passed, available again.
  volunteer->status = model::VolunteerStatus::TemporarilyDeferred;
  volunteer->statusUntil = QDate(2030, 1, 1);
  service.upsert(*volunteer, QDate(2029, 12, 31));
  after = service.search(*patient, match::SearchOptions{});
  REQUIRE(after);
  CHECK((after->empty() || after->front().volunteerId != 17));
  service.upsert(*volunteer, QDate(2030, 1, 1));
  after = service.search(*patient, match::SearchOptions{});
  REQUIRE(after);
  CHECK(after->front().volunteerId == 17);

  CHECK(service.remove(17));
  after = service.search(*patient, everyone);
  REQUIRE(after);
  CHECK(after->size() == 299);
  for (const auto& r : *after) CHECK(r.volunteerId != 17);
}

TEST_CASE("search results export to CSV atomically and a bad path is reported by name") {
  QTemporaryDir dir;
  const QString good = dir.filePath("results.csv");
  REQUIRE(dd::app::writeSearchCsv(good, {}, 10));
  QFile written(good);
  REQUIRE(written.open(QIODevice::ReadOnly));
  CHECK(written.readLine().startsWith("rank,registry_no,volunteer_id,matches_10"));
  const QString bad = dir.filePath("no-such-folder/results.csv");
  const dd::Status failed = dd::app::writeSearchCsv(bad, {}, 10);
  REQUIRE_FALSE(failed);
  CHECK(failed.error().code == "export.write");
  CHECK(QString::fromStdString(failed.error().english()).contains(bad));
  CHECK_FALSE(QFile::exists(bad));
}

TEST_CASE("an oversized typing already stored (written before the limits) cannot slow the index or searches") {
  QTemporaryDir dir;
  const QString db = dir.filePath(QStringLiteral("big-cell.sqlite"));
  REQUIRE(test::runCli({"--db", db, "init"}).exitCode == 0);
  REQUIRE(test::runCli({"--db", db, "generate", "--volunteers", "50", "--seed", "5"}).exitCode == 0);
  auto registry = app::Registry::open(db);
  REQUIRE(registry);
  QString huge = QStringLiteral("A*02:01");
  while (huge.size() < 500 * 1024) huge += QStringLiteral("/A*02:01");
  QSqlQuery q(dd::app::storeDatabase(**registry).sql());
  q.prepare(QStringLiteral("UPDATE volunteer SET hla_a_raw = ? WHERE id = 7"));
  q.addBindValue(huge);
  REQUIRE(q.exec());
  auto hla = hla::Nomenclature::load(qt::bundledHlaDataDir().toStdString());
  REQUIRE(hla);
  app::SearchService service(std::move(*hla));
  QElapsedTimer timer;
  timer.start();
  auto built = service.rebuild(**registry);
  REQUIRE(built);
  CHECK(timer.elapsed() < 3000);
  REQUIRE_FALSE(built->firstErrors.empty());
  CHECK(built->firstErrors.front().code == "match.typing_too_long");
  auto loaded = hla::Nomenclature::load(qt::bundledHlaDataDir().toStdString());
  REQUIRE(loaded);
  auto patient = match::parseTyping(kPatient, **loaded);
  REQUIRE(patient);
  timer.restart();
  CHECK(service.search(*patient, match::SearchOptions{}));
  CHECK(timer.elapsed() < 1000);
}
