#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QStandardItemModel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "gui/widgets/collating_proxy_model.h"
#include "gui/widgets/display_text.h"
#include "gui/volunteers/volunteer_table_model.h"
#include "gui/volunteers/volunteers_page.h"
#include "support/widget_driving.h"
#include "support/qt_string_maker.h"

using dd::gui::CollatingProxyModel;
using dd::gui::PagedTableModel;
using dd::gui::VolunteerTableModel;

namespace {
QStandardItemModel* namesModel(const QStringList& names, QObject* parent) {
  auto* model = new QStandardItemModel(parent);
  for (const QString& name : names) {
    auto* item = new QStandardItem(name);
    item->setData(name, PagedTableModel::SortRole);
    item->setData(name.toLower(), PagedTableModel::SearchTextRole);
    model->appendRow(item);
  }
  return model;
}

QStringList column(const QAbstractItemModel& model, int col = 0) {
  QStringList values;
  for (int row = 0; row < model.rowCount(); ++row) values << model.index(row, col).data().toString();
  return values;
}
}  // namespace

TEST_CASE("collating proxy sorts Chinese names by pinyin under zh_CN and filters by words") {
  const QLocale saved;
  QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
  QObject owner;
  CollatingProxyModel proxy;
  dd::test::ModelCheck tester(&proxy);
  proxy.setSourceModel(namesModel({QStringLiteral("张伟"), QStringLiteral("阿强"), QStringLiteral("王芳"),
                                   QStringLiteral("李娜"), QString(), QStringLiteral("陈静")},
                                  &owner));
  proxy.sort(0, Qt::AscendingOrder);
  // a(阿) < chen(陈) < li(李) < wang(王) < zhang(张); blanks last.
  CHECK(column(proxy) == QStringList{QStringLiteral("阿强"), QStringLiteral("陈静"), QStringLiteral("李娜"),
                                     QStringLiteral("王芳"), QStringLiteral("张伟"), QString()});
  proxy.sort(0, Qt::DescendingOrder);
  CHECK(column(proxy).at(1) == QStringLiteral("张伟"));
  proxy.setQuickFilter(QStringLiteral("王"));
  CHECK(column(proxy) == QStringList{QStringLiteral("王芳")});
  proxy.setQuickFilter(QStringLiteral("no such"));
  CHECK(proxy.rowCount() == 0);
  proxy.setQuickFilter({});
  CHECK(proxy.rowCount() == 6);
  QLocale::setDefault(saved);
}

TEST_CASE("collating proxy orders numbers inside text numerically") {
  const QLocale saved;
  QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
  QObject owner;
  CollatingProxyModel proxy;
  proxy.setSourceModel(namesModel({QStringLiteral("SD10"), QStringLiteral("SD9"), QStringLiteral("SD100")}, &owner));
  proxy.sort(0);
  CHECK(column(proxy) == QStringList{QStringLiteral("SD9"), QStringLiteral("SD10"), QStringLiteral("SD100")});
  QLocale::setDefault(saved);
}

TEST_CASE("volunteer model fetches pages on demand and filters in the database") {
  QTemporaryDir dir;
  auto registry = dd::test::openRegistry(dir.filePath("r.sqlite"));
  const int total = 1205;  // more than two pages of 500
  for (int i = 1; i <= total; ++i) {
    auto v = dd::test::sampleVolunteer(i == 42 ? QStringLiteral("欧阳修") : QStringLiteral("志愿者%1").arg(i), i);
    v.idNumber = dd::test::validIdNumber(v.birthDate.addDays(-(i / 50)), v.sex, i % 50);
    v.birthDate = v.birthDate.addDays(-(i / 50));
    v.phones[0].number = QStringLiteral("139%1").arg(i, 8, 10, QLatin1Char('0'));
    auto saved = registry->registerVolunteer(v, {QStringLiteral("t")}, true);
    INFO(i << ": " << (saved.errors.empty() ? std::string() : saved.errors.front().english()));
    REQUIRE(saved.ok());
  }
  VolunteerTableModel model(registry.get());
  model.reload();
  CHECK(model.totalRows() == total);
  CHECK(model.rowCount() == model.pageSize());
  REQUIRE(model.canFetchMore({}));
  model.fetchMore({});
  CHECK(model.rowCount() == 2 * model.pageSize());
  model.fetchAll();
  CHECK(model.rowCount() == total);
  CHECK_FALSE(model.canFetchMore({}));

  dd::test::ModelCheck tester(&model);  // (it fetches every page itself)
  dd::app::VolunteerFilter byName;
  byName.text = QStringLiteral("欧阳");
  model.setFilter(byName);
  REQUIRE(model.rowCount() == 1);
  CHECK(model.index(0, VolunteerTableModel::Name).data().toString() == QStringLiteral("欧阳修"));
  CHECK(model.index(0, 0).data(PagedTableModel::IdRole).toLongLong() > 0);

  dd::app::VolunteerFilter byPhone;
  byPhone.text = QStringLiteral("13900000042");
  model.setFilter(byPhone);
  REQUIRE(model.rowCount() == 1);
  CHECK(model.index(0, VolunteerTableModel::Phone).data().toString() == QStringLiteral("139****0042"));

  dd::app::VolunteerFilter none;
  none.text = QStringLiteral("没有这个人");
  model.setFilter(none);
  CHECK(model.rowCount() == 0);
  CHECK_FALSE(model.canFetchMore({}));
}

TEST_CASE("masking keeps the ends of ID numbers and phones") {
  CHECK(dd::gui::maskIdNumber(QStringLiteral("370102199001011234")) == QStringLiteral("370102********1234"));
  CHECK(dd::gui::maskPhone(QStringLiteral("13812345678")) == QStringLiteral("138****5678"));
  CHECK(dd::gui::maskPhone(QStringLiteral("123")) == QStringLiteral("***"));
  CHECK(dd::gui::maskIdNumber(QString()).isEmpty());
  CHECK(dd::gui::ageInYears(QDate(2000, 6, 15), QDate(2026, 6, 14)) == 25);
  CHECK(dd::gui::ageInYears(QDate(2000, 6, 15), QDate(2026, 6, 15)) == 26);
  CHECK(dd::gui::ageInYears(QDate(), QDate(2026, 6, 15)) == -1);
}

TEST_CASE("volunteers page filters on a worker thread once the database URL is known") {
  QTemporaryDir dir;
  const QString path = dir.filePath("r.sqlite");
  auto registry = dd::test::openRegistry(path);
  for (int i = 1; i <= 30; ++i)
    REQUIRE(registry->registerVolunteer(dd::test::sampleVolunteer(i == 7 ? QStringLiteral("司马光") : QStringLiteral("志愿者%1").arg(i), i),
                                        {QStringLiteral("t")}, true)
                .ok());
  dd::gui::VolunteersPage page(registry.get());
  page.setBackgroundFiltering(path);
  REQUIRE(page.model()->rowCount() == 30);
  dd::test::ModelCheck check(page.model());
  QSignalSpy reset(page.model(), &QAbstractItemModel::modelReset);
  page.findChild<QLineEdit*>(QStringLiteral("quickFilter"))->setText(QStringLiteral("司马"));
  page.applyFilter();
  CHECK(page.model()->loading());
  REQUIRE(reset.wait(10000));
  REQUIRE(page.model()->rowCount() == 1);
  CHECK(page.model()->index(0, VolunteerTableModel::Name).data().toString() == QStringLiteral("司马光"));
  // A newer filter wins over one still running.
  page.findChild<QLineEdit*>(QStringLiteral("quickFilter"))->setText(QStringLiteral("没有"));
  page.applyFilter();
  page.findChild<QLineEdit*>(QStringLiteral("quickFilter"))->setText(QString());
  page.applyFilter();
  reset.clear();
  REQUIRE(reset.wait(10000));
  QTest::qWait(200);  // the superseded result must not arrive later
  CHECK(page.model()->rowCount() == 30);
}
