#include "gui/widgets/record_table.h"

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QTableView>

#include "gui/settings/app_settings.h"

namespace dd::gui::record_table {

void setUp(QTableView* table, QAbstractItemModel* model, const QString& layoutKey,
           std::initializer_list<std::pair<int, int>> columnWidths) {
  table->setModel(model);
  table->setSortingEnabled(true);
  table->horizontalHeader()->setSectionsMovable(true);
  table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
  for (const auto& [column, width] : columnWidths) table->setColumnWidth(column, width);
  AppSettings::restoreHeader(layoutKey, table->horizontalHeader());
  auto save = [table, layoutKey] { AppSettings::saveHeader(layoutKey, table->horizontalHeader()); };
  QObject::connect(table->horizontalHeader(), &QHeaderView::sectionResized, table, save);
  QObject::connect(table->horizontalHeader(), &QHeaderView::sectionMoved, table, save);
}

void onRowsChanged(QAbstractItemModel* model, QObject* context, const std::function<void()>& update) {
  QObject::connect(model, &QAbstractItemModel::modelReset, context, update);
  QObject::connect(model, &QAbstractItemModel::rowsInserted, context, update);
  QObject::connect(model, &QAbstractItemModel::rowsRemoved, context, update);
  QObject::connect(model, &QAbstractItemModel::layoutChanged, context, update);
}

}  // namespace dd::gui::record_table
