#include "store/integrity_memory.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include "core/qt/app_paths.h"

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace dd::store {
namespace {

// Size, times to the nanosecond and the inode where the system has them.
// The status-change time cannot be set back by a program (touch -d, cp -p
// and a restore set only the modification time), so a rewritten file whose
// modification time was put back still looks changed.
QString describe(const QString& path) {
#ifdef Q_OS_UNIX
  struct stat s {};
  if (::stat(QFile::encodeName(path).constData(), &s) != 0) return QStringLiteral("-");
  return QStringLiteral("%1:%2:%3.%4:%5.%6")
      .arg(qint64(s.st_ino))
      .arg(qint64(s.st_size))
      .arg(qint64(s.st_mtim.tv_sec))
      .arg(qint64(s.st_mtim.tv_nsec))
      .arg(qint64(s.st_ctim.tv_sec))
      .arg(qint64(s.st_ctim.tv_nsec));
#else
  const QFileInfo info(path);
  if (!info.exists()) return QStringLiteral("-");
  return QStringLiteral("%1:%2:%3")
      .arg(info.size())
      .arg(info.lastModified().toMSecsSinceEpoch())
      .arg(info.metadataChangeTime().toMSecsSinceEpoch());
#endif
}

}  // namespace

IntegrityMemory::IntegrityMemory(QString folder) : folder_(std::move(folder)) {}

IntegrityMemory IntegrityMemory::forThisUser() {
  return IntegrityMemory(QDir(dd::qt::dataDir()).filePath(QStringLiteral("integrity")));
}

QString IntegrityMemory::fingerprint(const QString& path) {
  if (!QFileInfo::exists(path)) return {};
  // The WAL file holds committed pages not yet copied into the file itself.
  // An empty one holds nothing, and every connection that opens the file
  // touches it (its times change), so it counts as none.
  const QString wal = path + QStringLiteral("-wal");
  return describe(path) + QLatin1Char(' ') + (QFileInfo(wal).size() > 0 ? describe(wal) : QStringLiteral("-"));
}

QString IntegrityMemory::identity(const QString& path) {
#ifdef Q_OS_UNIX
  struct stat s {};
  if (::stat(QFile::encodeName(path).constData(), &s) != 0) return {};
  return QStringLiteral("%1:%2").arg(qint64(s.st_dev)).arg(qint64(s.st_ino));
#else
  return QFileInfo::exists(path) ? QFileInfo(path).absoluteFilePath() : QString();
#endif
}

QString IntegrityMemory::recordPath(const QString& path) const {
  if (folder_.isEmpty()) return {};
  const QByteArray key = QCryptographicHash::hash(QFileInfo(path).absoluteFilePath().toUtf8(),
                                                  QCryptographicHash::Sha1).toHex();
  return QDir(folder_).filePath(QString::fromLatin1(key));
}

// A record is three lines: the file's path (a hash collision is not
// mistaken for this file), when the check passed (ISO, UTC), the fingerprint.
QDateTime IntegrityMemory::cleanSince(const QString& path, const QDateTime& now) const {
  const QString record = recordPath(path);
  if (record.isEmpty()) return {};
  QFile file(record);
  if (!file.open(QIODevice::ReadOnly)) return {};
  const QStringList lines = QString::fromUtf8(file.read(4096)).split(QLatin1Char('\n'));
  if (lines.size() < 3 || lines.at(0) != QFileInfo(path).absoluteFilePath()) return {};
  const QDateTime checkedAt = QDateTime::fromString(lines.at(1), Qt::ISODateWithMs);
  if (!checkedAt.isValid() || checkedAt > now || checkedAt.secsTo(now) >= kTrustedSeconds) return {};
  const QString current = fingerprint(path);
  if (current.isEmpty() || lines.at(2) != current) return {};
  return checkedAt;
}

void IntegrityMemory::rememberClean(const QString& path, const QDateTime& checkedAt) const {
  const QString record = recordPath(path);
  const QString current = fingerprint(path);
  if (record.isEmpty() || current.isEmpty()) return;
  // Best effort: a record that cannot be written only means the next open checks.
  QDir().mkpath(folder_);
  QSaveFile file(record);
  if (!file.open(QIODevice::WriteOnly)) return;
  file.write(QFileInfo(path).absoluteFilePath().toUtf8() + '\n' +
             checkedAt.toUTC().toString(Qt::ISODateWithMs).toLatin1() + '\n' + current.toUtf8() + '\n');
  file.commit();
}

void IntegrityMemory::forget(const QString& path) const {
  if (const QString record = recordPath(path); !record.isEmpty()) QFile::remove(record);
}

}  // namespace dd::store
