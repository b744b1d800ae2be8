// The GUI with an HLA release folder that is refused (issue 13, found in a
// walkthrough): it once fell back to the bundled release without a word and
// went on registering typings. It must say so and save no typing.
#include <catch2/catch.hpp>

#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>

#include "gui/hla_reader.h"
#include "gui/main_window.h"
#include "gui/workspace.h"
#include "support/widget_driving.h"
#include "support/qt_string_maker.h"

using namespace dd;

TEST_CASE("with a refused HLA release the GUI says so and saves no typing, never using the bundled one instead") {
  QTemporaryDir notARelease;  // no md5checksum.txt, no files: refused
  auto& reader = gui::HlaReader::instance();
  reader.startLoading(notARelease.path());
  if (!reader.failed()) {
    QSignalSpy done(&reader, &gui::HlaReader::readyChanged);
    REQUIRE(done.wait(60000));
  }
  REQUIRE(reader.failed());
  QTemporaryDir dir;
  gui::Workspace workspace;
  REQUIRE(workspace.openDatabase(dir.filePath(QStringLiteral("r.sqlite"))));
  auto* notice = workspace.window().findChild<QLabel*>(QStringLiteral("hlaNotice"));
  REQUIRE(notice);
  CHECK_FALSE(notice->isHidden());
  CHECK(notice->toolTip().contains(QStringLiteral("HLA tables not loaded")));

  model::Volunteer typed = test::sampleVolunteer(QStringLiteral("分型者"), 1);
  typed.hla.at(model::Locus::A).raw = QStringLiteral("A*02:01+A*11:01");
  auto refused = workspace.registry()->registerVolunteer(typed, {QStringLiteral("t")}, true);
  REQUIRE_FALSE(refused.ok());
  REQUIRE_FALSE(refused.errors.empty());
  CHECK(refused.errors.front().code == "validation.hla_unavailable");
  // Without a typing the registration itself still works.
  auto untyped = workspace.registry()->registerVolunteer(test::sampleVolunteer(QStringLiteral("未分型"), 2),
                                                         {QStringLiteral("t")}, true);
  CHECK(untyped.ok());
}

TEST_CASE("the editor reads MAC codes once a MAC table is loaded, and refuses them without one") {
  auto& reader = gui::HlaReader::instance();
  const auto loadWith = [&reader](const QString& mac) {
    QSignalSpy done(&reader, &gui::HlaReader::readyChanged);
    reader.startLoading({}, mac);
    REQUIRE(done.wait(60000));
    REQUIRE(reader.ready());
  };
  loadWith({});
  const gui::HlaReading without = reader.read(model::Locus::A, QStringLiteral("A*02:AB+A*01:01"), {});
  CHECK_FALSE(without.valid);
  CHECK(without.message.contains(QStringLiteral("A*02:AB")));
  loadWith(QStringLiteral(DONORDESK_TEST_DATA_DIR "/hla/mac_small.txt"));
  CHECK(reader.macTablePath().endsWith(QStringLiteral("mac_small.txt")));
  const gui::HlaReading with = reader.read(model::Locus::A, QStringLiteral("A*02:AB+A*01:01"), {});
  CHECK(with.valid);
  CHECK(with.normalised == QStringLiteral("A*02:AB+A*01:01"));
  // The registry saves what the editor accepted: the workspace hands it the same checker.
  QTemporaryDir dir;
  gui::Workspace workspace;
  REQUIRE(workspace.openDatabase(dir.filePath(QStringLiteral("r.sqlite"))));
  model::Volunteer typed = test::sampleVolunteer(QStringLiteral("代码者"), 2);
  typed.hla.at(model::Locus::A).raw = QStringLiteral("A*02:AB+A*01:01");
  auto saved = workspace.registry()->registerVolunteer(typed, {QStringLiteral("t")}, true);
  CHECK(saved.ok());
}
