#include "gui/settings/app_settings.h"

#include <QHeaderView>
#include <QSettings>
#include <QWidget>

#include "core/qt/settings_keys.h"

namespace dd::gui {
namespace {
namespace keys = dd::settings_keys;
QString text(const char* key) { return QSettings().value(QLatin1String(key)).toString(); }
void setText(const char* key, const QString& value) { QSettings().setValue(QLatin1String(key), value); }
}  // namespace

QString AppSettings::database() { return text(keys::kDatabaseUrl); }
void AppSettings::setDatabase(const QString& url) { setText(keys::kDatabaseUrl, url.trimmed()); }
QString AppSettings::hlaReleaseDir() { return text(keys::kHlaReleaseDir); }
void AppSettings::setHlaReleaseDir(const QString& dir) { setText(keys::kHlaReleaseDir, dir.trimmed()); }
QString AppSettings::macTablePath() { return text(keys::kMacTable); }
void AppSettings::setMacTablePath(const QString& path) { setText(keys::kMacTable, path.trimmed()); }

OrganisationInfo AppSettings::organisation() {
  return {text(keys::kOrganisationName), text(keys::kOrganisationAddress), text(keys::kOrganisationLogo)};
}

void AppSettings::setOrganisation(const OrganisationInfo& info) {
  setText(keys::kOrganisationName, info.name.trimmed());
  setText(keys::kOrganisationAddress, info.address.trimmed());
  setText(keys::kOrganisationLogo, info.logoPath.trimmed());
}

QString AppSettings::language() { return text(keys::kLanguage); }
void AppSettings::setLanguage(const QString& language) { setText(keys::kLanguage, language); }

model::RecruitmentDrive AppSettings::lastDrive() {
  return {QDate::fromString(text(keys::kDriveDate), Qt::ISODate), text(keys::kDrivePlace),
          text(keys::kDriveOrganiser)};
}

void AppSettings::setLastDrive(const model::RecruitmentDrive& drive) {
  setText(keys::kDriveDate, drive.date.toString(Qt::ISODate));
  setText(keys::kDrivePlace, drive.place);
  setText(keys::kDriveOrganiser, drive.organiser);
}

void AppSettings::saveGeometry(const QString& key, const QWidget* widget) {
  QSettings().setValue(QLatin1String(keys::kGeometryPrefix) + key, widget->saveGeometry());
}

bool AppSettings::restoreGeometry(const QString& key, QWidget* widget) {
  const QByteArray state = QSettings().value(QLatin1String(keys::kGeometryPrefix) + key).toByteArray();
  return !state.isEmpty() && widget->restoreGeometry(state);
}

void AppSettings::saveHeader(const QString& key, const QHeaderView* header) {
  QSettings().setValue(QLatin1String(keys::kColumnsPrefix) + key, header->saveState());
}

bool AppSettings::restoreHeader(const QString& key, QHeaderView* header) {
  const QByteArray state = QSettings().value(QLatin1String(keys::kColumnsPrefix) + key).toByteArray();
  return !state.isEmpty() && header->restoreState(state);
}

}  // namespace dd::gui
