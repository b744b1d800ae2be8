#pragma once
// SQL for a case's late-withdrawal signs: its risk flags (case_risk_flag) and
// the talks held with the donor's family (family_session). Writes never commit.
#include <QHash>
#include <QList>

#include "core/expected.h"
#include "model/entities.h"

namespace dd::store {

class Database;

class CaseRiskRepository {
 public:
  explicit CaseRiskRepository(Database& db) : db_(db) {}

  Status insertFlag(model::CaseRiskFlag& flag);  // sets id
  Expected<model::CaseRiskFlag> flag(qint64 id);
  Expected<QList<model::CaseRiskFlag>> flags(qint64 caseId);  // open and resolved, oldest first
  // The open flags of every case at once (the case list's Risk column).
  Expected<QHash<qint64, QList<model::CaseRiskFlag>>> openFlagsByCase();
  // Only an open flag is resolved: store.not_found when none matched.
  Status resolveFlag(qint64 id, const QDate& on, const QString& resolution);

  Status insertSession(model::FamilySession& session);  // sets id
  Expected<QList<model::FamilySession>> sessions(qint64 caseId);  // oldest first

 private:
  Expected<QList<model::CaseRiskFlag>> flagsWhere(const QString& condition, const QVariant& value);
  Database& db_;
};

}  // namespace dd::store
