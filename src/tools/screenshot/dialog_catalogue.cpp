#include "dialog_catalogue.h"

#include <QLineEdit>

#include "app/registry.h"
#include "gui/about_dialog.h"
#include "gui/patients/patient_editor.h"
#include "gui/retention/campaign_dialog.h"
#include "gui/settings/settings_dialog.h"
#include "gui/volunteers/volunteer_editor.h"
#include "gui/workspace.h"

namespace dd::gui {

QStringList DialogCatalogue::names() {
  return {QStringLiteral("settings"), QStringLiteral("about"), QStringLiteral("volunteer-new"),
          QStringLiteral("volunteer-invalid"), QStringLiteral("volunteer-edit"), QStringLiteral("patient-new"),
          QStringLiteral("patient-edit"), QStringLiteral("campaign-new")};
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
  if (name == QLatin1String("campaign-new")) return new CampaignDialog(registry, parent);
  // The editing dialogs open the first record of the list.
  const auto firstId = [](auto listed) -> qint64 { return listed && !listed->isEmpty() ? listed->constFirst().id : 0; };
  if (name == QLatin1String("patient-edit")) {
    app::PatientQuery query;
    query.limit = 1;
    const qint64 id = firstId(registry->listPatients(query));
    return id ? new PatientEditor(registry, id, parent) : nullptr;
  }
  if (name == QLatin1String("volunteer-edit")) {
    app::VolunteerQuery query;
    query.limit = 1;
    const qint64 id = firstId(registry->listVolunteers(query));
    return id ? new VolunteerEditor(registry, id, parent) : nullptr;
  }
  return nullptr;
}

}  // namespace dd::gui
