#pragma once
// SQL for the follow-up calls after a donation (donation_follow_up, schema
// 10): one row per point recorded for one donation. Writes never commit.
#include <QList>

#include "core/expected.h"
#include "model/entities.h"

namespace dd::store {

class Database;

class FollowUpRepository {
 public:
  explicit FollowUpRepository(Database& db) : db_(db) {}

  // Sets id. The table's UNIQUE (volunteer, donation date, point) refuses a
  // second row for the same point; the use case checks first to say so.
  Status insert(model::DonationFollowUp& followUp);
  // Every follow-up of the volunteer, of every donation, by donation date
  // and then point order.
  Expected<QList<model::DonationFollowUp>> forVolunteer(qint64 volunteerId);

 private:
  Database& db_;
};

}  // namespace dd::store
