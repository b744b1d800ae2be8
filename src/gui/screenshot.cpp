#include "gui/screenshot.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDialog>
#include <QTabWidget>
#include <QThread>

#include "gui/hla_reader.h"
#include "gui/main_window.h"
#include "gui/workspace.h"

namespace dd::gui {
namespace {
// Lets pending work land (layouts, the HLA tables loading in the background)
// so the picture shows what staff would see.
void settle() {
  QDeadlineTimer deadline(30000);
  while (!HlaReader::instance().ready() && !HlaReader::instance().failed() && !deadline.hasExpired()) {
    QApplication::processEvents(QEventLoop::AllEvents, 50);
    QThread::msleep(20);
  }
  for (int i = 0; i < 5; ++i) QApplication::processEvents();
}

QString save(QWidget* widget, const QString& path) {
  if (!widget->grab().save(path))
    return QCoreApplication::translate("Application", "Cannot write screenshot '%1'.").arg(path);
  return {};
}
}  // namespace

QString screenshotWidget(QWidget* widget, const QString& path) {
  settle();
  return save(widget, path);
}

QString screenshotDialog(Workspace& workspace, const QString& nameAndTab, const QString& path) {
  const QString name = nameAndTab.section(QLatin1Char(':'), 0, 0);
  const int tab = nameAndTab.section(QLatin1Char(':'), 1, 1).toInt();
  QDialog* dialog = workspace.createDialog(name, &workspace.window());
  if (!dialog)
    return QCoreApplication::translate("Application", "Dialog '%1' has nothing to show (is the database empty?).")
        .arg(name);
  if (auto* tabs = dialog->findChild<QTabWidget*>(QStringLiteral("tabs")); tabs && tab > 0)
    tabs->setCurrentIndex(qMin(tab, tabs->count() - 1));
  dialog->show();
  settle();
  const QString problem = save(dialog, path);
  delete dialog;
  return problem;
}

}  // namespace dd::gui
