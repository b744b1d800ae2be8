#pragma once
// A page of the main window whose capability is not built yet: it says
// plainly what will be there, so staff and testers know what to expect.
#include <QWidget>

namespace dd::gui {

class PlaceholderPage : public QWidget {
  Q_OBJECT
 public:
  PlaceholderPage(const QString& title, const QString& description, QWidget* parent = nullptr);
};

}  // namespace dd::gui
