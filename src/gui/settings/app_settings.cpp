#include "gui/settings/app_settings.h"

#include <QHeaderView>
#include <QSettings>
#include <QWidget>

namespace dd::gui {
namespace {
QString text(const char* key) { return QSettings().value(QLatin1String(key)).toString(); }
void setText(const char* key, const QString& value) { QSettings().setValue(QLatin1String(key), value); }
}  // namespace

QString AppSettings::database() { return text("database/url"); }
void AppSettings::setDatabase(const QString& url) { setText("database/url", url.trimmed()); }
QString AppSettings::hlaReleaseDir() { return text("hla/releaseDir"); }
void AppSettings::setHlaReleaseDir(const QString& dir) { setText("hla/releaseDir", dir.trimmed()); }
QString AppSettings::macTablePath() { return text("hla/macTable"); }
void AppSettings::setMacTablePath(const QString& path) { setText("hla/macTable", path.trimmed()); }

OrganisationInfo AppSettings::organisation() {
  return {text("organisation/name"), text("organisation/address"), text("organisation/logo")};
}

void AppSettings::setOrganisation(const OrganisationInfo& info) {
  setText("organisation/name", info.name.trimmed());
  setText("organisation/address", info.address.trimmed());
  setText("organisation/logo", info.logoPath.trimmed());
}

QString AppSettings::language() { return text("ui/language"); }
void AppSettings::setLanguage(const QString& language) { setText("ui/language", language); }

model::RecruitmentDrive AppSettings::lastDrive() {
  return {QDate::fromString(text("registration/driveDate"), Qt::ISODate), text("registration/drivePlace"),
          text("registration/driveOrganiser")};
}

void AppSettings::setLastDrive(const model::RecruitmentDrive& drive) {
  setText("registration/driveDate", drive.date.toString(Qt::ISODate));
  setText("registration/drivePlace", drive.place);
  setText("registration/driveOrganiser", drive.organiser);
}

void AppSettings::saveGeometry(const QString& key, const QWidget* widget) {
  QSettings().setValue(QStringLiteral("geometry/") + key, widget->saveGeometry());
}

bool AppSettings::restoreGeometry(const QString& key, QWidget* widget) {
  const QByteArray state = QSettings().value(QStringLiteral("geometry/") + key).toByteArray();
  return !state.isEmpty() && widget->restoreGeometry(state);
}

void AppSettings::saveHeader(const QString& key, const QHeaderView* header) {
  QSettings().setValue(QStringLiteral("columns/") + key, header->saveState());
}

bool AppSettings::restoreHeader(const QString& key, QHeaderView* header) {
  const QByteArray state = QSettings().value(QStringLiteral("columns/") + key).toByteArray();
  return !state.isEmpty() && header->restoreState(state);
}

}  // namespace dd::gui
