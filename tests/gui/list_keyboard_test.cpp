// The list pages work from the keyboard and look alike: Enter in a quick
// filter goes to what it found, Enter in the match page's minimum box
// searches, and ages line up the same way on every page.
#include <catch2/catch.hpp>

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "gui/widgets/collating_proxy_model.h"
#include "gui/widgets/display_text.h"
#include "gui/search/match_search_page.h"
#include "gui/patients/patient_table_model.h"
#include "gui/patients/patients_page.h"
#include "gui/search/search_index.h"
#include "gui/search/search_result_model.h"
#include "gui/search/search_runner.h"
#include "gui/volunteers/volunteer_table_model.h"
#include "gui/volunteers/volunteers_page.h"
#include "support/widget_driving.h"
#include "search_test_support.h"
#include "support/qt_string_maker.h"

namespace {
void addPatient(dd::app::Registry& registry, const QString& name) {
  dd::model::Patient patient;
  patient.name = name;
  patient.birthDate = QDate(2012, 3, 4);
  patient.searchRequestDate = QDate::currentDate();
  REQUIRE(registry.createPatient(patient, {QStringLiteral("t")}).ok());
}

// A list page's quick filter and the table it filters.
struct QuickFilter {
  QLineEdit* filter;
  QTableView* table;
};

// Shows the page as the active window and finds its quick filter and table.
QuickFilter showWithQuickFilter(QWidget& page) {
  page.show();
  QApplication::setActiveWindow(&page);
  QuickFilter found{page.findChild<QLineEdit*>(QStringLiteral("quickFilter")),
                    page.findChild<QTableView*>(QStringLiteral("table"))};
  REQUIRE(found.filter);
  REQUIRE(found.table);
  return found;
}

// Types text into the filter as staff would: focused, then inserted
// (QTest::keyClicks cannot type Chinese).
void typeInto(QLineEdit* filter, const QString& text) {
  filter->setFocus();
  filter->insert(text);
}
}  // namespace

TEST_CASE("Enter in the patients' quick filter selects the first match and moves to the list") {
  QTemporaryDir dir;
  auto registry = dd::test::openRegistry(dir.filePath("r.sqlite"));
  addPatient(*registry, QStringLiteral("张小雨"));
  addPatient(*registry, QStringLiteral("李大山"));
  dd::gui::PatientsPage page(registry.get());
  const auto [filter, table] = showWithQuickFilter(page);
  typeInto(filter, QStringLiteral("李"));
  REQUIRE(page.proxy()->rowCount() == 1);
  // The count follows the filter.
  auto* count = page.findChild<QLabel*>(QStringLiteral("countLabel"));
  REQUIRE(count);
  CHECK(count->text().startsWith(QStringLiteral("1 ")));
  CHECK_FALSE(table->selectionModel()->hasSelection());
  QTest::keyClick(filter, Qt::Key_Return);
  CHECK(table->hasFocus());
  REQUIRE(table->currentIndex().isValid());
  CHECK(table->currentIndex().siblingAtColumn(dd::gui::PatientTableModel::Name).data().toString() ==
        QStringLiteral("李大山"));
  // Nothing found: Enter leaves the focus in the filter to retype.
  filter->clear();
  typeInto(filter, QStringLiteral("无此人"));
  REQUIRE(page.proxy()->rowCount() == 0);
  QTest::keyClick(filter, Qt::Key_Return);
  CHECK(filter->hasFocus());
}

TEST_CASE("Enter in the volunteers' quick filter filters at once and moves to the list") {
  QTemporaryDir dir;
  auto registry = dd::test::openRegistry(dir.filePath("r.sqlite"));
  for (int i = 1; i <= 3; ++i)
    REQUIRE(registry->registerVolunteer(dd::test::sampleVolunteer(QStringLiteral("志愿者%1").arg(i), i),
                                        {QStringLiteral("t")}).ok());
  dd::gui::VolunteersPage page(registry.get());
  const auto [filter, table] = showWithQuickFilter(page);
  typeInto(filter, QStringLiteral("志愿者2"));
  QTest::keyClick(filter, Qt::Key_Return);  // no waiting for the typing pause
  CHECK(page.model()->rowCount() == 1);
  CHECK(table->hasFocus());
  REQUIRE(table->currentIndex().isValid());
  CHECK(table->currentIndex().siblingAtColumn(dd::gui::VolunteerTableModel::Name).data().toString() ==
        QStringLiteral("志愿者2"));
}

TEST_CASE("Enter in the minimum-matches box runs the search") {
  dd::test::MatchPageFixture f;
  dd::test::addSearchDonor(*f.registry, 1, QStringLiteral("A*02:01+A*24:02"));
  dd::gui::MatchSearchPage& page = f.openPage();
  page.show();
  QApplication::setActiveWindow(&page);
  page.setTyping(QString::fromLatin1(dd::test::kSearchPatientTyping));
  auto* minimum = page.findChild<QSpinBox*>(QStringLiteral("minimum"));
  REQUIRE(minimum);
  minimum->setFocus();
  minimum->setValue(9);
  QSignalSpy done(&page, &dd::gui::MatchSearchPage::searchFinished);
  QTest::keyClick(minimum, Qt::Key_Return);
  REQUIRE(done.wait(60000));
  CHECK(page.model()->rowCount() == 1);
}

TEST_CASE("ages are aligned the same way on every page") {
  QTemporaryDir dir;
  auto registry = dd::test::openRegistry(dir.filePath("r.sqlite"));
  REQUIRE(registry->registerVolunteer(dd::test::sampleVolunteer(QStringLiteral("甲"), 1), {QStringLiteral("t")}).ok());
  addPatient(*registry, QStringLiteral("乙"));
  dd::gui::VolunteersPage volunteers(registry.get());
  dd::gui::PatientsPage patients(registry.get());
  REQUIRE(volunteers.model()->rowCount() == 1);
  REQUIRE(patients.model()->rowCount() == 1);
  const QVariant volunteerAge =
      volunteers.model()->index(0, dd::gui::VolunteerTableModel::Age).data(Qt::TextAlignmentRole);
  const QVariant patientAge = patients.model()->index(0, dd::gui::PatientTableModel::Age).data(Qt::TextAlignmentRole);
  dd::gui::SearchResultModel results;
  dd::match::SearchResult result;
  results.setResults({result}, 10);
  const QVariant resultAge = results.index(0, dd::gui::SearchResultModel::Age).data(Qt::TextAlignmentRole);
  CHECK(volunteerAge.toInt() == dd::gui::kNumberAlignment);
  CHECK(patientAge.toInt() == dd::gui::kNumberAlignment);
  CHECK(resultAge.toInt() == dd::gui::kNumberAlignment);
}
