#include "store/backup.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include "core/qt/database_files.h"
#include "store/database.h"
#include "store/store_errors.h"

namespace dd::store {

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
  QDir().mkpath(QFileInfo(target).absolutePath());
  QSqlQuery q(db.sql());
  q.prepare(QStringLiteral("VACUUM INTO ?"));
  q.addBindValue(target);
  if (!q.exec()) return databaseError(QStringLiteral("backing up to ") + target, q.lastError());
  return {};
}

}  // namespace dd::store
