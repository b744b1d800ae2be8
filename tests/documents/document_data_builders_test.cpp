// Store records -> template values: languages, ages, optional details, and
// what the consent may show of the patient.
#include <catch2/catch.hpp>

#include "app/document_data_builders.h"
#include "support/qt_string_maker.h"

using namespace dd;

TEST_CASE("dates and sex are written in the document's language") {
  CHECK(app::documentDate(QDate(2026, 3, 7), QStringLiteral("zh_CN")) == QStringLiteral("2026年3月7日"));
  CHECK(app::documentDate(QDate(2026, 3, 7), QStringLiteral("en")) == QStringLiteral("7 March 2026"));
  CHECK(app::documentDate(QDate(), QStringLiteral("en")).isEmpty());
  CHECK(app::documentSex(model::Sex::Female, QStringLiteral("zh_CN")) == QStringLiteral("女"));
  CHECK(app::documentSex(model::Sex::Male, QStringLiteral("en")) == QStringLiteral("male"));
}

TEST_CASE("age counts whole years up to the day before the birthday") {
  CHECK(app::documentAge(QDate(1990, 3, 7), QDate(2026, 3, 6)) == QStringLiteral("35"));
  CHECK(app::documentAge(QDate(1990, 3, 7), QDate(2026, 3, 7)) == QStringLiteral("36"));
  CHECK(app::documentAge(QDate(2000, 2, 29), QDate(2026, 2, 28)) == QStringLiteral("25"));
  CHECK(app::documentAge(QDate(), QDate(2026, 3, 7)).isEmpty());
  CHECK(app::documentAge(QDate(2027, 1, 1), QDate(2026, 3, 7)).isEmpty());  // born in the future: no age
}

TEST_CASE("the consent shows the patient only as donors see them") {
  model::WorkupCaseDetail detail;
  detail.workup.id = 42;
  detail.workup.caseCode = QStringLiteral("P-1-02");
  detail.patient.name = QStringLiteral("王小禾");
  detail.patient.hospital = QStringLiteral("示范市第一人民医院");
  detail.patient.caseNo = QStringLiteral("P-1");
  detail.patient.sex = model::Sex::Female;
  detail.patient.birthDate = QDate(2017, 5, 2);
  detail.patient.diagnosis = QStringLiteral("  急性淋巴细胞白血病 ");
  detail.volunteer.name = QStringLiteral("李明远");
  const auto data = app::consentData(detail, QStringLiteral("zh_CN"), QDate(2026, 11, 25));
  CHECK(data.value(QStringLiteral("case.no")) == QStringLiteral("P-1-02"));  // the code, not the database id
  CHECK(data.value(QStringLiteral("patient.age")) == QStringLiteral("9"));
  CHECK(data.value(QStringLiteral("patient.diagnosis")) == QStringLiteral("急性淋巴细胞白血病"));
  for (const QString& name : data.valueNames()) {
    INFO(name.toStdString());
    CHECK(data.value(name) != detail.patient.name);
    CHECK(data.value(name) != detail.patient.hospital);
  }
  CHECK_FALSE(data.hasValue(QStringLiteral("patient.name")));
}

TEST_CASE("optional volunteer details print as a dash, identity stays required") {
  model::Volunteer v;
  v.name = QStringLiteral("周子涵");
  v.registryNo = QStringLiteral("SD1");
  const auto data = app::volunteerData(v, QStringLiteral("en"));
  CHECK(data.value(QStringLiteral("volunteer.email")) == QStringLiteral("—"));
  CHECK(data.value(QStringLiteral("volunteer.weight")) == QStringLiteral("—"));
  CHECK(data.value(QStringLiteral("drive.place")) == QStringLiteral("—"));
  CHECK(data.value(QStringLiteral("volunteer.id_number")).isEmpty());  // missing: printing names it
  CHECK(data.value(QStringLiteral("volunteer.birth_date")).isEmpty());
  v.weightKg = 61.5;
  v.abo = QStringLiteral("AB");
  v.rh = QStringLiteral("-");
  const auto more = app::volunteerData(v, QStringLiteral("en"));
  CHECK(more.value(QStringLiteral("volunteer.weight")) == QStringLiteral("61.5 kg"));
  CHECK(more.value(QStringLiteral("volunteer.abo")) == QStringLiteral("AB-"));
}

TEST_CASE("certificate numbers come from the registry number, the donation year and count") {
  model::Volunteer v;
  v.registryNo = QStringLiteral("SD37000123");
  CHECK_FALSE(app::certificateData(v, QStringLiteral("zh_CN")).hasValue(QStringLiteral("certificate.no")));
  v.donationDate = QDate(2026, 10, 18);
  v.donationCount = 2;
  const auto data = app::certificateData(v, QStringLiteral("zh_CN"));
  CHECK(data.value(QStringLiteral("certificate.no")) == QStringLiteral("SD37000123-2026-2"));
  CHECK(data.value(QStringLiteral("donation.date")) == QStringLiteral("2026年10月18日"));
}
