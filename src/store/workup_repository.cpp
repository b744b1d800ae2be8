#include "store/workup_repository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "store/audit_log.h"
#include "store/database.h"
#include "store/sql_values.h"
#include "store/store_errors.h"
#include "store/versioned_rows.h"

namespace dd::store {

using namespace dd::model;  // the entities this file reads and writes
namespace {

QString keyText(std::string_view key) { return QString::fromLatin1(key.data(), qsizetype(key.size())); }

QStringList stageDateColumns() {
  QStringList columns;
  for (int i = 0; i < kWorkupStageCount; ++i)
    columns << keyText(key(static_cast<WorkupStage>(i))) + QStringLiteral("_date");
  return columns;
}

QStringList caseColumns() {
  return QStringList{QStringLiteral("patient_id"), QStringLiteral("volunteer_id"), QStringLiteral("stage")} +
         stageDateColumns() +
         QStringList{QStringLiteral("stopped_date"), QStringLiteral("stop_reason"), QStringLiteral("regret_stage"),
                     QStringLiteral("notes"), QStringLiteral("consent_template"), QStringLiteral("stage_note"),
                     QStringLiteral("case_code"), QStringLiteral("family_attitude"), QStringLiteral("stop_code"),
                     QStringLiteral("postponements")};
}

QVariantList caseValues(const WorkupCase& w) {
  QVariantList list{w.patientId, w.volunteerId, keyText(key(w.stage))};
  for (const QDate& date : w.stageDates) list << sql::date(date);
  list << sql::date(w.stoppedDate) << sql::text(w.stopReason)
       << (w.regretStage ? QVariant(keyText(key(*w.regretStage))) : QVariant(QMetaType::fromType<QString>()))
       << sql::text(w.notes) << sql::text(w.consentTemplate) << sql::text(w.stageNote)
       << sql::text(w.caseCode) << keyText(key(w.familyAttitude))
       << (w.stopCode ? QVariant(keyText(key(*w.stopCode))) : QVariant(QMetaType::fromType<QString>()))
       << w.postponements;
  return list;
}

WorkupCase readCase(const QSqlQuery& q) {
  WorkupCase w;
  int i = readStamps(q, w);
  w.patientId = q.value(i++).toLongLong();
  w.volunteerId = q.value(i++).toLongLong();
  w.stage = parseWorkupStage(q.value(i++).toString().toStdString()).value_or(WorkupStage::InitialMatch);
  for (QDate& date : w.stageDates) date = sql::toDate(q.value(i++));
  w.stoppedDate = sql::toDate(q.value(i++));
  w.stopReason = q.value(i++).toString();
  const QString regret = q.value(i++).toString();
  if (!regret.isEmpty()) w.regretStage = parseWorkupStage(regret.toStdString());
  w.notes = q.value(i++).toString();
  w.consentTemplate = q.value(i++).toString();
  w.stageNote = q.value(i++).toString();
  w.caseCode = q.value(i++).toString();
  w.familyAttitude = parseFamilyAttitude(q.value(i++).toString().toStdString()).value_or(FamilyAttitude::Unknown);
  const QString stopCode = q.value(i++).toString();
  if (!stopCode.isEmpty()) w.stopCode = parseStopReason(stopCode.toStdString());
  w.postponements = q.value(i++).toInt();
  return w;
}

}  // namespace

struct WorkupRepository::Prepared {
  explicit Prepared(QSqlDatabase& db) : contact(db) {}
  QSqlQuery contact;
};

WorkupRepository::WorkupRepository(Database& db) : db_(db), prepared_(new Prepared(db.sql())) {}
WorkupRepository::~WorkupRepository() { delete prepared_; }

Status WorkupRepository::addContact(ContactAttempt& a) {
  QSqlQuery& q = prepared_->contact;
  // SQLite gives the new row's id without RETURNING, which would open a
  // temporary table for every row (a campaign's results write 100,000).
  const bool sqlite = db_.backend() == Backend::Sqlite;
  if (q.lastQuery().isEmpty() &&
      !q.prepare(QStringLiteral("INSERT INTO contact_attempt (volunteer_id, contacted_at, channel, staff, outcome, "
                                "note, phone, person, campaign_id, message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") +
                 (sqlite ? QString() : QStringLiteral(" RETURNING id"))))
    return databaseError(QStringLiteral("preparing the contact log"), q.lastError());
  if (!a.at.isValid()) a.at = sql::nowUtc();
  sql::bindAll(q, {a.volunteerId, sql::timestamp(a.at), keyText(key(a.channel)), a.staff, keyText(key(a.outcome)),
                   sql::text(a.note), sql::text(a.phone), keyText(key(a.person)), sql::id(a.campaignId),
                   sql::text(a.messageId)});
  if (!q.exec()) return databaseError(QStringLiteral("recording a contact"), q.lastError());
  if (sqlite) {
    a.id = q.lastInsertId().toLongLong();
  } else {
    if (!q.next()) return databaseError(QStringLiteral("recording a contact"), q.lastError());
    a.id = q.value(0).toLongLong();
  }
  q.finish();
  if (a.id <= 0) return databaseError(QStringLiteral("recording a contact"), q.lastError());
  return {};
}

Expected<QList<ContactAttempt>> WorkupRepository::contacts(qint64 volunteerId) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("SELECT id, contacted_at, channel, staff, outcome, note, phone, person, campaign_id, "
                           "message_id FROM contact_attempt "
                           "WHERE volunteer_id = ? ORDER BY contacted_at DESC, id DESC"));
  q.addBindValue(volunteerId);
  if (!q.exec()) return databaseError(QStringLiteral("reading the contact log"), q.lastError());
  QList<ContactAttempt> list;
  while (q.next()) {
    ContactAttempt a;
    a.id = q.value(0).toLongLong();
    a.volunteerId = volunteerId;
    a.at = sql::toTimestamp(q.value(1));
    a.channel = parseContactChannel(q.value(2).toString().toStdString()).value_or(ContactChannel::Phone);
    a.staff = q.value(3).toString();
    a.outcome = parseContactOutcome(q.value(4).toString().toStdString()).value_or(ContactOutcome::Reached);
    a.note = q.value(5).toString();
    a.phone = q.value(6).toString();
    a.person = parseContactPerson(q.value(7).toString().toStdString()).value_or(ContactPerson::Volunteer);
    a.campaignId = q.value(8).toLongLong();
    a.messageId = q.value(9).toString();
    list.append(a);
  }
  return list;
}

Expected<QList<WorkupCase>> WorkupRepository::where(const QString& condition, const QVariant& value) {
  QSqlQuery q(db_.sql());
  q.prepare(selectVersionedSql(QStringLiteral("workup_case"), caseColumns()) +
            QStringLiteral(" WHERE %1 ORDER BY id").arg(condition));
  q.addBindValue(value);
  if (!q.exec()) return databaseError(QStringLiteral("reading workup cases"), q.lastError());
  QList<WorkupCase> list;
  while (q.next()) list.append(readCase(q));
  return list;
}

Expected<WorkupCase> WorkupRepository::get(qint64 id) {
  auto list = where(QStringLiteral("id = ?"), id);
  if (!list) return list.error();
  if (list->isEmpty()) return notFound("workup case", QString::number(id));
  return list->constFirst();
}
Expected<WorkupCase> WorkupRepository::byCode(const QString& caseCode) {
  auto list = where(QStringLiteral("case_code = ?"), caseCode.trimmed());
  if (!list) return list.error();
  if (list->isEmpty()) return notFound("workup case", caseCode.trimmed());
  return list->constFirst();
}
Expected<QList<WorkupCase>> WorkupRepository::forPatient(qint64 id) { return where(QStringLiteral("patient_id = ?"), id); }
Expected<QList<WorkupCase>> WorkupRepository::forVolunteer(qint64 id) {
  return where(QStringLiteral("volunteer_id = ?"), id);
}

Expected<QList<WorkupCase>> WorkupRepository::all() { return where(QStringLiteral("id > ?"), 0); }

Status WorkupRepository::insert(WorkupCase& w) {
  return insertVersioned(db_, QStringLiteral("workup_case"), caseColumns(), caseValues(w), w,
                         QStringLiteral("saving a workup case"));
}

Status WorkupRepository::update(WorkupCase& w) {
  auto applied = updateVersioned(db_, QStringLiteral("workup_case"), caseColumns(), caseValues(w), w,
                                 QStringLiteral("saving a workup case"));
  if (!applied) return applied.error();
  if (!*applied) {
    auto existing = get(w.id);
    if (!existing) return existing.error();
    const auto [who, when] = AuditLog(db_).lastChange(QStringLiteral("workup_case"), w.id);
    return conflictError("workup case", QString::number(w.id), who, when);
  }
  return {};
}

QList<QPair<QString, QString>> WorkupRepository::auditFields(const WorkupCase& w) {
  QList<QPair<QString, QString>> fields;
  const QStringList cols = caseColumns();
  const QVariantList list = caseValues(w);
  for (qsizetype i = 0; i < cols.size(); ++i)
    fields.append({cols.at(i), list.at(i).isNull() ? QString() : list.at(i).toString()});
  return fields;
}

Status WorkupRepository::insertBatch(ImportBatch& b) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("INSERT INTO import_batch (kind, source_file, staff, created_at, row_count, drive_date, "
                           "drive_place, drive_organiser, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  if (!b.at.isValid()) b.at = sql::nowUtc();
  for (const QVariant& value : QVariantList{b.kind, sql::text(b.sourceFile), b.staff, sql::timestamp(b.at), b.rowCount,
                                            sql::date(b.drive.date), sql::text(b.drive.place),
                                            sql::text(b.drive.organiser), sql::text(b.note)})
    q.addBindValue(value);
  if (!q.exec() || !q.next()) return databaseError(QStringLiteral("recording the import batch"), q.lastError());
  b.id = q.value(0).toLongLong();
  q.finish();
  return {};
}

Status WorkupRepository::setBatchRowCount(qint64 batchId, int rows) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("UPDATE import_batch SET row_count = ? WHERE id = ?"));
  q.addBindValue(rows);
  q.addBindValue(batchId);
  if (!q.exec()) return databaseError(QStringLiteral("recording the import batch"), q.lastError());
  return {};
}

Expected<QList<ImportBatch>> WorkupRepository::batches() {
  QSqlQuery q(db_.sql());
  if (!q.exec(QStringLiteral("SELECT id, kind, source_file, staff, created_at, row_count, drive_date, drive_place, "
                             "drive_organiser, note FROM import_batch ORDER BY id")))
    return databaseError(QStringLiteral("reading import batches"), q.lastError());
  QList<ImportBatch> list;
  while (q.next())
    list.append(ImportBatch{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                            q.value(3).toString(), sql::toTimestamp(q.value(4)), q.value(5).toInt(),
                            RecruitmentDrive{sql::toDate(q.value(6)), q.value(7).toString(), q.value(8).toString()},
                            q.value(9).toString()});
  return list;
}

}  // namespace dd::store
