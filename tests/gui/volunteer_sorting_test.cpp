// Sorting the volunteers list by a column: every matching row is read and
// ordered on a worker thread (its own connection) while the view stays
// responsive; names by pinyin (QCollator) exactly like the proxy would.
#include <catch2/catch.hpp>

#include <QCollator>
#include <QLineEdit>
#include <QLocale>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

#include "gui/widgets/collating_proxy_model.h"
#include "gui/volunteers/volunteer_table_model.h"
#include "gui/volunteers/volunteers_page.h"
#include "support/widget_driving.h"
#include "support/qt_string_maker.h"

using dd::gui::VolunteerTableModel;

namespace {
const QStringList kNames = {QStringLiteral("张伟"), QStringLiteral("阿华"), QStringLiteral("王芳"),
                            QStringLiteral("李娜"), QStringLiteral("陈静"), QStringLiteral("白雪"),
                            QStringLiteral("赵磊"), QStringLiteral("刘洋")};

QStringList shownColumn(const QAbstractItemModel& model, int column) {
  QStringList values;
  for (int r = 0; r < model.rowCount(); ++r) values << model.index(r, column).data().toString();
  return values;
}

QStringList pinyinOrder(QStringList names, bool descending) {
  QCollator collator;
  collator.setNumericMode(true);
  collator.setCaseSensitivity(Qt::CaseInsensitive);
  std::stable_sort(names.begin(), names.end(),
                   [&](const QString& a, const QString& b) { return collator.compare(a, b) < 0; });
  if (descending) std::reverse(names.begin(), names.end());
  return names;
}

void fill(dd::app::Registry& registry, int count) {
  for (int i = 1; i <= count; ++i) {
    auto v = dd::test::sampleVolunteer(kNames[(i * 5) % kNames.size()] + QString::number(i % 3), i);
    v.birthDate = v.birthDate.addDays(-((i * 37) % 400));
    v.idNumber = dd::test::validIdNumber(v.birthDate, v.sex, i % 50);
    REQUIRE(registry.registerVolunteer(v, {QStringLiteral("t")}, true).ok());
  }
}
}  // namespace

TEST_CASE("sorting the volunteers list by name runs on a worker thread and keeps pinyin order across filters") {
  const QLocale saved;
  QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
  QTemporaryDir dir;
  const QString path = dir.filePath("r.sqlite");
  auto registry = dd::test::openRegistry(path);
  fill(*registry, 40);
  dd::gui::VolunteersPage page(registry.get());
  page.model()->setPageSize(10);
  page.model()->reload();
  page.setBackgroundFiltering(path);  // as the Workspace does: no filter typed yet
  QSignalSpy reset(page.model(), &QAbstractItemModel::modelReset);
  REQUIRE(page.model()->rowCount() == 10);  // one page of 40: paged until sorted
  REQUIRE(page.model()->canFetchMore({}));
  // (One tester: a second one on the proxy trips over the Qt 6.4 tester bug
  // gui_test_support.h describes, from inside the first one's reset handler.)
  dd::test::ModelCheck checkModel(page.model());
  auto* table = page.findChild<QTableView*>(QStringLiteral("table"));
  QStringList all;
  auto listed = registry->listVolunteers({{}, dd::app::VolunteerSort::RegistryNo, false, 0, 100});
  REQUIRE(listed);
  for (const auto& v : *listed) all << v.name;

  reset.clear();
  table->sortByColumn(VolunteerTableModel::Name, Qt::AscendingOrder);
  CHECK(page.model()->loading());  // returned at once: the work is on another thread
  REQUIRE(reset.wait(10000));
  CHECK_FALSE(page.model()->loading());
  CHECK(page.model()->rowCount() == 40);  // every row, already in order
  CHECK_FALSE(page.model()->canFetchMore({}));
  CHECK(shownColumn(*page.proxy(), VolunteerTableModel::Name) == pinyinOrder(all, false));
  CHECK(shownColumn(*page.proxy(), VolunteerTableModel::Name).first().startsWith(QStringLiteral("阿华")));

  reset.clear();
  table->sortByColumn(VolunteerTableModel::Name, Qt::DescendingOrder);
  REQUIRE(reset.wait(10000));
  CHECK(shownColumn(*page.proxy(), VolunteerTableModel::Name) == pinyinOrder(all, true));

  // A filter keeps the order; a newer request wins over one still running.
  page.findChild<QLineEdit*>(QStringLiteral("quickFilter"))->setText(QStringLiteral("王芳"));
  page.applyFilter();
  table->sortByColumn(VolunteerTableModel::Name, Qt::AscendingOrder);
  reset.clear();
  REQUIRE(reset.wait(10000));
  QTest::qWait(200);  // the superseded result must not arrive later
  QStringList wang;
  for (const QString& name : all)
    if (name.startsWith(QStringLiteral("王芳"))) wang << name;
  REQUIRE_FALSE(wang.isEmpty());
  CHECK(shownColumn(*page.proxy(), VolunteerTableModel::Name) == pinyinOrder(wang, false));

  // Back to registry order: paged again.
  page.findChild<QLineEdit*>(QStringLiteral("quickFilter"))->setText(QString());
  page.applyFilter();
  REQUIRE(reset.wait(10000));
  table->sortByColumn(-1, Qt::AscendingOrder);
  reset.clear();
  REQUIRE(reset.wait(10000));
  CHECK(page.model()->sortColumn() == -1);
  CHECK(page.model()->totalRows() == 40);
  page.model()->fetchAll();  // (the tester may have fetched the pages already)
  CHECK(shownColumn(*page.proxy(), VolunteerTableModel::Name) == all);
  QLocale::setDefault(saved);
}

TEST_CASE("without a worker connection the model sorts every row itself, the same way") {
  QTemporaryDir dir;
  auto registry = dd::test::openRegistry(dir.filePath("r.sqlite"));
  fill(*registry, 12);
  VolunteerTableModel model(registry.get());
  model.reload();
  dd::test::ModelCheck check(&model);
  dd::gui::CollatingProxyModel proxy;
  proxy.setSourceModel(&model);
  proxy.sort(VolunteerTableModel::Age, Qt::AscendingOrder);
  REQUIRE(model.rowCount() == 12);
  CHECK(model.sortColumn() == VolunteerTableModel::Age);
  for (int r = 1; r < model.rowCount(); ++r)
    CHECK(model.summary(r - 1).birthDate >= model.summary(r).birthDate);  // youngest first
  CHECK(model.summary(0).birthDate > model.summary(model.rowCount() - 1).birthDate);
  auto sorted = VolunteerTableModel::readSorted(*registry, {}, VolunteerTableModel::Name, Qt::AscendingOrder,
                                                QDate::currentDate());
  REQUIRE(sorted);
  CHECK(sorted->size() == 12);
}
