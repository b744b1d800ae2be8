#include "gui/volunteers/volunteer_print_actions.h"

#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTreeWidget>

#include "app/recruitment_drive_key.h"
#include "app/registry.h"
#include "core/qt/localization.h"
#include "gui/widgets/display_text.h"
#include "gui/documents/documents_actions.h"
#include "gui/volunteers/volunteer_table_model.h"

namespace dd::gui {

VolunteerPrintActions::VolunteerPrintActions(app::Registry* registry, QTableView* table, QBoxLayout* buttonRow)
    : QObject(table), registry_(registry), table_(table), menu_(new QMenu(table)) {
  menu_->setObjectName(QStringLiteral("volunteerPrintMenu"));
  menu_->setToolTipsVisible(true);
  auto add = [this](const QString& name, const QString& text) {
    QAction* action = menu_->addAction(text);
    action->setObjectName(name);
    connect(action, &QAction::triggered, this, [this, action] { printSelected(action); });
    return action;
  };
  registration_ = add(QStringLiteral("printRegistrationAction"), tr("&Registration form"));
  registryConsent_ = add(QStringLiteral("printRegistryConsentAction"), tr("Registry &joining consent"));
  certificate_ = add(QStringLiteral("printCertificateAction"), tr("&Certificate of honour"));
  familyLetter_ = add(QStringLiteral("printFamilyLetterAction"), tr("&Letter to the family"));
  menu_->addSeparator();
  drive_ = menu_->addAction(tr("Registration forms for a &drive…"));
  drive_->setObjectName(QStringLiteral("printDriveAction"));
  drive_->setToolTip(tr("Print the registration forms of every volunteer of one recruitment drive into one "
                        "document."));
  connect(drive_, &QAction::triggered, this, &VolunteerPrintActions::printDrive);
  connect(menu_, &QMenu::aboutToShow, this, &VolunteerPrintActions::refresh);

  if (buttonRow) {
    // A push button with a menu: same look and height as the page's other buttons.
    auto* button = new QPushButton(tr("&Print"), table);
    button->setObjectName(QStringLiteral("printButton"));
    button->setToolTip(tr("Print a form or letter for the selected volunteer, or the forms of a drive"));
    button->setMenu(menu_);
    buttonRow->addWidget(button);
  }
  table_->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(table_, &QWidget::customContextMenuRequested, this,
          [this](const QPoint& at) { menu_->popup(table_->viewport()->mapToGlobal(at)); });
  if (table_->selectionModel())
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &VolunteerPrintActions::refresh);
  refresh();
}

QString VolunteerPrintActions::selectedRegistryNo() const {
  const QModelIndex current = table_->currentIndex();
  if (!current.isValid() || !table_->model()) return {};
  return table_->model()->index(current.row(), VolunteerTableModel::RegistryNo).data().toString();
}

void VolunteerPrintActions::refresh() {
  const QString registryNo = selectedRegistryNo();
  const bool selected = !registryNo.isEmpty() && registry_;
  for (QAction* action : {registration_, registryConsent_, familyLetter_}) action->setEnabled(selected);
  drive_->setEnabled(registry_ != nullptr);
  bool donated = false;
  if (selected) {
    // One indexed row: cheap enough to read on each selection change.
    auto volunteer = registry_->volunteerByRegistryNo(registryNo);
    donated = volunteer && volunteer->donationDate.isValid();
  }
  certificate_->setEnabled(donated);
  certificate_->setText(selected && !donated ? tr("&Certificate of honour (only after a recorded donation)")
                                             : tr("&Certificate of honour"));
  const QString hint = selected ? QString() : tr("Select a volunteer in the list first.");
  for (QAction* action : {registration_, registryConsent_, familyLetter_, certificate_}) action->setToolTip(hint);
  if (selected && !donated)
    certificate_->setToolTip(tr("Volunteer No. %1 has no recorded donation: the certificate of honour is printed "
                                "after a donation.").arg(registryNo));
}

void VolunteerPrintActions::printSelected(QAction* action) {
  QWidget* parent = table_->window();
  const QString registryNo = selectedRegistryNo();
  if (registryNo.isEmpty() || !registry_) {
    QMessageBox::information(parent, tr("Print"), tr("Select a volunteer in the list first."));
    return;
  }
  if (action == registration_) printRegistrationForms(parent, *registry_, {registryNo});
  else if (action == registryConsent_) printRegistryConsent(parent, *registry_, registryNo);
  else if (action == certificate_) printCertificate(parent, *registry_, registryNo);  // explains a missing donation
  else if (action == familyLetter_) printFamilyLetter(parent, *registry_, registryNo);
}

void VolunteerPrintActions::printDrive() {
  if (!registry_) return;
  QWidget* parent = table_->window();
  DrivePickerDialog picker(*registry_, parent);
  if (picker.driveCount() == 0) {
    QMessageBox::information(parent, tr("Print"), tr("No recruitment drive is recorded on any volunteer."));
    return;
  }
  if (picker.exec() != QDialog::Accepted || picker.selectedKey().isEmpty()) return;
  auto registryNos = app::driveVolunteers(*registry_, picker.selectedKey());
  if (!registryNos) {
    QMessageBox::warning(parent, tr("Cannot print"), dd::qt::translated(registryNos.error()));
    return;
  }
  printRegistrationForms(parent, *registry_, *registryNos);
}

DrivePickerDialog::DrivePickerDialog(app::Registry& registry, QWidget* parent)
    : QDialog(parent), list_(new QTreeWidget(this)) {
  setWindowTitle(tr("Print registration forms for a drive"));
  setObjectName(QStringLiteral("drivePickerDialog"));
  list_->setObjectName(QStringLiteral("driveList"));
  list_->setRootIsDecorated(false);
  list_->setHeaderLabels({tr("Date"), tr("Place"), tr("Organiser"), tr("Volunteers")});
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(new QLabel(tr("Choose the recruitment drive; every volunteer registered there gets a "
                                  "registration form, all in one document."), this));
  layout->addWidget(list_);
  auto drives = registry.recruitmentDrives();
  if (!drives) layout->addWidget(new QLabel(dd::qt::translated(drives.error()), this));
  for (const model::DriveSummary& drive : drives ? *drives : QList<model::DriveSummary>()) {
    auto* item = new QTreeWidgetItem(list_, {dateText(drive.drive.date),
                                             drive.drive.place.isEmpty() ? tr("(no place recorded)") : drive.drive.place,
                                             drive.drive.organiser, QString::number(drive.volunteerCount)});
    item->setData(0, Qt::UserRole, app::driveKey(drive));
    item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
  }
  if (list_->topLevelItemCount() > 0) list_->setCurrentItem(list_->topLevelItem(0));
  for (int column = 0; column < 3; ++column) list_->resizeColumnToContents(column);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("&Print preview…"));
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(list_, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);
  layout->addWidget(buttons);
  resize(560, 360);
}

QString DrivePickerDialog::selectedKey() const {
  const QTreeWidgetItem* item = list_->currentItem();
  return item ? item->data(0, Qt::UserRole).toString() : QString();
}

int DrivePickerDialog::driveCount() const { return list_->topLevelItemCount(); }

}  // namespace dd::gui
