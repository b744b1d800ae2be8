#include "app/volunteer_groups.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include "app/csv_file.h"
#include "app/text_encoding.h"
#include "app/registry.h"
#include "app/registry_store_access.h"
#include "app/shown_names.h"
#include "app/text_rules.h"
#include "app/unit_of_work.h"
#include "core/qt/database_files.h"
#include "store/database.h"
#include "store/group_repository.h"

namespace dd::app {
namespace {

std::string utf8(const QString& s) { return s.toUtf8().toStdString(); }
QString keyText(std::string_view key) { return QString::fromLatin1(key.data(), qsizetype(key.size())); }

const QString kEntity = QStringLiteral("volunteer_group");

// At most this many numbers are named in one message; the rest are counted.
constexpr int kNamedInMessage = 20;
std::string namedList(const QStringList& items) {
  QStringList shown = items.mid(0, kNamedInMessage);
  QString text = shown.join(QStringLiteral(", "));
  if (items.size() > kNamedInMessage)
    text += QCoreApplication::translate("dd::app", " and %1 more").arg(items.size() - kNamedInMessage);
  return utf8(text);
}

// Still in the pool, as the worklists count it (docs/retention.md): the
// volunteers a region's group keeps in touch with.
QStringList poolStatusKeys() {
  using S = model::VolunteerStatus;
  QStringList keys;
  for (S s : {S::Active, S::TemporarilyDeferred, S::LostContact, S::Reserved}) keys << keyText(model::key(s));
  return keys;
}

// Withdrawn and retired volunteers left the registry: a group message would
// reach someone who asked not to be contacted or is past the donor age.
bool refusedInGroups(model::VolunteerStatus s) {
  return s == model::VolunteerStatus::Withdrawn || s == model::VolunteerStatus::Retired;
}

// The volunteers the numbers name, or validation.unknown_volunteer naming
// every number not in the registry.
Expected<QList<store::GroupRepository::Candidate>> resolve(store::GroupRepository& groups, qint64 groupId,
                                                           const QStringList& given) {
  // the same clean-up as a pasted list: trimmed, upper-cased, each once
  const QStringList registryNos = parseRegistryNumbers(given.join(QLatin1Char('\n')));
  if (registryNos.isEmpty())
    return makeError("validation.required", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "No registry numbers were given."), {}, "volunteers");
  auto found = groups.candidates(groupId, registryNos);
  if (!found) return found.error();
  QSet<QString> known;
  for (const auto& c : *found) known.insert(c.registryNo);
  QStringList unknown;
  for (const QString& no : registryNos)
    if (!known.contains(no)) unknown << no;
  if (!unknown.isEmpty())
    return makeError("validation.unknown_volunteer", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "Not in the registry (%1): %2. Nothing was changed."),
                     {std::to_string(unknown.size()), namedList(unknown)}, "volunteers");
  return found;
}

}  // namespace

Expected<model::VolunteerGroup> createGroup(Registry& registry, const GroupRequest& request, const Actor& actor) {
  model::VolunteerGroup g;
  g.name = request.name.trimmed();
  g.kind = request.kind;
  g.prefecture = request.prefecture.trimmed();
  g.county = request.county.trimmed();
  g.note = request.note.trimmed();
  if (g.name.isEmpty())
    return makeError("validation.required", "dd::app", QT_TRANSLATE_NOOP("dd::app", "A group needs a name."), {},
                     "name");
  if (auto e = checkText("group_name", g.name)) return *e;
  if (auto e = checkText("prefecture", g.prefecture)) return *e;
  if (auto e = checkText("county", g.county)) return *e;
  if (auto e = checkText("notes", g.note)) return *e;
  store::Database& db = storeDatabase(registry);
  UnitOfWork work(db, actor);
  if (!work.started()) return work.started().error();
  store::GroupRepository groups(db);
  auto existing = groups.byName(g.name);
  if (!existing) return existing.error();
  if (*existing)
    return makeError("validation.duplicate", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "There is already a group named '%1' (id %2): choose another "
                                                  "name."),
                     {utf8(g.name), std::to_string((*existing)->id)}, "name");
  if (Status s = groups.insert(g); !s) return s.error();
  // "*": a snapshot of every field, as the audit trail reads a created record
  QJsonObject snapshot;
  snapshot[QStringLiteral("name")] = g.name;
  snapshot[QStringLiteral("kind")] = keyText(model::key(g.kind));
  snapshot[QStringLiteral("prefecture")] = g.prefecture;
  snapshot[QStringLiteral("county")] = g.county;
  snapshot[QStringLiteral("note")] = g.note;
  if (Status s = work.record({0, {}, {}, QStringLiteral("create"), kEntity, g.id, QStringLiteral("*"), {},
                              QString::fromUtf8(QJsonDocument(snapshot).toJson(QJsonDocument::Compact))});
      !s)
    return s.error();
  if (Status s = work.commit(); !s) return s.error();
  return g;
}

Expected<QList<model::VolunteerGroup>> listGroups(Registry& registry) {
  return store::GroupRepository(storeDatabase(registry)).list();
}

Expected<model::VolunteerGroup> volunteerGroup(Registry& registry, qint64 id) {
  return store::GroupRepository(storeDatabase(registry)).get(id);
}

namespace {
QString csvLines(const QStringList& headings, const QList<QStringList>& rows) {
  auto line = [](const QStringList& cells) {
    QStringList quoted;
    for (const QString& c : cells) quoted << csvField(c);
    return quoted.join(QLatin1Char(','));
  };
  QStringList lines{line(headings)};
  for (const QStringList& row : rows) lines << line(row);
  return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
QString tableLines(const QStringList& headings, const QList<QStringList>& rows) {
  QString out = headings.join(QLatin1Char('\t')) + QLatin1Char('\n');
  for (const QStringList& row : rows) out += row.join(QLatin1Char('\t')) + QLatin1Char('\n');
  return out;
}
}  // namespace

QStringList groupHeadings() {
  auto tr = [](const char* text) { return QCoreApplication::translate("dd::app", text); };
  return {tr("Id"), tr("Name"), tr("Kind"), tr("Prefecture"), tr("County"), tr("Members")};
}

QStringList groupCells(const model::VolunteerGroup& g) {
  return {QString::number(g.id), g.name, shownText(model::displayName(g.kind)), g.prefecture, g.county,
          QString::number(g.memberCount)};
}

QString groupsCsv(const QList<model::VolunteerGroup>& groups) {
  QList<QStringList> rows;
  for (const auto& g : groups) rows << groupCells(g);
  return csvLines(groupHeadings(), rows);
}

QString groupsJson(const QList<model::VolunteerGroup>& groups) {
  QJsonArray array;
  for (const auto& g : groups) {
    QJsonObject o;
    o[QStringLiteral("id")] = g.id;
    o[QStringLiteral("name")] = g.name;
    o[QStringLiteral("kind")] = keyText(model::key(g.kind));
    o[QStringLiteral("prefecture")] = g.prefecture;
    o[QStringLiteral("county")] = g.county;
    o[QStringLiteral("note")] = g.note;
    o[QStringLiteral("members")] = g.memberCount;
    array.append(o);
  }
  return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

QString groupsTable(const QList<model::VolunteerGroup>& groups) {
  QList<QStringList> rows;
  for (const auto& g : groups) rows << groupCells(g);
  return tableLines(groupHeadings(), rows);
}

QStringList parseRegistryNumbers(const QString& text) {
  static const QRegularExpression separators(QStringLiteral("[\\s,;\\x{FF0C}\\x{3001}\\x{FF1B}]+"));
  QStringList numbers;
  QSet<QString> seen;
  for (const QString& part : text.split(separators, Qt::SkipEmptyParts)) {
    const QString no = part.toUpper();
    if (seen.contains(no)) continue;
    seen.insert(no);
    numbers << no;
  }
  return numbers;
}

Expected<QStringList> registryNumbersFromFile(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    return makeError("import.read", "dd::app", QT_TRANSLATE_NOOP("dd::app", "Cannot read %1: %2"),
                     {utf8(path), utf8(file.errorString())}, "from_file");
  // a list of numbers is small; a large file is something else
  constexpr qint64 kMaxBytes = 16 * 1024 * 1024;
  if (file.size() > kMaxBytes)
    return makeError("validation.too_large", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "%1 is larger than %2 MB: not a list of registry numbers."),
                     {utf8(path), std::to_string(kMaxBytes / (1024 * 1024))}, "from_file");
  auto decoded = decodeText(file.readAll(), {}, path);
  if (!decoded) return decoded.error();
  return parseRegistryNumbers(decoded->text);
}

Expected<MembersAdded> addGroupMembers(Registry& registry, qint64 groupId, const QStringList& registryNos,
                                       const Actor& actor) {
  store::Database& db = storeDatabase(registry);
  UnitOfWork work(db, actor);
  if (!work.started()) return work.started().error();
  store::GroupRepository groups(db);
  auto group = groups.get(groupId);
  if (!group) return group.error();
  auto found = resolve(groups, groupId, registryNos);
  if (!found) return found.error();
  QStringList refused;
  QList<qint64> toAdd;
  MembersAdded result;
  for (const auto& c : *found) {
    if (refusedInGroups(c.status)) {
      refused << QStringLiteral("%1 (%2)").arg(c.registryNo, shownText(model::displayName(c.status)));
    } else if (c.member) {
      ++result.alreadyMembers;
    } else {
      toAdd << c.volunteerId;
    }
  }
  if (!refused.isEmpty())
    return makeError("validation.volunteer_status", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "Withdrawn and retired volunteers are not added to groups: they "
                                                  "left the registry and are not messaged (%1): %2. Nothing was "
                                                  "added."),
                     {std::to_string(refused.size()), namedList(refused)}, "volunteers");
  auto added = groups.addMembers(groupId, toAdd, actor.staff, QDateTime::currentDateTimeUtc());
  if (!added) return added.error();
  result.added = *added;
  if (Status s = work.record({0, {}, {}, QStringLiteral("add_members"), kEntity, groupId,
                              QStringLiteral("volunteer_group_member"), {}, QString::number(result.added)});
      !s)
    return s.error();
  if (Status s = work.commit(); !s) return s.error();
  return result;
}

Expected<MembersAdded> addGroupMembersByRegion(Registry& registry, qint64 groupId, const QString& prefecture,
                                               const QString& county, const Actor& actor) {
  const QString p = prefecture.trimmed();
  const QString c = county.trimmed();
  if (p.isEmpty())
    return makeError("validation.required", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "Adding by region needs a prefecture."), {}, "prefecture");
  store::Database& db = storeDatabase(registry);
  UnitOfWork work(db, actor);
  if (!work.started()) return work.started().error();
  store::GroupRepository groups(db);
  auto group = groups.get(groupId);
  if (!group) return group.error();
  const QStringList statuses = poolStatusKeys();
  auto inRegion = groups.regionCount(p, c, statuses);
  if (!inRegion) return inRegion.error();
  auto added = groups.addByRegion(groupId, p, c, statuses, actor.staff, QDateTime::currentDateTimeUtc());
  if (!added) return added.error();
  MembersAdded result;
  result.added = *added;
  result.alreadyMembers = *inRegion - *added;
  const QString region = c.isEmpty() ? p : p + QLatin1Char('/') + c;
  if (Status s = work.record({0, {}, {}, QStringLiteral("add_members"), kEntity, groupId,
                              QStringLiteral("volunteer_group_member"), region, QString::number(result.added)});
      !s)
    return s.error();
  if (Status s = work.commit(); !s) return s.error();
  return result;
}

Expected<MembersRemoved> removeGroupMembers(Registry& registry, qint64 groupId, const QStringList& registryNos,
                                            const Actor& actor) {
  store::Database& db = storeDatabase(registry);
  UnitOfWork work(db, actor);
  if (!work.started()) return work.started().error();
  store::GroupRepository groups(db);
  auto group = groups.get(groupId);
  if (!group) return group.error();
  auto found = resolve(groups, groupId, registryNos);
  if (!found) return found.error();
  QList<qint64> ids;
  for (const auto& c : *found) ids << c.volunteerId;
  auto removed = groups.removeMembers(groupId, ids);
  if (!removed) return removed.error();
  MembersRemoved result{*removed, int(ids.size()) - *removed};
  if (Status s = work.record({0, {}, {}, QStringLiteral("remove_members"), kEntity, groupId,
                              QStringLiteral("volunteer_group_member"), QString::number(result.removed), {}});
      !s)
    return s.error();
  if (Status s = work.commit(); !s) return s.error();
  return result;
}

Expected<QList<GroupMember>> groupMembers(Registry& registry, qint64 groupId, int limit, int offset) {
  if (limit < 1 || limit > kMaxGroupPage || offset < 0)
    return makeError("validation.range", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "A page holds 1 to %1 members from an offset of 0 or more."),
                     {std::to_string(kMaxGroupPage)}, "limit");
  store::GroupRepository groups(storeDatabase(registry));
  auto group = groups.get(groupId);
  if (!group) return group.error();
  auto rows = groups.members(groupId, limit, offset);
  if (!rows) return rows.error();
  QList<GroupMember> list;
  list.reserve(rows->size());
  for (const auto& m : *rows)
    list.append({m.volunteerId, m.registryNo, m.name, m.status, m.phone, m.prefecture, m.county, m.addedAt,
                 m.addedBy});
  return list;
}

QStringList groupMemberHeadings() {
  auto tr = [](const char* text) { return QCoreApplication::translate("dd::app", text); };
  return {tr("Registry No."), tr("Name"), tr("Phone"), tr("Prefecture"), tr("County"), tr("Status")};
}

QStringList groupMemberCells(const GroupMember& m) {
  return {m.registryNo, m.name, m.phone, m.prefecture, m.county, shownText(model::displayName(m.status))};
}

QString groupMembersCsv(const QList<GroupMember>& members) {
  QList<QStringList> rows;
  for (const GroupMember& m : members) rows << groupMemberCells(m);
  return csvLines(groupMemberHeadings(), rows);
}

QString groupMembersJson(const QList<GroupMember>& members) {
  QJsonArray array;
  for (const GroupMember& m : members) {
    QJsonObject o;
    o[QStringLiteral("registry_no")] = m.registryNo;
    o[QStringLiteral("name")] = m.name;
    o[QStringLiteral("phone")] = m.phone;
    o[QStringLiteral("prefecture")] = m.prefecture;
    o[QStringLiteral("county")] = m.county;
    o[QStringLiteral("status")] = keyText(model::key(m.status));
    o[QStringLiteral("added_at")] = m.addedAt.toString(Qt::ISODate);
    o[QStringLiteral("added_by")] = m.addedBy;
    array.append(o);
  }
  return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

QString groupMembersTable(const QList<GroupMember>& members) {
  QList<QStringList> rows;
  for (const GroupMember& m : members) rows << groupMemberCells(m);
  return tableLines(groupMemberHeadings(), rows);
}

Expected<int> exportGroupMembers(Registry& registry, qint64 groupId, const GroupExportOptions& options,
                                 const Actor& actor) {
  if (options.path.isEmpty())
    return makeError("validation.required", "dd::app", QT_TRANSLATE_NOOP("dd::app", "No file to write was given."),
                     {}, "out");
  if (Status allowed = dd::qt::database_files::refuseIfProtected(options.path); !allowed) return allowed.error();
  store::Database& db = storeDatabase(registry);
  UnitOfWork work(db, actor);
  if (!work.started()) return work.started().error();
  store::GroupRepository groups(db);
  auto group = groups.get(groupId);
  if (!group) return group.error();
  auto rows = groups.members(groupId, -1, 0);
  if (!rows) return rows.error();
  QList<QStringList> cells;
  cells.reserve(rows->size());
  for (const auto& m : *rows)
    cells.append(groupMemberCells({m.volunteerId, m.registryNo, m.name, m.status, m.phone, m.prefecture, m.county,
                                   m.addedAt, m.addedBy}));
  // A list of names and phones leaves the registry: the audit trail says who
  // took it and how many people were on it.
  if (Status s = work.record({0, {}, {}, QStringLiteral("export_members"), kEntity, groupId,
                              QStringLiteral("volunteer_group_member"), {}, QString::number(cells.size())});
      !s)
    return s.error();
  if (Status s = writeCsvFile(options.path, groupMemberHeadings(), cells, options.encoding); !s) return s.error();
  if (Status s = work.commit(); !s) return s.error();
  return int(cells.size());
}

Expected<model::GroupMessage> recordGroupMessage(Registry& registry, qint64 groupId, const QString& text,
                                                 const Actor& actor) {
  model::GroupMessage m;
  m.groupId = groupId;
  m.text = text.trimmed();
  m.staff = actor.staff;
  if (m.text.isEmpty())
    return makeError("validation.required", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "The message text is empty: record what was posted."), {}, "text");
  if (auto e = checkText("message_text", m.text)) return *e;
  store::Database& db = storeDatabase(registry);
  UnitOfWork work(db, actor);
  if (!work.started()) return work.started().error();
  store::GroupRepository groups(db);
  auto group = groups.get(groupId);
  if (!group) return group.error();
  auto count = groups.memberCount(groupId);
  if (!count) return count.error();
  m.memberCount = *count;
  m.sentAt = QDateTime::currentDateTimeUtc();
  if (Status s = groups.addMessage(m); !s) return s.error();
  if (Status s = work.record({0, {}, {}, QStringLiteral("message"), kEntity, groupId, QStringLiteral("group_message"),
                              {}, QString::number(m.memberCount)});
      !s)
    return s.error();
  if (Status s = work.commit(); !s) return s.error();
  return m;
}

Expected<QList<model::GroupMessage>> groupMessages(Registry& registry, qint64 groupId) {
  store::GroupRepository groups(storeDatabase(registry));
  auto group = groups.get(groupId);
  if (!group) return group.error();
  return groups.messages(groupId);
}

}  // namespace dd::app
