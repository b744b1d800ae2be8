#pragma once
// Ranked search results: one row per donor, one cell per matching locus
// coloured by its grade (allele match, potential match, allele mismatch,
// antigen mismatch, untyped) with a tooltip saying why, then the totals,
// DPB1, the donor factors that break ties, and the volunteer's
// late-withdrawal risk (0-100, explained in the tooltip).
#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <vector>

#include "app/readiness_score.h"
#include "match/search.h"

namespace dd::gui {

class SearchResultModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { Rank, RegistryNo, Total, A, B, C, DRB1, DQB1, DPB1, Age, Sex, Abo, Cmv, Available, Risk, ColumnCount };
  enum Roles { GradeRole = Qt::UserRole + 10 };  // the locus's worst match::Grade (int)

  explicit SearchResultModel(QObject* parent = nullptr);
  void setResults(std::vector<match::SearchResult> results, int scale);
  // The late-withdrawal risk of the results' volunteers (app/risk_scores.h),
  // by volunteer id; rows without a score show an empty Risk cell.
  void setRiskScores(QHash<qint64, app::RiskScore> scores);
  const QHash<qint64, app::RiskScore>& riskScores() const { return risk_; }
  const match::SearchResult& result(int row) const { return results_.at(static_cast<std::size_t>(row)); }
  const std::vector<match::SearchResult>& results() const { return results_; }
  int scale() const { return scale_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  // The colour of a grade, and its name (for the legend).
  static QColor gradeColour(match::Grade grade);
  static QString gradeName(match::Grade grade);
  // Worst of the locus's two positions.
  static match::Grade locusGrade(const match::LocusGrade& grade);

 private:
  QVariant display(const match::SearchResult& r, int column) const;
  QString tooltip(const match::SearchResult& r, int column) const;

  std::vector<match::SearchResult> results_;
  QHash<qint64, app::RiskScore> risk_;
  int scale_ = 10;
};

}  // namespace dd::gui
