#include "gui/search/search_result_model.h"

#include <QBrush>
#include <QDate>

#include "app/search_format.h"
#include "gui/widgets/display_text.h"
#include "gui/widgets/key_texts.h"

namespace dd::gui {
namespace {
bool isLocusColumn(int column) { return column >= SearchResultModel::A && column <= SearchResultModel::DQB1; }
int locusOf(int column) { return column - SearchResultModel::A; }  // A, B, C, DRB1, DQB1 = engine order

QString dpb1Text(match::Dpb1Category category) {
  switch (category) {
    case match::Dpb1Category::Match: return SearchResultModel::tr("match");
    case match::Dpb1Category::PotentialMatch: return SearchResultModel::tr("potential match");
    case match::Dpb1Category::Permissive: return SearchResultModel::tr("permissive");
    case match::Dpb1Category::NonPermissiveGvh: return SearchResultModel::tr("non-permissive (GvH)");
    case match::Dpb1Category::NonPermissiveHvg: return SearchResultModel::tr("non-permissive (HvG)");
    case match::Dpb1Category::Unknown: return SearchResultModel::tr("unknown TCE");
    case match::Dpb1Category::Untyped: return SearchResultModel::tr("untyped");
  }
  return {};
}

QString donorSlotsText(const match::SearchResult& r, int locus) {
  const auto& slot = r.donorSlots[static_cast<std::size_t>(locus)];
  if (slot[0].empty()) return SearchResultModel::tr("untyped");
  return QString::fromStdString(slot[0]) + QStringLiteral(" + ") + QString::fromStdString(slot[1]);
}
}  // namespace

SearchResultModel::SearchResultModel(QObject* parent) : QAbstractTableModel(parent) {}

void SearchResultModel::setResults(std::vector<match::SearchResult> results, int scale) {
  beginResetModel();
  results_ = std::move(results);
  scale_ = scale;
  risk_.clear();
  endResetModel();
}

void SearchResultModel::setRiskScores(QHash<qint64, app::RiskScore> scores) {
  risk_ = std::move(scores);
  if (!results_.empty()) Q_EMIT dataChanged(index(0, Risk), index(rowCount() - 1, Risk));
}

int SearchResultModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(results_.size());
}
int SearchResultModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

match::Grade SearchResultModel::locusGrade(const match::LocusGrade& grade) {
  if (grade.untyped) return match::Grade::Untyped;
  return std::max(grade.position[0].grade, grade.position[1].grade);
}

QColor SearchResultModel::gradeColour(match::Grade grade) {
  switch (grade) {
    case match::Grade::AlleleMatch: return QColor(0xc8, 0xe6, 0xc9);           // green
    case match::Grade::PotentialAlleleMatch: return QColor(0xe6, 0xf2, 0xb3);  // yellow-green
    case match::Grade::AntigenMatch: return QColor(0xff, 0xd8, 0xa8);          // orange
    case match::Grade::AntigenMismatch: return QColor(0xf5, 0xb7, 0xb1);       // red
    case match::Grade::Untyped: return QColor(0xe9, 0xec, 0xef);               // grey
  }
  return {};
}

QString SearchResultModel::gradeName(match::Grade grade) {
  switch (grade) {
    case match::Grade::AlleleMatch: return tr("Allele match");
    case match::Grade::PotentialAlleleMatch: return tr("Potential allele match");
    case match::Grade::AntigenMatch: return tr("Allele mismatch (antigen match)");
    case match::Grade::AntigenMismatch: return tr("Antigen mismatch");
    case match::Grade::Untyped: return tr("Untyped");
  }
  return {};
}

QVariant SearchResultModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const match::SearchResult& r = results_[static_cast<std::size_t>(index.row())];
  const int column = index.column();
  switch (role) {
    case Qt::DisplayRole: return display(r, column);
    case Qt::ToolTipRole: return tooltip(r, column);
    case Qt::BackgroundRole:
      if (isLocusColumn(column)) return QBrush(gradeColour(locusGrade(r.loci[static_cast<std::size_t>(locusOf(column))])));
      if (column == DPB1 && (r.dpb1 == match::Dpb1Category::NonPermissiveGvh ||
                             r.dpb1 == match::Dpb1Category::NonPermissiveHvg))
        return QBrush(gradeColour(match::Grade::AntigenMismatch));
      return {};
    case GradeRole:
      if (isLocusColumn(column)) return static_cast<int>(locusGrade(r.loci[static_cast<std::size_t>(locusOf(column))]));
      return {};
    case Qt::TextAlignmentRole:
      if (column == Age) return kNumberAlignment;
      if (column == Rank || column == Total) return int(Qt::AlignCenter);
      return {};
    default: return {};
  }
}

QVariant SearchResultModel::display(const match::SearchResult& r, int column) const {
  const auto& f = r.factors;
  switch (column) {
    case Rank: return r.rank;
    case RegistryNo: return QString::fromStdString(r.registryNo);
    case Total: {
      const int matches = r.matches[scale_ == 10 ? 0 : scale_ == 8 ? 1 : 2];
      return QStringLiteral("%1/%2").arg(matches).arg(scale_) + (r.definite ? QString() : QStringLiteral(" *"));
    }
    case DPB1: return dpb1Text(r.dpb1);
    case Age: return f.birthYear > 0 ? QVariant(QDate::currentDate().year() - f.birthYear) : QVariant();
    case Sex: return f.sex == match::Sex::Male ? tr("M") : f.sex == match::Sex::Female ? tr("F") : QString();
    case Abo: {
      static const char* names[] = {"", "O", "A", "B", "AB"};
      return QLatin1String(names[static_cast<int>(f.abo)]);
    }
    case Cmv: return f.cmv == match::Cmv::Positive ? tr("CMV+") : f.cmv == match::Cmv::Negative ? tr("CMV−") : QString();
    case Available:
      if (r.reservedForThisPatient) return tr("reserved for this patient");
      if (r.available) return tr("yes");
      return r.factors.availability == match::Availability::Reserved ? tr("reserved (another patient)") : tr("no");
    case Risk: {
      const auto it = risk_.constFind(r.volunteerId);
      return it == risk_.constEnd() ? QVariant() : QVariant(it->score);
    }
    default:
      if (isLocusColumn(column)) return donorSlotsText(r, locusOf(column));
      return {};
  }
}

QString SearchResultModel::tooltip(const match::SearchResult& r, int column) const {
  if (isLocusColumn(column)) {
    const match::LocusGrade& grade = r.loci[static_cast<std::size_t>(locusOf(column))];
    return QStringLiteral("<b>%1</b><br>%2").arg(gradeName(locusGrade(grade)), app::locusReason(grade).toHtmlEscaped());
  }
  if (column == Total)
    return tr("%1 of %2 on the chosen scale; %3 definite allele matches. * = includes potential matches.")
        .arg(r.matches[scale_ == 10 ? 0 : scale_ == 8 ? 1 : 2])
        .arg(scale_)
        .arg(r.definiteMatches);
  if (column == Risk) {
    const auto it = risk_.constFind(r.volunteerId);
    if (it == risk_.constEnd()) return tr("Not scored (only the first results are).");
    const QString reasons = it->explanation();
    return tr("Late-withdrawal risk %1 of 100.").arg(it->score) + QLatin1Char('\n') +
           (reasons.isEmpty() ? tr("No known predictor applies.") : reasons);
  }
  if (column == DPB1)
    return tr("DPB1 T-cell epitope (TCE) category: permissive mismatches are tolerated; non-permissive ones "
              "raise the risk of GvHD (GvH) or rejection (HvG).");
  return {};
}

QVariant SearchResultModel::headerData(int section, Qt::Orientation orientation, int role) const {
  // In Column order; the loci are names, not words to translate.
  static constexpr const char* kHeaders[] = {
      QT_TRANSLATE_NOOP("dd::gui::SearchResultModel", "Rank"), QT_TRANSLATE_NOOP("dd::gui::SearchResultModel", "Registry no"),
      QT_TRANSLATE_NOOP("dd::gui::SearchResultModel", "Match"), "A", "B", "C", "DRB1", "DQB1", "DPB1",
      QT_TRANSLATE_NOOP("dd::gui::SearchResultModel", "Age"), QT_TRANSLATE_NOOP("dd::gui::SearchResultModel", "Sex"),
      QT_TRANSLATE_NOOP("dd::gui::SearchResultModel", "ABO"), QT_TRANSLATE_NOOP("dd::gui::SearchResultModel", "CMV"),
      QT_TRANSLATE_NOOP("dd::gui::SearchResultModel", "Available"), QT_TRANSLATE_NOOP("dd::gui::SearchResultModel", "Risk")};
  static_assert(std::size(kHeaders) == ColumnCount);
  return columnHeader(kHeaders, "dd::gui::SearchResultModel", section, orientation, role);
}

}  // namespace dd::gui
