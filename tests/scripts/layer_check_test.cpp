// src/layer_check.cmake, the build step that keeps app/ the one door into
// the store: it passes on the real source tree and fails, naming file, line
// and rule, on a tree that breaks each rule.
#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include "support/process_runner.h"
#include "support/qt_string_maker.h"

namespace {

const QString kScript = QStringLiteral(DONORDESK_SOURCE_DIR "/src/layer_check.cmake");

dd::test::ProcessResult check(const QString& sourceDir) {
  return dd::test::runProcess(QStringLiteral("cmake"),
                              {QStringLiteral("-DSOURCE_DIR=") + sourceDir, QStringLiteral("-P"), kScript});
}

void write(const QString& root, const QString& relative, const QByteArray& text) {
  const QString path = root + QLatin1Char('/') + relative;
  QDir().mkpath(QFileInfo(path).absolutePath());
  QFile file(path);
  REQUIRE(file.open(QIODevice::WriteOnly));
  file.write(text);
}

}  // namespace

TEST_CASE("the layer check passes on the real source tree", "[scripts][layers]") {
  const auto result = check(QStringLiteral(DONORDESK_SOURCE_DIR "/src"));
  INFO(result.err.toStdString());
  CHECK(result.exitCode == 0);
}

TEST_CASE("the layer check fails on each broken rule and names the file", "[scripts][layers]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  struct Case {
    const char* file;
    const char* text;
    const char* rule;
  };
  const Case cases[] = {
      {"gui/volunteers/page.cpp", "#include <QWidget>\n  #include \"store/database.h\"\n", "never store/"},
      {"cli/info.cpp", "#include \"store/backup.h\"\n", "never store/"},
      {"app/registry.h", "#pragma once\n#include \"store/records.h\"\n", "a header of app/"},
      {"model/volunteer.h", "#include \"hla/locus.h\"\n", "model/ includes only"},
      {"store/listing.cpp", "#include \"app/registry.h\"\n", "store/ lies below app/"},
      {"match/index.cpp", "#include \"gui/workspace.h\"\n", "match/ lies below app/"},
  };
  for (const Case& broken : cases) {
    SECTION(broken.file) {
      write(dir.path(), QString::fromLatin1(broken.file), broken.text);
      const auto result = check(dir.path());
      CHECK(result.exitCode != 0);
      CHECK(result.err.contains(QStringLiteral("src/") + QString::fromLatin1(broken.file)));
      CHECK(result.err.contains(QString::fromLatin1(broken.rule)));
    }
  }
}

TEST_CASE("the layer check allows what the rules allow", "[scripts][layers]") {
  QTemporaryDir dir;
  REQUIRE(dir.isValid());
  write(dir.path(), QStringLiteral("gui/page.cpp"), "#include \"app/registry.h\"\n#include \"model/entities.h\"\n");
  write(dir.path(), QStringLiteral("app/registry.cpp"), "#include \"store/database.h\"\n");  // a .cpp of app may
  write(dir.path(), QStringLiteral("store/repo.cpp"), "#include \"model/entities.h\"\n// #include \"app/x.h\"\n");
  const auto result = check(dir.path());
  INFO(result.err.toStdString());
  CHECK(result.exitCode == 0);
}
