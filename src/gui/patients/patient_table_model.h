#pragma once
// The patients list. A branch has hundreds of open searches, not hundreds of
// thousands, so the model holds them all and the proxy sorts and filters.
#include <QAbstractTableModel>
#include <QList>

#include "app/registry.h"

namespace dd::gui {

class PatientTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { CaseNo, Name, Sex, Age, Diagnosis, Hospital, Urgency, Requested, SearchStatus, Hla, ColumnCount };

  explicit PatientTableModel(app::Registry* registry, QObject* parent = nullptr);
  // Reloads with the search status filter ("" = all); false with lastError().
  bool reload(const QString& searchStatus = {});
  QString lastError() const { return error_; }
  const model::Patient& patient(int row) const { return rows_.at(row); }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  static QString urgencyText(const QString& key);
  static QString searchStatusText(const QString& key);
  static QStringList urgencyKeys();
  static QStringList searchStatusKeys();

 private:
  QVariant display(const model::Patient& p, int column) const;

  app::Registry* registry_;
  QList<model::Patient> rows_;
  QString error_;
};

}  // namespace dd::gui
