#include "gui/main_window.h"

#include <QLabel>

#include "gui/about_dialog.h"
#include "gui/placeholder_page.h"
#include "ui_main_window.h"

namespace dd::gui {

MainWindow::MainWindow(const QString& databaseLabel, QWidget* parent)
    : QMainWindow(parent), ui_(std::make_unique<Ui::MainWindow>()) {
  ui_->setupUi(this);
  setWindowTitle(tr("DonorDesk — stem-cell donor registry"));

  addNavigationEntry(Page::Volunteers, tr("Volunteers"),
                     tr("The register of volunteers: find anyone by name, registry number, ID number or "
                        "phone; register new volunteers from a recruitment drive; edit contact details, "
                        "HLA typing and status with a full audit history."));
  addNavigationEntry(Page::Patients, tr("Patients"),
                     tr("Patients for whom a transplant hospital has requested a search: typing, "
                        "diagnosis, urgency and the state of each search request."));
  addNavigationEntry(Page::MatchSearch, tr("Match search"),
                     tr("Rank every volunteer against a patient's HLA typing (10/10, 8/8, 6/6, DPB1 "
                        "permissiveness) in milliseconds, reserve the best donors and print the search "
                        "report."));
  addNavigationEntry(Page::Cases, tr("Cases"),
                     tr("Each matched volunteer's path from confirmatory typing through medical exam, "
                        "signed donation consent and collection, with dates, stop reasons and the forms "
                        "to print."));
  addNavigationEntry(Page::Retention, tr("Retention"),
                     tr("Keeping in touch: volunteers who have lost contact, contact details that are "
                        "getting old, and matched volunteers at risk of withdrawing late."));
  addNavigationEntry(Page::Statistics, tr("Statistics"),
                     tr("Figures for the branch: registrations per drive and region, status mix, "
                        "searches, workups and donations over time."));

  connect(ui_->navigationList, &QListWidget::currentRowChanged, ui_->pageStack, &QStackedWidget::setCurrentIndex);
  connect(ui_->actionQuit, &QAction::triggered, this, &QWidget::close);
  connect(ui_->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);

  databaseLabel_ = new QLabel(this);
  statusBar()->addPermanentWidget(databaseLabel_);
  setDatabaseLabel(databaseLabel);
  ui_->navigationList->setCurrentRow(0);
}

MainWindow::~MainWindow() = default;

void MainWindow::addNavigationEntry(Page page, const QString& title, const QString& description) {
  Q_ASSERT(ui_->pageStack->count() == static_cast<int>(page));
  ui_->navigationList->addItem(title);
  ui_->pageStack->addWidget(new PlaceholderPage(title, description, ui_->pageStack));
}

void MainWindow::setPage(Page page, QWidget* widget) {
  const int index = static_cast<int>(page);
  QWidget* old = ui_->pageStack->widget(index);
  ui_->pageStack->insertWidget(index, widget);
  ui_->pageStack->removeWidget(old);
  old->deleteLater();
  ui_->pageStack->setCurrentIndex(ui_->navigationList->currentRow());
}

void MainWindow::showPage(Page page) { ui_->navigationList->setCurrentRow(static_cast<int>(page)); }

QWidget* MainWindow::page(Page page) const { return ui_->pageStack->widget(static_cast<int>(page)); }

void MainWindow::setDatabaseLabel(const QString& label) {
  databaseLabel_->setText(tr("Database: %1").arg(label));
}

void MainWindow::showAbout() {
  AboutDialog dialog(this);
  dialog.exec();
}

}  // namespace dd::gui
