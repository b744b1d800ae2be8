// scripts/lib.sh's dd_build, the function behind scripts/run, scripts/test and
// scripts/package, on a real (tiny) CMake project: a build folder that a
// failed configure, a deleted build.ninja or another checkout's cache left
// behind heals on the next run instead of failing forever.
#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>

#include "support/process_runner.h"
#include "support/qt_string_maker.h"

namespace {

const QString kLib = QStringLiteral(DONORDESK_SOURCE_DIR "/scripts/lib.sh");

// A copy of the tiny project the test may change.
QString copyProject(const QString& into) {
  const QDir fixture(QStringLiteral(DONORDESK_TEST_DATA_DIR "/tiny-cmake-project"));
  QDir().mkpath(into);
  for (const QString& name : fixture.entryList(QDir::Files)) QFile::copy(fixture.filePath(name), into + '/' + name);
  return into;
}

// dd_build Debug BUILD [TARGET...] with DD_SOURCE=source, as the scripts call it.
dd::test::ProcessResult ddBuild(const QString& source, const QString& build, const QStringList& targets = {}) {
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("DD_SOURCE"), source);
  const QString script = QStringLiteral("source \"$0\" && dd_build Debug \"$1\" \"${@:2}\"");
  return dd::test::runProcess(QStringLiteral("bash"), QStringList{QStringLiteral("-c"), script, kLib, build} + targets,
                              {}, env, 300000);
}

bool exists(const QString& path) { return QFileInfo::exists(path); }

}  // namespace

TEST_CASE("build folder: a configure that failed once is redone on the next run") {
  QTemporaryDir dir;
  const QString source = copyProject(dir.filePath("src"));
  const QString build = dir.filePath("build");
  QFile(source + "/FAIL_CONFIGURE").open(QIODevice::WriteOnly);

  auto first = ddBuild(source, build);
  CHECK(first.exitCode != 0);
  CHECK(first.err.contains("told to fail"));
  // What the old script took for "configured": a cache without build files.
  CHECK(exists(build + "/CMakeCache.txt"));
  CHECK_FALSE(exists(build + "/build.ninja"));

  QFile::remove(source + "/FAIL_CONFIGURE");  // the missing package was installed
  auto second = ddBuild(source, build);
  INFO(second.err.toStdString());
  REQUIRE(second.exitCode == 0);
  CHECK(exists(build + "/tiny"));
  CHECK(second.err.contains("configure"));
}

TEST_CASE("build folder: a deleted build.ninja is configured again, a complete one is not") {
  QTemporaryDir dir;
  const QString source = copyProject(dir.filePath("src"));
  const QString build = dir.filePath("build");
  REQUIRE(ddBuild(source, build).exitCode == 0);

  auto again = ddBuild(source, build);
  REQUIRE(again.exitCode == 0);
  CHECK_FALSE(again.err.contains("configure " + build));  // nothing to redo

  QFile::remove(build + "/build.ninja");
  auto healed = ddBuild(source, build);
  INFO(healed.err.toStdString());
  REQUIRE(healed.exitCode == 0);
  CHECK(healed.err.contains("configure " + build));
  CHECK(exists(build + "/build.ninja"));
}

TEST_CASE("build folder: a cache made for another checkout is replaced") {
  QTemporaryDir dir;
  const QString first = copyProject(dir.filePath("first"));
  const QString second = copyProject(dir.filePath("second"));
  const QString build = dir.filePath("build");
  REQUIRE(ddBuild(first, build).exitCode == 0);

  auto moved = ddBuild(second, build);
  INFO(moved.err.toStdString());
  REQUIRE(moved.exitCode == 0);
  CHECK(moved.err.contains("starting it afresh"));
  QFile cache(build + "/CMakeCache.txt");
  REQUIRE(cache.open(QIODevice::ReadOnly));
  CHECK(QString::fromUtf8(cache.readAll()).contains("CMAKE_HOME_DIRECTORY:INTERNAL=" + QFileInfo(second).canonicalFilePath()));
}

TEST_CASE("build folder: naming targets builds only those, and the step is timed") {
  QTemporaryDir dir;
  const QString source = copyProject(dir.filePath("src"));
  const QString build = dir.filePath("build");
  auto result = ddBuild(source, build, {"tiny"});
  INFO(result.err.toStdString());
  REQUIRE(result.exitCode == 0);
  CHECK(exists(build + "/tiny"));
  CHECK_FALSE(exists(build + "/other"));
  CHECK(result.err.contains(QRegularExpression("build .*\\(tiny\\): [0-9]+ s")));
}
