#pragma once
// The Statistics page: the registry's figures as charts (volunteers by
// status, region, age and year joined; cases and withdrawals by stage and
// reason; donations per year at home and abroad; searches per month) and the
// contact and lost-contact rates. The figures are read off the GUI thread
// over a connection of their own, so a million volunteers never freeze the
// window; each chart can be saved as a PNG for reports.
#include <memory>

#include <QWidget>

#include "model/statistics.h"

QT_BEGIN_NAMESPACE
class QChartView;
namespace Ui {
class StatisticsPage;
}
QT_END_NAMESPACE

namespace dd::gui {

class StatisticsPage : public QWidget {
  Q_OBJECT
 public:
  // databaseUrl: the open registry (read over a second connection).
  explicit StatisticsPage(const QString& databaseUrl, QWidget* parent = nullptr);
  ~StatisticsPage() override;

  void refresh();                      // starts a background read unless one runs
  bool busy() const { return busy_; }  // a read is running
  // Saves every chart as statistics-<name>.png into dir; the files written.
  QStringList exportCharts(const QString& dir) const;
  const model::RegistryStatistics& shown() const { return shown_; }

 Q_SIGNALS:
  void refreshed();  // the charts show the figures just read (or the error)

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void showFigures(const model::RegistryStatistics& stats);
  void chooseExportFolder();
  void addChart(const QString& name, QChartView* view);

  std::unique_ptr<Ui::StatisticsPage> ui_;
  QString url_;
  bool busy_ = false;
  bool loadedOnce_ = false;
  model::RegistryStatistics shown_;
  QList<QPair<QString, QChartView*>> charts_;  // file name part, view
};

}  // namespace dd::gui
