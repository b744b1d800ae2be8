#pragma once
// Icons and type names for file choosers from the file's *name* only. Qt's
// own provider asks QMimeDatabase, which opens a file to sniff its content
// when the name says too little (SQLite's "-wal" and "-shm" files): that
// open and close in our process would drop SQLite's locks on them (see
// database_files.h). This one never opens a file.
#include <QAbstractFileIconProvider>
#include <QMimeDatabase>

namespace dd::gui {

class NameOnlyIconProvider : public QAbstractFileIconProvider {
 public:
  static NameOnlyIconProvider& instance();  // shared by every file chooser; lives as long as the process

  QIcon icon(IconType type) const override;
  QIcon icon(const QFileInfo& info) const override;
  QString type(const QFileInfo& info) const override;

 private:
  QMimeDatabase mimes_;
};

}  // namespace dd::gui
