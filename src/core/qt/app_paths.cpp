#include "core/qt/app_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "core/version.h"

namespace dd::qt {

void setApplicationIdentity() {
  QCoreApplication::setOrganizationName(QStringLiteral("DonorDesk"));
  QCoreApplication::setApplicationName(QStringLiteral("donordesk"));
  QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));
}

QString dataDir() {
  const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
  QDir().mkpath(dir);
  return dir;
}

QString defaultDatabasePath() { return QDir(dataDir()).filePath(QStringLiteral("donordesk.sqlite")); }

QString logFilePath() { return QDir(dataDir()).filePath(QStringLiteral("logs/donordesk.log")); }

ReadOnlyData readOnlyDataFor(const QString& executableDir, const QString& buildTreeDir) {
  const QString exe = QDir::cleanPath(QFileInfo(executableDir).absoluteFilePath());
  const QString build = buildTreeDir.isEmpty() ? QString() : QDir::cleanPath(QFileInfo(buildTreeDir).absoluteFilePath());
  // Inside the build tree (the GUI, the CLI, the test programs): the files
  // as they are in the source tree, translations as lrelease wrote them.
  if (!build.isEmpty() && (exe == build || exe.startsWith(build + QLatin1Char('/'))))
    return {QStringLiteral(DONORDESK_SOURCE_RESOURCE_DIR), QStringLiteral(DONORDESK_BUILD_TRANSLATIONS_DIR), false};
  // Anywhere else the program is installed: bin/ beside share/. When that
  // folder is missing, error messages name it, which tells the office what
  // is wrong with the installation (a source tree is never a fallback).
  const QString share = QDir::cleanPath(exe + QStringLiteral("/../share/donordesk"));
  return {share, share + QStringLiteral("/translations"), true};
}

const ReadOnlyData& readOnlyData() {
  static const ReadOnlyData data = [] {
    ReadOnlyData layout = readOnlyDataFor(QCoreApplication::applicationDirPath(), QStringLiteral(DONORDESK_BUILD_DIR));
    const QString fromEnv = qEnvironmentVariable("DONORDESK_RESOURCES");
    if (!fromEnv.isEmpty()) layout.resources = fromEnv;
    return layout;
  }();
  return data;
}

QString resourceDir() { return readOnlyData().resources; }

QString translationsDir() { return readOnlyData().translations; }

QString bundledHlaDataDir() { return QDir(resourceDir()).filePath(QStringLiteral("hla/imgt-3.58.0")); }
QString hlaReleaseDir(const QString& chosen) { return chosen.isEmpty() ? bundledHlaDataDir() : chosen; }

QString bundledHaplotypeFile() {
  return QDir(resourceDir()).filePath(QStringLiteral("hla/haplotype-freqs/CAU.freqs.gz"));
}

}  // namespace dd::qt
