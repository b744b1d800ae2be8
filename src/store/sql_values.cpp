#include "store/sql_values.h"

#include <QTimeZone>

namespace dd::store::sql {

QVariant date(const QDate& value) {
  return value.isValid() ? QVariant(value.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}
QVariant key(std::string_view value) {
  return value.empty() ? QVariant() : QVariant(QString::fromLatin1(value.data(), static_cast<qsizetype>(value.size())));
}

QVariant text(const QString& value) {
  return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}
QVariant id(qint64 value) { return value != 0 ? QVariant(value) : QVariant(QMetaType::fromType<qlonglong>()); }
QVariant number(double value) { return value != 0 ? QVariant(value) : QVariant(QMetaType::fromType<double>()); }

QString timestamp(const QDateTime& value) {
  // Hot in bulk writes (several per row, usually the same instant): formatted
  // by hand and the last result reused; toString() does time-zone work.
  static thread_local QDateTime lastValue;
  static thread_local QString lastText;
  if (lastValue.isValid() && value == lastValue) return lastText;
  const QDateTime utc = value.timeSpec() == Qt::UTC ? value : value.toUTC();
  const QDate d = utc.date();
  const QTime t = utc.time();
  lastValue = value;
  lastText = QString::asprintf("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", d.year(), d.month(), d.day(), t.hour(),
                               t.minute(), t.second(), t.msec());
  return lastText;
}
QDateTime nowUtc() { return QDateTime::currentDateTimeUtc(); }

void bindAll(QSqlQuery& query, const QVariantList& values) {
  for (qsizetype i = 0; i < values.size(); ++i) query.bindValue(static_cast<int>(i), values.at(i));
}

QDate toDate(const QVariant& value) {
  if (value.isNull()) return {};
  if (value.typeId() == QMetaType::QDate) return value.toDate();
  return QDate::fromString(value.toString().left(10), Qt::ISODate);
}

QDateTime toTimestamp(const QVariant& value) {
  if (value.isNull()) return {};
  QDateTime result = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
  if (!result.isValid()) result = QDateTime::fromString(value.toString(), Qt::ISODate);
  return result.toUTC();
}

int toYmd(const QVariant& value) {
  if (value.isNull()) return 0;
  if (value.typeId() == QMetaType::QDate) {
    const QDate d = value.toDate();
    return d.isValid() ? d.year() * 10000 + d.month() * 100 + d.day() : 0;
  }
  // "YYYY-MM-DD": read the digits directly (the bulk reader's hot path).
  const QString s = value.toString();
  if (s.size() < 10) return 0;
  auto digit = [&](int i) { return s.at(i).unicode() - '0'; };
  return ((digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)) * 100 + digit(5) * 10 + digit(6)) * 100 +
         digit(8) * 10 + digit(9);
}

}  // namespace dd::store::sql
