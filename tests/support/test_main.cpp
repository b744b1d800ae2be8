// Catch2 main for every suite: a QApplication on the offscreen platform (set
// before Qt starts, because ctest discovery runs the binary at build time),
// and a private data/config home so tests never touch the user's files.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "core/qt/app_paths.h"

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QTemporaryDir home;
  // Children (donordesk-cli runs) inherit these, so their logs and default
  // databases land in the throwaway directory too.
  qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toUtf8());
  qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
  qputenv("XDG_CACHE_HOME", home.filePath(QStringLiteral("cache")).toUtf8());
  // A private runtime dir (mode 0700, as Qt requires) keeps Qt's
  // "XDG_RUNTIME_DIR not set" notice out of the stderr the CLI tests read.
  const QString runtimeDir = home.filePath(QStringLiteral("runtime"));
  QDir().mkpath(runtimeDir);
  QFile::setPermissions(runtimeDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
  qputenv("XDG_RUNTIME_DIR", runtimeDir.toUtf8());
  qputenv("LC_ALL", "C.UTF-8");  // messages in English unless a test asks for zh_CN
  qunsetenv("LANGUAGE");
  QApplication app(argc, argv);
  dd::qt::setApplicationIdentity();
  return Catch::Session().run(argc, argv);
}
