// Volunteer use cases on both backends: round trip, audit, optimistic
// locking, listing, status history, contacts, bulk reading, backup.
#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include "core/qt/localization.h"
#include "store/audit_log.h"
#include "store/backup.h"
#include "support/registry_fixture.h"
#include "support/qt_string_maker.h"

using namespace dd;
using model::VolunteerStatus;

TEST_CASE("a registered volunteer reads back field by field, with a registry number and an audit row") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  model::Volunteer v = test::sampleVolunteer(1, model::Sex::Male);
  v.wechat = "wx_1";
  v.email = "a@example.cn";
  v.address = "济南市历下区\"1号\"\n2单元\\3室";  // quotes, a line break, a backslash
  v.workUnit = "山东大学";
  v.emergency = {"张父", "父亲", "13900000001", {}};
  v.phones.append({"0531-88886666", "home", false, {}, {}});
  v.drive = {QDate::currentDate().addDays(-3), "泉城广场", "济南市红十字会"};
  v.sampleId = "S1";
  v.lab = "Lab";
  v.typingDate = QDate::currentDate().addDays(-1);
  v.hla.at(model::Locus::A).raw = "A*02:01+A*24:02";
  v.hla.at(model::Locus::DRB1).raw = "DRB1*15:01+DRB1*09:01";
  auto saved = registry->registerVolunteer(v, test::staff("王老师"));
  REQUIRE(saved.errors.empty());
  REQUIRE(saved.ok());
  CHECK(saved.value->registryNo == "SD00000001");
  CHECK(saved.value->rowVersion == 1);
  CHECK_FALSE(saved.value->hla.at(model::Locus::A).normalised.isEmpty());

  auto other = db->open();  // a second connection sees the committed row
  auto read = other->volunteerByRegistryNo("SD00000001");
  REQUIRE(read);
  CHECK(read->name == v.name);
  CHECK(read->sex == model::Sex::Male);
  CHECK(read->birthDate == v.birthDate);
  CHECK(read->idNumber == v.idNumber);
  CHECK(read->phones == v.phones);
  CHECK(read->currentPhone() == v.phones.at(0).number);
  CHECK(read->emergency == v.emergency);
  CHECK(read->drive == v.drive);
  CHECK(read->weightKg == 60);
  CHECK(read->hla.at(model::Locus::A).raw == "A*02:01+A*24:02");
  CHECK(read->hla.at(model::Locus::A).normalised == saved.value->hla.at(model::Locus::A).normalised);
  CHECK(read->status == VolunteerStatus::Active);
  CHECK(read->createdAt.isValid());

  // Stored as one whole-record snapshot row...
  auto stored = store::AuditLog(dd::app::storeDatabase(*other)).trail("volunteer", read->id);
  REQUIRE(stored);
  REQUIRE(stored->size() == 1);
  CHECK(stored->at(0).staff == QStringLiteral("王老师"));
  CHECK(stored->at(0).action == "create");
  CHECK(stored->at(0).field == "*");
  const QJsonObject snapshot = QJsonDocument::fromJson(stored->at(0).newValue.toUtf8()).object();
  CHECK(snapshot.value("id_number").toString() == v.idNumber);
  CHECK(snapshot.value("address").toString() == v.address);
  CHECK(snapshot.value("hla_a_raw").toString() == "A*02:01+A*24:02");
  CHECK(stored->at(0).at.isValid());
  CHECK(qAbs(stored->at(0).at.secsTo(QDateTime::currentDateTimeUtc())) < 60);
  // ...and read back as history field by field, in the record's own order.
  auto audit = other->auditTrail("volunteer", read->id);
  REQUIRE(audit);
  QStringList fields;
  for (const model::AuditEntry& entry : *audit) {
    CHECK(entry.action == "create");
    CHECK(entry.staff == QStringLiteral("王老师"));
    CHECK(entry.oldValue.isEmpty());
    fields << entry.field;
    if (entry.field == "address") CHECK(entry.newValue == v.address);
  }
  CHECK(audit->size() == snapshot.size());
  CHECK_FALSE(fields.contains("*"));
  REQUIRE(fields.contains("id_number"));
  CHECK(fields.first() == "registry_no");
  CHECK(fields.indexOf("name") < fields.indexOf("id_number"));
  CHECK(fields.indexOf("id_number") < fields.indexOf("hla_a_raw"));
  auto history = other->statusHistory(read->id);
  REQUIRE(history);
  REQUIRE(history->size() == 1);
  CHECK_FALSE(history->at(0).from.has_value());
}

TEST_CASE("an update writes one audit row per changed field with old and new values") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const model::Volunteer saved = test::registered(*registry, test::sampleVolunteer(2));
  model::Volunteer edit = saved;
  edit.address = "青岛市市南区2号";
  edit.hla.at(model::Locus::B).raw = "B*40:01+B*46:01";
  auto updated = registry->updateVolunteer(edit, test::staff("李"));
  REQUIRE(updated.ok());
  CHECK(updated.value->rowVersion == 2);
  auto audit = registry->auditTrail("volunteer", edit.id);
  REQUIRE(audit);
  QStringList fields;
  for (const auto& entry : *audit)
    if (entry.action == "update") fields << entry.field;
  fields.sort();
  CHECK(fields == QStringList{"address", "hla_b", "hla_b_raw"});
  for (const auto& entry : *audit)
    if (entry.field == "address") {
      CHECK(entry.oldValue.isEmpty());
      CHECK(entry.newValue == QStringLiteral("青岛市市南区2号"));
      CHECK(entry.staff == QStringLiteral("李"));
    }
}

TEST_CASE("two workstations editing the same volunteer: the second save is a conflict and changes nothing") {
  DD_FRESH_DATABASE(db);
  auto first = db->open();
  auto second = db->open();
  auto saved = first->registerVolunteer(test::sampleVolunteer(3), test::staff());
  REQUIRE(saved.ok());
  auto a = first->volunteer(saved.value->id);
  auto b = second->volunteer(saved.value->id);
  REQUIRE(a);
  REQUIRE(b);
  a->address = "A's address";
  b->address = "B's address";
  REQUIRE(first->updateVolunteer(*a, test::staff("甲")).ok());
  auto lost = second->updateVolunteer(*b, test::staff("乙"));
  REQUIRE_FALSE(lost.ok());
  REQUIRE(lost.conflict());
  const QString message = qt::translated(lost.errors.at(0));
  CHECK(message.contains("changed by someone else"));
  CHECK(message.contains(QStringLiteral("甲")));
  CHECK(message.contains(saved.value->registryNo));
  auto now = second->volunteer(saved.value->id);
  REQUIRE(now);
  CHECK(now->address == "A's address");
  CHECK(now->rowVersion == 2);
  // A status change on a stale version is a conflict too.
  auto stale = second->changeStatus(saved.value->id, 1, {VolunteerStatus::LostContact, {}, {}, 0, {}, {}},
                                    test::staff());
  CHECK(stale.conflict());
}

TEST_CASE("status changes keep their history and enforce what each status needs") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const model::Volunteer saved = test::registered(*registry, test::sampleVolunteer(4));
  const qint64 id = saved.id;
  auto missingUntil = registry->changeStatus(id, 1, {VolunteerStatus::TemporarilyDeferred, "怀孕", {}, 0, {}, {}},
                                             test::staff());
  REQUIRE_FALSE(missingUntil.ok());
  CHECK(missingUntil.errors.at(0).field == "status_until");
  const QDate until = QDate::currentDate().addMonths(6);
  auto deferred = registry->changeStatus(id, 1, {VolunteerStatus::TemporarilyDeferred, "怀孕", until, 0, {}, {}},
                                         test::staff());
  REQUIRE(deferred.ok());
  CHECK(deferred.value->statusUntil == until);
  auto retired = registry->changeStatus(id, 2, {VolunteerStatus::Retired, "本人申请", {}, 0, {}, {}}, test::staff());
  REQUIRE(retired.ok());
  auto back = registry->changeStatus(id, 3, {VolunteerStatus::Active, {}, {}, 0, {}, {}}, test::staff());
  REQUIRE_FALSE(back.ok());
  CHECK(back.errors.at(0).code == "validation.status_transition");
  CHECK(qt::translated(back.errors.at(0)).contains("cannot be changed"));
  auto history = registry->statusHistory(id);
  REQUIRE(history);
  REQUIRE(history->size() == 3);
  CHECK(history->at(1).from == VolunteerStatus::Active);
  CHECK(history->at(1).to == VolunteerStatus::TemporarilyDeferred);
  CHECK(history->at(1).until == until);
  CHECK(history->at(2).to == VolunteerStatus::Retired);
}

TEST_CASE("contacts are logged and the last successful one is kept on the volunteer") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const model::Volunteer saved = test::registered(*registry, test::sampleVolunteer(5));
  const QDateTime reached(QDate(2024, 3, 1), QTime(10, 0), Qt::UTC);
  model::ContactAttempt ok{
      0, saved.id, reached, model::ContactChannel::Phone, {}, model::ContactOutcome::Reached, "同意继续", {}, dd::model::ContactPerson::Volunteer, 0, {}};
  REQUIRE(registry->recordContact(ok, test::staff("赵")));
  model::ContactAttempt missed{
      0, saved.id, reached.addDays(10), model::ContactChannel::Sms, {}, model::ContactOutcome::NoAnswer, {}, {}, dd::model::ContactPerson::Volunteer, 0, {}};
  REQUIRE(registry->recordContact(missed, test::staff("赵")));
  auto contacts = registry->contacts(saved.id);
  REQUIRE(contacts);
  REQUIRE(contacts->size() == 2);
  CHECK(contacts->at(0).outcome == model::ContactOutcome::NoAnswer);  // newest first
  CHECK(contacts->at(1).staff == QStringLiteral("赵"));
  CHECK(contacts->at(1).note == QStringLiteral("同意继续"));
  auto v = registry->volunteer(saved.id);
  REQUIRE(v);
  CHECK(v->lastContactOk == QDate(2024, 3, 1));
}

TEST_CASE("a contact attempt can be back-dated but not dated in the future") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const model::Volunteer saved = test::registered(*registry, test::sampleVolunteer(6));
  const QDateTime lastWeek = QDateTime(QDate::currentDate().addDays(-7), QTime(12, 0)).toUTC();
  model::ContactAttempt late{0,
                             saved.id,
                             lastWeek,
                             model::ContactChannel::Phone,
                             {},
                             model::ContactOutcome::Reached,
                             "上周电话，今天补记", {}, dd::model::ContactPerson::Volunteer, 0, {}};
  REQUIRE(registry->recordContact(late, test::staff()));
  auto v = registry->volunteer(saved.id);
  REQUIRE(v);
  CHECK(v->lastContactOk == QDate::currentDate().addDays(-7));
  // An older attempt written up later does not move the last contact back.
  model::ContactAttempt older = late;
  older.at = lastWeek.addDays(-30);
  REQUIRE(registry->recordContact(older, test::staff()));
  CHECK(registry->volunteer(saved.id)->lastContactOk == QDate::currentDate().addDays(-7));
  model::ContactAttempt future = late;
  future.at = QDateTime(QDate::currentDate().addDays(2), QTime(12, 0)).toUTC();
  auto refused = registry->recordContact(future, test::staff());
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == "validation.contact_future");
  CHECK(refused.error().field == "contact_date");
  CHECK(registry->contacts(saved.id)->size() == 2);
}

TEST_CASE("a replaced phone number is kept as dated history, not overwritten") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const model::Volunteer saved = test::registered(*registry, test::sampleVolunteer(7));
  const QString oldNumber = saved.currentPhone();
  model::Volunteer edited = saved;
  edited.phones = {model::Phone{"13912345678", "mobile", true, {}, {}}};
  auto updated = registry->updateVolunteer(edited, test::staff());
  REQUIRE(updated.ok());
  auto v = registry->volunteer(saved.id);
  REQUIRE(v);
  CHECK(v->currentPhone() == "13912345678");
  REQUIRE(v->phones.size() == 2);
  CHECK(v->phones[1].number == oldNumber);
  CHECK(v->phones[1].replacedOn == QDate::currentDate());
  CHECK_FALSE(v->phones[1].current);
  // The list shows the number in use; a search by the old number still finds the volunteer.
  app::VolunteerQuery query;
  query.filter.phone = oldNumber;
  auto found = registry->listVolunteers(query);
  REQUIRE(found);
  REQUIRE(found->size() == 1);
  CHECK(found->front().phone == "13912345678");
  // Leaving the history out of a later save does not delete it.
  model::Volunteer again = *v;
  again.phones = {v->phones[0]};
  again.address = "新地址";
  REQUIRE(registry->updateVolunteer(again, test::staff()).ok());
  v = registry->volunteer(saved.id);
  REQUIRE(v->phones.size() == 2);
  CHECK(v->phones[1].replacedOn == QDate::currentDate());
  // Staff can take a replaced number back into use.
  model::Volunteer back = *v;
  back.phones = {model::Phone{oldNumber, "mobile", true, {}, {}}};
  REQUIRE(registry->updateVolunteer(back, test::staff()).ok());
  v = registry->volunteer(saved.id);
  CHECK(v->currentPhone() == oldNumber);
  REQUIRE(v->phones.size() == 2);
  CHECK(v->phones[1].number == "13912345678");
  CHECK_FALSE(v->phones[1].inUse());
}

TEST_CASE("reserved and donated are set by the workflow only, never by a hand status change") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const model::Volunteer saved = test::registered(*registry, test::sampleVolunteer(8));
  for (VolunteerStatus status : {VolunteerStatus::Reserved, VolunteerStatus::Donated}) {
    CHECK_FALSE(app::Registry::settableByHand(status));
    app::StatusChangeRequest request;
    request.to = status;
    request.patientId = 1;
    auto refused = registry->changeStatus(saved.id, saved.rowVersion, request, test::staff());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.errors.at(0).code == "validation.status_by_workflow");
    CHECK(qt::translated(refused.errors.at(0)).contains("cannot be set by hand"));
  }
  CHECK(app::Registry::settableByHand(VolunteerStatus::Withdrawn));
  // Nor through an edit: updateVolunteer keeps the stored status and donations.
  model::Volunteer edit = saved;
  edit.status = VolunteerStatus::Donated;
  edit.donationCount = 3;
  edit.reservedForPatientId = 1;
  edit.address = QStringLiteral("改过的地址");
  auto edited = registry->updateVolunteer(edit, test::staff());
  REQUIRE(edited.ok());
  CHECK(edited.value->status == VolunteerStatus::Active);
  CHECK(edited.value->donationCount == 0);
  CHECK(edited.value->reservedForPatientId == 0);
  auto v = registry->volunteer(saved.id);
  CHECK(v->address == QStringLiteral("改过的地址"));
  CHECK(v->status == VolunteerStatus::Active);
  CHECK(v->donationCount == 0);
  CHECK(registry->statusHistory(saved.id)->size() == 1);
}

TEST_CASE("a hand status change that is refused writes nothing") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  const model::Volunteer saved = test::registered(*registry, test::sampleVolunteer(9));
  app::StatusChangeRequest request;
  request.to = VolunteerStatus::Donated;
  REQUIRE_FALSE(registry->changeStatus(saved.id, saved.rowVersion, request, test::staff()).ok());
  auto v = registry->volunteer(saved.id);
  CHECK(v->status == VolunteerStatus::Active);
  CHECK(v->rowVersion == saved.rowVersion);
  CHECK(registry->statusHistory(saved.id)->size() == 1);
}

TEST_CASE("the volunteer list filters, sorts and pages") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  for (int i = 1; i <= 25; ++i) {
    model::Volunteer v = test::sampleVolunteer(100 + i, i % 2 ? model::Sex::Male : model::Sex::Female);
    if (i <= 5) v.county = QStringLiteral("市中区");
    if (i == 7) v.name = QStringLiteral("欧阳娜娜");
    REQUIRE(registry->registerVolunteer(v, test::staff()).ok());
  }
  app::VolunteerQuery query;
  query.limit = 10;
  auto page1 = registry->listVolunteers(query);
  REQUIRE(page1);
  REQUIRE(page1->size() == 10);
  CHECK(page1->at(0).registryNo == "SD00000001");
  query.offset = 20;
  auto page3 = registry->listVolunteers(query);
  REQUIRE(page3);
  CHECK(page3->size() == 5);
  CHECK(page3->at(4).registryNo == "SD00000025");

  app::VolunteerFilter filter;
  filter.county = QStringLiteral("市中区");
  CHECK(*registry->countVolunteers(filter) == 5);
  filter = {};
  filter.name = QStringLiteral("欧阳");
  auto byName = registry->listVolunteers({filter, app::VolunteerSort::Name, false, 0, 100});
  REQUIRE(byName);
  REQUIRE(byName->size() == 1);
  CHECK(byName->at(0).phone == test::sampleVolunteer(107).phones.at(0).number);
  filter = {};
  filter.phone = test::sampleVolunteer(112).phones.at(0).number.right(6);
  CHECK(*registry->countVolunteers(filter) == 1);
  filter = {};
  filter.idNumber = test::sampleVolunteer(113, model::Sex::Male).idNumber.left(17);
  CHECK(*registry->countVolunteers(filter) == 1);
  filter = {};
  filter.text = "SD0000002";
  CHECK(*registry->countVolunteers(filter) == 6);  // SD00000020..25
  filter = {};
  filter.text = "100%";  // LIKE wildcards are taken literally
  CHECK(*registry->countVolunteers(filter) == 0);
  filter = {};
  filter.status = VolunteerStatus::Active;
  CHECK(*registry->countVolunteers(filter) == 25);
  filter.status = VolunteerStatus::Withdrawn;
  CHECK(*registry->countVolunteers(filter) == 0);
  auto regions = registry->volunteerRegions();
  REQUIRE(regions);
  REQUIRE(regions->size() == 2);
  CHECK(regions->at(0) == qMakePair(QStringLiteral("济南市"), QStringLiteral("历下区")));
  CHECK(regions->at(1) == qMakePair(QStringLiteral("济南市"), QStringLiteral("市中区")));
  auto descending = registry->listVolunteers({{}, app::VolunteerSort::RegistryNo, true, 0, 1});
  REQUIRE(descending);
  CHECK(descending->at(0).registryNo == "SD00000025");
}

TEST_CASE("the bulk reader streams every volunteer with what matching needs") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  model::Volunteer v = test::sampleVolunteer(6, model::Sex::Male);
  v.hla.at(model::Locus::C).raw = "C*07:02+C*01:02";
  v.hla.at(model::Locus::DPB1).raw = "DPB1*05:01+DPB1*02:01";
  auto first = registry->registerVolunteer(v, test::staff());
  REQUIRE(first.ok());
  auto second = registry->registerVolunteer(test::sampleVolunteer(7), test::staff());
  REQUIRE(second.ok());
  REQUIRE(registry->changeStatus(second.value->id, 1, {VolunteerStatus::Withdrawn, "搬家", {}, 0, {}, {}},
                                 test::staff()).ok());
  std::vector<model::DonorRecord> seen;
  REQUIRE(registry->forEachDonor([&](const model::DonorRecord& r) {
    seen.push_back(r);
    return true;
  }));
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].registryNo == "SD00000001");
  CHECK(seen[0].available);
  CHECK(seen[0].sex == 'M');
  CHECK(seen[0].abo == "A");
  CHECK(seen[0].rh == '+');
  CHECK(seen[0].cmv == dd::model::Cmv::Negative);
  CHECK(seen[0].birthDate == v.birthDate.year() * 10000 + v.birthDate.month() * 100 + v.birthDate.day());
  CHECK(seen[0].hla[2] == "C*07:02+C*01:02");
  CHECK(seen[0].hla[5] == "DPB1*05:01+DPB1*02:01");
  CHECK(seen[0].hla[0].empty());
  CHECK(seen[1].status == VolunteerStatus::Withdrawn);
  CHECK_FALSE(seen[1].available);
  int visited = 0;
  REQUIRE(registry->forEachDonor([&](const model::DonorRecord&) { return ++visited < 1; }));
  CHECK(visited == 1);
}

TEST_CASE("backup makes a consistent copy of a SQLite registry that opens on its own") {
  auto db = test::TestDatabase::create("sqlite");
  auto registry = db->open();
  REQUIRE(registry->registerVolunteer(test::sampleVolunteer(8), test::staff()).ok());
  const QString target = db->dir() + "/backup/copy.sqlite";
  REQUIRE(store::backupTo(dd::app::storeDatabase(*registry), target));
  auto copy = dd::test::openWithOptions(target, store::OpenOptions{false, -1, false});
  REQUIRE(copy);
  CHECK(*(*copy)->countVolunteers({}) == 1);
  // While the copy is open it is a database in use: never overwritten.
  auto overOpen = store::backupTo(dd::app::storeDatabase(*registry), target);
  REQUIRE_FALSE(overOpen);
  CHECK(overOpen.error().code == "output.is_database");
  copy->reset();
  auto again = store::backupTo(dd::app::storeDatabase(*registry), target);
  REQUIRE_FALSE(again);
  CHECK(again.error().code == "store.backup_exists");
}

TEST_CASE("backup of a PostgreSQL registry explains pg_dump") {
  auto db = test::TestDatabase::create("postgres");
  if (!db) return;
  auto registry = db->open();
  auto result = store::backupTo(dd::app::storeDatabase(*registry), "/tmp/x.dump");
  REQUIRE_FALSE(result);
  CHECK(qt::translated(result.error()).contains("pg_dump"));
}

TEST_CASE("volunteers who reach 60 are retired in one run, with history and audit") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  QList<qint64> ids;
  for (int i = 1; i <= 4; ++i) ids << test::registered(*registry, test::sampleVolunteer(600 + i)).id;
  REQUIRE(registry->changeStatus(ids[2], 1, {VolunteerStatus::Withdrawn, "搬家", {}, 0, {}, {}}, test::staff()).ok());
  // Decades pass: set birth dates directly (the record was valid when registered).
  const QDate today = QDate::currentDate();
  QSqlQuery q(dd::app::storeDatabase(*registry).sql());
  const QList<QDate> births{today.addYears(-60), today.addYears(-60).addDays(1), today.addYears(-70), today.addYears(-61)};
  for (int i = 0; i < 4; ++i)
    REQUIRE(q.exec(QStringLiteral("UPDATE volunteer SET birth_date = '%1', id_number = '%2' WHERE id = %3")
                       .arg(births[i].toString(Qt::ISODate),
                            test::validIdNumber(births[i], model::Sex::Female, 400 + i))
                       .arg(ids[i])));
  auto retired = registry->retireAgedOut(test::staff("夜间任务"), today);
  INFO((retired.has_value() ? std::string() : retired.error().english()));
  REQUIRE(retired);
  CHECK(retired->retired == 2);  // the first (60 today) and the last; the second is 59, the third withdrawn
  CHECK(retired->failed.isEmpty());
  CHECK(registry->volunteer(ids[0])->status == VolunteerStatus::Retired);
  CHECK(registry->volunteer(ids[1])->status == VolunteerStatus::Active);
  CHECK(registry->volunteer(ids[2])->status == VolunteerStatus::Withdrawn);
  CHECK(registry->volunteer(ids[3])->status == VolunteerStatus::Retired);
  auto history = registry->statusHistory(ids[3]);
  REQUIRE(history);
  CHECK(history->last().to == VolunteerStatus::Retired);
  CHECK(history->last().staff == QStringLiteral("夜间任务"));
  CHECK(history->last().reason == "Reached the age of 60");
  CHECK(registry->retireAgedOut(test::staff(), today)->retired == 0);  // nothing left to do
}

TEST_CASE("one inconsistent record does not stop the nightly retirement: the others retire, it is reported") {
  DD_FRESH_DATABASE(db);
  auto registry = db->open();
  QList<qint64> ids;
  for (int i = 1; i <= 3; ++i) ids << test::registered(*registry, test::sampleVolunteer(700 + i)).id;
  const QDate today = QDate::currentDate();
  const QDate birth = today.addYears(-65);
  QSqlQuery q(dd::app::storeDatabase(*registry).sql());
  for (int i = 0; i < 3; ++i)
    REQUIRE(q.exec(QStringLiteral("UPDATE volunteer SET birth_date = '%1', id_number = '%2' WHERE id = %3")
                       .arg(birth.toString(Qt::ISODate),
                            test::validIdNumber(birth, model::Sex::Female, 450 + i))
                       .arg(ids[i])));
  // The middle one was written by an older program: its ID number disagrees with its birth date.
  REQUIRE(q.exec(QStringLiteral("UPDATE volunteer SET birth_date = '%1' WHERE id = %2")
                     .arg(birth.addDays(-3).toString(Qt::ISODate))
                     .arg(ids[1])));
  auto report = registry->retireAgedOut(test::staff(), today);
  REQUIRE(report);
  CHECK(report->retired == 2);
  REQUIRE(report->failed.size() == 1);
  CHECK(report->failed.front().first == registry->volunteer(ids[1])->registryNo);
  CHECK(report->failed.front().second.field == "birth_date");
  CHECK(registry->volunteer(ids[0])->status == VolunteerStatus::Retired);
  CHECK(registry->volunteer(ids[1])->status == VolunteerStatus::Active);
  CHECK(registry->volunteer(ids[2])->status == VolunteerStatus::Retired);
}
