#include "store/volunteer_repository.h"

#include <QSet>
#include <QSqlError>
#include <QVariant>

#include "store/audit_log.h"
#include "store/contact_log_statements.h"
#include "store/database.h"
#include "store/serials.h"
#include "store/sql_values.h"
#include "store/store_errors.h"
#include "store/volunteer_columns.h"

namespace dd::store {

using namespace dd::model;  // the entities this file reads and writes
namespace columns = volunteer_columns;

struct VolunteerRepository::Prepared {
  explicit Prepared(QSqlDatabase& db)
      : insert(db), update(db), phone(db), deletePhones(db), status(db), get(db), getPhones(db) {}
  QSqlQuery insert, update, phone, deletePhones, status;
  bool ready = false;
  // get(): prepared at its first call, so that a repository that reads many
  // volunteers (a campaign's results) prepares the 80-column SELECT once
  QSqlQuery get, getPhones;
};

VolunteerRepository::VolunteerRepository(Database& db) : db_(db), prepared_(std::make_unique<Prepared>(db.sql())) {}
VolunteerRepository::~VolunteerRepository() = default;

namespace {

QString placeholders(qsizetype count) {
  QStringList marks;
  for (qsizetype i = 0; i < count; ++i) marks << QStringLiteral("?");
  return marks.join(QStringLiteral(", "));
}

Status prepare(QSqlQuery& query, const QString& sql) {
  if (!query.prepare(sql)) return databaseError(QStringLiteral("preparing: ") + sql.left(60), query.lastError());
  return {};
}

}  // namespace

Expected<Volunteer> VolunteerRepository::get(qint64 id) {
  QSqlQuery& q = prepared_->get;
  if (q.lastQuery().isEmpty() &&
      !q.prepare(QStringLiteral("SELECT %1 FROM volunteer WHERE id = ?").arg(columns::selectList())))
    return databaseError(QStringLiteral("reading a volunteer"), q.lastError());
  q.addBindValue(id);
  if (!q.exec()) return databaseError(QStringLiteral("reading a volunteer"), q.lastError());
  if (!q.next()) return q.finish(), notFound("volunteer", QString::number(id));
  Volunteer volunteer = columns::read(q);
  q.finish();
  QSqlQuery& phones = prepared_->getPhones;
  if (phones.lastQuery().isEmpty() &&
      !phones.prepare(
          QStringLiteral("SELECT number, label, is_current, replaced_on, known_bad_on FROM volunteer_phone WHERE "
                         "volunteer_id = ? "
                         "ORDER BY position")))
    return databaseError(QStringLiteral("reading phones"), phones.lastError());
  phones.addBindValue(id);
  if (!phones.exec()) return databaseError(QStringLiteral("reading phones"), phones.lastError());
  while (phones.next())
    volunteer.phones.append(Phone{phones.value(0).toString(), phones.value(1).toString(), phones.value(2).toInt() != 0,
                                  sql::toDate(phones.value(3)), sql::toDate(phones.value(4))});
  phones.finish();
  return volunteer;
}

Expected<Volunteer> VolunteerRepository::byRegistryNo(const QString& registryNo) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("SELECT id FROM volunteer WHERE registry_no = ?"));
  q.addBindValue(registryNo.trimmed());
  if (!q.exec()) return databaseError(QStringLiteral("finding a volunteer"), q.lastError());
  if (!q.next()) return notFound("volunteer", registryNo);
  return get(q.value(0).toLongLong());
}

Expected<QList<qint64>> VolunteerRepository::reservedFor(qint64 patientId) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("SELECT id FROM volunteer WHERE status = 'reserved' AND reserved_patient_id = ? ORDER BY id"));
  q.addBindValue(patientId);
  if (!q.exec()) return databaseError(QStringLiteral("reading reservations"), q.lastError());
  QList<qint64> ids;
  while (q.next()) ids.append(q.value(0).toLongLong());
  return ids;
}

Expected<std::optional<QString>> VolunteerRepository::registryNoForIdNumber(const QString& idNumber, qint64 excludeId) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("SELECT registry_no FROM volunteer WHERE id_number = ? AND id <> ?"));
  q.addBindValue(idNumber);
  q.addBindValue(excludeId);
  if (!q.exec()) return databaseError(QStringLiteral("checking the ID number"), q.lastError());
  if (q.next()) return std::optional<QString>(q.value(0).toString());
  return std::optional<QString>();
}

Expected<QHash<QString, QString>> VolunteerRepository::findRegistryNos(const QStringList& values, bool byIdNumber) {
  QHash<QString, QString> found;
  const QString column = byIdNumber ? QStringLiteral("id_number") : QStringLiteral("registry_no");
  constexpr qsizetype kChunk = 500;  // well under SQLite's bound-parameter limit
  for (qsizetype start = 0; start < values.size(); start += kChunk) {
    const QStringList chunk = values.mid(start, kChunk);
    QSqlQuery q(db_.sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1, registry_no FROM volunteer WHERE %1 IN (%2)")
                  .arg(column, placeholders(chunk.size())));
    for (const QString& value : chunk) q.addBindValue(value);
    if (!q.exec()) return databaseError(QStringLiteral("checking for duplicates"), q.lastError());
    while (q.next()) found.insert(q.value(0).toString(), q.value(1).toString());
  }
  return found;
}

Expected<QStringList> VolunteerRepository::sameNameBirthPhone(const QString& name, const QDate& birth,
                                                              const QStringList& phones, qint64 excludeId) {
  QStringList found;
  if (phones.isEmpty()) return found;
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("SELECT DISTINCT v.registry_no FROM volunteer v JOIN volunteer_phone p "
                           "ON p.volunteer_id = v.id WHERE v.name = ? AND v.birth_date = ? AND v.id <> ? "
                           "AND p.number IN (%1) ORDER BY v.registry_no")
                .arg(placeholders(phones.size())));
  q.addBindValue(name);
  q.addBindValue(sql::date(birth));
  q.addBindValue(excludeId);
  for (const QString& phone : phones) q.addBindValue(phone);
  if (!q.exec()) return databaseError(QStringLiteral("looking for duplicates"), q.lastError());
  while (q.next()) found << q.value(0).toString();
  return found;
}

Expected<QStringList> VolunteerRepository::allocateRegistryNos(qint64 count, const QSet<QString>& alsoTaken) {
  auto prefix = metaValue(db_, "registry_prefix");
  if (!prefix) return prefix.error();
  QStringList numbers;
  numbers.reserve(count);
  while (numbers.size() < count) {
    const qint64 wanted = count - numbers.size();
    auto first = reserveSerials(db_, "volunteer_serial", wanted);
    if (!first) return first.error();
    const QString low = formatSerial(*prefix, *first), high = formatSerial(*prefix, *first + wanted - 1);
    // Same prefix, same width: the taken numbers of this run sort between low and high.
    QSqlQuery q(db_.sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT registry_no FROM volunteer WHERE registry_no >= ? AND registry_no <= ?"));
    q.addBindValue(low);
    q.addBindValue(high);
    if (!q.exec()) return databaseError(QStringLiteral("numbering"), q.lastError());
    QSet<QString> taken = alsoTaken;
    while (q.next()) taken.insert(q.value(0).toString());
    for (qint64 serial = *first; serial < *first + wanted; ++serial)
      if (QString number = formatSerial(*prefix, serial); !taken.contains(number)) numbers << number;
  }
  return numbers;
}

Expected<qint64> VolunteerRepository::countSynthetic(bool synthetic) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("SELECT COUNT(*) FROM volunteer WHERE synthetic = ?"));
  q.addBindValue(synthetic ? 1 : 0);
  if (!q.exec() || !q.next()) return databaseError(QStringLiteral("counting synthetic volunteers"), q.lastError());
  return q.value(0).toLongLong();
}

Status VolunteerRepository::markSynthetic(qint64 importBatchId) {
  QSqlQuery mark(db_.sql());
  mark.prepare(QStringLiteral("UPDATE volunteer SET synthetic = 1 WHERE import_batch_id = ?"));
  mark.addBindValue(importBatchId);
  if (!mark.exec()) return databaseError(QStringLiteral("marking synthetic volunteers"), mark.lastError());
  return {};
}

Status VolunteerRepository::forEachIdNumber(const std::function<void(const QString&)>& visitor) {
  QSqlQuery q(db_.sql());
  q.setForwardOnly(true);
  if (!q.exec(QStringLiteral("SELECT id_number FROM volunteer")))
    return databaseError(QStringLiteral("reading ID numbers"), q.lastError());
  while (q.next()) visitor(q.value(0).toString());
  return {};
}

Expected<QList<VolunteerRepository::Due>> VolunteerRepository::dueForRetirement(const QDate& bornBy) {
  QSqlQuery q(db_.sql());
  q.setForwardOnly(true);
  q.prepare(QStringLiteral("SELECT id, row_version, registry_no FROM volunteer WHERE birth_date <= ? AND status NOT "
                           "IN ('retired', 'withdrawn', 'permanently_deferred', 'reserved') ORDER BY id"));
  q.addBindValue(bornBy.toString(Qt::ISODate));
  if (!q.exec()) return databaseError(QStringLiteral("finding volunteers aged 60"), q.lastError());
  QList<Due> due;
  while (q.next()) due.append({q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toString()});
  return due;
}

Status VolunteerRepository::ensurePrepared() {
  Prepared& p = *prepared_;
  if (p.ready) return {};
  const QStringList& cols = columns::writable();
  QStringList sets;
  for (const QString& column : cols) sets << column + QStringLiteral(" = ?");
  const std::pair<QSqlQuery*, QString> statements[] = {
      {&p.insert, QStringLiteral("INSERT INTO volunteer (%1, created_at, updated_at, row_version) "
                                 "VALUES (%2, ?, ?, 1) RETURNING id")
                      .arg(cols.join(QStringLiteral(", ")), placeholders(cols.size()))},
      {&p.update, QStringLiteral("UPDATE volunteer SET %1, updated_at = ?, row_version = row_version + 1 "
                                 "WHERE id = ? AND row_version = ?")
                      .arg(sets.join(QStringLiteral(", ")))},
      {&p.phone, QStringLiteral("INSERT INTO volunteer_phone (volunteer_id, position, number, label, is_current, "
                                "replaced_on, known_bad_on) VALUES (?, ?, ?, ?, ?, ?, ?)")},
      {&p.deletePhones, QStringLiteral("DELETE FROM volunteer_phone WHERE volunteer_id = ?")},
      {&p.status, QStringLiteral("INSERT INTO status_change (volunteer_id, changed_at, staff, old_status, "
                                 "new_status, reason, until_date, patient_id, stage) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")},
  };
  for (const auto& [query, text] : statements)
    if (Status s = prepare(*query, text); !s) return s;
  p.ready = true;
  return {};
}

Status VolunteerRepository::insert(Volunteer& v, const QString& staff) {
  if (Status s = ensurePrepared(); !s) return s;
  Prepared& p = *prepared_;
  if (v.registryNo.isEmpty()) {
    auto number = allocateRegistryNos(1);
    if (!number) return number.error();
    v.registryNo = number->constFirst();
  }
  const QVariantList values = columns::values(v);
  for (qsizetype i = 0; i < values.size(); ++i) p.insert.bindValue(static_cast<int>(i), values.at(i));
  const QDateTime now = sql::nowUtc();
  p.insert.bindValue(static_cast<int>(values.size()), sql::timestamp(now));
  p.insert.bindValue(static_cast<int>(values.size() + 1), sql::timestamp(now));
  if (!p.insert.exec() || !p.insert.next())
    return databaseError(QStringLiteral("saving volunteer ") + v.registryNo, p.insert.lastError());
  v.id = p.insert.value(0).toLongLong();
  p.insert.finish();
  v.rowVersion = 1;
  v.createdAt = v.updatedAt = now;
  if (Status s = writePhones(v, false); !s) return s;
  return addStatusChange(StatusChange{0, v.id, now, staff, std::nullopt, v.status, v.statusReason, v.statusUntil,
                                      v.reservedForPatientId, v.withdrawalStage});
}

Status VolunteerRepository::update(Volunteer& v, const QString& staff) {
  (void)staff;  // the caller writes the audit rows; kept for symmetry with insert()
  if (Status s = ensurePrepared(); !s) return s;
  Prepared& p = *prepared_;
  const QVariantList values = columns::values(v);
  int i = 0;
  for (const QVariant& value : values) p.update.bindValue(i++, value);
  const QDateTime now = sql::nowUtc();
  p.update.bindValue(i++, sql::timestamp(now));
  p.update.bindValue(i++, v.id);
  p.update.bindValue(i++, v.rowVersion);
  if (!p.update.exec()) return databaseError(QStringLiteral("saving volunteer ") + v.registryNo, p.update.lastError());
  if (p.update.numRowsAffected() != 1) {
    auto existing = get(v.id);
    if (!existing) return existing.error();
    const auto [who, when] = AuditLog(db_).lastChange(QStringLiteral("volunteer"), v.id);
    return conflictError("volunteer", v.registryNo, who, when);
  }
  v.rowVersion += 1;
  v.updatedAt = now;
  return writePhones(v, true);
}

Status VolunteerRepository::writePhones(const Volunteer& v, bool replace) {
  Prepared& p = *prepared_;
  if (replace) {
    p.deletePhones.bindValue(0, v.id);
    if (!p.deletePhones.exec()) return databaseError(QStringLiteral("saving phones"), p.deletePhones.lastError());
  }
  int position = 0;
  for (const Phone& phone : v.phones) {
    sql::bindAll(p.phone, {v.id, position++, phone.number, sql::text(phone.label),
                           phone.current && phone.inUse() ? 1 : 0, sql::date(phone.replacedOn),
                           sql::date(phone.knownBadOn)});
    if (!p.phone.exec()) return databaseError(QStringLiteral("saving phones"), p.phone.lastError());
  }
  return {};
}

Status VolunteerRepository::addStatusChange(const StatusChange& c) {
  if (Status s = ensurePrepared(); !s) return s;
  QSqlQuery& q = prepared_->status;
  auto keyText = [](VolunteerStatus s) { return QString::fromLatin1(key(s).data(), qsizetype(key(s).size())); };
  sql::bindAll(q, {c.volunteerId, sql::timestamp(c.at.isValid() ? c.at : sql::nowUtc()), c.staff,
                   c.from ? QVariant(keyText(*c.from)) : QVariant(QMetaType::fromType<QString>()), keyText(c.to),
                   sql::text(c.reason), sql::date(c.until), sql::id(c.patientId), sql::text(c.stage)});
  if (!q.exec()) return databaseError(QStringLiteral("recording a status change"), q.lastError());
  return {};
}

Expected<QList<StatusChange>> VolunteerRepository::statusHistory(qint64 volunteerId) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("SELECT id, changed_at, staff, old_status, new_status, reason, until_date, patient_id, "
                           "stage FROM status_change WHERE volunteer_id = ? ORDER BY id"));
  q.addBindValue(volunteerId);
  if (!q.exec()) return databaseError(QStringLiteral("reading the status history"), q.lastError());
  QList<StatusChange> changes;
  while (q.next()) {
    StatusChange c;
    c.id = q.value(0).toLongLong();
    c.volunteerId = volunteerId;
    c.at = sql::toTimestamp(q.value(1));
    c.staff = q.value(2).toString();
    if (!q.value(3).isNull()) c.from = parseVolunteerStatus(q.value(3).toString().toStdString());
    c.to = parseVolunteerStatus(q.value(4).toString().toStdString()).value_or(VolunteerStatus::Active);
    c.reason = q.value(5).toString();
    c.until = sql::toDate(q.value(6));
    c.patientId = q.value(7).toLongLong();
    c.stage = q.value(8).toString();
    changes.append(c);
  }
  return changes;
}

Expected<QString> VolunteerRepository::changeStamp() {
  // Aggregates only: one scan of volunteer, one index look-up on audit_log.
  QSqlQuery q(db_.sql());
  q.setForwardOnly(true);
  if (!q.exec(QStringLiteral("SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(SUM(row_version), 0), "
                             "(SELECT COALESCE(MAX(id), 0) FROM audit_log) FROM volunteer")) ||
      !q.next())
    return databaseError(QStringLiteral("checking for volunteer changes"), q.lastError());
  return QStringLiteral("%1/%2/%3/%4").arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                          q.value(3).toString());
}

Status VolunteerRepository::setWithdrawalRequested(qint64 volunteerId, const QDate& date) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("UPDATE volunteer SET withdrawal_requested_on = ? WHERE id = ?"));
  q.addBindValue(sql::date(date));
  q.addBindValue(volunteerId);
  if (!q.exec()) return databaseError(QStringLiteral("recording a withdrawal request"), q.lastError());
  return {};
}

Status VolunteerRepository::setLastContactOk(qint64 volunteerId, const QDate& date) {
  return ContactLogStatements(db_).setLastContactOk(volunteerId, date);
}

Status VolunteerRepository::setReservationExpires(qint64 volunteerId, const QDate& date) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("UPDATE volunteer SET reservation_expires = ? WHERE id = ?"));
  q.addBindValue(sql::date(date));
  q.addBindValue(volunteerId);
  if (!q.exec()) return databaseError(QStringLiteral("recording when the reservation lapses"), q.lastError());
  return {};
}

}  // namespace dd::store

namespace dd::store {

Status VolunteerRepository::refreshLastContactOk(qint64 importBatchId) {
  QSqlQuery q(db_.sql());
  const QString cast = db_.backend() == Backend::Postgres ? QStringLiteral("::date") : QString();
  q.prepare(QStringLiteral("UPDATE volunteer SET last_contact_ok = (SELECT MAX(substr(c.contacted_at, 1, 10))%1 "
                           "FROM contact_attempt c WHERE c.volunteer_id = volunteer.id AND c.outcome = 'reached') "
                           "WHERE import_batch_id = ?")
                .arg(cast));
  q.addBindValue(importBatchId);
  if (!q.exec()) return databaseError(QStringLiteral("recording the last contacts"), q.lastError());
  return {};
}

}  // namespace dd::store
