#include "store/group_repository.h"

#include <limits>

#include <QSqlError>
#include <QSqlQuery>

#include "store/database.h"
#include "store/sql_values.h"
#include "store/store_errors.h"
#include "store/versioned_rows.h"

namespace dd::store {
namespace {

const QString kTable = QStringLiteral("volunteer_group");
const QStringList kColumns = {QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("prefecture"),
                              QStringLiteral("county"), QStringLiteral("note")};

QVariantList values(const model::VolunteerGroup& g) {
  return {g.name, sql::key(model::key(g.kind)), sql::text(g.prefecture), sql::text(g.county), sql::text(g.note)};
}

// The stamps as readStamps expects them, the group's columns and its member count, counted by the member table's
// primary key (group_id first) without reading the volunteers.
QString selectGroups() {
  return QStringLiteral("SELECT id, row_version, created_at, updated_at, %1, "
                        "(SELECT COUNT(*) FROM volunteer_group_member m WHERE m.group_id = volunteer_group.id) ")
      .arg(kColumns.join(QStringLiteral(", ")));
}

model::VolunteerGroup readGroup(const QSqlQuery& q) {
  model::VolunteerGroup g;
  int i = readStamps(q, g);
  g.name = q.value(i++).toString();
  g.kind = model::parseGroupKind(q.value(i++).toString().toStdString()).value_or(model::GroupKind::WeChat);
  g.prefecture = q.value(i++).toString();
  g.county = q.value(i++).toString();
  g.note = q.value(i++).toString();
  g.memberCount = q.value(i++).toInt();
  return g;
}

QString placeholders(qsizetype n) {
  QStringList marks;
  for (qsizetype i = 0; i < n; ++i) marks << QStringLiteral("?");
  return marks.join(QStringLiteral(", "));
}

// Lists are bound in slices: SQLite allows a few hundred to 32766 bound
// values depending on its build, and a pasted list can be longer.
constexpr qsizetype kSlice = 500;

model::VolunteerStatus statusOf(const QVariant& value) {
  return model::parseVolunteerStatus(value.toString().toStdString()).value_or(model::VolunteerStatus::Active);
}

}  // namespace

Status GroupRepository::insert(model::VolunteerGroup& group) {
  return insertVersioned(db_, kTable, kColumns, values(group), group, QStringLiteral("creating a group"));
}

Status GroupRepository::update(model::VolunteerGroup& group) {
  auto applied = updateVersioned(db_, kTable, kColumns, values(group), group, QStringLiteral("saving a group"));
  if (!applied) return applied.error();
  if (!*applied) return conflictError("group", group.name, QString(), QString());
  return {};
}

Expected<model::VolunteerGroup> GroupRepository::get(qint64 id) {
  QSqlQuery q(db_.sql());
  q.prepare(selectGroups() + QStringLiteral("FROM volunteer_group WHERE id = ?"));
  q.addBindValue(id);
  if (!q.exec()) return databaseError(QStringLiteral("reading a group"), q.lastError());
  if (!q.next()) return notFound("group", QString::number(id));
  return readGroup(q);
}

Expected<std::optional<model::VolunteerGroup>> GroupRepository::byName(const QString& name) {
  QSqlQuery q(db_.sql());
  q.prepare(selectGroups() + QStringLiteral("FROM volunteer_group WHERE name = ?"));
  q.addBindValue(name);
  if (!q.exec()) return databaseError(QStringLiteral("reading a group"), q.lastError());
  if (!q.next()) return std::optional<model::VolunteerGroup>();
  return std::optional<model::VolunteerGroup>(readGroup(q));
}

Expected<QList<model::VolunteerGroup>> GroupRepository::list() {
  QSqlQuery q(db_.sql());
  q.setForwardOnly(true);
  if (!q.exec(selectGroups() + QStringLiteral("FROM volunteer_group ORDER BY name")))
    return databaseError(QStringLiteral("listing groups"), q.lastError());
  QList<model::VolunteerGroup> groups;
  while (q.next()) groups.append(readGroup(q));
  return groups;
}

Expected<int> GroupRepository::memberCount(qint64 groupId) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("SELECT COUNT(*) FROM volunteer_group_member WHERE group_id = ?"));
  q.addBindValue(groupId);
  if (!q.exec() || !q.next()) return databaseError(QStringLiteral("counting a group's members"), q.lastError());
  return q.value(0).toInt();
}

Expected<QList<GroupRepository::Candidate>> GroupRepository::candidates(qint64 groupId,
                                                                       const QStringList& registryNos) {
  QList<Candidate> found;
  for (qsizetype start = 0; start < registryNos.size(); start += kSlice) {
    const QStringList slice = registryNos.mid(start, kSlice);
    QSqlQuery q(db_.sql());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT v.id, v.registry_no, v.status, "
                             "(SELECT COUNT(*) FROM volunteer_group_member m WHERE m.group_id = ? "
                             "AND m.volunteer_id = v.id) FROM volunteer v WHERE v.registry_no IN (%1)")
                  .arg(placeholders(slice.size())));
    QVariantList bound{groupId};
    for (const QString& no : slice) bound << no;
    sql::bindAll(q, bound);
    if (!q.exec()) return databaseError(QStringLiteral("finding volunteers for a group"), q.lastError());
    while (q.next())
      found.append({q.value(0).toLongLong(), q.value(1).toString(), statusOf(q.value(2)), q.value(3).toInt() > 0});
  }
  return found;
}

Expected<int> GroupRepository::addMembers(qint64 groupId, const QList<qint64>& volunteerIds, const QString& staff,
                                          const QDateTime& at) {
  QSqlQuery q(db_.sql());
  if (!q.prepare(QStringLiteral("INSERT INTO volunteer_group_member (group_id, volunteer_id, added_at, staff) "
                                "VALUES (?, ?, ?, ?)")))
    return databaseError(QStringLiteral("adding group members"), q.lastError());
  const QString when = sql::timestamp(at);
  for (qint64 id : volunteerIds) {
    sql::bindAll(q, {groupId, id, when, staff});
    if (!q.exec()) return databaseError(QStringLiteral("adding group members"), q.lastError());
  }
  return int(volunteerIds.size());
}

Expected<int> GroupRepository::addByRegion(qint64 groupId, const QString& prefecture, const QString& county,
                                           const QStringList& statuses, const QString& staff, const QDateTime& at) {
  // The casts give PostgreSQL the types of values it meets in a select list.
  QString text = QStringLiteral(
                     "INSERT INTO volunteer_group_member (group_id, volunteer_id, added_at, staff) "
                     "SELECT CAST(? AS BIGINT), v.id, CAST(? AS TEXT), CAST(? AS TEXT) FROM volunteer v "
                     "WHERE v.prefecture = ? AND v.status IN (%1)")
                     .arg(placeholders(statuses.size()));
  QVariantList bound{groupId, sql::timestamp(at), staff, prefecture};
  for (const QString& s : statuses) bound << s;
  if (!county.isEmpty()) {
    text += QStringLiteral(" AND v.county = ?");
    bound << county;
  }
  text += QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM volunteer_group_member m WHERE m.group_id = ? "
                         "AND m.volunteer_id = v.id)");
  bound << groupId;
  QSqlQuery q(db_.sql());
  q.prepare(text);
  sql::bindAll(q, bound);
  if (!q.exec()) return databaseError(QStringLiteral("adding a region to a group"), q.lastError());
  return q.numRowsAffected();
}

Expected<int> GroupRepository::regionCount(const QString& prefecture, const QString& county,
                                           const QStringList& statuses) {
  QString text = QStringLiteral("SELECT COUNT(*) FROM volunteer v WHERE v.prefecture = ? AND v.status IN (%1)")
                     .arg(placeholders(statuses.size()));
  QVariantList bound{prefecture};
  for (const QString& s : statuses) bound << s;
  if (!county.isEmpty()) {
    text += QStringLiteral(" AND v.county = ?");
    bound << county;
  }
  QSqlQuery q(db_.sql());
  q.prepare(text);
  sql::bindAll(q, bound);
  if (!q.exec() || !q.next()) return databaseError(QStringLiteral("counting a region's volunteers"), q.lastError());
  return q.value(0).toInt();
}

Expected<int> GroupRepository::removeMembers(qint64 groupId, const QList<qint64>& volunteerIds) {
  int removed = 0;
  for (qsizetype start = 0; start < volunteerIds.size(); start += kSlice) {
    const QList<qint64> slice = volunteerIds.mid(start, kSlice);
    QSqlQuery q(db_.sql());
    q.prepare(QStringLiteral("DELETE FROM volunteer_group_member WHERE group_id = ? AND volunteer_id IN (%1)")
                  .arg(placeholders(slice.size())));
    QVariantList bound{groupId};
    for (qint64 id : slice) bound << id;
    sql::bindAll(q, bound);
    if (!q.exec()) return databaseError(QStringLiteral("removing group members"), q.lastError());
    removed += q.numRowsAffected();
  }
  return removed;
}

Expected<QList<GroupRepository::Member>> GroupRepository::members(qint64 groupId, int limit, int offset) {
  QSqlQuery q(db_.sql());
  q.setForwardOnly(true);
  // The phone Volunteer::currentPhone() would give: the current number
  // first, then by position; only numbers not replaced.
  q.prepare(QStringLiteral(
      "SELECT v.id, v.registry_no, v.name, v.status, "
      "(SELECT p.number FROM volunteer_phone p WHERE p.volunteer_id = v.id AND p.replaced_on IS NULL "
      "ORDER BY p.is_current DESC, p.position LIMIT 1), v.prefecture, v.county, m.added_at, m.staff "
      "FROM volunteer_group_member m JOIN volunteer v ON v.id = m.volunteer_id WHERE m.group_id = ? "
      "ORDER BY m.volunteer_id LIMIT ? OFFSET ?"));
  // "No limit" is -1 to SQLite and NULL to PostgreSQL, each refused by the
  // other; the largest int means the same to both.
  sql::bindAll(q, {groupId, limit < 0 ? std::numeric_limits<int>::max() : limit, offset});
  if (!q.exec()) return databaseError(QStringLiteral("listing a group's members"), q.lastError());
  QList<Member> list;
  while (q.next()) {
    Member m;
    m.volunteerId = q.value(0).toLongLong();
    m.registryNo = q.value(1).toString();
    m.name = q.value(2).toString();
    m.status = statusOf(q.value(3));
    m.phone = q.value(4).toString();
    m.prefecture = q.value(5).toString();
    m.county = q.value(6).toString();
    m.addedAt = sql::toTimestamp(q.value(7));
    m.addedBy = q.value(8).toString();
    list.append(m);
  }
  return list;
}

Status GroupRepository::addMessage(model::GroupMessage& m) {
  QSqlQuery q(db_.sql());
  q.prepare(QStringLiteral("INSERT INTO group_message (group_id, sent_at, staff, text, member_count) "
                           "VALUES (?, ?, ?, ?, ?) RETURNING id"));
  sql::bindAll(q, {m.groupId, sql::timestamp(m.sentAt), m.staff, m.text, m.memberCount});
  if (!q.exec() || !q.next()) return databaseError(QStringLiteral("recording a group message"), q.lastError());
  m.id = q.value(0).toLongLong();
  return {};
}

Expected<QList<model::GroupMessage>> GroupRepository::messages(qint64 groupId) {
  QSqlQuery q(db_.sql());
  q.setForwardOnly(true);
  q.prepare(QStringLiteral("SELECT id, sent_at, staff, text, member_count FROM group_message WHERE group_id = ? "
                           "ORDER BY sent_at DESC, id DESC"));
  q.addBindValue(groupId);
  if (!q.exec()) return databaseError(QStringLiteral("listing a group's messages"), q.lastError());
  QList<model::GroupMessage> list;
  while (q.next()) {
    model::GroupMessage m;
    m.id = q.value(0).toLongLong();
    m.groupId = groupId;
    m.sentAt = sql::toTimestamp(q.value(1));
    m.staff = q.value(2).toString();
    m.text = q.value(3).toString();
    m.memberCount = q.value(4).toInt();
    list.append(m);
  }
  return list;
}

}  // namespace dd::store
