// The IPD-IMGT/HLA release folder is checked before it is used (issue 13):
// a file cut short, emptied or swapped changes reductions silently, so
// every file the engine reads must match the release's own md5checksum.txt
// or pass its header and size check, unless the user says to go ahead.
#include <catch2/catch.hpp>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>

#include "app/hla_check.h"
#include "app/hla_release_check.h"
#include "core/qt/app_paths.h"
#include "core/qt/localization.h"
#include "hla/nomenclature.h"
#include "support/process_runner.h"
#include "support/qt_string_maker.h"

using namespace dd;

namespace {

// A writable copy of the bundled release (the shipped files are never edited).
QString copyOfRelease(const QTemporaryDir& dir) {
  const QString from = qt::bundledHlaDataDir();
  QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString file = it.next();
    const QString target = dir.path() + '/' + QDir(from).relativeFilePath(file);
    QDir().mkpath(QFileInfo(target).absolutePath());
    REQUIRE(QFile::copy(file, target));
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
  }
  return dir.path();
}

void truncateTo(const QString& path, qint64 bytes) {
  QFile file(path);
  REQUIRE(file.open(QIODevice::ReadWrite));
  // Cut at a line boundary, as the issue found: the file still parses.
  const QByteArray text = file.read(bytes);
  REQUIRE(file.resize(text.lastIndexOf('\n') + 1));
}

struct UnverifiedAllowed {
  UnverifiedAllowed() { app::allowUnverifiedHlaData(true); }
  ~UnverifiedAllowed() { app::allowUnverifiedHlaData(false); }
};

}  // namespace

TEST_CASE("the bundled release passes its own checksums and loads without warnings") {
  CHECK(app::verifyHlaRelease(qt::bundledHlaDataDir()));
  auto loaded = app::loadNomenclature();
  REQUIRE(loaded);
  CHECK((*loaded)->loadWarnings().empty());
}

TEST_CASE("a release file cut short, emptied or missing its checksum file is refused, naming the file") {
  struct Damage {
    const char* name;
    std::function<void(const QString&)> apply;
    const char* mentions;
  };
  const Damage damages[] = {
      {"G file cut at a line", [](const QString& d) { truncateTo(d + "/wmda/hla_nom_g.txt", 200000); }, "hla_nom_g.txt"},
      {"P file emptied", [](const QString& d) { truncateTo(d + "/wmda/hla_nom_p.txt", 0); }, "hla_nom_p.txt"},
      {"no checksum file", [](const QString& d) { REQUIRE(QFile::remove(d + "/wmda/md5checksum.txt")); },
       "md5checksum.txt"},
      {"TCE table cut short", [](const QString& d) { truncateTo(d + "/tce/dpb_tce.csv", 3000); }, "dpb_tce.csv"},
      {"deleted list swapped", [](const QString& d) {
         REQUIRE(QFile::remove(d + "/Deleted_alleles.txt"));
         REQUIRE(QFile::copy(d + "/Allelelist.txt", d + "/Deleted_alleles.txt"));
       }, "Deleted_alleles.txt"},
  };
  for (const Damage& damage : damages) {
    INFO(damage.name);
    QTemporaryDir dir;
    const QString release = copyOfRelease(dir);
    damage.apply(release);
    const Status verified = app::verifyHlaRelease(release);
    REQUIRE_FALSE(verified);
    CHECK(verified.error().code == "hla.release_unverified");
    CHECK(qt::translated(verified.error()).contains(QLatin1String(damage.mentions)));
    auto refused = app::loadNomenclature(release);
    REQUIRE_FALSE(refused);
    CHECK(qt::translated(refused.error()).contains(QStringLiteral("--hla-data-unverified")));
  }
}

TEST_CASE("a damaged release loads when unverified data is allowed, and the reason is its first warning") {
  QTemporaryDir dir;
  const QString release = copyOfRelease(dir);
  truncateTo(release + "/wmda/hla_nom_g.txt", 300000);
  UnverifiedAllowed allowed;
  auto loaded = app::loadNomenclature(release);
  REQUIRE(loaded);
  REQUIRE_FALSE((*loaded)->loadWarnings().empty());
  const QString warning = qt::translated((*loaded)->loadWarnings().front());
  CHECK(warning.contains(QStringLiteral("unverified HLA data")));
  CHECK(warning.contains(QStringLiteral("hla_nom_g.txt")));
}

TEST_CASE("cli: a damaged --hla-data folder is refused for searching and importing, or used with a warning when allowed") {
  QTemporaryDir dir;
  const QString release = copyOfRelease(dir);
  truncateTo(release + "/wmda/hla_nom_p.txt", 150000);
  const QString db = dir.filePath("r.sqlite");
  REQUIRE(test::runCli({"--db", db, "init"}).exitCode == 0);
  REQUIRE(test::runCli({"--db", db, "generate", "--volunteers", "40"}).exitCode == 0);
  const QString typing = QStringLiteral("A*02:01+A*11:01^B*46:01+B*40:01^DRB1*09:01+DRB1*15:01");
  auto refused = test::runCli({"--db", db, "--hla-data", release, "search", "--typing", typing});
  CHECK(refused.exitCode == 1);
  CHECK(refused.err.contains("hla_nom_p.txt"));
  CHECK(refused.err.contains("--hla-data-unverified"));
  auto info = test::runCli({"--hla-data", release, "hla", "info"});
  CHECK(info.exitCode == 1);
  auto allowed =
      test::runCli({"--db", db, "--hla-data", release, "--hla-data-unverified", "search", "--typing", typing});
  CHECK(allowed.exitCode == 0);
  CHECK(allowed.err.contains("unverified HLA data"));
  CHECK(allowed.out.startsWith("Warning: unverified HLA data"));
  auto json = test::runCli({"--db", db, "--hla-data", release, "--hla-data-unverified", "search", "--typing", typing,
                            "--format", "json"});
  CHECK(json.exitCode == 0);
  const int rows = static_cast<int>(json.out.count(QStringLiteral("\"registry_no\"")));
  CHECK(rows > 0);
  CHECK(json.out.count(QStringLiteral("\"warning\":\"Warning: unverified HLA data")) == rows);  // every result
}
