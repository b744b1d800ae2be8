#pragma once
// SQL of the yearly readiness checks (schema 10): the check rows and what the
// volunteer's record keeps of them (last_readiness_check, and the withdrawal
// request an answer "no" raises). Never commits.
#include <QList>

#include "core/expected.h"
#include "model/entities.h"

namespace dd::store {

class Database;

Status insertReadinessCheck(Database& db, model::ReadinessCheck& check);  // sets id
// last_readiness_check = the later of the stored date and `on`; when
// requestWithdrawal, withdrawal_requested_on = `on` unless already set.
Status noteReadinessCheck(Database& db, qint64 volunteerId, const QDate& on, bool requestWithdrawal);
Expected<QList<model::ReadinessCheck>> readinessChecks(Database& db, qint64 volunteerId);  // newest first

}  // namespace dd::store
