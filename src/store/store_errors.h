#pragma once
// Error factories of the store layer (context "dd::store"), so every message
// about the database is written once.
#include <QSqlError>
#include <QString>

#include "core/message.h"

namespace dd::store {

std::string utf8(const QString& text);

// The database refused or failed: what we were doing plus the driver's text.
Error databaseError(const QString& doing, const QSqlError& error);
Error notFound(const char* entity, const QString& key);
// An update whose row_version no longer matches: someone else saved first.
Error conflictError(const char* entity, const QString& key, const QString& byWhom, const QString& when);

}  // namespace dd::store
