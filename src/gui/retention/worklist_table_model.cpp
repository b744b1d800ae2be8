#include "gui/retention/worklist_table_model.h"

#include "app/worklists.h"

namespace dd::gui {

WorklistTableModel::WorklistTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void WorklistTableModel::setRows(QList<model::WorklistRow> rows) {
  beginResetModel();
  rows_ = std::move(rows);
  cells_.clear();
  for (const model::WorklistRow& row : rows_) cells_.append(app::worklistCells(row));
  endResetModel();
}

int WorklistTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

int WorklistTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(app::worklistHeadings().size());
}

QVariant WorklistTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rows_.size()) return {};
  if (role == IdRole) return rows_.at(index.row()).volunteerId;
  if (role == Qt::DisplayRole) return cells_.at(index.row()).value(index.column());
  // the risk column's tooltip says what made the number
  if (role == Qt::ToolTipRole && index.column() == columnCount() - 1)
    return rows_.at(index.row()).riskExplanation;
  return {};
}

QVariant WorklistTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  return app::worklistHeadings().value(section);
}

}  // namespace dd::gui
