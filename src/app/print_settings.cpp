#include "app/print_settings.h"

#include <QDir>
#include <QSettings>

#include "core/qt/app_paths.h"
#include "core/qt/settings_keys.h"

namespace dd::app {

PrintSettings loadPrintSettings() {
  const QSettings settings;
  PrintSettings result;
  result.organisation.organisationName =
      settings.value(QLatin1String(settings_keys::kOrganisationName)).toString().trimmed();
  result.organisation.organisationAddress =
      settings.value(QLatin1String(settings_keys::kOrganisationAddress)).toString().trimmed();
  result.organisation.logoPath =
      settings.value(QLatin1String(settings_keys::kOrganisationLogo)).toString().trimmed();
  result.templateFolder = settings.value(QLatin1String(settings_keys::kTemplateFolder)).toString().trimmed();
  if (result.templateFolder.isEmpty()) result.templateFolder = defaultTemplateFolder();
  return result;
}

void saveTemplateFolder(const QString& folder) {
  QSettings settings;
  if (folder.trimmed().isEmpty())
    settings.remove(QLatin1String(settings_keys::kTemplateFolder));
  else
    settings.setValue(QLatin1String(settings_keys::kTemplateFolder), folder.trimmed());
}

QString defaultTemplateFolder() {
  return QDir(dd::qt::dataDir()).filePath(QStringLiteral("templates"));
}

documents::TemplateLibrary templateLibrary(const PrintSettings& settings) {
  return documents::TemplateLibrary(settings.templateFolder);
}

Status checkOrganisation(const PrintSettings& settings) {
  if (!settings.organisation.organisationName.isEmpty()) return {};
  return makeError("print.no_organisation", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "The organisation name is not set: enter it in Settings → Organisation "
                                                "before printing (it appears on every form)."),
                   {}, settings_keys::kOrganisationName);
}

}  // namespace dd::app
