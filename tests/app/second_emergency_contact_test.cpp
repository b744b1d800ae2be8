// The second emergency contact (schema 8), added as the field table says a
// field is added: one row in model/volunteer_fields.cpp, one migration, its
// widgets in ui/volunteer_editor.ui. These cases follow it through every
// layer that reads the table: store columns and audit, validation, the CSV
// import, the printed forms' data and the labels.
#include <catch2/catch.hpp>

#include "app/document_data_builders.h"
#include "app/volunteer_import.h"
#include "app/volunteer_validation.h"
#include "support/registry_fixture.h"
#include "support/qt_string_maker.h"

using namespace dd;

namespace {

const QString kDriveDate = QDate::currentDate().addDays(-1).toString(Qt::ISODate);

model::EmergencyContact secondContact() {
  return {QStringLiteral("王芳"), QStringLiteral("姐姐"), QStringLiteral("13912345678"),
          QStringLiteral("青岛市市南区香港中路 8 号")};
}

// Imports, as staff, a drive CSV of one row: v in the columns every drive
// file has, then the extra headings with their cells.
Expected<app::ImportReport> importDriveRow(app::Registry& registry, const test::TestDatabase& db,
                                           const model::Volunteer& v, const QStringList& extraHeadings,
                                           const QStringList& extraCells) {
  const QStringList headings =
      QStringList{QStringLiteral("姓名"),      QStringLiteral("性别"), QStringLiteral("出生日期"),
                  QStringLiteral("身份证号"),  QStringLiteral("手机"), QStringLiteral("采集日期"),
                  QStringLiteral("同意书版本")} +
      extraHeadings;
  const QStringList cells =
      QStringList{v.name,
                  v.sex == model::Sex::Male ? QStringLiteral("男") : QStringLiteral("女"),
                  v.birthDate.toString(Qt::ISODate),
                  v.idNumber,
                  v.phones.at(0).number,
                  kDriveDate,
                  QStringLiteral("2019版")} +
      extraCells;
  const QString text =
      headings.join(QLatin1Char(',')) + QLatin1Char('\n') + cells.join(QLatin1Char(',')) + QLatin1Char('\n');
  const QString path = test::writeFile(db.dir(), "drive.csv", text.toUtf8());
  app::ImportOptions options;
  options.actor = test::staff();
  return app::importVolunteersCsv(registry, path, options);
}

bool hasError(const std::vector<Error>& errors, const char* field) {
  for (const Error& error : errors)
    if (error.field == field) return true;
  return false;
}

}  // namespace

TEST_CASE("a second emergency contact is saved, read back, edited and audited") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  model::Volunteer v = test::sampleVolunteer(1);
  v.emergency2 = secondContact();
  auto saved = registry->registerVolunteer(v, test::staff());
  INFO((saved.errors.empty() ? std::string() : saved.errors.front().english()));
  REQUIRE(saved.ok());
  auto other = db->open();  // another connection reads what was committed
  auto read = other->volunteer(saved.value->id);
  REQUIRE(read);
  CHECK(read->emergency2 == secondContact());
  CHECK(read->emergency == v.emergency);  // the first contact is its own

  model::Volunteer edit = *read;
  edit.emergency2.phone = QStringLiteral("13987654321");
  edit.emergency2.address.clear();
  auto updated = registry->updateVolunteer(edit, test::staff());
  REQUIRE(updated.ok());
  auto again = other->volunteer(saved.value->id);
  REQUIRE(again);
  CHECK(again->emergency2.phone == QStringLiteral("13987654321"));
  CHECK(again->emergency2.address.isEmpty());
  CHECK(again->emergency2.name == QStringLiteral("王芳"));

  auto audit = registry->auditTrail("volunteer", saved.value->id);
  REQUIRE(audit);
  QStringList changed;
  for (const model::AuditEntry& entry : *audit)
    if (entry.action == QLatin1String("update")) changed << entry.field;
  CHECK(changed.contains(QStringLiteral("emergency2_phone")));
  CHECK(changed.contains(QStringLiteral("emergency2_address")));
  CHECK_FALSE(changed.contains(QStringLiteral("emergency2_name")));
}

TEST_CASE("the second contact's fields are checked like the first's") {
  app::ValidationContext context;
  context.today = QDate::currentDate();
  model::Volunteer v = test::sampleVolunteer(2);
  SECTION("a phone that is no phone number") {
    v.emergency2.phone = QStringLiteral("call her");
    CHECK(hasError(app::validateVolunteer(v, context), "emergency2_phone"));
  }
  SECTION("a name longer than any name") {
    v.emergency2.name = QString(51, QChar(0x738B));
    CHECK(hasError(app::validateVolunteer(v, context), "emergency2_name"));
  }
  SECTION("a terminal escape in the address") {
    v.emergency2.address = QStringLiteral("青岛\x1b[2J");
    CHECK(hasError(app::validateVolunteer(v, context), "emergency2_address"));
  }
  SECTION("an address on two lines is an address") {
    v.emergency2.address = QStringLiteral("青岛市市南区\n香港中路 8 号");
    CHECK_FALSE(hasError(app::validateVolunteer(v, context), "emergency2_address"));
  }
  SECTION("a complete, valid contact passes") {
    v.emergency2 = secondContact();
    for (const Error& error : app::validateVolunteer(v, context))
      CHECK(error.field.rfind("emergency2", 0) != 0);
  }
}

TEST_CASE("a drive CSV's second-contact columns are imported") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  auto report = importDriveRow(*registry, *db, test::sampleVolunteer(3, model::Sex::Male),
                               {QStringLiteral("第二紧急联系人"), QStringLiteral("第二紧急联系人关系"),
                                QStringLiteral("第二紧急联系人电话"), QStringLiteral("第二紧急联系人地址")},
                               {QStringLiteral("王芳"), QStringLiteral("姐姐"), QStringLiteral("13912345678"),
                                QStringLiteral("\"青岛市市南区香港中路 8 号\"")});
  INFO((report.has_value() ? std::string() : report.error().english()));
  REQUIRE(report);
  for (const app::RowProblem& problem : report->problems) UNSCOPED_INFO(problem.error.english());
  CHECK(report->problems.empty());
  REQUIRE(report->imported == 1);
  auto imported = registry->volunteerByRegistryNo(QStringLiteral("SD00000001"));
  REQUIRE(imported);
  CHECK(imported->emergency2 == secondContact());
}

TEST_CASE("a bad second-contact phone in a drive CSV names the row and the field") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  auto report = importDriveRow(*registry, *db, test::sampleVolunteer(4), {QStringLiteral("紧急联系人2电话")},
                               {QStringLiteral("12")});
  REQUIRE(report);
  CHECK(report->imported == 0);
  for (const app::RowProblem& problem : report->problems) UNSCOPED_INFO(problem.error.english());
  REQUIRE(report->problems.size() == 1);
  CHECK(report->problems.front().row == 2);
  CHECK(report->problems.front().error.field == "emergency2_phone");
  CHECK(test::rowCount(*registry, "volunteer") == 0);
}

TEST_CASE("the printed forms and the labels know the second contact") {
  model::Volunteer v = test::sampleVolunteer(5);
  const documents::DocumentData without = app::volunteerData(v, QStringLiteral("zh_CN"));
  CHECK(without.value(QStringLiteral("volunteer.emergency2_name")) == QStringLiteral("—"));
  v.emergency2 = secondContact();
  const documents::DocumentData with = app::volunteerData(v, QStringLiteral("zh_CN"));
  CHECK(with.value(QStringLiteral("volunteer.emergency2_name")) == QStringLiteral("王芳"));
  CHECK(with.value(QStringLiteral("volunteer.emergency2_phone")) == QStringLiteral("13912345678"));
  CHECK(with.value(QStringLiteral("volunteer.emergency2_address")) == secondContact().address);
  CHECK(app::fieldLabel(QStringLiteral("emergency2_relation")) == QStringLiteral("Second emergency contact relation"));
}
