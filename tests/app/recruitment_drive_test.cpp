// Recruitment drives on both backends: the list of drives (date, place,
// organiser, count), the volunteers of one drive by date, date and place, or
// import batch, and the drive keys of `print registration --drive`.
#include <catch2/catch.hpp>

#include "app/recruitment_drive_key.h"
#include "app/volunteer_import.h"
#include "core/qt/localization.h"
#include "support/registry_fixture.h"
#include "support/qt_string_maker.h"

using namespace dd;

namespace {

const QDate kEarly(2025, 4, 12);
const QDate kLate(2025, 9, 20);

QString registerAt(app::Registry& registry, int n, const QDate& date, const QString& place, const QString& organiser) {
  model::Volunteer v = test::sampleVolunteer(n);
  v.drive = {date, place, organiser};
  auto saved = registry.registerVolunteer(v, test::staff(), true);
  INFO((saved.errors.empty() ? std::string() : saved.errors.front().english()));
  REQUIRE(saved.ok());
  return saved.value->registryNo;
}

}  // namespace

TEST_CASE("recruitment drives are listed newest first with their organiser and number of volunteers") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  REQUIRE(registry->recruitmentDrives()->isEmpty());
  const QString a = registerAt(*registry, 1, kEarly, "泉城广场", "济南市红十字会");
  const QString b = registerAt(*registry, 2, kEarly, "泉城广场", "济南市红十字会");
  const QString c = registerAt(*registry, 3, kEarly, "", "");  // same day, no place recorded
  const QString d = registerAt(*registry, 4, kLate, "山东大学体育馆", "山东大学红十字会");
  registerAt(*registry, 5, QDate(), "", "");  // no drive at all: listed nowhere

  auto drives = registry->recruitmentDrives();
  REQUIRE(drives);
  REQUIRE(drives->size() == 3);
  CHECK(drives->at(0).drive == model::RecruitmentDrive{kLate, "山东大学体育馆", "山东大学红十字会"});
  CHECK(drives->at(0).volunteerCount == 1);
  CHECK(drives->at(1).drive.date == kEarly);
  CHECK(drives->at(1).drive.place.isEmpty());
  CHECK(drives->at(1).volunteerCount == 1);
  CHECK(drives->at(2).drive == model::RecruitmentDrive{kEarly, "泉城广场", "济南市红十字会"});
  CHECK(drives->at(2).volunteerCount == 2);
  CHECK(app::driveKey(drives->at(2)) == "2025-04-12@泉城广场");

  model::DriveSelector day;
  day.date = kEarly;
  CHECK(*registry->volunteersOfDrive(day) == QStringList{a, b, c});
  day.place = QStringLiteral("泉城广场");
  CHECK(*registry->volunteersOfDrive(day) == QStringList{a, b});
  day.place = QString();
  CHECK(*registry->volunteersOfDrive(day) == QStringList{c});
  day.place = QStringLiteral("泉城");  // places match whole, not as a prefix
  CHECK(registry->volunteersOfDrive(day)->isEmpty());
  CHECK(*app::driveVolunteers(*registry, app::driveKey(drives->at(0))) == QStringList{d});
  CHECK(*app::driveVolunteers(*registry, " 2025-04-12@泉城广场 ") == QStringList{a, b});
}

TEST_CASE("a drive key that names nobody, or is not a drive key, is refused with the reason") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  registerAt(*registry, 1, kEarly, "泉城广场", "济南市红十字会");
  for (const QString key : {"2025-04-13", "2025-04-12@体育馆", "batch:99"}) {
    INFO(key.toStdString());
    auto none = app::driveVolunteers(*registry, key);
    REQUIRE_FALSE(none);
    CHECK(none.error().code == "print.drive_empty");
    CHECK(qt::translated(none.error()).contains(key));
  }
  for (const QString key : {"", "2025-4-12", "2025-02-30", "12/04/2025", "batch:", "batch:0", "batch:x", "drive 1"}) {
    INFO(key.toStdString());
    auto bad = app::driveVolunteers(*registry, key);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == "print.drive_key");
    CHECK(qt::translated(bad.error()).contains("YYYY-MM-DD@place"));
  }
}

TEST_CASE("the volunteers of an import batch are a drive too (batch:N)") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  registerAt(*registry, 1, kEarly, "泉城广场", "");  // registered by hand: in no batch
  QString csv = QStringLiteral("姓名,性别,出生日期,民族,身份证号,手机,血型,采集日期,采集地点,同意书版本,HLA-A\n");
  for (int n = 2; n <= 4; ++n) {
    const model::Volunteer v = test::sampleVolunteer(n);
    csv += QStringList{v.name, "女", v.birthDate.toString(Qt::ISODate), "汉", v.idNumber, v.phones.at(0).number, "O",
                       kLate.toString(Qt::ISODate), "泉城广场", "2019版", "A*02:01+A*11:01"}
               .join(',') + "\n";
  }
  auto report =
      app::importVolunteersCsv(*registry, test::writeFile(db->dir(), "drive.csv", csv.toUtf8()), {});
  INFO((report ? std::string() : report.error().english()));
  REQUIRE(report);
  auto members = app::driveVolunteers(*registry, QStringLiteral("batch:%1").arg(report->batchId));
  REQUIRE(members);
  CHECK(members->size() == 3);
  auto byDay = app::driveVolunteers(*registry, kLate.toString(Qt::ISODate) + "@泉城广场");
  REQUIRE(byDay);
  CHECK(*byDay == *members);
}
