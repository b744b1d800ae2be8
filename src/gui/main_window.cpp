#include "gui/main_window.h"

#include <QCloseEvent>
#include <QLabel>
#include <QMenu>

#include "gui/about_dialog.h"
#include "gui/settings/app_settings.h"
#include "gui/documents/documents_actions.h"
#include "gui/page_commands.h"
#include "gui/placeholder_page.h"
#include "ui_main_window.h"

namespace dd::gui {
namespace {
// The pages in navigation order: name, title, and what the page is for (its
// tooltip and the placeholder's text).
struct Entry {
  Page page;
  const char* name;  // for --page, and the icon's file name
  const char* title;
  const char* description;
};
const Entry kEntries[] = {
    {Page::Volunteers, "volunteers", QT_TRANSLATE_NOOP("dd::gui::MainWindow", "Volunteers"),
     QT_TRANSLATE_NOOP("dd::gui::MainWindow", "The register of volunteers: find anyone by name, registry number, ID number or phone; register "
                "new volunteers from a recruitment drive; edit contact details, HLA typing and status with a "
                "full audit history.")},
    {Page::Patients, "patients", QT_TRANSLATE_NOOP("dd::gui::MainWindow", "Patients"),
     QT_TRANSLATE_NOOP("dd::gui::MainWindow", "Patients for whom a transplant hospital has requested a search: typing, diagnosis, urgency and "
                "the state of each search request.")},
    {Page::MatchSearch, "match", QT_TRANSLATE_NOOP("dd::gui::MainWindow", "Match search"),
     QT_TRANSLATE_NOOP("dd::gui::MainWindow", "Rank every volunteer against a patient's HLA typing (10/10, 8/8, 6/6, DPB1 permissiveness) in "
                "milliseconds, reserve the best donors and print the search report.")},
    {Page::Cases, "cases", QT_TRANSLATE_NOOP("dd::gui::MainWindow", "Cases"),
     QT_TRANSLATE_NOOP("dd::gui::MainWindow", "Each matched volunteer's path from confirmatory typing through medical exam, signed donation "
                "consent and collection, with dates, stop reasons and the forms to print.")},
    {Page::Retention, "retention", QT_TRANSLATE_NOOP("dd::gui::MainWindow", "Retention"),
     QT_TRANSLATE_NOOP("dd::gui::MainWindow", "Keeping in touch: volunteers who have lost contact, contact details that are getting old, and "
                "matched volunteers at risk of withdrawing late.")},
    {Page::Statistics, "statistics", QT_TRANSLATE_NOOP("dd::gui::MainWindow", "Statistics"),
     QT_TRANSLATE_NOOP("dd::gui::MainWindow", "Figures for the branch: registrations per drive and region, status mix, searches, workups and "
                "donations over time.")},
};
}  // namespace

std::optional<Page> MainWindow::pageByName(const QString& name) {
  for (const Entry& entry : kEntries)
    if (name == QLatin1String(entry.name)) return entry.page;
  return std::nullopt;
}

QStringList MainWindow::pageNames() {
  QStringList names;
  for (const Entry& entry : kEntries) names << QLatin1String(entry.name);
  return names;
}

namespace {
PageCommands* commandsOf(QWidget* page) { return dynamic_cast<PageCommands*>(page); }
}  // namespace

MainWindow::MainWindow(const QString& databaseLabel, QWidget* parent)
    : QMainWindow(parent), ui_(std::make_unique<Ui::MainWindow>()) {
  ui_->setupUi(this);
  setWindowTitle(tr("DonorDesk — stem-cell donor registry"));

  for (const Entry& entry : kEntries)
    addNavigationEntry(entry.page, QLatin1String(entry.name), tr(entry.title), tr(entry.description));

  connect(ui_->navigationList, &QListWidget::currentRowChanged, this, &MainWindow::pageChanged);
  connect(ui_->actionQuit, &QAction::triggered, this, &QWidget::close);
  connect(ui_->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
  connect(ui_->actionSettings, &QAction::triggered, this, &MainWindow::settingsRequested);
  ui_->actionSettings->setIcon(QIcon(QStringLiteral(":/gui/icons/settings.svg")));
  connect(ui_->actionNew, &QAction::triggered, this, [this] {
    if (auto* c = commandsOf(ui_->pageStack->currentWidget()); c && c->supports(PageCommands::Create)) c->createRecord();
  });
  connect(ui_->actionFind, &QAction::triggered, this, [this] {
    if (auto* c = commandsOf(ui_->pageStack->currentWidget()); c && c->supports(PageCommands::Find)) c->focusFind();
  });
  connect(ui_->actionPrint, &QAction::triggered, this, [this] {
    if (auto* c = commandsOf(ui_->pageStack->currentWidget()); c && c->supports(PageCommands::Print)) c->printPage();
  });

  // Tools: the office template editor with live preview (documents_actions.h).
  auto* tools = new QMenu(tr("&Tools"), ui_->menuBar);
  tools->setObjectName(QStringLiteral("menuTools"));
  QAction* editTemplates = tools->addAction(tr("Edit form &templates…"));
  editTemplates->setObjectName(QStringLiteral("actionEditTemplates"));
  editTemplates->setStatusTip(tr("Copy a form into the office template folder and edit it with a live preview"));
  connect(editTemplates, &QAction::triggered, this, [this] { openTemplateEditor(this); });
  ui_->menuBar->insertMenu(ui_->menuHelp->menuAction(), tools);

  databaseLabel_ = new QLabel(this);
  databaseLabel_->setObjectName(QStringLiteral("databaseLabel"));
  statusBar()->addPermanentWidget(databaseLabel_);
  hlaNotice_ = new QLabel(this);
  hlaNotice_->setObjectName(QStringLiteral("hlaNotice"));
  hlaNotice_->setStyleSheet(QStringLiteral("color: #b03a2e"));
  hlaNotice_->hide();
  statusBar()->insertPermanentWidget(0, hlaNotice_, 1);
  setDatabaseLabel(databaseLabel);
  resize(1200, 760);
  AppSettings::restoreGeometry(QStringLiteral("mainWindow"), this);
  ui_->navigationList->setCurrentRow(0);
}

MainWindow::~MainWindow() = default;

void MainWindow::addNavigationEntry(Page page, const QString& icon, const QString& title,
                                    const QString& description) {
  Q_ASSERT(ui_->pageStack->count() == static_cast<int>(page));
  auto* item = new QListWidgetItem(QIcon(QStringLiteral(":/gui/icons/%1.svg").arg(icon)), title);
  item->setToolTip(description);
  item->setSizeHint(QSize(0, 40));
  ui_->navigationList->addItem(item);
  ui_->pageStack->addWidget(new PlaceholderPage(title, description, ui_->pageStack));
}

void MainWindow::setPage(Page page, QWidget* widget) {
  const int index = static_cast<int>(page);
  QWidget* old = ui_->pageStack->widget(index);
  ui_->pageStack->insertWidget(index, widget);
  ui_->pageStack->removeWidget(old);
  old->deleteLater();
  ui_->pageStack->setCurrentIndex(ui_->navigationList->currentRow());
  updateActions();
}

void MainWindow::showPage(Page page) { ui_->navigationList->setCurrentRow(static_cast<int>(page)); }

QWidget* MainWindow::page(Page page) const { return ui_->pageStack->widget(static_cast<int>(page)); }

Page MainWindow::currentPage() const { return static_cast<Page>(ui_->pageStack->currentIndex()); }

void MainWindow::setDatabaseLabel(const QString& label) {
  databaseLabel_->setText(tr("Database: %1").arg(label));
}

void MainWindow::setHlaNotice(const QString& text) {
  // Elided to one line; the whole text is the tooltip (a long path would
  // otherwise stretch the window past the screen).
  hlaNotice_->setText(hlaNotice_->fontMetrics().elidedText(text, Qt::ElideRight, 760));
  hlaNotice_->setToolTip(text);
  hlaNotice_->setVisible(!text.isEmpty());
}

void MainWindow::pageChanged(int index) {
  ui_->pageStack->setCurrentIndex(index);
  if (auto* c = commandsOf(ui_->pageStack->currentWidget())) c->pageShown();
  updateActions();
}

void MainWindow::updateActions() {
  auto* c = commandsOf(ui_->pageStack->currentWidget());
  ui_->actionNew->setEnabled(c && c->supports(PageCommands::Create));
  ui_->actionFind->setEnabled(c && c->supports(PageCommands::Find));
  ui_->actionPrint->setEnabled(c && c->supports(PageCommands::Print));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  AppSettings::saveGeometry(QStringLiteral("mainWindow"), this);
  QMainWindow::closeEvent(event);
}

void MainWindow::showAbout() {
  AboutDialog dialog(this);
  dialog.exec();
}

}  // namespace dd::gui
