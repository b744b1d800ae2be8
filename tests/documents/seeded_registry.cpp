#include "seeded_registry.h"

#include <QSettings>

#include <catch2/catch.hpp>

#include "app/registry.h"
#include "app/volunteer_validation.h"

namespace dd::test {
namespace {

void setTyping(model::HlaTyping& hla, const QStringList& loci) {
  for (int i = 0; i < loci.size(); ++i) hla.loci[static_cast<std::size_t>(i)].raw = loci[i];
}

const QStringList kPatientTyping{QStringLiteral("A*02:01+A*11:01"), QStringLiteral("B*46:01+B*58:01"),
                                 QStringLiteral("C*01:02+C*03:02"), QStringLiteral("DRB1*09:01+DRB1*15:01"),
                                 QStringLiteral("DQB1*03:03+DQB1*06:02")};

model::Volunteer volunteer(const QString& name, bool male, const QDate& birth, int serial) {
  model::Volunteer v;
  v.name = name;
  v.sex = male ? model::Sex::Male : model::Sex::Female;
  v.birthDate = birth;
  v.idNumber = validIdNumber(birth, male ? model::Sex::Male : model::Sex::Female, serial);
  v.ethnicity = QStringLiteral("汉族");
  v.phones = {model::Phone{QStringLiteral("1380000%1").arg(serial, 4, 10, QLatin1Char('0')), QStringLiteral("mobile"), true, {}, {}}};
  v.prefecture = QStringLiteral("济南市");
  v.county = QStringLiteral("历下区");
  v.abo = QStringLiteral("O");
  v.rh = QStringLiteral("+");
  v.consentDate = QDate::currentDate().addDays(-30);
  v.consentVersion = QStringLiteral("registry-consent zh_CN v1.0");
  v.drive = {QDate::currentDate().addDays(-30), QStringLiteral("示范大学体育馆"), QStringLiteral("示范大学红十字会")};
  return v;
}

}  // namespace

std::unique_ptr<Seeded> seed() {
  auto s = std::make_unique<Seeded>();
  s->db = s->dir.filePath(QStringLiteral("registry.sqlite"));
  auto opened = app::Registry::open(s->db);
  REQUIRE(opened);
  app::Registry& registry = **opened;
  const app::Actor actor{QStringLiteral("test")};
  auto save = [&](model::Volunteer v) {
    auto saved = registry.registerVolunteer(v, actor, true);
    INFO((saved.errors.empty() ? std::string() : saved.errors.front().english()));
    REQUIRE(saved.ok());
    return *saved.value;
  };
  model::Volunteer donor = volunteer(QStringLiteral("李明远"), true, QDate(1990, 3, 7), 11);
  setTyping(donor.hla, kPatientTyping);
  const model::Volunteer full = save(donor);
  model::Volunteer partial = volunteer(QStringLiteral("陈思雨"), false, QDate(1998, 12, 1), 12);
  QStringList partialTyping = kPatientTyping;
  partialTyping[2] = QStringLiteral("C*01:02+C*07:02");
  setTyping(partial.hla, partialTyping);
  partial.email = QStringLiteral("chen.siyu@example.cn");
  partial.emergency = {QStringLiteral("陈建国"), QStringLiteral("父亲"), QStringLiteral("13900000000"), {}};
  const model::Volunteer second = save(partial);
  const model::Volunteer third = save(volunteer(QStringLiteral("周子涵"), true, QDate(1995, 6, 15), 13));
  s->fullMatchNo = full.registryNo;
  s->partialMatchNo = second.registryNo;
  s->thirdNo = third.registryNo;

  model::Patient patient;
  patient.name = QStringLiteral("王小禾");
  patient.sex = model::Sex::Female;
  patient.birthDate = QDate::currentDate().addYears(-9).addDays(-10);
  patient.diagnosis = QStringLiteral("急性淋巴细胞白血病");
  patient.hospital = QStringLiteral("示范市第一人民医院血液科");
  patient.physician = QStringLiteral("赵医生");
  setTyping(patient.hla, kPatientTyping);
  auto created = registry.createPatient(patient, actor);
  REQUIRE(created.ok());
  s->patientCaseNo = created.value->caseNo;

  model::Patient sparse;
  sparse.name = QStringLiteral("张未详");
  sparse.birthDate = QDate(1980, 1, 1);  // required by the store; the diagnosis is not
  auto sparseCreated = registry.createPatient(sparse, actor);
  REQUIRE(sparseCreated.ok());
  s->untypedPatientCaseNo = sparseCreated.value->caseNo;

  auto workup = registry.startWorkup(created.value->id, full.id, QDate::currentDate(), actor);
  REQUIRE(workup.ok());
  s->caseId = workup.value->id;
  auto incomplete = registry.startWorkup(sparseCreated.value->id, third.id, QDate::currentDate(), actor);
  REQUIRE(incomplete.ok());
  s->incompleteCase = incomplete.value->id;

  QSettings settings;
  settings.setValue(QStringLiteral("organisation/name"), kOrganisation);
  settings.setValue(QStringLiteral("organisation/address"), QStringLiteral("示范市健康路 1 号"));
  settings.sync();
  return s;
}

std::string advanceCaseTo(app::Registry& registry, qint64 caseId, model::WorkupStage stage, const QDate& date) {
  auto workup = registry.workupCase(caseId);
  if (!workup) return workup.error().english();
  model::WorkupCase w = *workup;
  for (int next = static_cast<int>(w.stage) + 1; next <= static_cast<int>(stage); ++next) {
    auto advanced = registry.advanceWorkup(caseId, w.rowVersion, static_cast<model::WorkupStage>(next), date,
                                           {QStringLiteral("test")});
    if (!advanced.ok()) return advanced.errors.front().english();
    w = *advanced.value;
  }
  return {};
}

}  // namespace dd::test
