#include "gui/widgets/application_file_guard.h"

#include <QApplication>
#include <QEvent>
#include <QWidget>

#include "gui/widgets/file_dialogs.h"

namespace dd::gui {

void ApplicationFileGuard::install() {
  static ApplicationFileGuard* guard = nullptr;
  if (guard || !qApp) return;
  QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
  guard = new ApplicationFileGuard(qApp);
  qApp->installEventFilter(guard);
}

bool ApplicationFileGuard::eventFilter(QObject* watched, QEvent* event) {
  // Polish comes before the first show; Show again for a window reused.
  if (event->type() == QEvent::Polish || event->type() == QEvent::Show) {
    auto* widget = qobject_cast<QWidget*>(watched);
    if (widget && widget->isWindow()) FileDialogs::protect(widget);
  }
  return QObject::eventFilter(watched, event);
}

}  // namespace dd::gui
