#include "gui/statistics/statistics_page.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QDir>
#include <QFutureWatcher>
#include <QStackedBarSeries>
#include <QValueAxis>
#include <QtConcurrent>

#include "app/registry.h"
#include "core/qt/localization.h"
#include "gui/widgets/display_text.h"
#include "gui/widgets/file_dialogs.h"
#include "ui_statistics_page.h"

namespace dd::gui {
namespace {

using model::Counts;

struct Loaded {
  model::RegistryStatistics stats;
  QString error;
};

QString modelText(const char* source) { return QCoreApplication::translate("dd::model", source); }

// A stable key of the figures as staff read it.
QString statusLabel(const QString& key) {
  const auto status = model::parseVolunteerStatus(key.toStdString());
  return status ? statusText(*status) : key;
}
QString stageLabel(const QString& key) {
  const auto stage = model::parseWorkupStage(key.toStdString());
  return stage ? stageText(*stage) : key;
}
QString reasonLabel(const QString& key) {
  const auto reason = model::parseStopReason(key.toStdString());
  return reason ? modelText(model::displayName(*reason))
                : QCoreApplication::translate("dd::gui::StatisticsPage", "Not coded");
}

// One chart of one or more series over shared categories; stacked when the
// series are parts of one whole (open and stopped cases, home and abroad).
QChartView* barChart(const QString& title, const QStringList& categories,
                     const QList<QPair<QString, QList<int>>>& series, bool stacked) {
  auto* chart = new QChart;
  chart->setTitle(title);
  chart->setAnimationOptions(QChart::NoAnimation);
  QAbstractBarSeries* bars = stacked ? static_cast<QAbstractBarSeries*>(new QStackedBarSeries)
                                     : static_cast<QAbstractBarSeries*>(new QBarSeries);
  int highest = 0;
  QList<int> totals(categories.size(), 0);
  for (const auto& [name, values] : series) {
    auto* set = new QBarSet(name);
    for (int i = 0; i < values.size(); ++i) {
      *set << values[i];
      totals[i] += values[i];
      highest = std::max(highest, stacked ? totals[i] : values[i]);
    }
    bars->append(set);
  }
  chart->addSeries(bars);
  auto* x = new QBarCategoryAxis;
  x->append(categories);
  chart->addAxis(x, Qt::AlignBottom);
  bars->attachAxis(x);
  auto* y = new QValueAxis;
  y->setRange(0, std::max(1, highest));
  y->setLabelFormat(QStringLiteral("%d"));
  chart->addAxis(y, Qt::AlignLeft);
  bars->attachAxis(y);
  chart->legend()->setVisible(series.size() > 1);
  auto* view = new QChartView(chart);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumSize(440, 300);
  return view;
}

QChartView* countsChart(const QString& title, const QString& seriesName, const Counts& counts,
                        const std::function<QString(const QString&)>& label) {
  QStringList categories;
  QList<int> values;
  for (const auto& [key, count] : counts) {
    categories << label(key);
    values << count;
  }
  return barChart(title, categories, {{seriesName, values}}, false);
}

// Two count lists over the union of their keys, in key order (years).
QChartView* twoPartChart(const QString& title, const QString& firstName, const Counts& first,
                         const QString& secondName, const Counts& second) {
  QMap<QString, QPair<int, int>> byKey;
  for (const auto& [key, count] : first) byKey[key].first = count;
  for (const auto& [key, count] : second) byKey[key].second = count;
  QList<int> a, b;
  for (const auto& pair : byKey) {
    a << pair.first;
    b << pair.second;
  }
  return barChart(title, byKey.keys(), {{firstName, a}, {secondName, b}}, true);
}

QString percent(double share) { return QString::number(100.0 * share, 'f', 1) + QLatin1Char('%'); }

}  // namespace

StatisticsPage::StatisticsPage(const QString& databaseUrl, QWidget* parent)
    : QWidget(parent), ui_(std::make_unique<Ui::StatisticsPage>()), url_(databaseUrl) {
  ui_->setupUi(this);
  ui_->exportButton->setEnabled(false);
  connect(ui_->refreshButton, &QPushButton::clicked, this, &StatisticsPage::refresh);
  connect(ui_->exportButton, &QPushButton::clicked, this, &StatisticsPage::chooseExportFolder);
}

StatisticsPage::~StatisticsPage() = default;

void StatisticsPage::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (!loadedOnce_) refresh();  // the first look at the page reads the figures
}

void StatisticsPage::refresh() {
  if (busy_) return;
  busy_ = true;
  loadedOnce_ = true;
  ui_->refreshButton->setEnabled(false);
  ui_->statusLabel->setText(tr("Counting…"));
  auto* watcher = new QFutureWatcher<Loaded>(this);
  connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher] {
    watcher->deleteLater();
    const Loaded loaded = watcher->result();
    busy_ = false;
    ui_->refreshButton->setEnabled(true);
    if (!loaded.error.isEmpty()) {
      ui_->statusLabel->setText(tr("The figures could not be read: %1").arg(loaded.error));
    } else {
      showFigures(loaded.stats);
      ui_->statusLabel->setText(tr("As of %1").arg(QLocale().toString(loaded.stats.today, QLocale::ShortFormat)));
    }
    Q_EMIT refreshed();
  });
  watcher->setFuture(QtConcurrent::run([url = url_, today = QDate::currentDate()] {
    Loaded loaded;
    // A connection of this thread's own (one Registry per thread).
    auto registry = app::Registry::open(url, app::Access::AsIs);
    if (!registry) {
      loaded.error = dd::qt::translated(registry.error());
      return loaded;
    }
    auto stats = (*registry)->statistics(today);
    if (!stats) loaded.error = dd::qt::translated(stats.error());
    else loaded.stats = std::move(*stats);
    return loaded;
  }));
}

void StatisticsPage::addChart(const QString& name, QChartView* view) {
  const int index = static_cast<int>(charts_.size());
  ui_->chartGrid->addWidget(view, index / 2, index % 2);
  charts_.append({name, view});
}

void StatisticsPage::showFigures(const model::RegistryStatistics& stats) {
  shown_ = stats;
  for (const auto& chart : charts_) delete chart.second;
  charts_.clear();
  ui_->summaryLabel->setText(
      tr("%1 volunteers. Reached in the last 12 months: %2 of %3 who can still be contacted (%4). "
         "Lost contact: %5 (%6).")
          .arg(stats.volunteers)
          .arg(stats.reachedLast12Months)
          .arg(stats.contactable)
          .arg(percent(stats.contactRate()))
          .arg(stats.lostContact)
          .arg(percent(stats.lostContactRate())));
  const QString volunteers = tr("Volunteers");
  addChart(QStringLiteral("status"), countsChart(tr("Volunteers by status"), volunteers, stats.byStatus, statusLabel));
  Counts topRegions = stats.byPrefecture.mid(0, 12);
  addChart(QStringLiteral("region"),
           countsChart(tr("Volunteers by prefecture (largest 12)"), volunteers, topRegions, [this](const QString& key) {
             return key.isEmpty() ? tr("Not recorded") : key;
           }));
  addChart(QStringLiteral("age"), countsChart(tr("Volunteers by age"), volunteers, stats.byAgeBand,
                                               [this](const QString& key) {
                                                 return key == QLatin1String("over 60") ? tr("over 60") : key;
                                               }));
  addChart(QStringLiteral("year-joined"), countsChart(tr("Volunteers by year joined"), volunteers,
                                                      stats.byYearJoined, [](const QString& key) { return key; }));
  // Open and stopped cases over the stages (a stopped case at the stage it reached).
  Counts open = stats.openCasesByStage, stopped = stats.stoppedCasesByStage;
  QStringList stages;
  QList<int> openValues, stoppedValues;
  for (int i = 0; i < model::kWorkupStageCount; ++i) {
    const QString key = QString::fromLatin1(model::key(static_cast<model::WorkupStage>(i)).data());
    int o = 0, s = 0;
    for (const auto& [k, count] : open) if (k == key) o = count;
    for (const auto& [k, count] : stopped) if (k == key) s = count;
    stages << stageLabel(key);
    openValues << o;
    stoppedValues << s;
  }
  addChart(QStringLiteral("cases"), barChart(tr("Cases by stage"), stages,
                                             {{tr("Open"), openValues}, {tr("Stopped at this stage"), stoppedValues}},
                                             true));
  addChart(QStringLiteral("withdrawals"), countsChart(tr("Withdrawals by reason"), tr("Cases"),
                                                      stats.withdrawalsByReason, reasonLabel));
  addChart(QStringLiteral("donations"), twoPartChart(tr("Donations per year"), tr("Domestic"),
                                                     stats.donationsDomesticByYear, tr("Overseas"),
                                                     stats.donationsOverseasByYear));
  addChart(QStringLiteral("searches"), countsChart(tr("Searches per month"), tr("Searches"), stats.searchesByMonth,
                                                   [](const QString& key) { return key; }));
  ui_->exportButton->setEnabled(true);
}

QStringList StatisticsPage::exportCharts(const QString& dir) const {
  QStringList written;
  for (const auto& [name, view] : charts_) {
    const QString path = QDir(dir).filePath(QStringLiteral("statistics-%1.png").arg(name));
    if (view->grab().save(path, "PNG")) written << path;
  }
  return written;
}

void StatisticsPage::chooseExportFolder() {
  const QString dir = FileDialogs::directory(this, tr("Save the charts in"), QDir::homePath());
  if (dir.isEmpty()) return;
  const QStringList written = exportCharts(dir);
  ui_->statusLabel->setText(written.size() == charts_.size()
                                ? tr("%Ln chart(s) saved in %1.", nullptr, static_cast<int>(written.size())).arg(dir)
                                : tr("Only %1 of %2 charts could be saved in %3: check that the folder can be "
                                     "written.")
                                      .arg(written.size())
                                      .arg(charts_.size())
                                      .arg(dir));
}

}  // namespace dd::gui
