#include "search_test_support.h"

#include <catch2/catch.hpp>

#include <QSignalSpy>

#include "gui/hla_reader.h"
#include "support/widget_driving.h"

namespace dd::test {

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

int resultRowOf(const gui::SearchResultModel& model, qint64 volunteerId) {
  for (int r = 0; r < model.rowCount(); ++r)
    if (model.result(r).volunteerId == volunteerId) return r;
  return -1;
}

}  // namespace dd::test
