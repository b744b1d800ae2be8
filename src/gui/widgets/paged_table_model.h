#pragma once
// Base for list models over app/ queries that may hold 100,000+ rows: the
// model knows the total (one COUNT) but fetches rows a page at a time when
// the view scrolls near the end (canFetchMore/fetchMore), so opening a page
// or applying a filter costs one count and one page, not the whole table.
// Subclasses say how to count and fetch; this class does the model bookkeeping.
#include <QAbstractTableModel>

namespace dd::gui {

class PagedTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  // Extra roles every paged model answers.
  enum Roles {
    SortRole = Qt::UserRole + 1,  // value to compare (QString sorts with QCollator)
    SearchTextRole,               // lower-case text the quick filter matches
    IdRole,                       // record id (qint64)
  };

  explicit PagedTableModel(int pageSize = 500, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  bool canFetchMore(const QModelIndex& parent) const override;
  void fetchMore(const QModelIndex& parent) override;

  // Counts again and loads the first page (resets the model).
  void reload();
  // Loads every remaining row (before sorting all of them in a proxy).
  void fetchAll();
  int totalRows() const { return total_; }
  int pageSize() const { return pageSize_; }
  void setPageSize(int rows) { pageSize_ = qMax(1, rows); }  // from the next load on
  // The last failure of count or fetch, translated; empty after success.
  QString lastError() const { return lastError_; }
  // A model that can order all its rows itself (e.g. on a worker thread)
  // does so and returns true; the proxy then keeps the source order instead
  // of loading and sorting every row on the GUI thread. column -1 = unsorted.
  virtual bool sortRows(int column, Qt::SortOrder order) {
    Q_UNUSED(column);
    Q_UNUSED(order);
    return false;
  }

 Q_SIGNALS:
  void loadFailed(const QString& message);

 protected:
  // Number of rows the current query matches, or -1 with *error set.
  virtual int countRows(QString* error) = 0;
  // Fetches up to `limit` rows from `offset` into a staging area; returns the
  // number staged, or -1 with *error set. Nothing is visible until commit.
  virtual int stageRows(int offset, int limit, QString* error) = 0;
  // Appends the staged rows to the visible ones (called between begin/end insert).
  virtual void commitStaged() = 0;
  virtual void clearRows() = 0;
  int loadedRows() const { return loaded_; }

 private:
  void loadPage(int limit);
  void fail(const QString& message);

  int pageSize_;
  int total_ = 0;
  int loaded_ = 0;
  bool fetching_ = false;  // a view or tester may ask for more from inside our own insert signals
  QString lastError_;
};

}  // namespace dd::gui
