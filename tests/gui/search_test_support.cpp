#include "search_test_support.h"

#include <catch2/catch.hpp>

#include <QSignalSpy>

#include "gui/hla_reader.h"
#include "support/widget_driving.h"

namespace dd::test {

app::StatusChangeRequest deferral() {
  app::StatusChangeRequest request;
  request.to = model::VolunteerStatus::TemporarilyDeferred;
  request.reason = QStringLiteral("出差");
  request.until = QDate::currentDate().addDays(20);
  return request;
}

void waitForHla() {
  auto& reader = gui::HlaReader::instance();
  reader.startLoading();
  if (!reader.ready() && !reader.failed()) {
    QSignalSpy ready(&reader, &gui::HlaReader::readyChanged);
    ready.wait(60000);
  }
  INFO(reader.loadError().toStdString());
  REQUIRE(reader.ready());
}

qint64 addSearchDonor(app::Registry& registry, int serial, const QString& typingA) {
  auto v = sampleVolunteer(QStringLiteral("供者%1").arg(serial), serial);
  using model::Locus;
  v.hla.at(Locus::A).raw = typingA;
  v.hla.at(Locus::B).raw = QStringLiteral("B*40:01+B*46:01");
  v.hla.at(Locus::C).raw = QStringLiteral("C*01:02+C*03:04");
  v.hla.at(Locus::DRB1).raw = QStringLiteral("DRB1*09:01+DRB1*15:01");
  v.hla.at(Locus::DQB1).raw = QStringLiteral("DQB1*03:03+DQB1*06:02");
  auto saved = registry.registerVolunteer(v, {QStringLiteral("t")}, true);
  INFO((saved.errors.empty() ? std::string() : saved.errors.front().english()));
  REQUIRE(saved.ok());
  return saved.value->id;
}

qint64 addSearchPatient(app::Registry& registry) {
  model::Patient patient;
  patient.name = QStringLiteral("吴磊");
  patient.birthDate = QDate(1990, 1, 1);
  patient.hospital = QStringLiteral("山东大学齐鲁医院");
  patient.diagnosis = QStringLiteral("急性髓系白血病");
  const QStringList loci = QString::fromLatin1(kSearchPatientTyping).split(QLatin1Char('^'));
  for (int i = 0; i < loci.size(); ++i) patient.hla.loci[static_cast<std::size_t>(i)].raw = loci[i];
  auto created = registry.createPatient(patient, {QStringLiteral("t")});
  INFO((created.errors.empty() ? std::string() : created.errors.front().english()));
  REQUIRE(created.ok());
  return created.value->id;
}

int resultRowOf(const gui::SearchResultModel& model, qint64 volunteerId) {
  for (int r = 0; r < model.rowCount(); ++r)
    if (model.result(r).volunteerId == volunteerId) return r;
  return -1;
}

void searchAndWait(gui::MatchSearchPage& page) {
  QSignalSpy done(&page, &gui::MatchSearchPage::searchFinished);
  REQUIRE(page.search());
  REQUIRE(done.wait(60000));
}

MatchPageFixture::MatchPageFixture() {
  waitForHla();
  path = dir.filePath(QStringLiteral("r.sqlite"));
  registry = openRegistry(path);
}

gui::MatchSearchPage& MatchPageFixture::openPage() {
  index = std::make_unique<gui::SearchIndex>(registry.get(), path);
  page = std::make_unique<gui::MatchSearchPage>(registry.get(), index.get());
  return *page;
}

}  // namespace dd::test
