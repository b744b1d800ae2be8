// The Retention page's Groups tab (docs/retention.md, Groups) on the
// offscreen platform: a group created (and a duplicate refused), members
// added by region on a background connection and by pasted numbers, the
// member list exported, a message recorded (and an empty one refused).
#include <catch2/catch.hpp>

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStringDecoder>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>

#include "gui/retention/groups_panel.h"
#include "gui/retention/retention_page.h"
#include "support/qt_string_maker.h"
#include "support/sample_people.h"
#include "support/widget_driving.h"

namespace {
dd::model::Volunteer in(dd::model::Volunteer v, const char* prefecture, const char* county) {
  v.prefecture = QString::fromUtf8(prefecture);
  v.county = QString::fromUtf8(county);
  return v;
}
}  // namespace

TEST_CASE("the groups tab creates a group, adds a region and numbers, exports and records a message") {
  QTemporaryDir dir;
  const QString db = dir.filePath("r.sqlite");
  auto registry = dd::test::openRegistry(db);
  const dd::app::Actor actor{QStringLiteral("t")};
  auto lixia = registry->registerVolunteer(in(dd::test::sampleVolunteer(QStringLiteral("黄磊"), 21), "济南市", "历下区"), actor);
  auto shizhong = registry->registerVolunteer(in(dd::test::sampleVolunteer(QStringLiteral("孙丽"), 22), "济南市", "市中区"), actor);
  auto qingdao = registry->registerVolunteer(in(dd::test::sampleVolunteer(QStringLiteral("赵强"), 23), "青岛市", "市南区"), actor);
  REQUIRE(lixia.ok());
  REQUIRE(shizhong.ok());
  REQUIRE(qingdao.ok());

  // the tab is on the Retention page
  dd::gui::RetentionPage page(registry.get(), db);
  auto* tabs = page.findChild<QTabWidget*>("retentionTabs");
  REQUIRE(tabs);
  auto* panel = page.findChild<dd::gui::GroupsPanel*>();
  REQUIRE(panel);
  CHECK(tabs->indexOf(panel) > 0);
  page.show();
  tabs->setCurrentWidget(panel);
  CHECK(panel->groupCount() == 0);

  panel->findChild<QLineEdit*>("nameEdit")->setText(QStringLiteral("历下区志愿者群"));
  panel->findChild<QComboBox*>("kindChooser")->setCurrentIndex(static_cast<int>(dd::model::GroupKind::Region));
  panel->findChild<QLineEdit*>("groupPrefectureEdit")->setText(QStringLiteral("济南市"));
  panel->findChild<QLineEdit*>("groupCountyEdit")->setText(QStringLiteral("历下区"));
  panel->findChild<QPushButton*>("createButton")->click();
  INFO(panel->statusText().toStdString());
  REQUIRE(panel->groupCount() == 1);
  const qint64 groupId = panel->currentGroupId();
  REQUIRE(groupId > 0);
  CHECK(panel->shownRegistryNumbers().isEmpty());

  // the same name again: refused, said so, nothing created
  panel->findChild<QLineEdit*>("nameEdit")->setText(QStringLiteral("历下区志愿者群"));
  panel->findChild<QPushButton*>("createButton")->click();
  CHECK(panel->statusText().contains("already a group named"));
  CHECK(panel->groupCount() == 1);
  panel->selectGroup(groupId);

  // the region fields took the new group's region; the add runs in the background
  CHECK(panel->findChild<QLineEdit*>("regionCountyEdit")->text() == QStringLiteral("历下区"));
  panel->findChild<QLineEdit*>("regionCountyEdit")->clear();  // the whole prefecture
  QSignalSpy finished(panel, &dd::gui::GroupsPanel::workFinished);
  panel->findChild<QPushButton*>("addRegionButton")->click();
  REQUIRE(finished.wait(20000));
  CHECK(panel->statusText().contains("2 added, 0 already members"));
  CHECK(panel->currentGroupId() == groupId);
  CHECK(panel->shownRegistryNumbers() == QStringList{lixia.value->registryNo, shizhong.value->registryNo});

  // pasted numbers: an unknown one adds nothing, then the good ones
  auto* numbers = panel->findChild<QPlainTextEdit*>("numbersEdit");
  numbers->setPlainText(qingdao.value->registryNo + QStringLiteral("\nSD99999999"));
  panel->findChild<QPushButton*>("addNumbersButton")->click();
  CHECK(panel->statusText().contains("SD99999999"));
  CHECK(panel->shownRegistryNumbers().size() == 2);
  numbers->setPlainText(qingdao.value->registryNo + QStringLiteral("，") + lixia.value->registryNo);
  panel->findChild<QPushButton*>("addNumbersButton")->click();
  CHECK(panel->statusText().contains("1 added, 1 already members"));
  CHECK(panel->shownRegistryNumbers().size() == 3);

  // export in the background, in GB18030 as chosen
  auto* encoding = panel->findChild<QComboBox*>("encodingChooser");
  encoding->setCurrentIndex(encoding->findData(QStringLiteral("gb18030")));
  const QString out = dir.filePath("members.csv");
  panel->exportMembersTo(out);
  REQUIRE(finished.wait(20000));
  INFO(panel->statusText().toStdString());
  QFile file(out);
  REQUIRE(file.open(QIODevice::ReadOnly));
  QStringDecoder gb("GB18030");
  const QString text = gb.decode(file.readAll());
  CHECK_FALSE(gb.hasError());
  const QStringList lines = text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
  REQUIRE(lines.size() == 4);
  CHECK(lines.at(0) == QStringLiteral("Registry No.,Name,Phone,Prefecture,County,Status"));
  CHECK(lines.at(3).startsWith(qingdao.value->registryNo + QStringLiteral(",赵强,")));
  // a folder that is not there: the error is shown
  panel->exportMembersTo(dir.filePath("no/such/folder/m.csv"));
  REQUIRE(finished.wait(20000));
  CHECK(panel->statusText().contains("Cannot write"));

  // a message: empty refused, then recorded with the members it reached
  auto* messageTable = panel->findChild<QTableWidget*>("messageTable");
  panel->findChild<QPushButton*>("recordMessageButton")->click();
  CHECK(panel->statusText().contains("empty"));
  CHECK(messageTable->rowCount() == 0);
  panel->findChild<QPlainTextEdit*>("messageEdit")->setPlainText(QStringLiteral("请核对您的手机号"));
  panel->findChild<QPushButton*>("recordMessageButton")->click();
  REQUIRE(messageTable->rowCount() == 1);
  CHECK(messageTable->item(0, 2)->text() == QStringLiteral("3"));
  CHECK(messageTable->item(0, 3)->text() == QStringLiteral("请核对您的手机号"));

  // removing the selected member
  auto* members = panel->findChild<QTableWidget*>("memberTable");
  members->selectRow(0);
  panel->findChild<QPushButton*>("removeButton")->click();
  CHECK(panel->shownRegistryNumbers() == QStringList{shizhong.value->registryNo, qingdao.value->registryNo});
}
