#include "gui/widgets/quick_filter.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>
#include <QLineEdit>

namespace dd::gui {

void enterGoesToResults(QLineEdit* filter, QAbstractItemView* results) {
  QObject::connect(filter, &QLineEdit::returnPressed, results, [results] {
    QAbstractItemModel* model = results->model();
    if (!model || model->rowCount() == 0) return;  // nothing found: stay in the filter to retype
    if (!results->selectionModel()->hasSelection())
      results->setCurrentIndex(model->index(0, 0));
    results->setFocus(Qt::ShortcutFocusReason);
  });
}

}  // namespace dd::gui
