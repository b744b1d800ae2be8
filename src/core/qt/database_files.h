#pragma once
// The SQLite files this process has open: each database and its -wal, -shm
// and -journal companions. SQLite's locks on them are POSIX advisory locks,
// which the kernel drops for the whole process as soon as *any* descriptor
// of the same file is closed in it ("How To Corrupt An SQLite Database
// File", 2.2): another process may then delete the -wal the connection still
// uses, and every later write is lost to everyone else. So nothing but SQLite
// may open them: the store registers each SQLite file it opens; file
// choosers never read them (gui/file_dialogs), and no output (PDF, CSV,
// print to file, backup) may be written to them.
#include <QString>
#include <QStringList>

#include "core/expected.h"

namespace dd::qt::database_files {

// Called by the store when a connection to a SQLite file opens / closes
// (counted: several connections may share one file).
void opened(const QString& sqlitePath);
void closed(const QString& sqlitePath);
// Every protected path (databases and companions), absolute and resolved.
QStringList protectedPaths();
// Whether path names an open database or one of its companions, through any
// spelling (relative, "..", a symbolic link). Reads no file.
bool isProtected(const QString& path);
// For every writer of output files (PDF, CSV, backups): an error naming the
// path when it is a protected one, success otherwise.
Status refuseIfProtected(const QString& outputPath);
// Whether a file name looks like some SQLite database's companion
// ("x.sqlite-wal", "x-shm", "x-journal"): file choosers hide those.
bool looksLikeCompanion(const QString& fileName);

}  // namespace dd::qt::database_files
