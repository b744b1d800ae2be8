#include "core/qt/database_files.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QMutex>

#include "core/message.h"

namespace dd::qt::database_files {
namespace {
QMutex mutex;
QMap<QString, int>& openCounts() {
  static QMap<QString, int> counts;
  return counts;
}

const QStringList& suffixes() {
  static const QStringList list{QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")};
  return list;
}

// The path as the kernel resolves it, without opening anything (realpath of
// the folder; the file itself may not exist yet, e.g. -journal, or be a link).
QString resolved(const QString& path) {
  QFileInfo info(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
  if (info.isSymLink()) info = QFileInfo(info.symLinkTarget());
  const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
  return (folder.isEmpty() ? info.absolutePath() : folder) + QLatin1Char('/') + info.fileName();
}
}  // namespace

void opened(const QString& sqlitePath) {
  if (sqlitePath.isEmpty()) return;
  const QMutexLocker lock(&mutex);
  ++openCounts()[resolved(sqlitePath)];
}

void closed(const QString& sqlitePath) {
  if (sqlitePath.isEmpty()) return;
  const QMutexLocker lock(&mutex);
  const QString key = resolved(sqlitePath);
  if (auto it = openCounts().find(key); it != openCounts().end() && --it.value() <= 0) openCounts().erase(it);
}

QStringList protectedPaths() {
  const QMutexLocker lock(&mutex);
  QStringList paths;
  for (const QString& base : openCounts().keys())
    for (const QString& suffix : suffixes()) paths << base + suffix;
  return paths;
}

bool isProtected(const QString& path) {
  if (path.trimmed().isEmpty()) return false;
  return protectedPaths().contains(resolved(path));
}

Status refuseIfProtected(const QString& outputPath) {
  if (!isProtected(outputPath)) return {};
  return makeError("output.is_database", "dd::qt",
                   QT_TRANSLATE_NOOP("dd::qt", "%1 is a database file in use; choose another file name."),
                   {QDir::toNativeSeparators(outputPath).toStdString()}, "path");
}

bool looksLikeCompanion(const QString& fileName) {
  return fileName.endsWith(QLatin1String("-wal")) || fileName.endsWith(QLatin1String("-shm")) ||
         fileName.endsWith(QLatin1String("-journal"));
}

}  // namespace dd::qt::database_files
