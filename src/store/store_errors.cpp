#include "store/store_errors.h"

namespace dd::store {

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }

Error databaseError(const QString& doing, const QSqlError& error) {
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
