#pragma once
// Unattended renders for the documentation (donordesk-screenshot PATH
// [--page NAME] [--dialog NAME[:TAB]]). Each returns "" or the problem.
#include <QString>

class QWidget;

namespace dd::gui {

class Workspace;

QString screenshotWidget(QWidget* widget, const QString& path);
// The main window on its current page (the match page after a search).
// tab > 0: that tab of the page's first tab widget is shown first.
QString screenshotPage(Workspace& workspace, const QString& path, int tab = 0);
QString screenshotDialog(Workspace& workspace, const QString& nameAndTab, const QString& path);

}  // namespace dd::gui
