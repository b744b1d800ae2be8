#include "dialog_catalogue.h"

#include <QLineEdit>

#include "app/registry.h"
#include "gui/about_dialog.h"
#include "gui/patients/patient_editor.h"
#include "gui/settings/settings_dialog.h"
#include "gui/volunteers/volunteer_editor.h"
#include "gui/workspace.h"

namespace dd::gui {

QStringList DialogCatalogue::names() {
  return {QStringLiteral("settings"), QStringLiteral("about"), QStringLiteral("volunteer-new"),
          QStringLiteral("volunteer-invalid"), QStringLiteral("volunteer-edit"), QStringLiteral("patient-new"),
          QStringLiteral("patient-edit")};
}

QDialog* DialogCatalogue::create(Workspace& workspace, const QString& name, QWidget* parent) {
  app::Registry* registry = workspace.registry();
  if (name == QLatin1String("settings")) {
    auto* dialog = new SettingsDialog(parent);
    dialog->setConnectionTester(&Workspace::testConnection);
    return dialog;
  }
  if (name == QLatin1String("about")) return new AboutDialog(parent);
  if (name == QLatin1String("volunteer-new")) return new VolunteerEditor(registry, 0, parent);
  if (name == QLatin1String("volunteer-invalid")) {
    // What staff see after a typing slip: the message at the field, nothing saved.
    auto* editor = new VolunteerEditor(registry, 0, parent);
    editor->findChild<QLineEdit*>(QStringLiteral("name"))->setText(tr("Zhang Wei", "sample volunteer name"));
    editor->findChild<QLineEdit*>(QStringLiteral("idNumber"))->setText(QStringLiteral("370102199003071235"));
    editor->findChild<QLineEdit*>(QStringLiteral("phone"))->setText(QStringLiteral("1380000123"));
    editor->save();
    return editor;
  }
  if (name == QLatin1String("patient-new")) return new PatientEditor(registry, 0, parent);
  if (name == QLatin1String("patient-edit")) {
    app::PatientQuery query;
    query.limit = 1;
    auto first = registry->listPatients(query);
    if (!first || first->isEmpty()) return nullptr;
    return new PatientEditor(registry, first->constFirst().id, parent);
  }
  if (name == QLatin1String("volunteer-edit")) {
    app::VolunteerQuery query;
    query.limit = 1;
    auto first = registry->listVolunteers(query);
    if (!first || first->isEmpty()) return nullptr;
    return new VolunteerEditor(registry, first->constFirst().id, parent);
  }
  return nullptr;
}

}  // namespace dd::gui
