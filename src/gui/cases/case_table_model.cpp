#include "gui/cases/case_table_model.h"

#include <QColor>
#include <QHash>

#include "app/case_risk.h"
#include "core/qt/localization.h"
#include "gui/widgets/display_text.h"
#include "gui/widgets/key_texts.h"
#include "gui/widgets/paged_table_model.h"

namespace dd::gui {

CaseTableModel::CaseTableModel(app::Registry* registry, QObject* parent)
    : QAbstractTableModel(parent), registry_(registry) {}

namespace {
constexpr const char* kContext = "dd::gui::CaseTableModel";
// In Column order.
constexpr const char* kHeaders[] = {
    QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Case"),       QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Patient"),
    QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Volunteer"),  QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Stage"),
    QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Reached on"), QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Started"),
    QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Stopped"),    QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Stop reason"),
    QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Family"),     QT_TRANSLATE_NOOP("dd::gui::CaseTableModel", "Risk")};
static_assert(std::size(kHeaders) == CaseTableModel::ColumnCount);
}  // namespace


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
      QString risk;
      if (!w.stopped()) {
        auto flags = app::caseRisk(*registry_, w.id);
        if (flags) risk = app::riskFlagNames(flags->flags);
      }
      rows.append({w, patient.caseNo, patient.name, registryNos.value(w.volunteerId), risk});
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
      if (index.column() == Risk && !row.risk.isEmpty()) return QColor(0xb0, 0x20, 0x20);
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
      // Cases stopped before schema 10 have only the words.
      QString text = w.stopCode ? stopReasonText(*w.stopCode) : QString();
      if (!w.stopReason.isEmpty()) text += (text.isEmpty() ? QString() : QStringLiteral(" — ")) + w.stopReason;
      if (w.regretStage) text += tr(" (at %1)").arg(stageText(*w.regretStage));
      return text;
    }
    case Family: return w.familyAttitude == model::FamilyAttitude::Unknown ? QString() : familyAttitudeText(w.familyAttitude);
    case Risk: return row.risk;
    default: return {};
  }
}

QVariant CaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  return columnHeader(kHeaders, kContext, section, orientation, role);
}

}  // namespace dd::gui
