#pragma once
// Enter in a list page's quick filter: the typing is done, go to what it
// found. The first row is selected (unless one already is) and the table
// takes the focus, so arrow keys move and Enter opens, without the mouse.
class QAbstractItemView;
class QLineEdit;

namespace dd::gui {

void enterGoesToResults(QLineEdit* filter, QAbstractItemView* results);

}  // namespace dd::gui
