#include "gui/case_table_model.h"

#include <QColor>
#include <QHash>

#include "core/qt/localization.h"
#include "gui/display_text.h"
#include "gui/paged_table_model.h"

namespace dd::gui {

CaseTableModel::CaseTableModel(app::Registry* registry, QObject* parent)
    : QAbstractTableModel(parent), registry_(registry) {}

QStringList CaseTableModel::stopReasonKeys() {
  return {QStringLiteral("donor_declined"),  QStringLiteral("donor_medical"),   QStringLiteral("donor_unreachable"),
          QStringLiteral("patient_died"),    QStringLiteral("patient_improved"), QStringLiteral("other_donor_chosen"),
          QStringLiteral("centre_cancelled"), QStringLiteral("other")};
}

QString CaseTableModel::stopReasonText(const QString& key) {
  if (key == QLatin1String("donor_declined")) return tr("Donor declined");
  if (key == QLatin1String("donor_medical")) return tr("Donor medically unsuitable");
  if (key == QLatin1String("donor_unreachable")) return tr("Donor unreachable");
  if (key == QLatin1String("patient_died")) return tr("Patient died");
  if (key == QLatin1String("patient_improved")) return tr("Patient no longer needs a transplant");
  if (key == QLatin1String("other_donor_chosen")) return tr("Another donor chosen");
  if (key == QLatin1String("centre_cancelled")) return tr("Transplant centre cancelled");
  if (key == QLatin1String("other")) return tr("Other");
  return key;
}

bool CaseTableModel::reload(int stage, bool includeStopped) {
  QList<CaseRow> rows;
  app::PatientQuery query;
  query.limit = 100000;
  auto patients = registry_->listPatients(query);
  QString error = patients ? QString() : dd::qt::translated(patients.error());
  QHash<qint64, QString> registryNos;
  for (int p = 0; patients && p < patients->size() && error.isEmpty(); ++p) {
    const model::Patient& patient = patients->at(p);
    auto cases = registry_->workupCasesForPatient(patient.id);
    if (!cases) {
      error = dd::qt::translated(cases.error());
      break;
    }
    for (const model::WorkupCase& w : *cases) {
      if (w.stopped() && !includeStopped) continue;
      if (stage >= 0 && static_cast<int>(w.stage) != stage) continue;
      if (!registryNos.contains(w.volunteerId)) {
        auto volunteer = registry_->volunteer(w.volunteerId);
        registryNos.insert(w.volunteerId, volunteer ? volunteer->registryNo : QString());
      }
      rows.append({w, patient.caseNo, patient.name, registryNos.value(w.volunteerId)});
    }
  }
  beginResetModel();
  rows_ = error.isEmpty() ? rows : QList<CaseRow>();
  error_ = error;
  endResetModel();
  return error.isEmpty();
}

int CaseTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : rows_.size(); }
int CaseTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant CaseTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rows_.size()) return {};
  const CaseRow& row = rows_[index.row()];
  switch (role) {
    case Qt::DisplayRole: return display(row, index.column());
    case PagedTableModel::SortRole:
      if (index.column() == Stage) return static_cast<int>(row.workup.stage);
      return display(row, index.column());
    case PagedTableModel::IdRole: return row.workup.id;
    case PagedTableModel::SearchTextRole:
      return QStringList{row.workup.caseCode, row.patientName, row.registryNo}.join(QLatin1Char(' ')).toLower();
    case Qt::ForegroundRole:
      if (row.workup.stopped()) return QColor(0x80, 0x80, 0x80);
      return {};
    default: return {};
  }
}

QVariant CaseTableModel::display(const CaseRow& row, int column) const {
  const model::WorkupCase& w = row.workup;
  switch (column) {
    case CaseCode: return w.caseCode;
    case Patient: return QStringLiteral("%1 %2").arg(row.patientCaseNo, row.patientName);
    case Volunteer: return row.registryNo;
    case Stage: return stageText(w.stage);
    case StageDate: return dateText(w.stageDates[static_cast<std::size_t>(w.stage)]);
    case Started: return dateText(w.stageDates[0]);
    case Stopped: return dateText(w.stoppedDate);
    case StopReason: {
      if (!w.stopped()) return {};
      const QString code = w.stopReason.section(QLatin1Char(':'), 0, 0);
      const QString note = w.stopReason.section(QLatin1Char(':'), 1).trimmed();
      QString text = stopReasonText(code);
      if (!note.isEmpty()) text += QStringLiteral(" — ") + note;
      if (w.regretStage) text += tr(" (at %1)").arg(stageText(*w.regretStage));
      return text;
    }
    default: return {};
  }
}

QVariant CaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case CaseCode: return tr("Case");
    case Patient: return tr("Patient");
    case Volunteer: return tr("Volunteer");
    case Stage: return tr("Stage");
    case StageDate: return tr("Reached on");
    case Started: return tr("Started");
    case Stopped: return tr("Stopped");
    case StopReason: return tr("Stop reason");
    default: return {};
  }
}

}  // namespace dd::gui
