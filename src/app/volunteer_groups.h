#pragma once
// Volunteer groups: the WeChat and region groups a provincial branch posts
// its reminders in (report a new phone number, how rare a match is, the
// yearly readiness check). Staff keep who is in each group, export the
// member list for the group's WeChat admin and record that a message was
// posted, with how many members it reached (docs/retention.md, Groups).
// Each write is one transaction with its audit rows.
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include "app/actor.h"
#include "core/expected.h"
#include "model/entities.h"

namespace dd::app {

class Registry;

struct GroupRequest {
  QString name;  // required, unique among groups
  model::GroupKind kind = model::GroupKind::WeChat;
  QString prefecture;  // the region the group serves (optional)
  QString county;
  QString note;
};
// validation.required (no name), validation.duplicate (the name is taken).
Expected<model::VolunteerGroup> createGroup(Registry& registry, const GroupRequest& request, const Actor& actor);
// Every group with its member count, by name.
Expected<QList<model::VolunteerGroup>> listGroups(Registry& registry);
Expected<model::VolunteerGroup> volunteerGroup(Registry& registry, qint64 id);  // store.not_found
// The group list's columns (id, name, kind, prefecture, county, members) in
// the CLI's three forms.
QStringList groupHeadings();
QStringList groupCells(const model::VolunteerGroup& group);
QString groupsCsv(const QList<model::VolunteerGroup>& groups);
QString groupsJson(const QList<model::VolunteerGroup>& groups);
QString groupsTable(const QList<model::VolunteerGroup>& groups);

// Registry numbers as staff paste or list them: separated by commas (also
// the Chinese ones), spaces, tabs or line breaks; upper-cased, each once,
// in the order given.
QStringList parseRegistryNumbers(const QString& text);
// The numbers of a text file (UTF-8, GB18030 or UTF-16, as decodeText
// decides): one per line, or separated as above. import.read when unreadable.
Expected<QStringList> registryNumbersFromFile(const QString& path);

struct MembersAdded {
  int added = 0;
  int alreadyMembers = 0;  // skipped: in the group already
};
// Adds the volunteers the registry numbers name. Nothing is added when any
// number is not in the registry (validation.unknown_volunteer, naming them)
// or names a withdrawn or retired volunteer (validation.volunteer_status,
// naming them and why): they left the registry and must not be messaged.
Expected<MembersAdded> addGroupMembers(Registry& registry, qint64 groupId, const QStringList& registryNos,
                                       const Actor& actor);
// Adds every volunteer still in the pool (active, temporarily deferred, lost
// contact or reserved, as the worklists count it) of the prefecture,
// and of the county when one is given, in one statement.
Expected<MembersAdded> addGroupMembersByRegion(Registry& registry, qint64 groupId, const QString& prefecture,
                                               const QString& county, const Actor& actor);

struct MembersRemoved {
  int removed = 0;
  int notMembers = 0;  // known volunteers who were not in the group
};
// validation.unknown_volunteer as for adding; nothing is removed then.
Expected<MembersRemoved> removeGroupMembers(Registry& registry, qint64 groupId, const QStringList& registryNos,
                                            const Actor& actor);

// One member as the member list and its export show them.
struct GroupMember {
  qint64 volunteerId = 0;
  QString registryNo, name;
  model::VolunteerStatus status = model::VolunteerStatus::Active;
  QString phone;
  QString prefecture, county;
  QDateTime addedAt;
  QString addedBy;
};
inline constexpr int kMaxGroupPage = 10000;
// A page of members in the order they registered; validation.range for a
// bad page.
Expected<QList<GroupMember>> groupMembers(Registry& registry, qint64 groupId, int limit, int offset);

// The columns a WeChat group's admin needs, in order (translated headings):
// registry no, name, phone, prefecture, county, status.
QStringList groupMemberHeadings();
QStringList groupMemberCells(const GroupMember& member);
QString groupMembersCsv(const QList<GroupMember>& members);
QString groupMembersJson(const QList<GroupMember>& members);
QString groupMembersTable(const QList<GroupMember>& members);

struct GroupExportOptions {
  QString path;
  QString encoding = QStringLiteral("utf-8");  // with a BOM; or gb18030
};
// Writes every member (groupMemberHeadings' columns) and audits the export;
// returns the number of members written.
Expected<int> exportGroupMembers(Registry& registry, qint64 groupId, const GroupExportOptions& options,
                                 const Actor& actor);

// Records that `text` was posted in the group now, with the members it has
// at this moment. validation.required for an empty text.
Expected<model::GroupMessage> recordGroupMessage(Registry& registry, qint64 groupId, const QString& text,
                                                 const Actor& actor);
Expected<QList<model::GroupMessage>> groupMessages(Registry& registry, qint64 groupId);  // newest first

}  // namespace dd::app
