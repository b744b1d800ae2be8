#include "store/campaign_repository.h"

#include <QSqlError>

#include "store/database.h"
#include "store/sql_values.h"
#include "store/store_errors.h"

namespace dd::store {

Status CampaignRepository::insert(model::Campaign& c, const QString& statusFilter) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("INSERT INTO campaign (name, message_template, channel, region, not_reached_months, "
                           "status_filter, staff, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                           "RETURNING id"));
  c.createdAt = c.updatedAt = sql::nowUtc();
  sql::bindAll(q, {c.name, c.messageTemplate, sql::key(model::key(c.channel)), sql::text(c.region),
                   c.notReachedMonths, sql::text(statusFilter), c.staff, sql::text(c.note),
                   sql::timestamp(c.createdAt), sql::timestamp(c.updatedAt)});
  if (!q.exec() || !q.next()) return databaseError(QStringLiteral("creating a campaign"), q.lastError());
  c.id = q.value(0).toLongLong();
  c.rowVersion = 1;
  return {};
}

namespace {
const char* kCampaignColumns =
    "SELECT id, row_version, name, message_template, channel, region, not_reached_months, status_filter, staff, "
    "note, created_at, updated_at FROM campaign ";
model::Campaign readCampaign(const QSqlQuery& q) {
  model::Campaign c;
  c.id = q.value(0).toLongLong();
  c.rowVersion = q.value(1).toInt();
  c.name = q.value(2).toString();
  c.messageTemplate = q.value(3).toString();
  c.channel = model::parseContactChannel(q.value(4).toString().toStdString()).value_or(model::ContactChannel::Sms);
  c.region = q.value(5).toString();
  c.notReachedMonths = q.value(6).toInt();
  const QString status = q.value(7).toString();
  if (!status.isEmpty()) c.status = model::parseVolunteerStatus(status.toStdString());
  c.staff = q.value(8).toString();
  c.note = q.value(9).toString();
  c.createdAt = sql::toTimestamp(q.value(10));
  c.updatedAt = sql::toTimestamp(q.value(11));
  return c;
}
}  // namespace

Expected<QList<model::Campaign>> CampaignRepository::list() {
  QSqlQuery q(db_.sql());
  if (!q.exec(QString::fromLatin1(kCampaignColumns) + QStringLiteral("ORDER BY id")))
    return databaseError(QStringLiteral("listing campaigns"), q.lastError());
  QList<model::Campaign> list;
  while (q.next()) list.append(readCampaign(q));
  return list;
}

Expected<model::Campaign> CampaignRepository::get(qint64 id) {
  QSqlQuery q(db_.sql());
  q.prepare(QString::fromLatin1(kCampaignColumns) + QStringLiteral("WHERE id = ?"));
  q.addBindValue(id);
  if (!q.exec()) return databaseError(QStringLiteral("reading a campaign"), q.lastError());
  if (!q.next())
    return makeError("store.not_found", "dd::store", QT_TRANSLATE_NOOP("dd::store", "No campaign with id %1."),
                     {std::to_string(id)}, "campaign");
  return readCampaign(q);
}

Status CampaignRepository::forEachRecipient(const QStringList& statuses, const QString& region,
                                            const QDate& reachedBefore,
                                            const std::function<bool(const Recipient&)>& visitor) {
  QSqlQuery q(db_.sql());
  // The visitor writes on this connection while the rows are read: QPSQL's
  // forward-only mode streams rows and would lose the rest at the first
  // write, so PostgreSQL fetches them all first.
  q.setForwardOnly(db_.backend() != Backend::Postgres);
  QStringList marks;
  for (int i = 0; i < statuses.size(); ++i) marks << QStringLiteral("?");
  // Phones in the order Volunteer::currentPhone() prefers them: the current
  // one first, then by position; only numbers not replaced.
  QString text = QStringLiteral(
                     "SELECT v.id, v.registry_no, v.name, v.prefecture, v.county, v.drive_organiser, p.number "
                     "FROM volunteer v JOIN volunteer_phone p ON p.volunteer_id = v.id AND p.replaced_on IS NULL "
                     "WHERE v.status IN (%1)")
                     .arg(marks.join(QStringLiteral(", ")));
  QVariantList values;
  for (const QString& s : statuses) values << s;
  if (!region.isEmpty()) {
    text += QStringLiteral(" AND (v.prefecture = ? OR v.county = ?)");
    values << region << region;
  }
  if (reachedBefore.isValid()) {
    text += QStringLiteral(" AND (v.last_contact_ok IS NULL OR v.last_contact_ok < ?)");
    values << sql::date(reachedBefore);
  }
  text += QStringLiteral(" ORDER BY v.id, p.is_current DESC, p.position");
  q.prepare(text);
  sql::bindAll(q, values);
  if (!q.exec()) return databaseError(QStringLiteral("choosing a campaign's recipients"), q.lastError());
  Recipient r;
  qint64 last = 0;
  while (q.next()) {
    const qint64 id = q.value(0).toLongLong();
    if (id == last) continue;  // that volunteer's first phone was taken
    last = id;
    r.volunteerId = id;
    r.registryNo = q.value(1).toString();
    r.name = q.value(2).toString();
    r.prefecture = q.value(3).toString();
    r.county = q.value(4).toString();
    r.branch = q.value(5).toString();
    r.phone = q.value(6).toString();
    if (!visitor(r)) break;
  }
  return {};
}

Expected<QHash<qint64, QString>> CampaignRepository::messageIds(qint64 campaignId) {
  QSqlQuery q(db_.sql());
  q.setForwardOnly(true);
  q.prepare(QStringLiteral("SELECT volunteer_id, message_id FROM campaign_message WHERE campaign_id = ?"));
  q.addBindValue(campaignId);
  if (!q.exec()) return databaseError(QStringLiteral("reading a campaign's messages"), q.lastError());
  QHash<qint64, QString> ids;
  while (q.next()) ids.insert(q.value(0).toLongLong(), q.value(1).toString());
  return ids;
}

Status CampaignRepository::addMessage(const model::CampaignMessage& m) {
  if (insertMessage_.lastQuery().isEmpty()) {
    insertMessage_ = QSqlQuery(db_.sql());
    if (!insertMessage_.prepare(QStringLiteral("INSERT INTO campaign_message (campaign_id, volunteer_id, phone, "
                                               "message_id, text, exported_at) VALUES (?, ?, ?, ?, ?, ?)")))
      return databaseError(QStringLiteral("preparing a campaign's messages"), insertMessage_.lastError());
  }
  sql::bindAll(insertMessage_, {m.campaignId, m.volunteerId, m.phone, m.messageId, m.text,
                                sql::timestamp(m.exportedAt)});
  if (!insertMessage_.exec()) return databaseError(QStringLiteral("recording a campaign message"),
                                                   insertMessage_.lastError());
  return {};
}

Expected<int> CampaignRepository::messageCount(qint64 campaignId) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("SELECT COUNT(*) FROM campaign_message WHERE campaign_id = ?"));
  q.addBindValue(campaignId);
  if (!q.exec() || !q.next()) return databaseError(QStringLiteral("counting a campaign's messages"), q.lastError());
  return q.value(0).toInt();
}

Expected<QHash<QString, CampaignRepository::Sent>> CampaignRepository::sentMessages(qint64 campaignId) {
  QSqlQuery q(db_.sql());
  q.setForwardOnly(true);
  q.prepare(QStringLiteral("SELECT message_id, volunteer_id, phone, applied_at FROM campaign_message "
                           "WHERE campaign_id = ?"));
  q.addBindValue(campaignId);
  if (!q.exec()) return databaseError(QStringLiteral("reading a campaign's messages"), q.lastError());
  QHash<QString, Sent> sent;
  while (q.next()) sent.insert(q.value(0).toString(), {q.value(1).toLongLong(), q.value(2).toString(),
                                                       !q.value(3).isNull()});
  return sent;
}

Expected<qint64> CampaignRepository::campaignOfMessage(const QString& messageId) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("SELECT campaign_id FROM campaign_message WHERE message_id = ?"));
  q.addBindValue(messageId);
  if (!q.exec()) return databaseError(QStringLiteral("reading a campaign message"), q.lastError());
  return q.next() ? q.value(0).toLongLong() : 0;
}

Status CampaignRepository::markApplied(const QString& messageId, const QString& delivery, const QString& reply,
                                       const QDateTime& repliedAt) {
  if (markApplied_.lastQuery().isEmpty()) {
    markApplied_ = QSqlQuery(db_.sql());
    if (!markApplied_.prepare(QStringLiteral("UPDATE campaign_message SET delivery = ?, reply = ?, replied_at = ?, "
                                             "applied_at = ? WHERE message_id = ?")))
      return databaseError(QStringLiteral("preparing a campaign's results"), markApplied_.lastError());
  }
  sql::bindAll(markApplied_, {delivery, sql::text(reply), repliedAt.isValid() ? QVariant(sql::timestamp(repliedAt))
                                                                              : QVariant(),
                              sql::timestamp(sql::nowUtc()), messageId});
  if (!markApplied_.exec()) return databaseError(QStringLiteral("recording a campaign's result"),
                                                 markApplied_.lastError());
  return {};
}

}  // namespace dd::store
