#pragma once
// The volunteers list: a paged view over Registry::listVolunteers. Filters
// (quick text, status, region) go to the database so the model only ever
// holds the pages the user has scrolled through; ID numbers and phones are
// masked in the list (search still matches the full numbers in the database).
#include <QHash>
#include <QList>

#include "app/registry.h"
#include "gui/widgets/paged_table_model.h"

namespace dd::gui {

class VolunteerTableModel : public PagedTableModel {
  Q_OBJECT
 public:
  enum Column { RegistryNo, Name, Sex, Age, Region, Status, Hla, IdNumber, Phone, LastContact, ColumnCount };

  explicit VolunteerTableModel(app::Registry* registry, QObject* parent = nullptr);

  void setFilter(const app::VolunteerFilter& filter);  // reloads
  // Same, but the count and the first page are read on a worker thread with
  // its own connection to `databaseUrl`; the model resets when they arrive
  // (a newer request supersedes an older one). Scrolling further still reads
  // pages on the GUI thread's connection.
  void setFilterInBackground(const app::VolunteerFilter& filter, const QString& databaseUrl);
  // From now on sorts (and setFilterInBackground) read on a worker thread
  // with its own connection to databaseUrl ("" = the default SQLite file).
  void setBackgroundDatabase(const QString& databaseUrl) {
    databaseUrl_ = databaseUrl;
    background_ = true;
  }
  bool loading() const { return loading_; }
  // Orders every row matching the filter by `column` (names by QCollator in
  // the UI locale, blanks last as in CollatingProxyModel): read and sorted on
  // a worker thread once a database URL is known (setFilterInBackground),
  // else here. Later filters keep the order. -1 = registry order, paged again.
  bool sortRows(int column, Qt::SortOrder order) override;
  int sortColumn() const { return sortColumn_; }
  // Every volunteer matching query.filter, ordered as sortRows says.
  static Expected<QList<model::VolunteerSummary>> readSorted(app::Registry& registry, app::VolunteerQuery query,
                                                             int column, Qt::SortOrder order, const QDate& today);
  const app::VolunteerFilter& filter() const { return query_.filter; }
  const model::VolunteerSummary& summary(int row) const { return rows_.at(row); }
  // Row of the volunteer with `id` among the loaded rows, or -1.
  int rowOf(qint64 id) const;

  int columnCount(const QModelIndex& parent = {}) const override;

 Q_SIGNALS:
  // A background filter or sort started (true) or its rows arrived (false).
  void loadingChanged(bool loading);

 public:
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 protected:
  int countRows(QString* error) override;
  int stageRows(int offset, int limit, QString* error) override;
  void commitStaged() override;
  void clearRows() override;

 private:
  QVariant display(const model::VolunteerSummary& v, int column) const;
  // Display text of every column but Hla (safe on any thread).
  static QVariant plainDisplay(const model::VolunteerSummary& v, int column, const QDate& today);
  static QVariant sortValue(const model::VolunteerSummary& v, int column, const QDate& today);
  void setLoading(bool loading);
  // The list query carries no typing: read it for the rows actually shown
  // (a few dozen primary-key reads) and keep it.
  const model::HlaTyping& typingOf(qint64 id) const;

  app::Registry* registry_;
  app::VolunteerQuery query_;
  QList<model::VolunteerSummary> rows_;
  QList<model::VolunteerSummary> staged_;
  QDate today_ = QDate::currentDate();
  quint64 generation_ = 0;
  bool loading_ = false;
  bool preloaded_ = false;  // countRows/stageRows answer from a background result
  int preloadedTotal_ = 0;
  bool stagedAll_ = false;  // countRows read (and sorted) every row into staged_
  int sortColumn_ = -1;
  Qt::SortOrder sortOrder_ = Qt::AscendingOrder;
  QString databaseUrl_;  // known once filtering runs in the background ("" = default file)
  bool background_ = false;
  app::VolunteerFilter requestedFilter_;  // the newest filter asked for (query_ has the one shown)
  mutable QHash<qint64, model::HlaTyping> typings_;
};

}  // namespace dd::gui
