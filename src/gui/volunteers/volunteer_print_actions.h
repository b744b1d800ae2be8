#pragma once
// The printing actions of the volunteers page: a "Print" button with a menu
// next to the page's buttons and the same actions in the list's context menu,
// acting on the selected volunteer (registration form, registry joining
// consent, certificate of honour — only after a donation —, family letter),
// plus the registration forms of a whole recruitment drive, picked from the
// drives on record. Kept out of volunteers_page.cpp: the page only installs it.
#include <QDialog>
#include <QObject>
#include <QString>

class QAction;
class QBoxLayout;
class QMenu;
class QTableView;
class QTreeWidget;

namespace dd::app {
class Registry;
}

namespace dd::gui {

class VolunteerPrintActions : public QObject {
  Q_OBJECT
 public:
  // table: the volunteers list (its model has a VolunteerTableModel::RegistryNo
  // column); buttonRow: where the Print button goes (may be null).
  VolunteerPrintActions(app::Registry* registry, QTableView* table, QBoxLayout* buttonRow);

  QMenu* menu() const { return menu_; }
  QAction* registrationAction() const { return registration_; }
  QAction* registryConsentAction() const { return registryConsent_; }
  QAction* certificateAction() const { return certificate_; }
  QAction* familyLetterAction() const { return familyLetter_; }
  QAction* driveAction() const { return drive_; }

  // The selected volunteer's registry number ("" when none).
  QString selectedRegistryNo() const;
  // Enables the volunteer actions for the selection; the certificate only
  // when the selected volunteer has a recorded donation (its text says why not).
  void refresh();

 private:
  void printSelected(QAction* action);
  void printDrive();

  app::Registry* registry_;
  QTableView* table_;
  QMenu* menu_;
  QAction* registration_;
  QAction* registryConsent_;
  QAction* certificate_;
  QAction* familyLetter_;
  QAction* drive_;
};

// Lists the recruitment drives on record (date, place, organiser, number of
// volunteers); the chosen one is driveKey() (app/recruitment_drive_key.h).
class DrivePickerDialog : public QDialog {
  Q_OBJECT
 public:
  explicit DrivePickerDialog(app::Registry& registry, QWidget* parent = nullptr);
  QString selectedKey() const;
  int driveCount() const;
  QTreeWidget* list() const { return list_; }

 private:
  QTreeWidget* list_;
};

}  // namespace dd::gui
