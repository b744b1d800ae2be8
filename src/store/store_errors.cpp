#include "store/store_errors.h"

#include <optional>

#include <spdlog/spdlog.h>

namespace dd::store {

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }

namespace {

// Which registry field a unique constraint guards, from SQLite's
// "UNIQUE constraint failed: volunteer.id_number" or PostgreSQL's
// 'violates unique constraint "volunteer_id_number_key"'.
const char* uniqueField(const QString& text) {
  if (text.contains(QLatin1String("id_number"))) return QT_TRANSLATE_NOOP("dd::store", "the ID number");
  if (text.contains(QLatin1String("registry_no"))) return QT_TRANSLATE_NOOP("dd::store", "the registry number");
  if (text.contains(QLatin1String("case_no")) || text.contains(QLatin1String("case_code")))
    return QT_TRANSLATE_NOOP("dd::store", "the case number");
  return QT_TRANSLATE_NOOP("dd::store", "a value that must be unique");
}

// The conditions staff meet, said in words with what to do; the driver's
// own text ("database is locked Unable to fetch row", "23505") stays in the log.
std::optional<Error> knownCondition(const QString& doing, const QSqlError& error) {
  const QString text = error.databaseText() + QLatin1Char(' ') + error.driverText();
  const QString code = error.nativeErrorCode();
  auto says = [&](const char* words) { return text.contains(QLatin1String(words), Qt::CaseInsensitive); };
  if (says("database is locked") || says("database table is locked") || code == QLatin1String("5") ||
      code == QLatin1String("6"))
    return makeError("store.busy", "dd::store",
                     QT_TRANSLATE_NOOP("dd::store", "The database stayed busy while %1: "
                                                    "another program or workstation is writing (an import, a "
                                                    "nightly job). Nothing was changed; try again when it has "
                                                    "finished."),
                     {utf8(doing)});
  if (says("UNIQUE constraint failed") || code == QLatin1String("23505") || says("duplicate key value"))
    return makeError("store.duplicate", "dd::store",
                     QT_TRANSLATE_NOOP("dd::store", "While %1 the database refused a duplicate of %2: someone may "
                                                    "have just saved the same record on another workstation. "
                                                    "Nothing was changed; search for it and try again."),
                     {utf8(doing), uniqueField(text)});
  if (says("file is not a database") || code == QLatin1String("26"))
    return makeError("store.not_a_database", "dd::store",
                     QT_TRANSLATE_NOOP("dd::store", "The file is not a DonorDesk registry (not an SQLite database), "
                                                    "so nothing could be done while %1. Check the --db path."),
                     {utf8(doing)});
  if (says("readonly database") || says("read-only") || code == QLatin1String("8"))
    return makeError("store.read_only", "dd::store",
                     QT_TRANSLATE_NOOP("dd::store", "The database can only be read here (read-only media or no write "
                                                    "permission), so nothing was changed while %1."),
                     {utf8(doing)});
  if (says("disk image is malformed") || code == QLatin1String("11"))
    return makeError("store.damaged", "dd::store",
                     QT_TRANSLATE_NOOP("dd::store", "The database file is damaged (found while %1). Nothing was "
                                                    "changed; run donordesk-cli db check and restore the latest "
                                                    "backup."),
                     {utf8(doing)});
  if (says("database or disk is full") || code == QLatin1String("13"))
    return makeError("store.disk_full", "dd::store",
                     QT_TRANSLATE_NOOP("dd::store", "The disk is full, so nothing was changed while %1. Free some "
                                                    "space and try again."),
                     {utf8(doing)});
  return std::nullopt;
}

}  // namespace

Error databaseError(const QString& doing, const QSqlError& error) {
  if (auto known = knownCondition(doing, error)) {
    spdlog::info("database: while {}: {} [{}]", utf8(doing), utf8(error.text()), utf8(error.nativeErrorCode()));
    return *known;
  }
  QString detail = error.text().trimmed();
  if (detail.isEmpty()) detail = QStringLiteral("unknown error");
  return makeError("store.database", "dd::store", QT_TRANSLATE_NOOP("dd::store", "Database error while %1: %2"),
                   {utf8(doing), utf8(detail)});
}

Error notFound(const char* entity, const QString& key) {
  return makeError("store.not_found", "dd::store", QT_TRANSLATE_NOOP("dd::store", "No %1 %2 in the database."),
                   {entity, utf8(key)});
}

Error conflictError(const char* entity, const QString& key, const QString& byWhom, const QString& when) {
  return makeError("store.conflict", "dd::store",
                   QT_TRANSLATE_NOOP("dd::store",
                                     "The %1 %2 was changed by someone else (%3 at %4) since you opened it; "
                                     "reload it and make your change again."),
                   {entity, utf8(key), utf8(byWhom.isEmpty() ? QStringLiteral("?") : byWhom),
                    utf8(when.isEmpty() ? QStringLiteral("?") : when)});
}

}  // namespace dd::store
