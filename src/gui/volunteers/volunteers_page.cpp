#include "gui/volunteers/volunteers_page.h"

#include <QHeaderView>
#include <QMessageBox>

#include "gui/settings/app_settings.h"
#include "gui/widgets/collating_proxy_model.h"
#include "gui/widgets/display_text.h"
#include "gui/documents/documents_actions.h"
#include "gui/volunteers/volunteer_editor.h"
#include "gui/volunteers/volunteer_print_actions.h"
#include "gui/volunteers/volunteer_table_model.h"
#include "gui/widgets/quick_filter.h"
#include "gui/widgets/record_table.h"
#include "ui_volunteers_page.h"

namespace dd::gui {
namespace {
const QString kLayoutKey = QStringLiteral("volunteers");
}

VolunteersPage::VolunteersPage(app::Registry* registry, QWidget* parent)
    : QWidget(parent),
      PageCommands(PageCommands::Create | PageCommands::Find | PageCommands::Print),
      ui_(std::make_unique<Ui::VolunteersPage>()),
      registry_(registry),
      model_(new VolunteerTableModel(registry, this)),
      proxy_(new CollatingProxyModel(this)) {
  ui_->setupUi(this);
  ui_->statusFilter->addItem(tr("All statuses"));
  for (int s = 0; s < model::kVolunteerStatusCount; ++s)
    ui_->statusFilter->addItem(statusText(static_cast<model::VolunteerStatus>(s)), s);

  proxy_->setSourceModel(model_);
  // No initial sort: the database already returns registry-number order, and
  // sorting in the proxy would load every row.
  ui_->table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
  record_table::setUp(ui_->table, proxy_, kLayoutKey,
                      {{VolunteerTableModel::RegistryNo, 110}, {VolunteerTableModel::Name, 90},
                       {VolunteerTableModel::Sex, 64}, {VolunteerTableModel::Age, 44},
                       {VolunteerTableModel::Region, 130}, {VolunteerTableModel::Status, 140},
                       {VolunteerTableModel::Hla, 200}, {VolunteerTableModel::IdNumber, 150},
                       {VolunteerTableModel::Phone, 110}});

  filterDelay_.setSingleShot(true);
  filterDelay_.setInterval(250);
  connect(&filterDelay_, &QTimer::timeout, this, &VolunteersPage::applyFilter);
  connect(ui_->quickFilter, &QLineEdit::textChanged, &filterDelay_, qOverload<>(&QTimer::start));
  connect(ui_->regionFilter, &QLineEdit::textChanged, &filterDelay_, qOverload<>(&QTimer::start));
  // Enter: filter now (not after the typing pause), then go to the results.
  connect(ui_->quickFilter, &QLineEdit::returnPressed, this, [this] {
    if (filterDelay_.isActive()) {
      filterDelay_.stop();
      applyFilter();
    }
  });
  connect(ui_->regionFilter, &QLineEdit::returnPressed, this, [this] {
    filterDelay_.stop();
    applyFilter();
  });
  enterGoesToResults(ui_->quickFilter, ui_->table);
  connect(ui_->statusFilter, &QComboBox::currentIndexChanged, this, &VolunteersPage::applyFilter);
  connect(ui_->newButton, &QPushButton::clicked, this, &VolunteersPage::createRecord);
  connect(ui_->openButton, &QPushButton::clicked, this, &VolunteersPage::openSelected);
  connect(ui_->table, &QTableView::activated, this, &VolunteersPage::openSelected);
  connect(ui_->table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
          [this] { ui_->openButton->setEnabled(ui_->table->selectionModel()->hasSelection()); });
  connect(model_, &VolunteerTableModel::modelReset, this, &VolunteersPage::updateCount);
  connect(model_, &VolunteerTableModel::rowsInserted, this, &VolunteersPage::updateCount);
  connect(model_, &VolunteerTableModel::loadFailed, this,
          [this](const QString& message) { ui_->countLabel->setText(tr("Could not load volunteers: %1").arg(message)); });
  // Busy hint while a background filter or sort runs (the rows arrive with a reset).
  connect(model_, &VolunteerTableModel::loadingChanged, this, [this](bool loading) {
    if (loading && model_->sortColumn() >= 0) ui_->countLabel->setText(tr("Sorting…"));
    ui_->table->viewport()->setCursor(loading ? Qt::BusyCursor : Qt::ArrowCursor);
  });
  // Print button and context menu for the selected volunteer or a whole drive (owned by the table).
  new VolunteerPrintActions(registry_, ui_->table, ui_->titleRow);
  applyFilter();
}

VolunteersPage::~VolunteersPage() = default;

void VolunteersPage::applyFilter() {
  filterDelay_.stop();
  app::VolunteerFilter filter;
  filter.text = ui_->quickFilter->text().trimmed();
  filter.prefecture = ui_->regionFilter->text().trimmed();
  const QVariant status = ui_->statusFilter->currentData();
  if (status.isValid()) filter.status = static_cast<model::VolunteerStatus>(status.toInt());
  stale_ = false;
  if (background_ && proxy_->sortColumn() < 0) {
    ui_->countLabel->setText(tr("Searching…"));
    model_->setFilterInBackground(filter, databaseUrl_);
    return;
  }
  model_->setFilter(filter);
  if (proxy_->sortColumn() >= 0) model_->fetchAll();
}

void VolunteersPage::setBackgroundFiltering(const QString& databaseUrl) {
  background_ = true;
  databaseUrl_ = databaseUrl;
  model_->setBackgroundDatabase(databaseUrl);  // sorting too
}

void VolunteersPage::updateCount() {
  if (!model_->lastError().isEmpty()) return;
  ui_->countLabel->setText(tr("%Ln volunteer(s)", nullptr, model_->totalRows()));
}


void VolunteersPage::focusFind() {
  ui_->quickFilter->setFocus(Qt::ShortcutFocusReason);
  ui_->quickFilter->selectAll();
}

void VolunteersPage::showChangesFromElsewhere(const QList<qint64>& volunteerIds) {
  Q_UNUSED(volunteerIds);  // a new volunteer may match the filter anywhere: the list is read again
  if (!isVisible()) {
    stale_ = true;
    return;
  }
  applyFilter();
}

void VolunteersPage::pageShown() {
  if (stale_) applyFilter();
}

void VolunteersPage::createRecord() {
  VolunteerEditor editor(registry_, 0, this);
  editor.exec();
  if (editor.registeredIds().isEmpty()) return;
  for (qint64 id : editor.registeredIds()) Q_EMIT volunteerSaved(id);
  applyFilter();
}

void VolunteersPage::printPage() {
  const QModelIndex current = ui_->table->currentIndex();
  if (!current.isValid()) {
    QMessageBox::information(this, tr("Print"), tr("Select the volunteer whose registration form you want to print."));
    return;
  }
  const QString registryNo =
      proxy_->index(current.row(), VolunteerTableModel::RegistryNo).data().toString();
  printRegistrationForms(this, *registry_, {registryNo});
}

void VolunteersPage::openSelected() {
  const QModelIndex current = ui_->table->currentIndex();
  if (current.isValid()) openVolunteer(current.data(PagedTableModel::IdRole).toLongLong());
}

void VolunteersPage::openVolunteer(qint64 id) {
  VolunteerEditor editor(registry_, id, this);
  if (!editor.loadError().isEmpty()) {
    QMessageBox::warning(this, tr("Volunteer"), editor.loadError());
    return;
  }
  editor.exec();
  if (editor.savedAnything()) {
    Q_EMIT volunteerSaved(id);
    applyFilter();
  }
}

}  // namespace dd::gui
