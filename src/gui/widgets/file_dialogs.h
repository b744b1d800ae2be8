#pragma once
// Every file chooser of the program goes through here (a test checks that
// no other code calls QFileDialog). Each is Qt's own dialog (not the
// desktop's, which runs inside our process and reads files for previews)
// with the NameOnlyIconProvider, and hides SQLite's -wal/-shm/-journal
// files: so choosing a file never opens the database's files, and SQLite
// keeps its locks (database_files.h). A save chooser also refuses the
// database in use as a target.
#include <QFileDialog>
#include <QString>

class QWidget;

namespace dd::gui {

class FileDialogs {
 public:
  static QString openFile(QWidget* parent, const QString& caption, const QString& start, const QString& filter = {});
  // An output file: never a database file in use (the chooser says so and stays open).
  static QString saveFile(QWidget* parent, const QString& caption, const QString& start, const QString& filter = {});
  // A SQLite database to open or create (may be the one in use; no overwrite question).
  static QString databaseFile(QWidget* parent, const QString& caption, const QString& start, const QString& filter);
  static QString directory(QWidget* parent, const QString& caption, const QString& start);

  // The configured dialog the functions above run (tests show it modeless).
  static QFileDialog* create(QWidget* parent, const QString& caption, const QString& start, QFileDialog::FileMode mode,
                             QFileDialog::AcceptMode accept, const QString& filter = {});
  // For choosers Qt makes itself (the print dialog's output-file field and
  // its "…" button): their file models get the name-only provider. The
  // ApplicationFileGuard calls this for every window that is shown.
  static void protect(QWidget* window);

 private:
  static QString run(QFileDialog* dialog, bool mayBeDatabaseInUse = false);
};

}  // namespace dd::gui
