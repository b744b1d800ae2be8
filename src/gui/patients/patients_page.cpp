#include "gui/patients/patients_page.h"

#include <QHeaderView>
#include <QMessageBox>

#include "gui/settings/app_settings.h"
#include "gui/widgets/collating_proxy_model.h"
#include "gui/widgets/paged_table_model.h"
#include "gui/patients/patient_editor.h"
#include "gui/patients/patient_table_model.h"
#include "gui/widgets/quick_filter.h"
#include "gui/widgets/record_table.h"
#include "ui_patients_page.h"

namespace dd::gui {
namespace {
const QString kLayoutKey = QStringLiteral("patients");
}

PatientsPage::PatientsPage(app::Registry* registry, QWidget* parent)
    : QWidget(parent),
      PageCommands(PageCommands::Create | PageCommands::Find),
      ui_(std::make_unique<Ui::PatientsPage>()),
      registry_(registry),
      model_(new PatientTableModel(registry, this)),
      proxy_(new CollatingProxyModel(this)) {
  ui_->setupUi(this);
  ui_->statusFilter->addItem(tr("All"));
  for (const QString& key : PatientTableModel::searchStatusKeys())
    ui_->statusFilter->addItem(PatientTableModel::searchStatusText(key), key);
  proxy_->setSourceModel(model_);
  ui_->table->sortByColumn(PatientTableModel::Requested, Qt::DescendingOrder);
  record_table::setUp(ui_->table, proxy_, kLayoutKey,
                      {{PatientTableModel::CaseNo, 120}, {PatientTableModel::Hospital, 160}});

  connect(ui_->quickFilter, &QLineEdit::textChanged, proxy_, &CollatingProxyModel::setQuickFilter);
  enterGoesToResults(ui_->quickFilter, ui_->table);
  connect(ui_->statusFilter, &QComboBox::currentIndexChanged, this, &PatientsPage::reload);
  connect(ui_->newButton, &QPushButton::clicked, this, &PatientsPage::createRecord);
  connect(ui_->openButton, &QPushButton::clicked, this, [this] { openPatient(selectedId()); });
  connect(ui_->searchButton, &QPushButton::clicked, this, [this] { Q_EMIT searchRequested(selectedId()); });
  connect(ui_->table, &QTableView::activated, this, [this] { openPatient(selectedId()); });
  connect(ui_->table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
    const bool selected = ui_->table->selectionModel()->hasSelection();
    ui_->openButton->setEnabled(selected);
    ui_->searchButton->setEnabled(selected);
  });
  // The count follows what is shown, quick filter included.
  record_table::onRowsChanged(proxy_, this,
                              [this] { ui_->countLabel->setText(tr("%Ln patient(s)", nullptr, proxy_->rowCount())); });
  reload();
}

PatientsPage::~PatientsPage() = default;

void PatientsPage::reload() {
  if (!model_->reload(ui_->statusFilter->currentData().toString()))
    ui_->countLabel->setText(tr("Could not load patients: %1").arg(model_->lastError()));
  else
    ui_->countLabel->setText(tr("%Ln patient(s)", nullptr, proxy_->rowCount()));
}

qint64 PatientsPage::selectedId() const {
  const QModelIndex current = ui_->table->currentIndex();
  return current.isValid() ? current.data(PagedTableModel::IdRole).toLongLong() : 0;
}

void PatientsPage::focusFind() {
  ui_->quickFilter->setFocus(Qt::ShortcutFocusReason);
  ui_->quickFilter->selectAll();
}

void PatientsPage::createRecord() {
  PatientEditor editor(registry_, 0, this);
  if (editor.exec() != QDialog::Accepted) return;
  Q_EMIT patientSaved(editor.patientId());
  reload();
}

void PatientsPage::openPatient(qint64 id) {
  if (id == 0) return;
  PatientEditor editor(registry_, id, this);
  if (!editor.loadError().isEmpty()) {
    QMessageBox::warning(this, tr("Patient"), editor.loadError());
    return;
  }
  editor.exec();
  if (editor.savedAnything()) {
    Q_EMIT patientSaved(id);
    reload();
  }
}

}  // namespace dd::gui
