#include "app/print_settings.h"

#include <QDir>
#include <QSettings>

#include "core/qt/app_paths.h"

namespace dd::app {

PrintSettings loadPrintSettings() {
  const QSettings settings;
  PrintSettings result;
  // Keys shared with gui/app_settings.cpp (the settings dialog).
  result.organisation.organisationName = settings.value(QStringLiteral("organisation/name")).toString().trimmed();
  result.organisation.organisationAddress = settings.value(QStringLiteral("organisation/address")).toString().trimmed();
  result.organisation.logoPath = settings.value(QStringLiteral("organisation/logo")).toString().trimmed();
  result.templateFolder = settings.value(QStringLiteral("documents/templateFolder")).toString().trimmed();
  if (result.templateFolder.isEmpty()) result.templateFolder = defaultTemplateFolder();
  return result;
}

void saveTemplateFolder(const QString& folder) {
  QSettings settings;
  if (folder.trimmed().isEmpty()) settings.remove(QStringLiteral("documents/templateFolder"));
  else settings.setValue(QStringLiteral("documents/templateFolder"), folder.trimmed());
}

QString defaultTemplateFolder() { return QDir(dd::qt::dataDir()).filePath(QStringLiteral("templates")); }

documents::TemplateLibrary templateLibrary(const PrintSettings& settings) {
  return documents::TemplateLibrary(settings.templateFolder);
}

Status checkOrganisation(const PrintSettings& settings) {
  if (!settings.organisation.organisationName.isEmpty()) return {};
  return makeError("print.no_organisation", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "The organisation name is not set: enter it in Settings → Organisation "
                                                "before printing (it appears on every form)."),
                   {}, "organisation/name");
}

}  // namespace dd::app
