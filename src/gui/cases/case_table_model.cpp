#include "gui/cases/case_table_model.h"

#include <QColor>
#include <QHash>

#include "core/qt/localization.h"
#include "gui/widgets/display_text.h"
#include "gui/widgets/key_texts.h"
#include "gui/widgets/paged_table_model.h"

namespace dd::gui {

CaseTableModel::CaseTableModel(app::Registry* registry, QObject* parent)
    : QAbstractTableModel(parent), registry_(registry) {}

namespace {
constexpr const char* kContext = "dd::gui::CaseTableModel";
constexpr KeyText kStopReasons[] = {
    {"donor_declined", QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Donor declined")},
    {"donor_medical", QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Donor medically unsuitable")},
    {"donor_unreachable", QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Donor unreachable")},
    {"patient_died", QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Patient died")},
    {"patient_improved", QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Patient no longer needs a transplant")},
    {"other_donor_chosen", QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Another donor chosen")},
    {"centre_cancelled", QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Transplant centre cancelled")},
    {"other", QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Other")}};
// In Column order.
constexpr const char* kHeaders[] = {
    QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Case"),       QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Patient"),
    QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Volunteer"),  QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Stage"),
    QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Reached on"), QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Started"),
    QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Stopped"),    QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Stop reason")};
static_assert(std::size(kHeaders) == CaseTableModel::ColumnCount);
}  // namespace

QStringList CaseTableModel::stopReasonKeys() { return keysOf(kStopReasons); }
QString CaseTableModel::stopReasonText(const QString& key) { return textOf(kStopReasons, kContext, key); }

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
  return columnHeader(kHeaders, kContext, section, orientation, role);
}

}  // namespace dd::gui
