#pragma once
// One page of a retention worklist as a table: the columns of the CLI's CSV
// (app/worklists.h), so what staff see is what they export.
#include <QAbstractTableModel>
#include <QList>

#include "model/worklist.h"

namespace dd::gui {

class WorklistTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Roles { IdRole = Qt::UserRole + 1 };  // the volunteer's id (qint64)
  explicit WorklistTableModel(QObject* parent = nullptr);

  void setRows(QList<model::WorklistRow> rows);
  const QList<model::WorklistRow>& rows() const { return rows_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  QList<model::WorklistRow> rows_;
  QList<QStringList> cells_;  // worked out once per page
};

}  // namespace dd::gui
