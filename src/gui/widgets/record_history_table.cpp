#include "gui/widgets/record_history_table.h"

#include "app/registry.h"
#include "gui/widgets/form_helpers.h"
#include "gui/widgets/record_history.h"

namespace dd::gui {

RecordHistoryTable::RecordHistoryTable(QWidget* parent) : QTableWidget(parent) {}

void RecordHistoryTable::showTrail(app::Registry& registry, const QString& entity, qint64 id) {
  QList<QStringList> rows;
  if (id != 0) {
    // A reservation is stored as the patient's id; staff know the case number.
    const auto caseNoOf = [&registry](qint64 patientId) {
      auto patient = registry.patient(patientId);
      return patient ? patient->caseNo : QString();
    };
    if (auto audit = registry.auditTrail(entity, id))
      for (const HistoryRow& row : readableHistory(*audit, caseNoOf))
        rows.append({row.when, row.staff, row.action, row.field, row.oldValue, row.newValue});
  }
  form::setRows(this, {tr("When"), tr("Staff"), tr("Action"), tr("Field"), tr("Old value"), tr("New value")}, rows);
}

}  // namespace dd::gui
