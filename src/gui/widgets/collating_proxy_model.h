#pragma once
// Sort/filter proxy for every list: strings compare with QCollator in the UI
// locale (so 张三 sorts by pinyin under zh_CN, numbers inside text in numeric
// order), other values by QVariant order. Sort keys are computed once per row
// and cached, so re-sorting 100,000 names stays fast. The quick filter
// matches PagedTableModel::SearchTextRole (case-insensitive, every word must
// occur). A paged source that sorts its own rows (PagedTableModel::sortRows,
// the volunteers list on a worker thread) is left to do so; any other paged
// source first loads its remaining rows.
#include <QCollator>
#include <QCollatorSortKey>
#include <QSortFilterProxyModel>
#include <optional>
#include <vector>

namespace dd::gui {

class CollatingProxyModel : public QSortFilterProxyModel {
  Q_OBJECT
 public:
  explicit CollatingProxyModel(QObject* parent = nullptr);

  void setSourceModel(QAbstractItemModel* model) override;
  void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
  void setQuickFilter(const QString& text);
  QString quickFilter() const { return words_.join(QLatin1Char(' ')); }

 protected:
  bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

 private:
  const QCollatorSortKey* keyFor(const QModelIndex& index, const QString& text) const;
  void dropKeys();

  QCollator collator_;
  QStringList words_;
  mutable int keyColumn_ = -1;
  mutable std::vector<std::optional<QCollatorSortKey>> keys_;
};

}  // namespace dd::gui
