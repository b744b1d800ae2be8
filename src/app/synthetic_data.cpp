#include "app/synthetic_data.h"

#include <memory>
#include <unordered_set>
#include <vector>

#include <QHash>

#include <QFileInfo>

#include "app/hla_check.h"
#include "app/registry.h"
#include "app/synthetic_cases.h"
#include "app/synthetic_people.h"
#include "app/volunteer_validation.h"
#include "app/registry_store_access.h"
#include "app/unit_of_work.h"
#include "core/qt/app_paths.h"
#include "hla/nomenclature.h"
#include "match/population.h"
#include "match/resolution_mixer.h"
#include "store/contact_log_statements.h"
#include "store/database.h"
#include "store/patient_repository.h"
#include "store/store_errors.h"
#include "store/volunteer_repository.h"
#include "store/workup_repository.h"

namespace dd::app {
namespace {

using dd::match::Random;
using model::Sex;
using model::VolunteerStatus;
namespace syn = synthetic;

// A generated case's donor is younger than this: a case rarely opens for a
// volunteer about to age out.
constexpr int kMaxDonorAgeForCases = 55;

const char* const kPlaces[] = {"山东大学中心校区献血屋", "泉城广场爱心献血点", "青岛五四广场献血车",
                               "烟台大学", "潍坊学院", "临沂大学", "济宁医学院", "中国石油大学（华东）"};
const char* const kOrganisers[] = {"山东省红十字会", "济南市红十字会", "青岛市红十字会", "山东省血液中心",
                                   "高校志愿者协会"};
const char* const kLabs[] = {"山东省血液中心HLA实验室", "中华骨髓库北京HLA组织配型实验室", "济南HLA配型中心"};
const char* const kRelations[] = {"父亲", "母亲", "配偶", "兄弟", "姐妹", "子女"};
const char* const kWorkUnits[] = {"山东大学", "国家电网山东公司", "济南第一中学", "浪潮集团", "海尔集团", "个体",
                                  "青岛港集团", "齐鲁医院", "自由职业", "中国银行山东分行"};
const char* const kDiagnoses[] = {"急性髓系白血病", "急性淋巴细胞白血病", "重型再生障碍性贫血", "骨髓增生异常综合征",
                                  "重型β地中海贫血", "慢性粒细胞白血病", "非霍奇金淋巴瘤"};
const char* const kHospitals[] = {"山东大学齐鲁医院", "山东省立医院", "青岛大学附属医院", "北京大学人民医院",
                                  "苏州大学附属第一医院"};

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }

// Typings per locus as "A*02:01+A*24:02" (or "A2+A24", "A*02:01/A*02:06+A*24:XX"
// with the resolution mixer), normalised by the HLA engine once per distinct text.
class TypingSource {
 public:
  TypingSource(dd::match::GenotypeSampler& sampler, const dd::match::HaplotypeFrequencies& frequencies,
               const QString& hlaDir)
      : sampler_(sampler) {
    auto loaded = sharedNomenclature(hlaDir);
    if (!loaded) return;
    nomenclature_ = *loaded;
    mixer_ = std::make_unique<dd::match::ResolutionMixer>(frequencies, *nomenclature_);
  }

  model::HlaTyping next() {
    const dd::match::Genotype genotype = sampler_.next();
    model::HlaTyping hla;
    if (mixer_) {
      const dd::match::MixedTyping typing = mixer_->mix(genotype, sampler_.random());
      for (int locus = 0; locus < model::kLocusCount; ++locus) {
        const QString text = QString::fromStdString(mixer_->locusTyping(typing, locus));
        hla.loci[static_cast<std::size_t>(locus)] = {text, normalised(locus, text)};
      }
      return hla;
    }
    const auto names = sampler_.names(genotype);
    for (int locus = 0; locus < model::kLocusCount; ++locus) {
      const auto& pair = names[static_cast<std::size_t>(locus)];
      const QString text = QString::fromStdString(pair[0]) + QLatin1Char('+') + QString::fromStdString(pair[1]);
      hla.loci[static_cast<std::size_t>(locus)] = {text, text};
    }
    return hla;
  }

 private:
  QString normalised(int locus, const QString& text) {
    const auto it = cache_.constFind(text);
    if (it != cache_.constEnd()) return it.value();
    auto verdict = nomenclature_->validate(text.toStdString(), static_cast<dd::hla::Locus>(locus));
    const QString value = verdict ? QString::fromStdString(verdict->normalized) : text;
    cache_.insert(text, value);
    return value;
  }

  dd::match::GenotypeSampler& sampler_;
  std::shared_ptr<const dd::hla::Nomenclature> nomenclature_;
  std::unique_ptr<dd::match::ResolutionMixer> mixer_;
  QHash<QString, QString> cache_;
};

VolunteerStatus randomStatus(Random& random) {
  const double u = random.uniform();
  if (u < 0.80) return VolunteerStatus::Active;
  if (u < 0.83) return VolunteerStatus::TemporarilyDeferred;
  if (u < 0.84) return VolunteerStatus::PermanentlyDeferred;
  if (u < 0.92) return VolunteerStatus::LostContact;
  if (u < 0.975) return VolunteerStatus::Withdrawn;
  if (u < 0.978) return VolunteerStatus::Donated;
  return VolunteerStatus::Retired;
}

struct VolunteerFactory {
  Random& random;
  TypingSource& typings;
  QDate today;
  std::unordered_set<quint64> usedIds;  // first 17 digits of every ID number in use

  model::Volunteer make() {
    model::Volunteer v;
    v.sex = random.uniform() < 0.52 ? Sex::Male : Sex::Female;
    v.name = syn::randomName(random, v.sex);
    v.drive.date = syn::randomDate(random, today.addYears(-15), today.addDays(-30));
    const int joinAge = kMinJoinAge + static_cast<int>(random.below(kMaxJoinAge - kMinJoinAge + 1));
    v.birthDate = syn::randomDate(random, v.drive.date.addYears(-joinAge - 1).addDays(1), v.drive.date.addYears(-joinAge));
    const syn::County& county = syn::randomCounty(random);
    for (;;) {
      v.idNumber = syn::idNumber(county, v.birthDate, v.sex, static_cast<int>(random.below(500)));
      if (usedIds.insert(v.idNumber.left(17).toULongLong()).second) break;
    }
    v.prefecture = QString::fromUtf8(county.prefecture);
    v.county = QString::fromUtf8(county.county);
    v.ethnicity = syn::randomEthnicity(random);
    v.phones.append({syn::randomMobile(random), QStringLiteral("mobile"), true, {}, {}});
    if (random.uniform() < 0.2) v.phones.append({syn::randomMobile(random), QStringLiteral("work"), false, {}, {}});
    if (random.uniform() < 0.6) v.wechat = QStringLiteral("wx_%1").arg(random.below(100000000u));
    if (random.uniform() < 0.3) v.email = QStringLiteral("donor%1@example.cn").arg(random.below(100000000u));
    v.address = v.prefecture + v.county + QStringLiteral("%1号").arg(1 + random.below(300));
    v.workUnit = QString::fromUtf8(syn::pick(random, kWorkUnits));
    v.emergency = {syn::randomName(random, random.uniform() < 0.5 ? Sex::Male : Sex::Female),
                   QString::fromUtf8(syn::pick(random, kRelations)), syn::randomMobile(random), {}};
    v.abo = syn::randomAbo(random);
    v.rh = random.uniform() < 0.997 ? QStringLiteral("+") : QStringLiteral("-");
    const double cmv = random.uniform();
    v.cmv = cmv < 0.85 ? model::Cmv::Positive : cmv < 0.95 ? model::Cmv::Negative : model::Cmv::Unknown;
    v.weightKg = v.sex == Sex::Male ? 55 + random.below(40) : 45 + random.below(35);
    v.drive.place = QString::fromUtf8(syn::pick(random, kPlaces));
    v.drive.organiser = QString::fromUtf8(syn::pick(random, kOrganisers));
    v.sampleId = QStringLiteral("S%1").arg(random.below(1000000000u), 9, 10, QLatin1Char('0'));
    v.lab = QString::fromUtf8(syn::pick(random, kLabs));
    v.typingDate = v.drive.date.addDays(30 + random.below(60));
    if (v.typingDate > today) v.typingDate = today;
    v.hla = typings.next();
    v.consentDate = v.drive.date;
    v.consentVersion = v.drive.date.year() < 2019 ? QStringLiteral("2014版") : QStringLiteral("2019版");
    v.status = ageOn(v.birthDate, today) >= kRetirementAge ? VolunteerStatus::Retired : randomStatus(random);
    switch (v.status) {
      case VolunteerStatus::TemporarilyDeferred:
        v.statusReason = QStringLiteral("妊娠/哺乳期");
        v.statusUntil = today.addDays(30 + random.below(300));
        break;
      case VolunteerStatus::PermanentlyDeferred: v.statusReason = QStringLiteral("健康原因"); break;
      case VolunteerStatus::Withdrawn:
        v.statusReason = QStringLiteral("家属反对");
        v.withdrawalStage = random.uniform() < 0.5 ? QString() : QStringLiteral("confirmatory_typing");
        break;
      case VolunteerStatus::Donated:
        v.donationDate = syn::randomDate(random, v.drive.date, today);
        v.donationCount = 1;
        break;
      case VolunteerStatus::Retired:
        v.statusReason = ageOn(v.birthDate, today) >= kRetirementAge ? QStringLiteral("年满60周岁")
                                                                    : QStringLiteral("本人申请");
        break;
      default: break;
    }
    return v;
  }
};

}  // namespace

Expected<GenerateReport> generateSyntheticData(Registry& registry, const GenerateOptions& options) {
  const QString file = options.haplotypeFile.isEmpty() ? dd::qt::bundledHaplotypeFile() : options.haplotypeFile;
  auto frequencies = dd::match::HaplotypeFrequencies::load(std::filesystem::path(file.toStdString()));
  if (!frequencies) return frequencies.error();
  dd::match::GenotypeSampler sampler(*frequencies, options.seed);
  TypingSource typings(sampler, *frequencies, options.hlaDataDir);
  Random random(options.seed * 7919 + 17);
  VolunteerFactory factory{random, typings, QDate::currentDate(), {}};

  store::Database& db = storeDatabase(registry);
  UnitOfWork work(db, options.actor);
  if (!work.started()) return work.started().error();
  if (Status unmixed = registry.checkNotMixing(true); !unmixed) return unmixed.error();
  // never reuse an ID number already in the registry
  if (Status read = store::VolunteerRepository(db).forEachIdNumber(
          [&](const QString& idNumber) { factory.usedIds.insert(idNumber.left(17).toULongLong()); });
      !read)
    return read.error();
  GenerateReport report;
  store::WorkupRepository workups(db);
  model::ImportBatch batch;
  batch.kind = QStringLiteral("generated");
  batch.staff = options.actor.staff;
  batch.sourceFile = QFileInfo(file).fileName();
  batch.note = QStringLiteral("seed %1").arg(options.seed);
  if (Status s = workups.insertBatch(batch); !s) return s.error();
  report.batchId = batch.id;

  store::VolunteerRepository volunteers(db);
  SyntheticCasesInput caseInput;  // who the cases can draw on, gathered as the volunteers are made
  caseInput.actor = options.actor;
  QStringList numbers;  // allocated a chunk at a time: a million numbers at once would be 60 MB
  qsizetype numbered = 0;
  const QDate today = QDate::currentDate();
  std::vector<qint64> withFailures;  // volunteers with a failed attempt: their freshness is recomputed
  for (int i = 0; i < options.volunteers; ++i) {
    model::Volunteer v = factory.make();
    if (numbered == numbers.size()) {
      auto allocated = volunteers.allocateRegistryNos(std::min(10000, options.volunteers - i));
      if (!allocated) return allocated.error();
      numbers = std::move(*allocated);
      numbered = 0;
    }
    v.registryNo = numbers.at(numbered++);
    v.importBatchId = batch.id;
    if (Status s = volunteers.insert(v, options.actor.staff); !s) return s.error();
    if (v.status == VolunteerStatus::Active && ageOn(v.birthDate, today) < kMaxDonorAgeForCases)
      caseInput.availableVolunteerIds << v.id;
    if (v.status == VolunteerStatus::Donated) caseInput.donorIds << v.id;
    const int attempts = static_cast<int>(random.below(4));
    for (int a = 0; a < attempts; ++a) {
      const double u = random.uniform();
      model::ContactAttempt contact;
      contact.volunteerId = v.id;
      contact.at = QDateTime(syn::randomDate(random, v.drive.date, today), QTime(9 + random.below(9), random.below(60)),
                             Qt::UTC);
      contact.channel = static_cast<model::ContactChannel>(random.below(3));
      contact.staff = options.actor.staff;
      contact.outcome = v.status == VolunteerStatus::LostContact
                            ? (u < 0.5 ? model::ContactOutcome::NoAnswer : model::ContactOutcome::WrongNumber)
                        : u < 0.65 ? model::ContactOutcome::Reached
                        : u < 0.90 ? model::ContactOutcome::NoAnswer
                        : u < 0.97 ? model::ContactOutcome::WrongNumber
                                   : model::ContactOutcome::Refused;
      if (Status s = workups.addContact(contact); !s) return s.error();
      if (model::isFailedAttempt(contact.outcome) && (withFailures.empty() || withFailures.back() != v.id))
        withFailures.push_back(v.id);
      ++report.contacts;
    }
    ++report.volunteers;
    if (options.progress && (i + 1) % 10000 == 0) options.progress(i + 1, options.volunteers);
  }
  if (Status s = volunteers.refreshLastContactOk(batch.id); !s) return s.error();
  // The channel that last reached them and the failures since, as the
  // contact log's one writer keeps them (the worklists read these columns).
  store::ContactLogStatements freshness(db);
  for (const qint64 id : withFailures)
    if (Status s = freshness.refreshFreshness(id); !s) return s.error();
  if (Status s = volunteers.markSynthetic(batch.id); !s) return s.error();
  QList<qint64> patientIds;

  store::PatientRepository patients(db);
  for (int i = 0; i < options.patients; ++i) {
    model::Patient p;
    p.sex = random.uniform() < 0.55 ? Sex::Male : Sex::Female;
    p.name = syn::randomName(random, p.sex);
    p.birthDate = syn::randomDate(random, today.addYears(-65), today.addYears(-1));
    p.diagnosis = QString::fromUtf8(syn::pick(random, kDiagnoses));
    p.hospital = QString::fromUtf8(syn::pick(random, kHospitals));
    p.physician = syn::randomName(random, random.uniform() < 0.5 ? Sex::Male : Sex::Female) + QStringLiteral("医生");
    p.hla = factory.typings.next();
    p.abo = syn::randomAbo(random);
    p.rh = QStringLiteral("+");
    p.cmv = random.uniform() < 0.8 ? model::Cmv::Positive : model::Cmv::Negative;
    p.weightKg = 15 + random.below(70);
    const double u = random.uniform();
    p.urgency = u < 0.7 ? QStringLiteral("normal") : u < 0.9 ? QStringLiteral("urgent") : QStringLiteral("critical");
    p.searchRequestDate = syn::randomDate(random, today.addYears(-1), today);
    p.searchStatus = random.uniform() < 0.6 ? QStringLiteral("searching") : QStringLiteral("requested");
    if (Status s = patients.insert(p); !s) return s.error();
    patientIds << p.id;
    ++report.patients;
  }
  if (Status s = patients.markSynthetic(patientIds); !s) return s.error();
  if (Status s = workups.setBatchRowCount(batch.id, report.volunteers); !s) return s.error();
  // The cases go through the Registry's use cases inside this transaction
  // (they nest), with a random stream of their own: the volunteers and
  // patients of a seed stay the ones earlier versions generated.
  caseInput.patientIds = patientIds;
  Random caseRandom(options.seed * 104729 + 3);
  auto cases = generateSyntheticCases(registry, caseInput, caseRandom);
  if (!cases) return cases.error();
  report.cases = cases->cases;
  report.stoppedCases = cases->stopped;
  report.followUps = cases->followUps;
  model::AuditEntry entry{0, {}, options.actor.staff, QStringLiteral("generate"), QStringLiteral("import_batch"),
                          batch.id, QStringLiteral("*"), {},
                          QStringLiteral("%1 synthetic volunteers, %2 patients, seed %3")
                              .arg(report.volunteers).arg(report.patients).arg(options.seed)};
  if (Status s = work.record(entry); !s) return s.error();
  if (Status s = work.commit(); !s) return s.error();
  if (options.progress) options.progress(report.volunteers, options.volunteers);
  (void)utf8;
  return report;
}

}  // namespace dd::app
