#include "gui/smoke_run.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTimer>

#include "core/qt/app_paths.h"
#include "core/qt/localization.h"
#include "core/qt/qt_log_bridge.h"
#include "gui/hla_reader.h"
#include "gui/main_window.h"
#include "gui/workspace.h"

namespace dd::gui {
namespace {
// The offscreen platform (unattended runs, CI) cannot pass a window's size
// limits to a window system and says so for every window that has them; the
// program is not at fault, and under a real display (xcb) nothing is printed.
bool isPlatformNoise(const QString& warning) {
  return QGuiApplication::platformName() == QLatin1String("offscreen") &&
         warning == QLatin1String("This plugin does not support propagateSizeHints()");
}
}  // namespace

SmokeRun::SmokeRun(Workspace& workspace, int secondsToWaitForHla)
    : workspace_(workspace), hlaDeadlineMs_(secondsToWaitForHla * 1000) {
  QTimer::singleShot(0, this, &SmokeRun::openNextPage);
}

void SmokeRun::openNextPage() {
  const QStringList pages = MainWindow::pageNames();
  if (nextPage_ < pages.size()) {
    if (const auto page = MainWindow::pageByName(pages.at(nextPage_++))) workspace_.window().showPage(*page);
    // One event-loop turn per page: it paints and runs what it queued.
    QTimer::singleShot(0, this, &SmokeRun::openNextPage);
    return;
  }
  finishWhenHlaSettled();
}

void SmokeRun::finishWhenHlaSettled() {
  HlaReader& reader = HlaReader::instance();
  if (reader.ready() || reader.failed()) return finish();
  if (!waited_.isValid()) waited_.start();
  if (waited_.elapsed() > hlaDeadlineMs_) {
    problems_ << tr("The HLA tables did not finish loading within %1 s.").arg(hlaDeadlineMs_ / 1000);
    return finish();
  }
  QTimer::singleShot(50, this, &SmokeRun::finishWhenHlaSettled);
}

void SmokeRun::finish() {
  HlaReader& reader = HlaReader::instance();
  if (reader.failed()) problems_ << tr("The HLA tables could not be loaded: %1").arg(reader.loadError());
  if (!dd::qt::productCatalogueInstalled())
    problems_ << tr("The translations are missing from %1.").arg(dd::qt::translationsDir());
  for (const QString& warning : dd::qt::qtWarningsSoFar())
    if (!isPlatformNoise(warning)) problems_ << tr("Qt warning: %1").arg(warning);
  QCoreApplication::exit(problems_.isEmpty() ? 0 : 1);
}

}  // namespace dd::gui
