#pragma once
// The dialogs the documentation shows, by name ("settings", "about",
// "volunteer-new", "volunteer-invalid", "volunteer-edit", "patient-new",
// "patient-edit"), each opened over the workspace's database the way staff
// would meet it.
#include <QCoreApplication>
#include <QStringList>

class QDialog;
class QWidget;

namespace dd::gui {

class Workspace;

class DialogCatalogue {
  Q_DECLARE_TR_FUNCTIONS(DialogCatalogue)
 public:
  static QStringList names();
  // Null for an unknown name or when the database has no record to open.
  static QDialog* create(Workspace& workspace, const QString& name, QWidget* parent);
};

}  // namespace dd::gui
