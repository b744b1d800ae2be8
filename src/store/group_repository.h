#pragma once
// SQL for volunteer groups (schema 10): the WeChat and region groups a branch
// keeps its volunteers in touch through, who is in each, and the messages
// posted there. Writes never commit: the caller owns the transaction.
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "core/expected.h"
#include "model/entities.h"

namespace dd::store {

class Database;

class GroupRepository {
 public:
  explicit GroupRepository(Database& db) : db_(db) {}

  Status insert(model::VolunteerGroup& group);  // sets id and stamps
  // store.conflict when the row no longer has group.rowVersion.
  Status update(model::VolunteerGroup& group);
  Expected<model::VolunteerGroup> get(qint64 id);  // store.not_found
  Expected<std::optional<model::VolunteerGroup>> byName(const QString& name);
  // Every group with its member count, by name.
  Expected<QList<model::VolunteerGroup>> list();
  Expected<int> memberCount(qint64 groupId);

  // A volunteer a list of registry numbers names, and whether they are a
  // member of the group already.
  struct Candidate {
    qint64 volunteerId = 0;
    QString registryNo;
    model::VolunteerStatus status = model::VolunteerStatus::Active;
    bool member = false;
  };
  // Those of `registryNos` that exist (numbers not found are simply absent).
  Expected<QList<Candidate>> candidates(qint64 groupId, const QStringList& registryNos);
  // Adds the volunteers (none of them a member yet); returns how many.
  Expected<int> addMembers(qint64 groupId, const QList<qint64>& volunteerIds, const QString& staff,
                           const QDateTime& at);
  // One INSERT ... SELECT: every volunteer with a status in `statuses` (keys)
  // of the prefecture (and the county when given) not a member yet. Returns
  // how many were added.
  Expected<int> addByRegion(qint64 groupId, const QString& prefecture, const QString& county,
                            const QStringList& statuses, const QString& staff, const QDateTime& at);
  // How many volunteers addByRegion's condition matches, members or not.
  Expected<int> regionCount(const QString& prefecture, const QString& county, const QStringList& statuses);
  // Returns how many of them were members.
  Expected<int> removeMembers(qint64 groupId, const QList<qint64>& volunteerIds);

  // One member as the member list shows them.
  struct Member {
    qint64 volunteerId = 0;
    QString registryNo, name;
    model::VolunteerStatus status = model::VolunteerStatus::Active;
    QString phone;  // the current in-use number, else the first in use
    QString prefecture, county;
    QDateTime addedAt;
    QString addedBy;
  };
  // Members in the order they registered (volunteer id: the member table's
  // key, so a page is read in order and LIMIT stops early even in a group
  // of a million); limit < 0 = all of them.
  Expected<QList<Member>> members(qint64 groupId, int limit, int offset);

  Status addMessage(model::GroupMessage& message);  // sets id
  Expected<QList<model::GroupMessage>> messages(qint64 groupId);  // newest first

 private:
  Database& db_;
};

}  // namespace dd::store
