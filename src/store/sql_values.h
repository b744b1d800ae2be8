#pragma once
// Conversions between QVariant (what QSQLITE and QPSQL hand back) and the
// record types. SQLite returns dates and times as ISO text, PostgreSQL as
// QDate; both are accepted.
#include <QDate>
#include <QDateTime>
#include <QSqlQuery>
#include <string_view>

#include <QVariant>
#include <QVariantList>

namespace dd::store::sql {

QVariant date(const QDate& value);      // NULL for an invalid date
QVariant text(const QString& value);    // NULL for an empty string
QVariant key(std::string_view value);   // a vocabulary key (model::key); NULL for the empty key
QVariant id(qint64 value);              // NULL for 0 (no reference)
QVariant number(double value);          // NULL for 0 (not recorded)
QString timestamp(const QDateTime& value);  // ISO 8601 UTC with milliseconds
QDateTime nowUtc();

// Binds values to the placeholders 0, 1, 2, ... of a prepared statement, so
// a statement's values read as one list in column order.
void bindAll(QSqlQuery& query, const QVariantList& values);

QDate toDate(const QVariant& value);
QDateTime toTimestamp(const QVariant& value);
int toYmd(const QVariant& value);  // 0 for NULL

}  // namespace dd::store::sql
