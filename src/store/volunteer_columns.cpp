#include "store/volunteer_columns.h"

#include <QVariant>

#include "model/volunteer_fields.h"
#include "store/sql_values.h"
#include "store/versioned_rows.h"

namespace dd::store::volunteer_columns {

using namespace dd::model;  // the entities this file reads and writes
const QStringList& writable() {
  static const QStringList columns = [] {
    QStringList list;
    for (const VolunteerField& field : volunteerFields()) list << field.key;
    return list;
  }();
  return columns;
}

QVariantList values(const Volunteer& v) {
  QVariantList list;
  list.reserve(volunteerFields().size());
  for (const VolunteerField& field : volunteerFields()) {
    const QVariant value = field.get(v);
    switch (field.kind) {
      case FieldKind::Date: list << sql::date(value.toDate()); break;
      case FieldKind::Decimal: list << sql::number(value.toDouble()); break;
      case FieldKind::Count: list << value.toInt(); break;
      case FieldKind::Reference: list << sql::id(value.toLongLong()); break;
      default: list << (field.has(kRequired) ? QVariant(value.toString()) : sql::text(value.toString())); break;
    }
  }
  return list;
}

const QStringList& maintained() {
  static const QStringList columns{QStringLiteral("last_contact_channel"), QStringLiteral("failed_contacts"),
                                   QStringLiteral("last_readiness_check"), QStringLiteral("reservation_expires"),
                                   QStringLiteral("withdrawal_requested_on")};
  return columns;
}

QString selectList(const QString& alias) {
  const QString prefix = alias.isEmpty() ? QString() : alias + QLatin1Char('.');
  // the four stamps first, in the order readStamps reads them
  QStringList columns{QStringLiteral("id"), QStringLiteral("row_version"), QStringLiteral("created_at"),
                      QStringLiteral("updated_at"), QStringLiteral("last_contact_ok")};
  columns += maintained();
  columns += writable();
  for (QString& column : columns) column.prepend(prefix);
  return columns.join(QStringLiteral(", "));
}

Volunteer read(const QSqlQuery& q) {
  Volunteer v;
  int i = readStamps(q, v);
  v.lastContactOk = sql::toDate(q.value(i++));
  const QString channel = q.value(i++).toString();
  v.lastContactChannel = channel.isEmpty() ? std::nullopt : parseContactChannel(channel.toStdString());
  v.failedContacts = q.value(i++).toInt();
  v.lastReadinessCheck = sql::toDate(q.value(i++));
  v.reservationExpires = sql::toDate(q.value(i++));
  v.withdrawalRequestedOn = sql::toDate(q.value(i++));
  for (const VolunteerField& field : volunteerFields()) {
    const QVariant value = q.value(i++);
    switch (field.kind) {
      case FieldKind::Date: field.set(v, sql::toDate(value)); break;
      case FieldKind::Decimal: field.set(v, value.toDouble()); break;
      case FieldKind::Count: field.set(v, value.toInt()); break;
      case FieldKind::Reference: field.set(v, value.toLongLong()); break;
      default: field.set(v, value.toString()); break;
    }
  }
  return v;
}

QString phonesText(const QList<Phone>& phones) {
  QStringList parts;
  for (const Phone& phone : phones) {
    QString part = phone.number;
    if (!phone.label.isEmpty()) part += QStringLiteral(" (%1)").arg(phone.label);
    if (phone.current) part += QLatin1Char('*');
    if (!phone.inUse()) part += QStringLiteral(" [replaced %1]").arg(phone.replacedOn.toString(Qt::ISODate));
    parts << part;
  }
  return parts.join(QStringLiteral("; "));
}

QList<QPair<QString, QString>> auditFields(const Volunteer& volunteer) {
  QList<QPair<QString, QString>> fields;
  const QVariantList list = values(volunteer);
  for (int i = 0; i < writable().size(); ++i)
    fields.append({writable().at(i), list.at(i).isNull() ? QString() : list.at(i).toString()});
  fields.append({QStringLiteral("phones"), phonesText(volunteer.phones)});
  return fields;
}

}  // namespace dd::store::volunteer_columns
