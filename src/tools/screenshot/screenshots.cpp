#include "screenshots.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDialog>
#include <QTabWidget>
#include <QThread>

#include "app/registry.h"
#include "gui/cases/case_table_model.h"
#include "gui/cases/cases_page.h"
#include "gui/hla_reader.h"
#include "gui/main_window.h"
#include "gui/search/match_search_page.h"
#include "gui/statistics/statistics_page.h"
#include "gui/search/search_runner.h"
#include "gui/workspace.h"
#include "dialog_catalogue.h"

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


void addDemoCases(Workspace& workspace) {
  // Only for the documentation run over its throwaway demo database
  // (scripts/screenshots sets the variable): never writes to real data.
  if (qEnvironmentVariable("DONORDESK_SCREENSHOT_DEMO") != QLatin1String("1")) return;
  app::Registry& registry = *workspace.registry();
  app::PatientQuery patients;
  patients.limit = 4;
  app::VolunteerQuery volunteers;
  volunteers.filter.status = model::VolunteerStatus::Active;
  volunteers.limit = 4;
  auto p = registry.listPatients(patients);
  auto v = registry.listVolunteers(volunteers);
  if (!p || !v) return;
  const app::Actor actor{QStringLiteral("demo")};
  const QDate start = QDate::currentDate().addDays(-60);
  for (int i = 0; i < qMin(p->size(), v->size()); ++i) {
    auto opened = registry.startWorkup(p->at(i).id, v->at(i).id, start.addDays(i * 7), actor);
    if (!opened.ok()) continue;
    model::WorkupCase w = *opened.value;
    for (int stage = 1; stage <= i && opened.ok(); ++stage) {
      opened = registry.advanceWorkup(w.id, w.rowVersion, static_cast<model::WorkupStage>(stage),
                                      start.addDays(i * 7 + stage * 9), actor);
      if (opened.ok()) w = *opened.value;
    }
  }
}
}  // namespace

QString screenshotPage(Workspace& workspace, const QString& path, int tab) {
  MainWindow& window = workspace.window();
  if (tab > 0)
    if (auto* tabs = window.page(window.currentPage())->findChild<QTabWidget*>())
      tabs->setCurrentIndex(qMin(tab, tabs->count() - 1));
  if (window.currentPage() == Page::Cases) {
    if (auto* cases = qobject_cast<CasesPage*>(window.page(Page::Cases)); cases && cases->model()->rowCount() == 0) {
      addDemoCases(workspace);
      cases->reload();
    }
    if (auto* cases = qobject_cast<CasesPage*>(window.page(Page::Cases)); cases && cases->model()->rowCount() > 0)
      cases->selectCase(cases->model()->row(0).workup.id);
  }
  return screenshotWidget(&window, path);
}

QString screenshotWidget(QWidget* widget, const QString& path) {
  settle();
  // The match page is only interesting with results: search for the first patient.
  auto* window = qobject_cast<MainWindow*>(widget);
  if (window && window->currentPage() == Page::MatchSearch)
    if (auto* search = qobject_cast<MatchSearchPage*>(window->page(Page::MatchSearch)); search && search->search()) {
      QDeadlineTimer deadline(60000);
      while (search->runner()->busy() && !deadline.hasExpired()) {
        QApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
      }
      QApplication::processEvents();
    }
  // The statistics page counts in the background once shown: wait for its charts.
  if (window && window->currentPage() == Page::Statistics)
    if (auto* statistics = qobject_cast<StatisticsPage*>(window->page(Page::Statistics))) {
      QDeadlineTimer deadline(60000);
      while (statistics->busy() && !deadline.hasExpired()) {
        QApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
      }
      settle();
    }
  return save(widget, path);
}

QString screenshotDialog(Workspace& workspace, const QString& nameAndTab, const QString& path) {
  const QString name = nameAndTab.section(QLatin1Char(':'), 0, 0);
  const int tab = nameAndTab.section(QLatin1Char(':'), 1, 1).toInt();
  QDialog* dialog = DialogCatalogue::create(workspace, name, &workspace.window());
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
