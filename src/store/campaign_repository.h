#pragma once
// SQL for SMS campaigns: the campaign, who it reaches, the messages exported
// for it (one per volunteer, the id the platform's results refer to).
// Writes never commit.
#include <QHash>
#include <QList>
#include <QSqlQuery>
#include <functional>

#include "core/expected.h"
#include "model/entities.h"

namespace dd::store {

class Database;

class CampaignRepository {
 public:
  explicit CampaignRepository(Database& db) : db_(db) {}

  // One volunteer a campaign reaches, with what its template may name.
  struct Recipient {
    qint64 volunteerId = 0;
    QString registryNo, name, prefecture, county, branch, phone;
  };

  Status insert(model::Campaign& campaign, const QString& statusFilter);  // sets id and stamps
  Expected<QList<model::Campaign>> list();
  Expected<model::Campaign> get(qint64 id);
  // Volunteers whose status is in `statuses` (keys), in the region (prefecture
  // or county; empty = all), last reached before `reachedBefore` or never
  // (invalid = any), with an in-use phone (the current one, else the first).
  Status forEachRecipient(const QStringList& statuses, const QString& region, const QDate& reachedBefore,
                          const std::function<bool(const Recipient&)>& visitor);
  // The messages already exported for a campaign, by volunteer id.
  Expected<QHash<qint64, QString>> messageIds(qint64 campaignId);
  Status addMessage(const model::CampaignMessage& message);
  Expected<int> messageCount(qint64 campaignId);
  // What a results file is checked against: the campaign's messages by id.
  struct Sent {
    qint64 volunteerId = 0;
    QString phone;
    bool applied = false;  // its result is already in the contact log
  };
  Expected<QHash<QString, Sent>> sentMessages(qint64 campaignId);
  Expected<qint64> campaignOfMessage(const QString& messageId);  // 0 = no such message
  Status markApplied(const QString& messageId, const QString& delivery, const QString& reply,
                     const QDateTime& repliedAt);

 private:
  Database& db_;
  QSqlQuery insertMessage_;
  QSqlQuery markApplied_;
};

}  // namespace dd::store
