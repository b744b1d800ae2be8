#include "gui/widgets/collating_proxy_model.h"

#include "gui/widgets/paged_table_model.h"

namespace dd::gui {

CollatingProxyModel::CollatingProxyModel(QObject* parent) : QSortFilterProxyModel(parent) {
  collator_.setNumericMode(true);
  collator_.setCaseSensitivity(Qt::CaseInsensitive);
  setSortRole(PagedTableModel::SortRole);
  setDynamicSortFilter(true);
}

void CollatingProxyModel::setSourceModel(QAbstractItemModel* model) {
  if (sourceModel()) disconnect(sourceModel(), nullptr, this, nullptr);
  dropKeys();
  QSortFilterProxyModel::setSourceModel(model);
  if (!model) return;
  // Cached keys follow source rows; anything that moves or changes rows drops them.
  connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &CollatingProxyModel::dropKeys);
  connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, &CollatingProxyModel::dropKeys);
  connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, &CollatingProxyModel::dropKeys);
  connect(model, &QAbstractItemModel::dataChanged, this, &CollatingProxyModel::dropKeys);
  connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, &CollatingProxyModel::dropKeys);
}

void CollatingProxyModel::sort(int column, Qt::SortOrder order) {
  auto* paged = qobject_cast<PagedTableModel*>(sourceModel());
  if (paged && paged->sortRows(column, order)) {
    // The source delivers its rows in that order: show them as they come.
    QSortFilterProxyModel::sort(-1, order);
    return;
  }
  // A sorted view of part of the rows would be misleading.
  if (paged && column >= 0) paged->fetchAll();
  QSortFilterProxyModel::sort(column, order);
}

void CollatingProxyModel::setQuickFilter(const QString& text) {
  const QStringList words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
  if (words == words_) return;
  words_ = words;
  invalidateFilter();
}

void CollatingProxyModel::dropKeys() {
  keys_.clear();
  keyColumn_ = -1;
}

const QCollatorSortKey* CollatingProxyModel::keyFor(const QModelIndex& index, const QString& text) const {
  if (keyColumn_ != index.column()) {
    keys_.clear();
    keyColumn_ = index.column();
  }
  const auto row = static_cast<std::size_t>(index.row());
  if (keys_.size() <= row) keys_.resize(static_cast<std::size_t>(sourceModel()->rowCount()) + 1);
  auto& slot = keys_[row];
  if (!slot) slot.emplace(collator_.sortKey(text));
  return &*slot;
}

bool CollatingProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
  const QVariant a = left.data(sortRole());
  const QVariant b = right.data(sortRole());
  if (a.typeId() == QMetaType::QString && b.typeId() == QMetaType::QString) {
    const QString sa = a.toString();
    const QString sb = b.toString();
    if (sa.isEmpty() != sb.isEmpty()) return sb.isEmpty();  // blanks last
    return keyFor(left, sa)->compare(*keyFor(right, sb)) < 0;
  }
  if (!a.isValid() || !b.isValid()) return a.isValid() && !b.isValid();  // blanks last
  return QVariant::compare(a, b) == QPartialOrdering::Less;
}

bool CollatingProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
  if (words_.isEmpty()) return true;
  const QString haystack =
      sourceModel()->index(sourceRow, 0, sourceParent).data(PagedTableModel::SearchTextRole).toString();
  for (const QString& word : words_)
    if (!haystack.contains(word)) return false;
  return true;
}

}  // namespace dd::gui
