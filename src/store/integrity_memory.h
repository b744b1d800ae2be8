#pragma once
// What spares a registry file SQLite's quick check at every open: a record,
// per file, of the file as it was when a quick check last passed (its size,
// modification and status-change times, its inode, and the same of its WAL
// file), kept in the program's data folder. A file that no longer looks
// exactly like that (anything but this program changed it, or it was
// replaced, copied or restored) is checked again, and so is every file at
// least once a day, so that a page a failing disk damaged silently is found
// within a day. docs/architecture.md ("Opening a registry") says why.
#include <QDateTime>
#include <QString>

namespace dd::store {

class IntegrityMemory {
 public:
  // Records live in `folder`; an empty folder remembers nothing.
  explicit IntegrityMemory(QString folder);
  // The one the program uses: dd::qt::dataDir()/integrity.
  static IntegrityMemory forThisUser();

  // How long a passed check is trusted while the file does not change.
  static constexpr qint64 kTrustedSeconds = 24 * 3600;

  // When the check the file's record stands for passed, if the file still
  // looks as recorded and that is less than kTrustedSeconds ago; else
  // invalid (check it).
  QDateTime cleanSince(const QString& path, const QDateTime& now) const;
  // The file as it is now passed the check at `checkedAt` (or is as a
  // connection that saw it pass left it after writing through SQLite).
  void rememberClean(const QString& path, const QDateTime& checkedAt) const;
  // Damage was found: the next open checks again.
  void forget(const QString& path) const;

  // How the file looks on disk, as one line ("" when it does not exist).
  static QString fingerprint(const QString& path);
  // Which file is at the path (device and inode; "" where the system does
  // not say): a connection carries a check over only to the file it opened,
  // not to one put in its place meanwhile.
  static QString identity(const QString& path);

 private:
  QString recordPath(const QString& path) const;
  QString folder_;
};

}  // namespace dd::store
