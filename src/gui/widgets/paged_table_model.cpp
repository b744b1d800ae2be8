#include "gui/widgets/paged_table_model.h"

#include <QScopedValueRollback>

namespace dd::gui {

PagedTableModel::PagedTableModel(int pageSize, QObject* parent)
    : QAbstractTableModel(parent), pageSize_(qMax(1, pageSize)) {}

int PagedTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : loaded_; }

bool PagedTableModel::canFetchMore(const QModelIndex& parent) const {
  return !parent.isValid() && !fetching_ && loaded_ < total_;
}

void PagedTableModel::fetchMore(const QModelIndex& parent) {
  if (canFetchMore(parent)) loadPage(pageSize_);
}

void PagedTableModel::reload() {
  beginResetModel();
  clearRows();
  loaded_ = 0;
  lastError_.clear();
  QString error;
  total_ = countRows(&error);
  if (total_ < 0) {
    total_ = 0;
    endResetModel();
    fail(error);
    return;
  }
  QString stageError;
  const int staged = total_ > 0 ? stageRows(0, pageSize_, &stageError) : 0;
  if (staged > 0) {
    commitStaged();
    loaded_ = staged;
  }
  endResetModel();
  if (staged < 0) fail(stageError);
}

void PagedTableModel::fetchAll() {
  // One query for the rest: paging with OFFSET would rescan the skipped rows.
  if (canFetchMore({})) loadPage(total_ - loaded_);
}

void PagedTableModel::loadPage(int limit) {
  // Not re-entered: a nested fetch would overwrite the page staged here.
  if (fetching_) return;
  const QScopedValueRollback<bool> guard(fetching_, true);
  QString error;
  const int staged = stageRows(loaded_, qMin(limit, total_ - loaded_), &error);
  if (staged < 0) {
    fail(error);
    return;
  }
  if (staged == 0) {  // the table shrank since it was counted: stop asking
    total_ = loaded_;
    return;
  }
  beginInsertRows({}, loaded_, loaded_ + staged - 1);
  commitStaged();
  loaded_ += staged;
  endInsertRows();
}

void PagedTableModel::fail(const QString& message) {
  lastError_ = message;
  Q_EMIT loadFailed(message);
}

}  // namespace dd::gui
