#include "store/patient_repository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "store/audit_log.h"
#include "store/database.h"
#include "store/serials.h"
#include "store/sql_values.h"
#include "store/store_errors.h"
#include "store/versioned_rows.h"

namespace dd::store {

using namespace dd::model;  // the entities this file reads and writes
namespace {

QString keyText(std::string_view key) { return QString::fromLatin1(key.data(), qsizetype(key.size())); }

const QStringList& writableColumns() {
  static const QStringList columns = [] {
    QStringList list{QStringLiteral("case_no"), QStringLiteral("name"), QStringLiteral("sex"),
                     QStringLiteral("birth_date"), QStringLiteral("diagnosis"), QStringLiteral("hospital"),
                     QStringLiteral("physician")};
    for (Locus locus : kAllLoci) {
      const QString name = keyText(key(locus)).toLower();
      list << QStringLiteral("hla_%1_raw").arg(name) << QStringLiteral("hla_%1").arg(name);
    }
    list << QStringLiteral("abo") << QStringLiteral("rh") << QStringLiteral("cmv") << QStringLiteral("weight_kg")
         << QStringLiteral("urgency") << QStringLiteral("search_request_date") << QStringLiteral("search_status")
         << QStringLiteral("notes") << QStringLiteral("overseas");
    return list;
  }();
  return columns;
}

QVariantList values(const Patient& p) {
  QVariantList list{p.caseNo, p.name, keyText(key(p.sex)), sql::date(p.birthDate), sql::text(p.diagnosis),
                    sql::text(p.hospital), sql::text(p.physician)};
  for (const LocusTyping& locus : p.hla.loci) list << sql::text(locus.raw) << sql::text(locus.normalised);
  list << sql::text(p.abo) << sql::text(p.rh) << sql::key(key(p.cmv)) << sql::number(p.weightKg) << p.urgency
       << sql::date(p.searchRequestDate) << p.searchStatus << sql::text(p.notes) << (p.overseas ? 1 : 0);
  return list;
}

QString selectSql() { return selectVersionedSql(QStringLiteral("patient"), writableColumns()); }

Patient read(const QSqlQuery& q) {
  Patient p;
  int i = readStamps(q, p);
  auto text = [&] { return q.value(i++).toString(); };
  p.caseNo = text();
  p.name = text();
  p.sex = parseSex(text().toStdString()).value_or(Sex::Male);
  p.birthDate = sql::toDate(q.value(i++));
  p.diagnosis = text();
  p.hospital = text();
  p.physician = text();
  for (LocusTyping& locus : p.hla.loci) {
    locus.raw = text();
    locus.normalised = text();
  }
  p.abo = text();
  p.rh = text();
  p.cmv = parseCmv(text().toStdString()).value_or(Cmv::Unknown);
  p.weightKg = q.value(i++).toDouble();
  p.urgency = text();
  p.searchRequestDate = sql::toDate(q.value(i++));
  p.searchStatus = text();
  p.notes = text();
  p.overseas = q.value(i++).toInt() != 0;
  return p;
}

}  // namespace

QList<QPair<QString, QString>> PatientRepository::auditFields(const Patient& patient) {
  QList<QPair<QString, QString>> fields;
  const QVariantList list = values(patient);
  for (qsizetype i = 0; i < writableColumns().size(); ++i)
    fields.append({writableColumns().at(i), list.at(i).isNull() ? QString() : list.at(i).toString()});
  return fields;
}

Expected<Patient> PatientRepository::get(qint64 id) {
  QSqlQuery q(db_.sql());
  q.prepare(selectSql() + QStringLiteral(" WHERE id = ?"));
  q.addBindValue(id);
  if (!q.exec()) return databaseError(QStringLiteral("reading a patient"), q.lastError());
  if (!q.next()) return notFound("patient", QString::number(id));
  return read(q);
}

Expected<Patient> PatientRepository::byCaseNo(const QString& caseNo) {
  QSqlQuery q(db_.sql());
  q.prepare(selectSql() + QStringLiteral(" WHERE case_no = ?"));
  q.addBindValue(caseNo.trimmed());
  if (!q.exec()) return databaseError(QStringLiteral("reading a patient"), q.lastError());
  if (!q.next()) return notFound("patient", caseNo);
  return read(q);
}

Expected<QList<Patient>> PatientRepository::list(const PatientQuery& query) {
  QStringList where;
  QVariantList bound;
  if (!query.text.trimmed().isEmpty()) {
    where << QStringLiteral("(name LIKE ? OR case_no LIKE ?)");
    const QString any = QLatin1Char('%') + query.text.trimmed() + QLatin1Char('%');
    bound << any << any;
  }
  if (!query.searchStatus.isEmpty()) {
    where << QStringLiteral("search_status = ?");
    bound << query.searchStatus;
  }
  QSqlQuery q(db_.sql());
  q.prepare(selectSql() + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "))) +
            QStringLiteral(" ORDER BY case_no LIMIT ? OFFSET ?"));
  for (const QVariant& value : bound) q.addBindValue(value);
  q.addBindValue(qMax(0, query.limit));
  q.addBindValue(qMax(0, query.offset));
  if (!q.exec()) return databaseError(QStringLiteral("listing patients"), q.lastError());
  QList<Patient> patients;
  while (q.next()) patients.append(read(q));
  return patients;
}

Status PatientRepository::insert(Patient& patient) {
  if (patient.caseNo.isEmpty()) {
    auto serial = reserveSerials(db_, "patient_serial", 1);
    if (!serial) return serial.error();
    patient.caseNo = QStringLiteral("P%1-%2").arg(QDate::currentDate().year()).arg(*serial, 5, 10, QLatin1Char('0'));
  }
  return insertVersioned(db_, QStringLiteral("patient"), writableColumns(), values(patient), patient,
                         QStringLiteral("saving patient ") + patient.caseNo);
}

Status PatientRepository::update(Patient& patient) {
  auto applied = updateVersioned(db_, QStringLiteral("patient"), writableColumns(), values(patient), patient,
                                 QStringLiteral("saving patient ") + patient.caseNo);
  if (!applied) return applied.error();
  if (!*applied) {
    auto existing = get(patient.id);
    if (!existing) return existing.error();
    const auto [who, when] = AuditLog(db_).lastChange(QStringLiteral("patient"), patient.id);
    return conflictError("patient", patient.caseNo, who, when);
  }
  return {};
}

Status PatientRepository::markSynthetic(const QList<qint64>& patientIds) {
  QSqlQuery mark(db_.sql());
  mark.prepare(QStringLiteral("UPDATE patient SET synthetic = 1 WHERE id = ?"));
  for (qint64 id : patientIds) {
    mark.bindValue(0, id);
    if (!mark.exec()) return databaseError(QStringLiteral("marking synthetic patients"), mark.lastError());
  }
  return {};
}

}  // namespace dd::store
