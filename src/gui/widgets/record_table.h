#pragma once
// The list of records every page shows (volunteers, patients, cases): a
// sortable table over a proxy, columns the user may move and resize, that
// layout kept per page, rows a little taller than the text, and a count
// that follows what is shown. One setup instead of one copy per page.
#include <functional>
#include <initializer_list>
#include <utility>

#include <QString>

class QAbstractItemModel;
class QObject;
class QTableView;

namespace dd::gui::record_table {

// Puts model on table with the given starting column widths and restores
// the layout saved under layoutKey (saved again whenever it changes).
void setUp(QTableView* table, QAbstractItemModel* model, const QString& layoutKey,
           std::initializer_list<std::pair<int, int>> columnWidths);
// Calls update (within context's lifetime) whenever model's rows change.
void onRowsChanged(QAbstractItemModel* model, QObject* context, const std::function<void()>& update);

}  // namespace dd::gui::record_table
