#include "store/volunteer_columns.h"

#include <QVariant>

#include "store/sql_values.h"

namespace dd::store::volunteer_columns {

using namespace dd::model;  // the entities this file reads and writes
namespace {
constexpr int kLeadingColumns = 5;  // id, row_version, created_at, updated_at, last_contact_ok
QString fromKey(std::string_view key) { return QString::fromLatin1(key.data(), static_cast<qsizetype>(key.size())); }
}  // namespace

const QStringList& writable() {
  static const QStringList columns = [] {
    QStringList list{QStringLiteral("registry_no"),     QStringLiteral("name"),
                     QStringLiteral("sex"),             QStringLiteral("birth_date"),
                     QStringLiteral("ethnicity"),       QStringLiteral("id_number"),
                     QStringLiteral("wechat"),          QStringLiteral("email"),
                     QStringLiteral("address"),         QStringLiteral("prefecture"),
                     QStringLiteral("county"),          QStringLiteral("work_unit"),
                     QStringLiteral("emergency_name"),  QStringLiteral("emergency_relation"),
                     QStringLiteral("emergency_phone"), QStringLiteral("abo"),
                     QStringLiteral("rh"),              QStringLiteral("cmv"),
                     QStringLiteral("weight_kg"),       QStringLiteral("drive_date"),
                     QStringLiteral("drive_place"),     QStringLiteral("drive_organiser"),
                     QStringLiteral("sample_id"),       QStringLiteral("lab"),
                     QStringLiteral("typing_date")};
    for (Locus locus : kAllLoci) {
      const QString name = fromKey(key(locus)).toLower();
      list << QStringLiteral("hla_%1_raw").arg(name) << QStringLiteral("hla_%1").arg(name);
    }
    list << QStringLiteral("consent_date") << QStringLiteral("consent_version") << QStringLiteral("status")
         << QStringLiteral("status_reason") << QStringLiteral("status_until") << QStringLiteral("reserved_patient_id")
         << QStringLiteral("withdrawal_stage") << QStringLiteral("donation_date") << QStringLiteral("donation_count")
         << QStringLiteral("import_batch_id");
    return list;
  }();
  return columns;
}

QVariantList values(const Volunteer& v) {
  QVariantList list;
  list.reserve(writable().size());
  list << v.registryNo << v.name << fromKey(key(v.sex)) << sql::date(v.birthDate) << sql::text(v.ethnicity)
       << v.idNumber << sql::text(v.wechat) << sql::text(v.email) << sql::text(v.address) << sql::text(v.prefecture)
       << sql::text(v.county) << sql::text(v.workUnit) << sql::text(v.emergency.name)
       << sql::text(v.emergency.relation) << sql::text(v.emergency.phone) << sql::text(v.abo) << sql::text(v.rh)
       << sql::text(v.cmv) << sql::number(v.weightKg) << sql::date(v.drive.date) << sql::text(v.drive.place)
       << sql::text(v.drive.organiser) << sql::text(v.sampleId) << sql::text(v.lab) << sql::date(v.typingDate);
  for (const LocusTyping& locus : v.hla.loci) list << sql::text(locus.raw) << sql::text(locus.normalised);
  list << sql::date(v.consentDate) << sql::text(v.consentVersion) << fromKey(key(v.status))
       << sql::text(v.statusReason) << sql::date(v.statusUntil) << sql::id(v.reservedForPatientId)
       << sql::text(v.withdrawalStage) << sql::date(v.donationDate) << v.donationCount << sql::id(v.importBatchId);
  return list;
}

QString selectList(const QString& alias) {
  const QString prefix = alias.isEmpty() ? QString() : alias + QLatin1Char('.');
  QStringList columns{QStringLiteral("id"), QStringLiteral("row_version"), QStringLiteral("created_at"),
                      QStringLiteral("updated_at"), QStringLiteral("last_contact_ok")};
  columns += writable();
  for (QString& column : columns) column.prepend(prefix);
  return columns.join(QStringLiteral(", "));
}

Volunteer read(const QSqlQuery& q) {
  Volunteer v;
  v.id = q.value(0).toLongLong();
  v.rowVersion = q.value(1).toInt();
  v.createdAt = sql::toTimestamp(q.value(2));
  v.updatedAt = sql::toTimestamp(q.value(3));
  v.lastContactOk = sql::toDate(q.value(4));
  int i = kLeadingColumns;
  auto text = [&] { return q.value(i++).toString(); };
  auto date = [&] { return sql::toDate(q.value(i++)); };
  v.registryNo = text();
  v.name = text();
  v.sex = parseSex(text().toStdString()).value_or(Sex::Male);
  v.birthDate = date();
  v.ethnicity = text();
  v.idNumber = text();
  v.wechat = text();
  v.email = text();
  v.address = text();
  v.prefecture = text();
  v.county = text();
  v.workUnit = text();
  v.emergency.name = text();
  v.emergency.relation = text();
  v.emergency.phone = text();
  v.abo = text();
  v.rh = text();
  v.cmv = text();
  v.weightKg = q.value(i++).toDouble();
  v.drive.date = date();
  v.drive.place = text();
  v.drive.organiser = text();
  v.sampleId = text();
  v.lab = text();
  v.typingDate = date();
  for (LocusTyping& locus : v.hla.loci) {
    locus.raw = text();
    locus.normalised = text();
  }
  v.consentDate = date();
  v.consentVersion = text();
  v.status = parseVolunteerStatus(text().toStdString()).value_or(VolunteerStatus::Active);
  v.statusReason = text();
  v.statusUntil = date();
  v.reservedForPatientId = q.value(i++).toLongLong();
  v.withdrawalStage = text();
  v.donationDate = date();
  v.donationCount = q.value(i++).toInt();
  v.importBatchId = q.value(i++).toLongLong();
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
