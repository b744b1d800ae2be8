#include "gui/patients/patient_table_model.h"

#include <QBrush>
#include <QColor>

#include "core/qt/localization.h"
#include "gui/widgets/display_text.h"
#include "gui/widgets/key_texts.h"
#include "gui/widgets/paged_table_model.h"

namespace dd::gui {

PatientTableModel::PatientTableModel(app::Registry* registry, QObject* parent)
    : QAbstractTableModel(parent), registry_(registry) {}

bool PatientTableModel::reload(const QString& searchStatus) {
  app::PatientQuery query;
  query.searchStatus = searchStatus;
  query.limit = 1000000;
  auto loaded = registry_->listPatients(query);
  beginResetModel();
  rows_ = loaded ? *loaded : QList<model::Patient>();
  error_ = loaded ? QString() : dd::qt::translated(loaded.error());
  endResetModel();
  return loaded.has_value();
}

int PatientTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : rows_.size(); }
int PatientTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

namespace {
constexpr const char* kContext = "dd::gui::PatientTableModel";
constexpr KeyText kUrgencies[] = {{"normal", QT_TRANSLATE_NOOP("dd::gui::PatientTableModel", "Normal")},
                                  {"urgent", QT_TRANSLATE_NOOP("dd::gui::PatientTableModel", "Urgent")},
                                  {"critical", QT_TRANSLATE_NOOP("dd::gui::PatientTableModel", "Critical")}};
constexpr KeyText kSearchStatuses[] = {
    {"requested", QT_TRANSLATE_NOOP("dd::gui::PatientTableModel", "Requested")},
    {"searching", QT_TRANSLATE_NOOP("dd::gui::PatientTableModel", "Searching")},
    {"donor_found", QT_TRANSLATE_NOOP("dd::gui::PatientTableModel", "Donor found")},
    {"transplanted", QT_TRANSLATE_NOOP("dd::gui::PatientTableModel", "Transplanted")},
    {"closed", QT_TRANSLATE_NOOP("dd::gui::PatientTableModel", "Closed")}};
// In Column order.
constexpr const char* kHeaders[] = {
    QT_TRANSLATE_NOOP("dd::gui::PatientTableModel", "Case no"),   QT_TRANSLATE_NOOP("dd::gui::PatientTableModel", "Name"),
    QT_TRANSLATE_NOOP("dd::gui::PatientTableModel", "Sex"),       QT_TRANSLATE_NOOP("dd::gui::PatientTableModel", "Age"),
    QT_TRANSLATE_NOOP("dd::gui::PatientTableModel", "Diagnosis"), QT_TRANSLATE_NOOP("dd::gui::PatientTableModel", "Hospital"),
    QT_TRANSLATE_NOOP("dd::gui::PatientTableModel", "Urgency"),   QT_TRANSLATE_NOOP("dd::gui::PatientTableModel", "Requested"),
    QT_TRANSLATE_NOOP("dd::gui::PatientTableModel", "Search status"),
    QT_TRANSLATE_NOOP("dd::gui::PatientTableModel", "HLA (A · B · DRB1)")};
static_assert(std::size(kHeaders) == PatientTableModel::ColumnCount);
}  // namespace

QStringList PatientTableModel::urgencyKeys() { return keysOf(kUrgencies); }
QStringList PatientTableModel::searchStatusKeys() { return keysOf(kSearchStatuses); }
QString PatientTableModel::urgencyText(const QString& key) { return textOf(kUrgencies, kContext, key); }
QString PatientTableModel::searchStatusText(const QString& key) { return textOf(kSearchStatuses, kContext, key); }

QVariant PatientTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rows_.size()) return {};
  const model::Patient& p = rows_[index.row()];
  switch (role) {
    case Qt::DisplayRole: return display(p, index.column());
    case PagedTableModel::SortRole:
      if (index.column() == Age) return p.birthDate.isValid() ? QVariant(-p.birthDate.toJulianDay()) : QVariant();
      if (index.column() == Urgency) return urgencyKeys().indexOf(p.urgency);
      if (index.column() == Requested) return p.searchRequestDate;
      return display(p, index.column());
    case PagedTableModel::IdRole: return p.id;
    case PagedTableModel::SearchTextRole:
      return QStringList{p.caseNo, p.name, p.hospital, p.diagnosis, p.physician}.join(QLatin1Char(' ')).toLower();
    case Qt::ForegroundRole:
      if (index.column() == Urgency && p.urgency != QLatin1String("normal")) return QBrush(QColor(0xb0, 0x3a, 0x2e));
      return {};
    case Qt::TextAlignmentRole:
      if (index.column() == Age) return kNumberAlignment;
      return {};
    default: return {};
  }
}

QVariant PatientTableModel::display(const model::Patient& p, int column) const {
  switch (column) {
    case CaseNo: return p.caseNo;
    case Name: return p.name;
    case Sex: return sexText(p.sex);
    case Age: {
      const int age = ageInYears(p.birthDate);
      return age < 0 ? QVariant() : QVariant(age);
    }
    case Diagnosis: return p.diagnosis;
    case Hospital: return p.hospital;
    case Urgency: return urgencyText(p.urgency);
    case Requested: return dateText(p.searchRequestDate);
    case SearchStatus: return searchStatusText(p.searchStatus);
    case Hla: {
      QStringList loci;
      for (model::Locus locus : {model::Locus::A, model::Locus::B, model::Locus::DRB1})
        if (!p.hla.at(locus).raw.isEmpty()) loci << p.hla.at(locus).raw;
      return loci.join(QStringLiteral(" · "));
    }
    default: return {};
  }
}

QVariant PatientTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  return columnHeader(kHeaders, kContext, section, orientation, role);
}

}  // namespace dd::gui
