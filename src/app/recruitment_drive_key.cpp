#include "app/recruitment_drive_key.h"

#include <QRegularExpression>

#include "app/registry.h"
#include "store/volunteer_repository.h"

namespace dd::app {
namespace {

constexpr const char* kContext = "dd::app";
std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }

Error badKey(const QString& key) {
  return makeError("print.drive_key", kContext,
                   QT_TRANSLATE_NOOP("dd::app", "'%1' is not a recruitment drive: use YYYY-MM-DD, "
                                                "YYYY-MM-DD@place or batch:N"),
                   {utf8(key)}, "drive");
}

}  // namespace

Expected<model::DriveSelector> parseDriveKey(const QString& key) {
  const QString text = key.trimmed();
  model::DriveSelector selector;
  static const QRegularExpression batch(QStringLiteral("^batch:([0-9]{1,18})$"));
  if (const auto m = batch.match(text); m.hasMatch()) {
    selector.importBatchId = m.captured(1).toLongLong();
    if (selector.importBatchId <= 0) return badKey(key);
    return selector;
  }
  const qsizetype at = text.indexOf(QLatin1Char('@'));
  const QString datePart = at < 0 ? text : text.left(at);
  static const QRegularExpression isoDate(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
  if (!isoDate.match(datePart).hasMatch()) return badKey(key);
  selector.date = QDate::fromString(datePart, Qt::ISODate);
  if (!selector.date.isValid()) return badKey(key);
  if (at >= 0) selector.place = text.mid(at + 1).trimmed();
  return selector;
}

QString driveKey(const model::DriveSummary& drive) {
  return drive.drive.date.toString(Qt::ISODate) + QLatin1Char('@') + drive.drive.place;
}

Expected<QStringList> driveVolunteers(Registry& registry, const QString& key) {
  auto selector = parseDriveKey(key);
  if (!selector) return selector.error();
  auto registryNos = registry.volunteersOfDrive(*selector);
  if (!registryNos) return registryNos.error();
  if (registryNos->isEmpty())
    return makeError("print.drive_empty", kContext,
                     QT_TRANSLATE_NOOP("dd::app", "No volunteers were registered at recruitment drive '%1' "
                                                  "(see `donordesk-cli drives` for the drives on record)."),
                     {utf8(key.trimmed())}, "drive");
  return registryNos;
}

Expected<QList<model::DriveSummary>> Registry::recruitmentDrives() {
  return store::VolunteerRepository(*db_).drives();
}
Expected<QStringList> Registry::volunteersOfDrive(const model::DriveSelector& drive) {
  return store::VolunteerRepository(*db_).registryNosOfDrive(drive);
}

}  // namespace dd::app
