#include "gui/workspace.h"

#include "app/hla_check.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

#include "app/registry.h"
#include "core/qt/app_paths.h"
#include "core/qt/localization.h"
#include "gui/settings/app_settings.h"
#include "gui/hla_reader.h"
#include "gui/main_window.h"
#include "gui/cases/cases_page.h"
#include "gui/statistics/statistics_page.h"
#include "gui/retention/retention_page.h"
#include "gui/search/match_search_page.h"
#include "gui/patients/patients_page.h"
#include "gui/search/search_index.h"
#include "gui/settings/settings_dialog.h"
#include "gui/volunteers/volunteers_page.h"

namespace dd::gui {
namespace {
QString displayName(const QString& url) {
  return url.isEmpty() ? QDir::toNativeSeparators(dd::qt::defaultDatabasePath()) : url;
}
}  // namespace

Workspace::Workspace() : window_(std::make_unique<MainWindow>(QString())) {
  connect(window_.get(), &MainWindow::settingsRequested, this, &Workspace::showSettings);
  connect(&HlaReader::instance(), &HlaReader::readyChanged, this, [this] {
    if (registry_) registry_->setHlaChecker(hlaChecker());
    window_->setHlaNotice(hlaNotice());
  });
}

Workspace::~Workspace() = default;

// The loaded tables' checker; while they load or when they failed, the
// checker of the same release folder, which refuses every typing when that
// folder is refused (never the bundled release in its place).
app::HlaChecker Workspace::hlaChecker() const {
  const HlaReader& reader = HlaReader::instance();
  return reader.ready() ? reader.checker() : app::defaultHlaChecker(reader.releaseDir());
}

QString Workspace::hlaNotice() const {
  const HlaReader& reader = HlaReader::instance();
  if (reader.failed())
    return tr("HLA tables not loaded: typings cannot be checked, saved or searched (%1)").arg(reader.loadError());
  if (const auto nomenclature = reader.nomenclature()) return app::unverifiedHlaDataWarning(*nomenclature);
  return {};
}

dd::Status Workspace::openDatabase(const QString& url) {
  auto opened = app::Registry::open(url);
  if (!opened) return opened.error();
  // Pages hold the registry: replace them before the old one goes.
  std::unique_ptr<app::Registry> old = std::move(registry_);
  std::unique_ptr<SearchIndex> oldIndex = std::move(index_);
  registry_ = std::move(*opened);
  registry_->setHlaChecker(hlaChecker());
  window_->setHlaNotice(hlaNotice());
  url_ = url;
  index_ = std::make_unique<SearchIndex>(registry_.get(), url_);
  connect(index_.get(), &SearchIndex::progress, this, [this](const QString& text) {
    window_->statusBar()->showMessage(text, index_->building() ? 0 : 10000);
  });
  rebuildPages();
  window_->setDatabaseLabel(displayName(url));
  index_->start();
  // The replaced pages are deleted later (deleteLater); the old connection
  // and index must outlive them, so they go after them in the event queue
  // (the index first: it unhooks itself from its registry).
  if (old)
    QTimer::singleShot(0, this, [retired = std::shared_ptr<app::Registry>(std::move(old)),
                                 retiredIndex = std::shared_ptr<SearchIndex>(std::move(oldIndex))]() mutable {
      retiredIndex.reset();
    });
  return {};
}

void Workspace::rebuildPages() {
  const Page current = window_->currentPage();
  auto* volunteersPage = new VolunteersPage(registry_.get());
  volunteersPage->setBackgroundFiltering(url_);
  connect(index_.get(), &SearchIndex::volunteersChangedElsewhere, volunteersPage,
          &VolunteersPage::showChangesFromElsewhere);
  window_->setPage(Page::Volunteers, volunteersPage);
  auto* patients = new PatientsPage(registry_.get());
  window_->setPage(Page::Patients, patients);
  auto* search = new MatchSearchPage(registry_.get(), index_.get());
  window_->setPage(Page::MatchSearch, search);
  connect(patients, &PatientsPage::searchRequested, this, [this, search](qint64 patientId) {
    search->pageShown();
    search->selectPatient(patientId);
    window_->showPage(Page::MatchSearch);
    search->search();
  });
  auto* cases = new CasesPage(registry_.get());
  window_->setPage(Page::Cases, cases);
  window_->setPage(Page::Statistics, new StatisticsPage(url_));
  connect(search, &MatchSearchPage::caseOpened, this, [this, cases](qint64 caseId) {
    cases->reload();
    cases->selectCase(caseId);
  });
  auto* retention = new RetentionPage(registry_.get(), url_);
  window_->setPage(Page::Retention, retention);
  connect(retention, &RetentionPage::volunteerRequested, volunteersPage, &VolunteersPage::openVolunteer);
  window_->showPage(current);
}

void Workspace::showSettings() {
  SettingsDialog dialog(window_.get());
  dialog.setConnectionTester(&Workspace::testConnection);
  dialog.showDatabaseInUse(url_);
  if (dialog.exec() != QDialog::Accepted) return;
  HlaReader::instance().startLoading(AppSettings::hlaReleaseDir(), AppSettings::macTablePath());
  if (dialog.databaseUrl() == url_) return;
  if (const dd::Status opened = openDatabase(dialog.databaseUrl()); !opened) {
    QMessageBox::warning(window_.get(), tr("Database"),
                         tr("Could not open %1: %2\n\nStill working with %3.")
                             .arg(displayName(dialog.databaseUrl()), dd::qt::translated(opened.error()),
                                  displayName(url_)));
    AppSettings::setDatabase(url_);
  }
}

QString Workspace::testConnection(const QString& url) {
  const bool sqlite = !url.startsWith(QLatin1String("postgres"));
  const QString path = url.startsWith(QLatin1String("sqlite:")) ? url.mid(7) : url;
  if (sqlite && !url.isEmpty() && !QFileInfo::exists(path))
    return tr("The file does not exist yet; it will be created when you press OK.");
  auto opened = app::Registry::open(url, app::Access::AsIs);
  return opened ? QString() : dd::qt::translated(opened.error());
}

}  // namespace dd::gui
