#pragma once
// The audit trail of one record as staff read it: who, when, what was done,
// which field, old -> new. Field names and vocabulary are translated,
// personal numbers are masked; a registration reads as one row per recorded
// field (app::Registry::auditTrail splits its snapshot), never a JSON blob.
#include <functional>

#include <QList>
#include <QString>

#include "model/entities.h"

namespace dd::gui {

struct HistoryRow {
  QString when;  // local time, yyyy-MM-dd HH:mm
  QString staff;
  QString action;
  QString field;
  QString oldValue;
  QString newValue;
};

// caseNoOf turns a patient id (a reservation) into the patient's case number.
QList<HistoryRow> readableHistory(const QList<model::AuditEntry>& entries,
                                  const std::function<QString(qint64 patientId)>& caseNoOf);

}  // namespace dd::gui
