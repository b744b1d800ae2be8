#include "gui/widgets/name_only_icon_provider.h"

#include <QApplication>
#include <QFileInfo>
#include <QIcon>
#include <QStyle>

namespace dd::gui {

NameOnlyIconProvider& NameOnlyIconProvider::instance() {
  static auto* provider = new NameOnlyIconProvider;  // used by file models until the very end
  return *provider;
}

QIcon NameOnlyIconProvider::icon(IconType type) const {
  QStyle* style = QApplication::style();
  switch (type) {
    case Computer: return style->standardIcon(QStyle::SP_ComputerIcon);
    case Desktop: return style->standardIcon(QStyle::SP_DesktopIcon);
    case Trashcan: return style->standardIcon(QStyle::SP_TrashIcon);
    case Network: return style->standardIcon(QStyle::SP_DriveNetIcon);
    case Drive: return style->standardIcon(QStyle::SP_DriveHDIcon);
    case Folder: return style->standardIcon(QStyle::SP_DirIcon);
    case File: break;
  }
  return style->standardIcon(QStyle::SP_FileIcon);
}

QIcon NameOnlyIconProvider::icon(const QFileInfo& info) const {
  // isDir()/isRoot() are stat() calls; nothing here opens the file.
  if (info.isRoot()) return icon(Drive);
  if (info.isDir()) return icon(Folder);
  const QMimeType mime = mimes_.mimeTypeForFile(info.fileName(), QMimeDatabase::MatchExtension);
  const QIcon themed = QIcon::fromTheme(mime.iconName());
  return themed.isNull() ? icon(File) : themed;
}

QString NameOnlyIconProvider::type(const QFileInfo& info) const {
  if (info.isDir()) return QApplication::translate("dd::gui::NameOnlyIconProvider", "Folder");
  return mimes_.mimeTypeForFile(info.fileName(), QMimeDatabase::MatchExtension).comment();
}

}  // namespace dd::gui
