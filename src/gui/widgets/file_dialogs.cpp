#include "gui/widgets/file_dialogs.h"

#include <QCompleter>
#include <QFileSystemModel>
#include <QMessageBox>
#include <QSortFilterProxyModel>

#include "core/qt/database_files.h"
#include "core/qt/localization.h"
#include "gui/widgets/name_only_icon_provider.h"

#include <memory>

namespace dd::gui {
namespace {

// Hides SQLite's companion files: nothing to choose there, and a listed
// file is one more a careless click could pick.
class HideDatabaseCompanions : public QSortFilterProxyModel {
 public:
  using QSortFilterProxyModel::QSortFilterProxyModel;

 protected:
  bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
    const QModelIndex index = sourceModel()->index(row, 0, parent);
    return !dd::qt::database_files::looksLikeCompanion(sourceModel()->data(index).toString());
  }
};

}  // namespace

QFileDialog* FileDialogs::create(QWidget* parent, const QString& caption, const QString& start,
                                 QFileDialog::FileMode mode, QFileDialog::AcceptMode accept, const QString& filter) {
  auto* dialog = new QFileDialog(parent, caption);
  dialog->setOption(QFileDialog::DontUseNativeDialog);
  // Before a folder is listed, so no listing is ever made with Qt's provider.
  dialog->setIconProvider(&NameOnlyIconProvider::instance());
  dialog->setProxyModel(new HideDatabaseCompanions(dialog));
  dialog->setFileMode(mode);
  dialog->setAcceptMode(accept);
  if (!filter.isEmpty()) dialog->setNameFilter(filter);
  if (mode == QFileDialog::Directory) dialog->setOption(QFileDialog::ShowDirsOnly);
  const QFileInfo where(start);
  if (!start.isEmpty() && where.isDir()) {
    dialog->setDirectory(start);
  } else if (!start.isEmpty()) {
    dialog->setDirectory(where.absolutePath());
    dialog->selectFile(where.fileName());
  }
  protect(dialog);  // its own completer
  return dialog;
}

QString FileDialogs::run(QFileDialog* dialog, bool mayBeDatabaseInUse) {
  const std::unique_ptr<QFileDialog> owner(dialog);
  while (dialog->exec() == QDialog::Accepted && !dialog->selectedFiles().isEmpty()) {
    const QString chosen = dialog->selectedFiles().constFirst();
    if (dialog->acceptMode() == QFileDialog::AcceptSave && !mayBeDatabaseInUse) {
      if (const Status allowed = dd::qt::database_files::refuseIfProtected(chosen); !allowed) {
        QMessageBox::warning(dialog, dialog->windowTitle(), dd::qt::translated(allowed.error()));
        continue;
      }
    }
    return chosen;
  }
  return {};
}

QString FileDialogs::openFile(QWidget* parent, const QString& caption, const QString& start, const QString& filter) {
  return run(create(parent, caption, start, QFileDialog::ExistingFile, QFileDialog::AcceptOpen, filter));
}

QString FileDialogs::saveFile(QWidget* parent, const QString& caption, const QString& start, const QString& filter) {
  return run(create(parent, caption, start, QFileDialog::AnyFile, QFileDialog::AcceptSave, filter));
}

QString FileDialogs::databaseFile(QWidget* parent, const QString& caption, const QString& start, const QString& filter) {
  QFileDialog* dialog = create(parent, caption, start, QFileDialog::AnyFile, QFileDialog::AcceptSave, filter);
  dialog->setOption(QFileDialog::DontConfirmOverwrite);
  return run(dialog, true);
}

QString FileDialogs::directory(QWidget* parent, const QString& caption, const QString& start) {
  return run(create(parent, caption, start, QFileDialog::Directory, QFileDialog::AcceptOpen));
}

void FileDialogs::protect(QWidget* window) {
  if (!window) return;
  QAbstractFileIconProvider* nameOnly = &NameOnlyIconProvider::instance();
  // The dialog's own setter also refreshes its sidebar.
  if (auto* dialog = qobject_cast<QFileDialog*>(window); dialog && dialog->iconProvider() != nameOnly)
    dialog->setIconProvider(nameOnly);
  const auto useNameOnly = [nameOnly](QFileSystemModel* model) {
    if (model && model->iconProvider() != nameOnly) model->setIconProvider(nameOnly);
  };
  for (QFileSystemModel* model : window->findChildren<QFileSystemModel*>()) useNameOnly(model);
  // A completer's model need not be the window's child.
  for (QCompleter* completer : window->findChildren<QCompleter*>())
    useNameOnly(qobject_cast<QFileSystemModel*>(completer->model()));
}

}  // namespace dd::gui
