// Volunteer groups (docs/retention.md, Groups) on both backends: creating a
// group, adding members by number and by region, removing them, the member
// export and the messages recorded, each allowed and refused.
#include <catch2/catch.hpp>

#include <QFile>
#include <QSet>
#include <QSqlQuery>
#include <QStringDecoder>
#include <QStringEncoder>

#include "app/synthetic_data.h"
#include "app/volunteer_groups.h"
#include "support/qt_string_maker.h"
#include "support/registry_fixture.h"

using namespace dd;
using model::VolunteerStatus;

namespace {

model::VolunteerGroup group(app::Registry& registry, const char* name, model::GroupKind kind = model::GroupKind::WeChat) {
  app::GroupRequest request;
  request.name = QString::fromUtf8(name);
  request.kind = kind;
  auto created = app::createGroup(registry, request, test::staff());
  INFO((created ? std::string() : created.error().english()));
  REQUIRE(created);
  return *created;
}

model::Volunteer person(app::Registry& registry, int n, const char* county, const char* prefecture = "济南市") {
  model::Volunteer v = test::sampleVolunteer(n);
  v.prefecture = QString::fromUtf8(prefecture);
  v.county = QString::fromUtf8(county);
  return test::registered(registry, v);
}

void setStatus(app::Registry& registry, const model::Volunteer& v, VolunteerStatus to) {
  app::StatusChangeRequest request;
  request.to = to;
  request.reason = QStringLiteral("测试");
  request.stage = QStringLiteral("initial_match");
  auto changed = registry.changeStatus(v.id, v.rowVersion, request, test::staff());
  INFO((changed.errors.empty() ? std::string() : changed.errors.front().english()));
  REQUIRE(changed.ok());
}

int auditRows(app::Registry& registry, qint64 groupId, const char* action) {
  auto trail = registry.auditTrail(QStringLiteral("volunteer_group"), groupId);
  REQUIRE(trail);
  int n = 0;
  for (const model::AuditEntry& e : *trail) n += e.action == QLatin1String(action);
  return n;
}

QStringList memberNumbers(app::Registry& registry, qint64 groupId) {
  auto members = app::groupMembers(registry, groupId, app::kMaxGroupPage, 0);
  REQUIRE(members);
  QStringList numbers;
  for (const app::GroupMember& m : *members) numbers << m.registryNo;
  return numbers;
}

}  // namespace

TEST_CASE("a group needs a name no other group has") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const auto first = group(*registry, "历下区志愿者群", model::GroupKind::Region);
  CHECK(first.id > 0);
  CHECK(first.kind == model::GroupKind::Region);
  auto trail = registry->auditTrail(QStringLiteral("volunteer_group"), first.id);
  REQUIRE(trail);
  bool named = false;
  for (const model::AuditEntry& e : *trail)
    named |= e.action == "create" && e.field == "name" && e.newValue == QStringLiteral("历下区志愿者群");
  CHECK(named);
  CHECK(auditRows(*registry, first.id, "create") == 5);  // one per field of the snapshot

  app::GroupRequest same;
  same.name = QStringLiteral("  历下区志愿者群 ");  // the same name once trimmed
  auto duplicate = app::createGroup(*registry, same, test::staff());
  REQUIRE_FALSE(duplicate);
  CHECK(duplicate.error().code == "validation.duplicate");
  CHECK(duplicate.error().field == "name");
  CHECK_THAT(duplicate.error().english(), Catch::Contains("历下区志愿者群") && Catch::Contains(std::to_string(first.id)));

  app::GroupRequest unnamed;
  unnamed.name = QStringLiteral("   ");
  auto empty = app::createGroup(*registry, unnamed, test::staff());
  REQUIRE_FALSE(empty);
  CHECK(empty.error().code == "validation.required");

  app::GroupRequest control;
  control.name = QStringLiteral("群\x1b[31m");
  auto forbidden = app::createGroup(*registry, control, test::staff());
  REQUIRE_FALSE(forbidden);
  CHECK(forbidden.error().code == "validation.forbidden_character");

  auto groups = app::listGroups(*registry);
  REQUIRE(groups);
  REQUIRE(groups->size() == 1);
  CHECK(groups->at(0).memberCount == 0);
  CHECK(test::rowCount(*registry, "volunteer_group") == 1);
}

TEST_CASE("members are added by registry number and an unknown number or a withdrawn or retired volunteer adds nothing") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const auto g = group(*registry, "志愿者群一");
  const auto a = person(*registry, 1, "历下区");
  const auto b = person(*registry, 2, "市中区");
  const auto withdrawn = person(*registry, 3, "历下区");
  const auto retired = person(*registry, 4, "历下区");
  setStatus(*registry, withdrawn, VolunteerStatus::Withdrawn);
  setStatus(*registry, retired, VolunteerStatus::Retired);

  auto added = app::addGroupMembers(*registry, g.id, {a.registryNo, b.registryNo.toLower(), a.registryNo},
                                    test::staff());
  INFO((added ? std::string() : added.error().english()));
  REQUIRE(added);
  CHECK(added->added == 2);  // lower case and the repeat are the same two volunteers
  CHECK(added->alreadyMembers == 0);
  CHECK(memberNumbers(*registry, g.id) == QStringList{a.registryNo, b.registryNo});

  SECTION("already a member: skipped and counted") {
    auto again = app::addGroupMembers(*registry, g.id, {a.registryNo}, test::staff());
    REQUIRE(again);
    CHECK(again->added == 0);
    CHECK(again->alreadyMembers == 1);
  }
  SECTION("an unknown number: named, and nothing added") {
    auto refused = app::addGroupMembers(*registry, g.id, {withdrawn.registryNo.left(2) + QStringLiteral("99999999"),
                                                          QStringLiteral("XX1")},
                                        test::staff());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "validation.unknown_volunteer");
    CHECK_THAT(refused.error().english(), Catch::Contains("99999999") && Catch::Contains("XX1"));
    const auto c = person(*registry, 5, "历下区");
    auto mixed = app::addGroupMembers(*registry, g.id, {c.registryNo, QStringLiteral("XX1")}, test::staff());
    REQUIRE_FALSE(mixed);
    CHECK_THAT(mixed.error().english(), Catch::Contains("XX1") && !Catch::Contains(c.registryNo.toStdString()));
    CHECK(memberNumbers(*registry, g.id).size() == 2);  // c was not added either
  }
  SECTION("withdrawn and retired volunteers: refused with the reason, and nothing added") {
    const auto c = person(*registry, 5, "历下区");
    auto refused = app::addGroupMembers(*registry, g.id, {c.registryNo, withdrawn.registryNo, retired.registryNo},
                                        test::staff());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "validation.volunteer_status");
    CHECK_THAT(refused.error().english(), Catch::Contains(withdrawn.registryNo.toStdString()) &&
                                              Catch::Contains(retired.registryNo.toStdString()) &&
                                              Catch::Contains("Withdrawn"));
    CHECK_FALSE(memberNumbers(*registry, g.id).contains(c.registryNo));
  }
  SECTION("no numbers, or no such group") {
    auto none = app::addGroupMembers(*registry, g.id, {QStringLiteral(" ")}, test::staff());
    REQUIRE_FALSE(none);
    CHECK(none.error().code == "validation.required");
    auto noGroup = app::addGroupMembers(*registry, g.id + 100, {a.registryNo}, test::staff());
    REQUIRE_FALSE(noGroup);
    CHECK(noGroup.error().code == "store.not_found");
  }
  SECTION("removing: members removed, known non-members counted, unknown numbers remove nothing") {
    const auto c = person(*registry, 5, "历下区");
    auto unknown = app::removeGroupMembers(*registry, g.id, {a.registryNo, QStringLiteral("XX1")}, test::staff());
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == "validation.unknown_volunteer");
    CHECK(memberNumbers(*registry, g.id).size() == 2);
    auto removed = app::removeGroupMembers(*registry, g.id, {a.registryNo, c.registryNo}, test::staff());
    REQUIRE(removed);
    CHECK(removed->removed == 1);
    CHECK(removed->notMembers == 1);
    CHECK(memberNumbers(*registry, g.id) == QStringList{b.registryNo});
    CHECK(auditRows(*registry, g.id, "remove_members") == 1);
  }
  CHECK(auditRows(*registry, g.id, "add_members") >= 1);
}

TEST_CASE("adding a region adds exactly its volunteers still in the pool, once") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  app::GenerateOptions options;
  options.volunteers = 400;
  options.seed = 7;
  options.actor = test::staff();
  REQUIRE(app::generateSyntheticData(*registry, options));
  // some statuses that leave the pool, so the condition has work to do
  QSqlQuery edit(app::storeDatabase(*registry).sql());
  REQUIRE(edit.exec(QStringLiteral("UPDATE volunteer SET status = 'withdrawn' WHERE id % 7 = 0")));
  REQUIRE(edit.exec(QStringLiteral("UPDATE volunteer SET status = 'retired' WHERE id % 11 = 0")));
  REQUIRE(edit.exec(QStringLiteral("UPDATE volunteer SET status = 'reserved' WHERE id % 13 = 0")));
  REQUIRE(edit.exec(QStringLiteral("UPDATE volunteer SET status = 'permanently_deferred' WHERE id % 17 = 0")));

  // Counted here from every volunteer's row, not by the group code's query.
  const QSet<QString> pool{QStringLiteral("active"), QStringLiteral("temporarily_deferred"),
                           QStringLiteral("lost_contact"), QStringLiteral("reserved")};
  QSqlQuery all(app::storeDatabase(*registry).sql());
  REQUIRE(all.exec(QStringLiteral("SELECT prefecture, county, status FROM volunteer")));
  QMap<QString, int> byPrefecture;
  QMap<QPair<QString, QString>, int> byCounty;
  while (all.next()) {
    if (!pool.contains(all.value(2).toString())) continue;
    ++byPrefecture[all.value(0).toString()];
    ++byCounty[{all.value(0).toString(), all.value(1).toString()}];
  }
  REQUIRE(byPrefecture.size() >= 2);
  // the largest prefecture, and one county of another
  QString prefecture = byPrefecture.firstKey();
  for (auto it = byPrefecture.cbegin(); it != byPrefecture.cend(); ++it)
    if (it.value() > byPrefecture.value(prefecture)) prefecture = it.key();
  QPair<QString, QString> county;
  for (auto it = byCounty.cbegin(); it != byCounty.cend(); ++it)
    if (it.key().first != prefecture) county = it.key();
  REQUIRE_FALSE(county.first.isEmpty());

  const auto g = group(*registry, "全省志愿者群");
  auto added = app::addGroupMembersByRegion(*registry, g.id, prefecture, {}, test::staff());
  INFO((added ? std::string() : added.error().english()));
  REQUIRE(added);
  CHECK(added->added == byPrefecture.value(prefecture));
  CHECK(added->alreadyMembers == 0);
  auto countyAdded = app::addGroupMembersByRegion(*registry, g.id, county.first, county.second, test::staff());
  REQUIRE(countyAdded);
  CHECK(countyAdded->added == byCounty.value(county));
  const int total = byPrefecture.value(prefecture) + byCounty.value(county);
  auto listed = app::listGroups(*registry);
  REQUIRE(listed);
  CHECK(listed->at(0).memberCount == total);

  // again: nobody twice, everyone counted as a member already
  auto again = app::addGroupMembersByRegion(*registry, g.id, prefecture, {}, test::staff());
  REQUIRE(again);
  CHECK(again->added == 0);
  CHECK(again->alreadyMembers == byPrefecture.value(prefecture));
  CHECK(test::rowCount(*registry, "volunteer_group_member") == total);

  // a member who leaves the pool later stays until removed; none of them is withdrawn now
  auto members = app::groupMembers(*registry, g.id, app::kMaxGroupPage, 0);
  REQUIRE(members);
  CHECK(members->size() == total);
  for (const app::GroupMember& m : *members) {
    CHECK((m.prefecture == prefecture || (m.prefecture == county.first && m.county == county.second)));
    CHECK(m.status != VolunteerStatus::Withdrawn);
    CHECK(m.status != VolunteerStatus::Retired);
  }
  // pages cover the list in order without overlap
  auto firstPage = app::groupMembers(*registry, g.id, 10, 0);
  auto secondPage = app::groupMembers(*registry, g.id, 10, 10);
  REQUIRE(firstPage);
  REQUIRE(secondPage);
  CHECK(firstPage->at(9).volunteerId < secondPage->at(0).volunteerId);
  CHECK_FALSE(app::groupMembers(*registry, g.id, 0, 0));
  CHECK_FALSE(app::groupMembers(*registry, g.id, 10, -1));

  auto noPrefecture = app::addGroupMembersByRegion(*registry, g.id, QStringLiteral(" "), QStringLiteral("历下区"),
                                                   test::staff());
  REQUIRE_FALSE(noPrefecture);
  CHECK(noPrefecture.error().code == "validation.required");
  auto nowhere = app::addGroupMembersByRegion(*registry, g.id, QStringLiteral("无此市"), {}, test::staff());
  REQUIRE(nowhere);
  CHECK(nowhere->added == 0);
  CHECK(nowhere->alreadyMembers == 0);
}

TEST_CASE("the member export has the admin's columns in UTF-8 with a BOM or in GB18030") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const auto g = group(*registry, "导出群");
  const auto a = person(*registry, 1, "历下区");
  const auto b = person(*registry, 2, "市中区");
  REQUIRE(app::addGroupMembers(*registry, g.id, {b.registryNo, a.registryNo}, test::staff()));

  const QString path = db->dir() + QStringLiteral("/members.csv");
  app::GroupExportOptions options;
  options.path = path;
  auto written = app::exportGroupMembers(*registry, g.id, options, test::staff());
  INFO((written ? std::string() : written.error().english()));
  REQUIRE(written);
  CHECK(*written == 2);
  QFile file(path);
  REQUIRE(file.open(QIODevice::ReadOnly));
  const QByteArray bytes = file.readAll();
  file.close();
  REQUIRE(bytes.startsWith("\xEF\xBB\xBF"));
  const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
  REQUIRE(lines.size() == 3);
  CHECK(lines.at(0) == QStringLiteral("Registry No.,Name,Phone,Prefecture,County,Status"));
  CHECK(lines.at(1) == QStringLiteral("%1,%2,%3,%4,%5,Active")
                           .arg(a.registryNo, a.name, a.currentPhone(), a.prefecture, a.county));
  CHECK(lines.at(2).startsWith(b.registryNo + QLatin1Char(',') + b.name));
  CHECK(auditRows(*registry, g.id, "export_members") == 1);

  options.encoding = QStringLiteral("gb18030");
  REQUIRE(app::exportGroupMembers(*registry, g.id, options, test::staff()));
  REQUIRE(file.open(QIODevice::ReadOnly));
  const QByteArray gb = file.readAll();
  file.close();
  CHECK_FALSE(gb.startsWith("\xEF\xBB\xBF"));
  QStringDecoder fromGb("GB18030");
  const QString gbText = fromGb(gb);
  CHECK_FALSE(fromGb.hasError());
  CHECK(gbText == QString::fromUtf8(bytes.mid(3)));
  CHECK_FALSE(gb.contains(a.name.toUtf8()));  // not UTF-8 under another name
  QStringEncoder toGb("GB18030");
  const QByteArray nameInGb = toGb.encode(a.name);
  CHECK(gb.contains(nameInGb));

  options.encoding = QStringLiteral("latin-1");
  auto badEncoding = app::exportGroupMembers(*registry, g.id, options, test::staff());
  REQUIRE_FALSE(badEncoding);
  CHECK(badEncoding.error().code == "validation.encoding");
  options.encoding = QStringLiteral("utf-8");
  options.path = db->dir() + QStringLiteral("/no/such/folder/members.csv");
  auto unwritable = app::exportGroupMembers(*registry, g.id, options, test::staff());
  REQUIRE_FALSE(unwritable);
  CHECK(auditRows(*registry, g.id, "export_members") == 2);  // the failed ones left no audit row
}

TEST_CASE("a message sent is recorded with the members the group had then") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const auto g = group(*registry, "消息群");
  const auto a = person(*registry, 1, "历下区");
  const auto b = person(*registry, 2, "历下区");
  REQUIRE(app::addGroupMembers(*registry, g.id, {a.registryNo, b.registryNo}, test::staff()));
  auto first = app::recordGroupMessage(*registry, g.id, QStringLiteral("换了手机号请告诉我们"), test::staff("王"));
  INFO((first ? std::string() : first.error().english()));
  REQUIRE(first);
  CHECK(first->memberCount == 2);
  REQUIRE(app::removeGroupMembers(*registry, g.id, {b.registryNo}, test::staff()));
  auto second = app::recordGroupMessage(*registry, g.id, QStringLiteral("年度确认\n请回复"), test::staff());
  REQUIRE(second);
  CHECK(second->memberCount == 1);

  auto listed = app::groupMessages(*registry, g.id);
  REQUIRE(listed);
  REQUIRE(listed->size() == 2);
  CHECK(listed->at(0).id == second->id);  // newest first
  CHECK(listed->at(0).memberCount == 1);
  CHECK(listed->at(1).text == QStringLiteral("换了手机号请告诉我们"));
  CHECK(listed->at(1).staff == QStringLiteral("王"));
  CHECK(listed->at(1).memberCount == 2);
  CHECK(auditRows(*registry, g.id, "message") == 2);

  auto empty = app::recordGroupMessage(*registry, g.id, QStringLiteral("  \n "), test::staff());
  REQUIRE_FALSE(empty);
  CHECK(empty.error().code == "validation.required");
  CHECK(empty.error().field == "text");
  auto noGroup = app::recordGroupMessage(*registry, g.id + 1, QStringLiteral("x"), test::staff());
  REQUIRE_FALSE(noGroup);
  CHECK(noGroup.error().code == "store.not_found");
  CHECK(test::rowCount(*registry, "group_message") == 2);
}

TEST_CASE("pasted registry numbers are split on any separator staff use") {
  CHECK(app::parseRegistryNumbers(QStringLiteral("sd1, SD2\nSD3\tSD4；SD5，SD6、SD1  ")) ==
        QStringList{"SD1", "SD2", "SD3", "SD4", "SD5", "SD6"});
  CHECK(app::parseRegistryNumbers(QStringLiteral(" ,\n ")).isEmpty());
}
