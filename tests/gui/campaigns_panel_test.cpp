// The Retention page's Campaigns tab (docs/campaigns.md): a campaign made in
// its dialog, its batch file written off the GUI thread, the platform's
// results checked (nothing applied), previewed, then applied.
#include <catch2/catch.hpp>

#include <QDialogButtonBox>
#include <QFile>
#include <QPlainTextEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

#include "app/campaigns.h"
#include "gui/retention/campaign_dialog.h"
#include "gui/retention/campaign_results_dialog.h"
#include "gui/retention/campaigns_panel.h"
#include "support/qt_string_maker.h"
#include "support/sample_people.h"
#include "support/widget_driving.h"

namespace {

// phone -> message id, from the batch file's rows (phone first, id last)
QHash<QString, QString> idsByPhone(const QString& path) {
  QFile file(path);
  REQUIRE(file.open(QIODevice::ReadOnly));
  QHash<QString, QString> ids;
  const QStringList rows = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
  for (qsizetype i = 1; i < rows.size(); ++i) {
    const QStringList cells = rows.at(i).split(QLatin1Char(','));
    ids.insert(cells.first(), cells.last());
  }
  return ids;
}

QString writeFile(const QString& path, const QByteArray& bytes) {
  QFile file(path);
  REQUIRE(file.open(QIODevice::WriteOnly));
  file.write(bytes);
  return path;
}

bool finished(QSignalSpy& spy) { return !spy.isEmpty() || spy.wait(30000); }

}  // namespace

TEST_CASE("the campaigns tab makes a campaign, writes its batch file and applies the results after a preview") {
  QTemporaryDir dir;
  const QString url = dir.filePath("r.sqlite");
  auto registry = dd::test::openRegistry(url);
  const dd::app::Actor actor{QStringLiteral("t")};
  QList<dd::model::Volunteer> people;
  for (int n = 0; n < 3; ++n) {
    auto v = registry->registerVolunteer(dd::test::sampleVolunteer(QStringLiteral("林%1").arg(n), 30 + n), actor);
    REQUIRE(v.ok());
    people << *v.value;
  }

  dd::gui::CampaignsPanel panel(registry.get(), url);
  panel.show();
  CHECK(panel.campaignCount() == 0);
  CHECK_FALSE(panel.findChild<QPushButton*>("exportButton")->isEnabled());  // nothing chosen yet

  SECTION("the dialog refuses an unknown placeholder and keeps what was typed") {
    dd::gui::CampaignDialog dialog(registry.get());
    dialog.findChild<QLineEdit*>("name")->setText(QStringLiteral("年度联系"));
    dialog.findChild<QPlainTextEdit*>("messageTemplate")->setPlainText(QStringLiteral("您好{姓名}"));
    CHECK_FALSE(dialog.create());
    auto* error = dialog.findChild<QLabel*>("error");
    CHECK(error->isVisibleTo(&dialog));
    CHECK(error->text().contains(QStringLiteral("{姓名}")));
    CHECK(dialog.findChild<QLineEdit*>("name")->text() == QStringLiteral("年度联系"));
    CHECK(dd::app::listCampaigns(*registry)->isEmpty());
  }

  SECTION("Cancel closes the dialog with nothing made") {
    dd::gui::CampaignDialog dialog(registry.get());
    dialog.show();
    dialog.findChild<QLineEdit*>("name")->setText(QStringLiteral("年度联系"));
    dialog.findChild<QDialogButtonBox*>("buttons")->button(QDialogButtonBox::Cancel)->click();
    CHECK(dialog.result() == QDialog::Rejected);
    CHECK_FALSE(dialog.isVisible());
    CHECK(dd::app::listCampaigns(*registry)->isEmpty());
  }

  SECTION("export, check, preview and apply") {
    dd::gui::CampaignDialog dialog(registry.get());
    dialog.show();
    dialog.findChild<QLineEdit*>("name")->setText(QStringLiteral("年度联系"));
    dialog.findChild<QPlainTextEdit*>("messageTemplate")->setPlainText(QStringLiteral("{name}您好"));
    // OK as staff press it: the campaign is made and the dialog closes
    dialog.findChild<QDialogButtonBox*>("buttons")->button(QDialogButtonBox::Ok)->click();
    REQUIRE(dialog.createdId() > 0);
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK_FALSE(dialog.isVisible());
    panel.reload();
    CHECK_FALSE(panel.statusText().contains(QStringLiteral("No campaign")));
    REQUIRE(panel.campaignCount() == 1);
    panel.selectCampaign(dialog.createdId());
    REQUIRE(panel.currentCampaign() == dialog.createdId());
    CHECK(panel.findChild<QPushButton*>("exportButton")->isEnabled());

    QSignalSpy done(&panel, &dd::gui::CampaignsPanel::jobFinished);
    const QString batch = dir.filePath("batch.csv");
    panel.exportSms(panel.currentCampaign(), batch, QStringLiteral("utf-8"));
    CHECK(panel.busy());
    CHECK_FALSE(panel.findChild<QPushButton*>("importButton")->isEnabled());  // one job at a time
    REQUIRE(finished(done));
    INFO(done.at(0).at(1).toString().toStdString());
    REQUIRE(done.at(0).at(0).toBool());
    CHECK_FALSE(panel.busy());
    const auto ids = idsByPhone(batch);
    REQUIRE(ids.size() == 3);

    const QString header = QStringLiteral("phone,message_id,status,reply,time\r\n");
    auto row = [&](int i, const char* status, const QString& reply) {
      const QString phone = people.at(i).currentPhone();
      return phone + "," + ids.value(phone) + "," + status + "," + reply + ",2026-11-20 09:30:00\r\n";
    };
    const int before = int(registry->contacts(people.at(0).id)->size());

    SECTION("a malformed row: the preview offers no Apply and nothing is written") {
      const QString bad = writeFile(dir.filePath("bad.csv"),
                                    (header + row(0, "delivered", "1") + row(1, "sent?", "")).toUtf8());
      done.clear();
      panel.checkResults(panel.currentCampaign(), bad);
      REQUIRE(finished(done));
      CHECK_FALSE(done.at(0).at(0).toBool());
      REQUIRE(panel.lastReport().malformed.size() == 1);
      CHECK(panel.lastReport().malformed.at(0).row == 3);
      dd::gui::CampaignResultsDialog preview(panel.lastReport(), QStringLiteral("bad.csv"));
      CHECK_FALSE(preview.canApply());
      CHECK_FALSE(preview.findChild<QPushButton*>("applyButton")->isEnabled());
      CHECK(preview.problemsTable()->rowCount() == 1);
      CHECK(preview.problemsTable()->item(0, 0)->text() == QStringLiteral("3"));
      CHECK(int(registry->contacts(people.at(0).id)->size()) == before);
    }

    SECTION("a good file is previewed without a change, then applied once") {
      const QString good = writeFile(
          dir.filePath("good.csv"),
          (header + row(0, "delivered", "1") + row(1, "failed", "") + row(2, "delivered", "0")).toUtf8());
      done.clear();
      panel.checkResults(panel.currentCampaign(), good);
      REQUIRE(finished(done));
      REQUIRE(done.at(0).at(0).toBool());
      REQUIRE(panel.lastReport().changes.size() == 3);
      CHECK_FALSE(panel.lastReport().applied);
      CHECK(int(registry->contacts(people.at(0).id)->size()) == before);  // a dry run
      CHECK_FALSE(registry->volunteer(people.at(2).id)->withdrawalRequestedOn.isValid());

      dd::gui::CampaignResultsDialog preview(panel.lastReport(), QStringLiteral("good.csv"));
      CHECK(preview.canApply());
      REQUIRE(preview.changesTable()->rowCount() == 3);
      CHECK(preview.changesTable()->item(0, 1)->text() == people.at(0).currentPhone());
      CHECK(preview.changesTable()->item(2, 2)->text() ==
            dd::gui::CampaignResultsDialog::kindText(QStringLiteral("withdrawal_requested")));

      done.clear();
      panel.applyResults(panel.currentCampaign(), good);
      REQUIRE(finished(done));
      REQUIRE(done.at(0).at(0).toBool());
      CHECK(panel.lastReport().applied);
      auto reached = registry->contacts(people.at(0).id);
      REQUIRE(int(reached->size()) == before + 1);
      CHECK(reached->front().outcome == dd::model::ContactOutcome::Reached);
      CHECK(registry->volunteer(people.at(2).id)->withdrawalRequestedOn.isValid());

      done.clear();  // the same file again changes nothing
      panel.applyResults(panel.currentCampaign(), good);
      REQUIRE(finished(done));
      CHECK(panel.lastReport().changes.isEmpty());
      CHECK(panel.lastReport().alreadyApplied == 3);
      CHECK(int(registry->contacts(people.at(0).id)->size()) == before + 1);
    }
  }
}

TEST_CASE("the campaigns tab says why when its database cannot be opened for the background work") {
  QTemporaryDir dir;
  const QString url = dir.filePath("r.sqlite");
  auto registry = dd::test::openRegistry(url);
  auto created = dd::app::createCampaign(*registry, {QStringLiteral("a"), QStringLiteral("{name}"), {}, 0, {}, {}},
                                         dd::app::Actor{QStringLiteral("t")});
  REQUIRE(created);
  dd::gui::CampaignsPanel panel(registry.get(), dir.filePath("missing/none.sqlite"));
  QSignalSpy done(&panel, &dd::gui::CampaignsPanel::jobFinished);
  panel.reload();
  REQUIRE(panel.campaignCount() == 1);
  panel.exportSms(created->id, dir.filePath("out.csv"), QStringLiteral("utf-8"));
  REQUIRE(finished(done));
  CHECK_FALSE(done.at(0).at(0).toBool());
  CHECK_FALSE(done.at(0).at(1).toString().isEmpty());
  CHECK_FALSE(QFile::exists(dir.filePath("out.csv")));
}
