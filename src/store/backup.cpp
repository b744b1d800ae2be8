#include "store/backup.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include "core/qt/database_files.h"
#include "core/qt/localization.h"
#include "store/database.h"
#include "store/database_check.h"
#include "store/store_errors.h"

namespace dd::store {
namespace {

// The tables whose row counts the copy must reproduce.
Error backupFailed(const QString& target, const QString& why) {
  return makeError("store.backup_failed", "dd::store",
                   QT_TRANSLATE_NOOP("dd::store", "The backup %1 was not written: %2 Nothing was left at that name."),
                   {utf8(target), utf8(why)});
}

bool syncPath(const QString& path) {
  const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

// The copy's counts, or an error when a table cannot be read: a copy that
// cannot be counted is not a verified copy.
Expected<QList<model::TableRowCount>> countedRows(QSqlDatabase& db) {
  QList<model::TableRowCount> counts = rowCounts(db);
  for (const model::TableRowCount& count : counts)
    if (count.count < 0)
      return makeError("store.backup_verify", "dd::store",
                       QT_TRANSLATE_NOOP("dd::store", "the rows of %1 cannot be counted."), {utf8(count.table)});
  return counts;
}

// Opens the finished copy read-only on its own connection: it must pass
// SQLite's integrity check and hold the rows the registry held.
Status verifyCopy(const QString& path, const QList<model::TableRowCount>& before, Database& source) {
  const QString name = QStringLiteral("donordesk-backup-check-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
  Status result;
  {
    QSqlDatabase copy = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    copy.setDatabaseName(path);
    copy.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!copy.open()) {
      result = makeError("store.backup_verify", "dd::store", QT_TRANSLATE_NOOP("dd::store", "the copy cannot be opened."));
    } else {
      QSqlQuery q(copy);
      if (!q.exec(QStringLiteral("PRAGMA integrity_check")) || !q.next() || q.value(0).toString() != QLatin1String("ok")) {
        result = makeError("store.backup_verify", "dd::store",
                           QT_TRANSLATE_NOOP("dd::store", "the copy fails SQLite's integrity check."));
      } else {
        auto copied = countedRows(copy);
        // Others may write while the copy is made: it must match the
        // registry as it was just before or, failing that, just after.
        bool matches = copied && *copied == before;
        if (copied && !matches) {
          auto after = countedRows(source.sql());
          matches = after && *copied == *after;
        }
        if (!matches)
          result = makeError("store.backup_verify", "dd::store",
                             QT_TRANSLATE_NOOP("dd::store", "the copy does not hold the registry's rows."));
      }
      copy.close();
    }
  }
  QSqlDatabase::removeDatabase(name);
  return result;
}

}  // namespace

Status backupTo(Database& db, const QString& targetPath) {
  if (db.backend() == Backend::Postgres) {
    const ConnectionSpec& s = db.spec();
    QString command = QStringLiteral("pg_dump -h %1 -p %2 -U %3 -Fc -f %4").arg(s.host).arg(s.port).arg(s.user, targetPath);
    if (!s.schema.isEmpty()) command += QStringLiteral(" -n ") + s.schema;
    command += QLatin1Char(' ') + s.database;
    return makeError("store.backup_postgres", "dd::store",
                     QT_TRANSLATE_NOOP("dd::store",
                                       "PostgreSQL databases are backed up with the server's own tools, e.g.: %1"),
                     {utf8(command)});
  }
  const QString target = QFileInfo(targetPath).absoluteFilePath();
  if (Status allowed = dd::qt::database_files::refuseIfProtected(target); !allowed) return allowed;
  if (QFileInfo::exists(target))
    return makeError("store.backup_exists", "dd::store",
                     QT_TRANSLATE_NOOP("dd::store", "The backup file %1 already exists; choose a new name."),
                     {utf8(target)});
  const QString folder = QFileInfo(target).absolutePath();
  if (!QDir().mkpath(folder) || !QFileInfo(folder).isWritable())
    return backupFailed(target, QCoreApplication::translate("dd::store", "the folder %1 cannot be created or written.")
                                    .arg(folder));
  // Written under a temporary name in the same folder and renamed only when
  // complete and verified: a kill or a full disk never leaves a partial file
  // at the name, where it would later open as an empty registry.
  // A killed backup left its partial copy behind (hundreds of MB for a big
  // registry); one not touched for a minute is no running backup's.
  for (const QFileInfo& stale : QDir(folder).entryInfoList({QFileInfo(target).fileName() + QStringLiteral(".partial-*")},
                                                          QDir::Files))
    if (stale.lastModified().secsTo(QDateTime::currentDateTime()) > 60) QFile::remove(stale.absoluteFilePath());
  const QString partial = target + QStringLiteral(".partial-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
  auto cleanUp = [&] {
    QFile::remove(partial);
    QFile::remove(partial + QStringLiteral("-journal"));
  };
  auto before = countedRows(db.sql());
  if (!before) return before.error();
  QSqlQuery q(db.sql());
  q.prepare(QStringLiteral("VACUUM INTO ?"));
  q.addBindValue(partial);
  if (!q.exec()) {
    const QString why = q.lastError().databaseText();
    q.finish();
    cleanUp();
    return backupFailed(target, why.isEmpty() ? q.lastError().text() : why + QLatin1Char('.'));
  }
  q.finish();
  if (!syncPath(partial)) {
    cleanUp();
    return backupFailed(target, QCoreApplication::translate("dd::store", "the copy could not be flushed to disk."));
  }
  if (Status verified = verifyCopy(partial, *before, db); !verified) {
    cleanUp();
    return backupFailed(target, dd::qt::translated(verified.error()));
  }
  // link() fails if the name was taken meanwhile: a backup never replaces a file.
  if (::link(QFile::encodeName(partial).constData(), QFile::encodeName(target).constData()) != 0) {
    const QString why = QString::fromLocal8Bit(std::strerror(errno));
    cleanUp();
    return backupFailed(target, why + QLatin1Char('.'));
  }
  cleanUp();
  syncPath(folder);
  return {};
}

}  // namespace dd::store
