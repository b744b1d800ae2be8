#include "gui/retention/groups_panel.h"

#include <QFutureWatcher>
#include <QHeaderView>
#include <QLocale>
#include <QtConcurrent>

#include "app/volunteer_groups.h"
#include "core/qt/localization.h"
#include "gui/widgets/file_dialogs.h"
#include "ui_groups_panel.h"

namespace dd::gui {
namespace {

app::Actor actor() { return app::Actor::fromOperatingSystem(); }

QTableWidgetItem* cell(const QString& text) { return new QTableWidgetItem(text); }

void fill(QTableWidget* table, const QStringList& headings, const QList<QStringList>& rows) {
  table->clearContents();
  table->setColumnCount(int(headings.size()));
  table->setHorizontalHeaderLabels(headings);
  table->setRowCount(int(rows.size()));
  for (int r = 0; r < rows.size(); ++r)
    for (int c = 0; c < rows.at(r).size(); ++c) table->setItem(r, c, cell(rows.at(r).at(c)));
}

QString localTime(const QDateTime& at) { return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat); }

}  // namespace

GroupsPanel::GroupsPanel(app::Registry* registry, const QString& databaseUrl, QWidget* parent)
    : QWidget(parent), ui_(std::make_unique<Ui::GroupsPanel>()), registry_(registry), url_(databaseUrl) {
  ui_->setupUi(this);
  for (int i = 0; i < model::kGroupKindCount; ++i)
    ui_->kindChooser->addItem(
        QCoreApplication::translate("dd::model", model::displayName(static_cast<model::GroupKind>(i))), i);
  ui_->encodingChooser->addItem(tr("UTF-8"), QStringLiteral("utf-8"));
  ui_->encodingChooser->addItem(tr("GB18030"), QStringLiteral("gb18030"));
  ui_->groupTable->horizontalHeader()->setStretchLastSection(true);
  ui_->memberTable->horizontalHeader()->setStretchLastSection(true);
  ui_->messageTable->horizontalHeader()->setStretchLastSection(true);
  connect(ui_->groupTable, &QTableWidget::itemSelectionChanged, this, &GroupsPanel::groupChosen);
  connect(ui_->createButton, &QPushButton::clicked, this, &GroupsPanel::createGroup);
  connect(ui_->addNumbersButton, &QPushButton::clicked, this, &GroupsPanel::addNumbers);
  connect(ui_->addRegionButton, &QPushButton::clicked, this, &GroupsPanel::addRegion);
  connect(ui_->removeButton, &QPushButton::clicked, this, &GroupsPanel::removeSelected);
  connect(ui_->exportMembersButton, &QPushButton::clicked, this, &GroupsPanel::chooseExportFile);
  connect(ui_->recordMessageButton, &QPushButton::clicked, this, &GroupsPanel::recordMessage);
  connect(ui_->memberTable, &QTableWidget::itemSelectionChanged, this, &GroupsPanel::updateButtons);
  connect(ui_->nextMembersButton, &QPushButton::clicked, this, [this] {
    if (memberOffset_ + kMemberPage >= memberTotal_) return;
    memberOffset_ += kMemberPage;
    reloadMembers();
  });
  connect(ui_->previousMembersButton, &QPushButton::clicked, this, [this] {
    memberOffset_ = qMax(0, memberOffset_ - kMemberPage);
    reloadMembers();
  });
  updateButtons();
}

GroupsPanel::~GroupsPanel() = default;

void GroupsPanel::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (!loadedOnce_) reload();
}

void GroupsPanel::reload() {
  loadedOnce_ = true;
  const qint64 keep = currentGroupId();
  auto groups = app::listGroups(*registry_);
  if (!groups) {
    showStatus(dd::qt::translated(groups.error()), false);
    return;
  }
  QList<QStringList> rows;
  for (const model::VolunteerGroup& g : *groups) rows << app::groupCells(g);
  {
    const QSignalBlocker quiet(ui_->groupTable);
    fill(ui_->groupTable, app::groupHeadings(), rows);
    for (int r = 0; r < groups->size(); ++r)
      ui_->groupTable->item(r, 0)->setData(Qt::UserRole, groups->at(r).id);
    ui_->groupTable->setColumnHidden(0, true);  // the id is for the CLI
  }
  if (!selectGroup(keep)) groupChosen();
}

qint64 GroupsPanel::currentGroupId() const {
  const auto selected = ui_->groupTable->selectionModel()->selectedRows();
  if (selected.isEmpty()) return 0;
  return ui_->groupTable->item(selected.constFirst().row(), 0)->data(Qt::UserRole).toLongLong();
}

bool GroupsPanel::selectGroup(qint64 groupId) {
  if (groupId == 0) return false;
  for (int r = 0; r < ui_->groupTable->rowCount(); ++r)
    if (ui_->groupTable->item(r, 0)->data(Qt::UserRole).toLongLong() == groupId) {
      ui_->groupTable->selectRow(r);
      groupChosen();  // also when it was selected already: the counts changed
      return true;
    }
  return false;
}

int GroupsPanel::groupCount() const { return ui_->groupTable->rowCount(); }

QStringList GroupsPanel::shownRegistryNumbers() const {
  QStringList numbers;
  for (int r = 0; r < ui_->memberTable->rowCount(); ++r) numbers << ui_->memberTable->item(r, 0)->text();
  return numbers;
}

QString GroupsPanel::statusText() const { return ui_->statusLabel->text(); }

void GroupsPanel::groupChosen() {
  const qint64 id = currentGroupId();
  if (id != shownGroup_) memberOffset_ = 0;
  shownGroup_ = id;
  reloadMembers();
  reloadMessages();
}

void GroupsPanel::reloadMembers() {
  memberTotal_ = 0;
  if (shownGroup_ == 0) {
    fill(ui_->memberTable, app::groupMemberHeadings(), {});
    ui_->groupLabel->setText(tr("Choose a group."));
    ui_->memberPageLabel->clear();
    updateButtons();
    return;
  }
  auto group = app::volunteerGroup(*registry_, shownGroup_);
  auto members = app::groupMembers(*registry_, shownGroup_, kMemberPage, memberOffset_);
  if (!group || !members) {
    fill(ui_->memberTable, app::groupMemberHeadings(), {});
    showStatus(dd::qt::translated(!group ? group.error() : members.error()), false);
    updateButtons();
    return;
  }
  memberTotal_ = group->memberCount;
  ui_->groupLabel->setText(tr("%1: %Ln member(s)", nullptr, group->memberCount).arg(group->name));
  QList<QStringList> rows;
  for (const app::GroupMember& m : *members) rows << (app::groupMemberCells(m) << localTime(m.addedAt));
  fill(ui_->memberTable, app::groupMemberHeadings() << tr("Added"), rows);
  ui_->memberPageLabel->setText(members->isEmpty()
                                    ? tr("No members yet.")
                                    : tr("Members %1–%2 of %3")
                                          .arg(memberOffset_ + 1)
                                          .arg(memberOffset_ + int(members->size()))
                                          .arg(memberTotal_));
  updateButtons();
}

void GroupsPanel::reloadMessages() {
  QList<QStringList> rows;
  if (shownGroup_ != 0) {
    auto messages = app::groupMessages(*registry_, shownGroup_);
    if (!messages) {
      showStatus(dd::qt::translated(messages.error()), false);
    } else {
      for (const model::GroupMessage& m : *messages)
        rows << QStringList{localTime(m.sentAt), m.staff, QString::number(m.memberCount), m.text};
    }
  }
  fill(ui_->messageTable, {tr("Sent"), tr("By"), tr("Members"), tr("Text")}, rows);
}

void GroupsPanel::updateButtons() {
  const bool chosen = shownGroup_ != 0 && !busy_;
  ui_->createButton->setEnabled(!busy_);
  ui_->addNumbersButton->setEnabled(chosen);
  ui_->addRegionButton->setEnabled(chosen);
  ui_->recordMessageButton->setEnabled(chosen);
  ui_->exportMembersButton->setEnabled(chosen && memberTotal_ > 0);
  ui_->removeButton->setEnabled(chosen && !ui_->memberTable->selectionModel()->selectedRows().isEmpty());
  ui_->previousMembersButton->setEnabled(chosen && memberOffset_ > 0);
  ui_->nextMembersButton->setEnabled(chosen && memberOffset_ + kMemberPage < memberTotal_);
}

void GroupsPanel::showStatus(const QString& text, bool ok) {
  ui_->statusLabel->setText(text);
  ui_->statusLabel->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00020;"));
}

void GroupsPanel::createGroup() {
  app::GroupRequest request;
  request.name = ui_->nameEdit->text();
  request.kind = static_cast<model::GroupKind>(ui_->kindChooser->currentData().toInt());
  request.prefecture = ui_->groupPrefectureEdit->text();
  request.county = ui_->groupCountyEdit->text();
  auto created = app::createGroup(*registry_, request, actor());
  if (!created) {
    showStatus(dd::qt::translated(created.error()), false);
    ui_->nameEdit->setFocus();
    return;
  }
  ui_->nameEdit->clear();
  ui_->groupPrefectureEdit->clear();
  ui_->groupCountyEdit->clear();
  // a region group is most often filled from its own region next
  ui_->regionPrefectureEdit->setText(created->prefecture);
  ui_->regionCountyEdit->setText(created->county);
  showStatus(tr("Group %1 created.").arg(created->name), true);
  reload();
  selectGroup(created->id);
}

void GroupsPanel::addNumbers() {
  const qint64 id = currentGroupId();
  if (id == 0) return;
  auto added = app::addGroupMembers(*registry_, id, app::parseRegistryNumbers(ui_->numbersEdit->toPlainText()),
                                    actor());
  if (!added) {
    showStatus(dd::qt::translated(added.error()), false);
    return;
  }
  ui_->numbersEdit->clear();
  showStatus(tr("%1 added, %2 already members.").arg(added->added).arg(added->alreadyMembers), true);
  reload();
}

void GroupsPanel::addRegion() {
  const qint64 id = currentGroupId();
  if (id == 0) return;
  const QString prefecture = ui_->regionPrefectureEdit->text();
  const QString county = ui_->regionCountyEdit->text();
  const app::Actor who = actor();
  showStatus(tr("Adding the region's volunteers…"), true);
  runInBackground([id, prefecture, county, who](app::Registry& registry) {
    auto added = app::addGroupMembersByRegion(registry, id, prefecture, county, who);
    if (!added) return Outcome{false, dd::qt::translated(added.error())};
    return Outcome{true, GroupsPanel::tr("%1 added, %2 already members.").arg(added->added).arg(added->alreadyMembers)};
  });
}

void GroupsPanel::removeSelected() {
  const qint64 id = currentGroupId();
  QStringList numbers;
  for (const QModelIndex& row : ui_->memberTable->selectionModel()->selectedRows())
    numbers << ui_->memberTable->item(row.row(), 0)->text();
  if (id == 0 || numbers.isEmpty()) return;
  auto removed = app::removeGroupMembers(*registry_, id, numbers, actor());
  if (!removed) {
    showStatus(dd::qt::translated(removed.error()), false);
    return;
  }
  showStatus(tr("%Ln member(s) removed.", nullptr, removed->removed), true);
  reload();
}

void GroupsPanel::chooseExportFile() {
  const QString path =
      FileDialogs::saveFile(this, tr("Export members"), QStringLiteral("members.csv"), tr("CSV files (*.csv)"));
  if (!path.isEmpty()) exportMembersTo(path);
}

void GroupsPanel::exportMembersTo(const QString& path) {
  const qint64 id = currentGroupId();
  if (id == 0) return;
  app::GroupExportOptions options;
  options.path = path;
  options.encoding = ui_->encodingChooser->currentData().toString();
  const app::Actor who = actor();
  showStatus(tr("Exporting…"), true);
  runInBackground([id, options, who](app::Registry& registry) {
    auto written = app::exportGroupMembers(registry, id, options, who);
    if (!written) return Outcome{false, dd::qt::translated(written.error())};
    return Outcome{true, GroupsPanel::tr("%1 members written to %2.").arg(*written).arg(options.path)};
  });
}

void GroupsPanel::recordMessage() {
  const qint64 id = currentGroupId();
  if (id == 0) return;
  auto recorded = app::recordGroupMessage(*registry_, id, ui_->messageEdit->toPlainText(), actor());
  if (!recorded) {
    showStatus(dd::qt::translated(recorded.error()), false);
    ui_->messageEdit->setFocus();
    return;
  }
  ui_->messageEdit->clear();
  showStatus(tr("Recorded: posted to %Ln member(s).", nullptr, recorded->memberCount), true);
  reloadMessages();
}

void GroupsPanel::setBusy(bool busy) {
  busy_ = busy;
  updateButtons();
}

void GroupsPanel::runInBackground(const Work& work) {
  if (busy_) return;
  if (url_.isEmpty()) {
    finish(work(*registry_));
    return;
  }
  setBusy(true);
  auto* watcher = new QFutureWatcher<Outcome>(this);
  connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher] {
    watcher->deleteLater();
    setBusy(false);
    finish(watcher->result());
  });
  watcher->setFuture(QtConcurrent::run([url = url_, work] {
    // A connection of this thread's own (one Registry per thread).
    auto registry = app::Registry::open(url, app::Access::AsIs);
    if (!registry) return Outcome{false, dd::qt::translated(registry.error())};
    return work(**registry);
  }));
}

void GroupsPanel::finish(const Outcome& outcome) {
  showStatus(outcome.text, outcome.ok);
  reload();
  Q_EMIT workFinished();
}

}  // namespace dd::gui
