#pragma once
// A withdrawal a volunteer asked for (an SMS reply 0, a call) that staff have
// not confirmed yet: the flag (Volunteer::withdrawalRequestedOn) that takes
// the volunteer out of searches at once, and its audit rows. Inside the
// caller's transaction, so Registry's own use cases and a campaign's results
// import set it the same way.
#include <QDate>
#include <QString>

#include "app/unit_of_work.h"
#include "core/expected.h"
#include "model/entities.h"

namespace dd::store {
class Database;
}

namespace dd::app {

// Sets the request on `date` (an earlier pending request keeps its date).
// Refused for a volunteer already withdrawn, retired or permanently deferred:
// there is nothing left to withdraw from. Returns whether anything changed.
Expected<bool> markWithdrawalRequested(store::Database& db, UnitOfWork& work, const model::Volunteer& volunteer,
                                       const QDate& date, const QString& note);
// Clears a pending request (cancelled, or confirmed by the status change);
// `action` names which in the audit trail. Returns whether one was pending.
Expected<bool> clearWithdrawalRequest(store::Database& db, UnitOfWork& work, const model::Volunteer& volunteer,
                                      const QString& action, const QString& note);

}  // namespace dd::app
