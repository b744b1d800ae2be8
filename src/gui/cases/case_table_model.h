#pragma once
// Workup cases: patient, volunteer, the stage reached and the date of each
// stage, how a stopped case ended, the family's attitude and the open
// late-withdrawal risk flags. Loaded per patient (a branch has
// dozens of open cases), sorted and filtered in the proxy.
#include <QAbstractTableModel>
#include <QList>

#include "app/registry.h"

namespace dd::gui {

struct CaseRow {
  model::WorkupCase workup;
  QString patientCaseNo;
  QString patientName;
  QString registryNo;
  QString risk;  // the open risk flags as words, empty when none
};

class CaseTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column {
    CaseCode, Patient, Volunteer, Stage, StageDate, Started, Stopped, StopReason, Family, Risk, ColumnCount
  };

  explicit CaseTableModel(app::Registry* registry, QObject* parent = nullptr);
  // stage < 0: every stage. Stopped cases only when includeStopped.
  bool reload(int stage, bool includeStopped);
  QString lastError() const { return error_; }
  const CaseRow& row(int r) const { return rows_.at(r); }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  QVariant display(const CaseRow& row, int column) const;

  app::Registry* registry_;
  QList<CaseRow> rows_;
  QString error_;
};

}  // namespace dd::gui
