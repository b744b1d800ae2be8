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

QString resourceDir() {
  const QString fromEnv = qEnvironmentVariable("DONORDESK_RESOURCES");
  if (!fromEnv.isEmpty()) return fromEnv;
  const QString installed =
      QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../share/donordesk/resources"));
  if (QFileInfo::exists(installed)) return QDir::cleanPath(installed);
  return QStringLiteral(DONORDESK_SOURCE_RESOURCE_DIR);
}

QString bundledHlaDataDir() { return QDir(resourceDir()).filePath(QStringLiteral("hla/imgt-3.58.0")); }

QString bundledHaplotypeFile() {
  return QDir(resourceDir()).filePath(QStringLiteral("hla/haplotype-freqs/CAU.freqs.gz"));
}

}  // namespace dd::qt
