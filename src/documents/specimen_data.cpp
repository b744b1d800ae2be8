#include "documents/specimen_data.h"

#include <QCoreApplication>

namespace dd::documents {
namespace {

struct Sample {
  const char* name;
  const char* zh;
  const char* en;
  const char* label;  // what staff call the value (messages about a missing one)
};

// Invented people and numbers (the ID number has a valid check digit, no real person).
const Sample kSamples[] = {
    {"org.name", "中华骨髓库示范省分库", "China Marrow Donor Program, Sample Province Branch", QT_TRANSLATE_NOOP("dd::documents", "Organisation name")},
    {"org.address", "示范市健康路 1 号　电话 0531-00000000", "1 Health Road, Sample City, tel. 0531-00000000", QT_TRANSLATE_NOOP("dd::documents", "Organisation address")},
    {"print.date", "2026年11月25日", "25 November 2026", QT_TRANSLATE_NOOP("dd::documents", "Print date")},
    {"case.no", "W-000042", "W-000042", QT_TRANSLATE_NOOP("dd::documents", "Case number")},
    {"donor.name", "李明远", "Li Mingyuan", QT_TRANSLATE_NOOP("dd::documents", "Donor's name")},
    {"donor.registry_no", "SD37000123", "SD37000123", QT_TRANSLATE_NOOP("dd::documents", "Donor's registry number")},
    {"donor.id_number", "370102199003072316", "370102199003072316", QT_TRANSLATE_NOOP("dd::documents", "Donor's ID number")},
    {"donor.sex", "男", "male", QT_TRANSLATE_NOOP("dd::documents", "Donor's sex")},
    {"donor.age", "36", "36", QT_TRANSLATE_NOOP("dd::documents", "Donor's age")},
    {"donor.birth_date", "1990年3月7日", "7 March 1990", QT_TRANSLATE_NOOP("dd::documents", "Donor's date of birth")},
    {"donation.date", "2026年10月18日", "18 October 2026", QT_TRANSLATE_NOOP("dd::documents", "Donation date")},
    {"donation.kind", "外周血造血干细胞", "peripheral blood stem cells", QT_TRANSLATE_NOOP("dd::documents", "Kind of donation")},
    {"certificate.no", "SD-2026-0042", "SD-2026-0042", QT_TRANSLATE_NOOP("dd::documents", "Certificate number")},
    {"patient.case_no", "P-2026-0117", "P-2026-0117", QT_TRANSLATE_NOOP("dd::documents", "Patient's case number")},
    {"patient.name", "王小禾", "Wang Xiaohe", QT_TRANSLATE_NOOP("dd::documents", "Patient's name")},
    {"patient.sex", "女", "female", QT_TRANSLATE_NOOP("dd::documents", "Patient's sex")},
    {"patient.age", "9", "9", QT_TRANSLATE_NOOP("dd::documents", "Patient's age")},
    {"patient.birth_date", "2017年5月2日", "2 May 2017", QT_TRANSLATE_NOOP("dd::documents", "Patient's date of birth")},
    {"patient.diagnosis", "急性淋巴细胞白血病", "acute lymphoblastic leukaemia", QT_TRANSLATE_NOOP("dd::documents", "Patient's diagnosis")},
    {"patient.hospital", "示范市第一人民医院血液科", "Haematology, First People's Hospital of Sample City", QT_TRANSLATE_NOOP("dd::documents", "Patient's hospital")},
    {"patient.physician", "赵医生", "Dr Zhao", QT_TRANSLATE_NOOP("dd::documents", "Patient's physician")},
    {"patient.abo", "A+", "A+", QT_TRANSLATE_NOOP("dd::documents", "Patient's blood group")},
    {"search.date", "2026年11月25日", "25 November 2026", QT_TRANSLATE_NOOP("dd::documents", "Search date")},
    {"search.hla_release", "IPD-IMGT/HLA 3.58.0", "IPD-IMGT/HLA 3.58.0", QT_TRANSLATE_NOOP("dd::documents", "HLA nomenclature release")},
    {"search.candidate_count", "3", "3", QT_TRANSLATE_NOOP("dd::documents", "Number of candidates")},
    {"search.donor_count", "125000", "125000", QT_TRANSLATE_NOOP("dd::documents", "Number of volunteers searched")},
    {"volunteer.name", "陈思雨", "Chen Siyu", QT_TRANSLATE_NOOP("dd::documents", "Volunteer's name")},
    {"volunteer.registry_no", "SD37000456", "SD37000456", QT_TRANSLATE_NOOP("dd::documents", "Volunteer's registry number")},
    {"volunteer.sex", "女", "female", QT_TRANSLATE_NOOP("dd::documents", "Volunteer's sex")},
    {"volunteer.birth_date", "1998年12月1日", "1 December 1998", QT_TRANSLATE_NOOP("dd::documents", "Volunteer's date of birth")},
    {"volunteer.ethnicity", "汉族", "Han", QT_TRANSLATE_NOOP("dd::documents", "Volunteer's ethnicity")},
    {"volunteer.id_number", "370102199812014420", "370102199812014420", QT_TRANSLATE_NOOP("dd::documents", "Volunteer's ID number")},
    {"volunteer.phone", "13800000000", "13800000000", QT_TRANSLATE_NOOP("dd::documents", "Volunteer's phone")},
    {"volunteer.wechat", "—", "—", QT_TRANSLATE_NOOP("dd::documents", "Volunteer's WeChat")},
    {"volunteer.email", "chen.siyu@example.cn", "chen.siyu@example.cn", QT_TRANSLATE_NOOP("dd::documents", "Volunteer's e-mail")},
    {"volunteer.address", "示范市历下区文化路 8 号", "8 Wenhua Road, Lixia District, Sample City", QT_TRANSLATE_NOOP("dd::documents", "Volunteer's address")},
    {"volunteer.region", "济南市 历下区", "Jinan, Lixia District", QT_TRANSLATE_NOOP("dd::documents", "Volunteer's city and county")},
    {"volunteer.work_unit", "示范大学", "Sample University", QT_TRANSLATE_NOOP("dd::documents", "Volunteer's work unit")},
    {"volunteer.emergency_name", "陈建国", "Chen Jianguo", QT_TRANSLATE_NOOP("dd::documents", "Emergency contact's name")},
    {"volunteer.emergency_relation", "父亲", "father", QT_TRANSLATE_NOOP("dd::documents", "Emergency contact's relation")},
    {"volunteer.emergency_phone", "13900000000", "13900000000", QT_TRANSLATE_NOOP("dd::documents", "Emergency contact's phone")},
    {"volunteer.emergency_address", "示范市示范区示范路 1 号", "1 Sample Road, Sample District", QT_TRANSLATE_NOOP("dd::documents", "Emergency contact's address")},
    {"volunteer.emergency2_name", "李秀英", "Li Xiuying", QT_TRANSLATE_NOOP("dd::documents", "Second emergency contact's name")},
    {"volunteer.emergency2_relation", "姐姐", "sister", QT_TRANSLATE_NOOP("dd::documents", "Second emergency contact's relation")},
    {"volunteer.emergency2_phone", "13700000000", "13700000000", QT_TRANSLATE_NOOP("dd::documents", "Second emergency contact's phone")},
    {"volunteer.emergency2_address", "示范市示范区示范路 8 号", "8 Sample Road, Sample District", QT_TRANSLATE_NOOP("dd::documents", "Second emergency contact's address")},
    {"volunteer.abo", "O+", "O+", QT_TRANSLATE_NOOP("dd::documents", "Volunteer's blood group")},
    {"volunteer.weight", "52 kg", "52 kg", QT_TRANSLATE_NOOP("dd::documents", "Volunteer's weight")},
    {"volunteer.sample_id", "S-2026-0456", "S-2026-0456", QT_TRANSLATE_NOOP("dd::documents", "Sample barcode")},
    {"volunteer.consent_date", "2026年9月10日", "10 September 2026", QT_TRANSLATE_NOOP("dd::documents", "Date of the registry consent")},
    {"volunteer.consent_version", "registry-consent zh_CN v1.0", "registry-consent en v1.0", QT_TRANSLATE_NOOP("dd::documents", "Version of the registry consent")},
    {"drive.date", "2026年9月10日", "10 September 2026", QT_TRANSLATE_NOOP("dd::documents", "Recruitment date")},
    {"drive.place", "示范大学体育馆", "Sample University sports hall", QT_TRANSLATE_NOOP("dd::documents", "Recruitment place")},
    {"drive.organiser", "示范大学红十字会", "Sample University Red Cross", QT_TRANSLATE_NOOP("dd::documents", "Recruitment organiser")},
};

}  // namespace

QString placeholderLabel(const QString& name) {
  for (const Sample& sample : kSamples)
    if (name == QLatin1String(sample.name)) return QCoreApplication::translate("dd::documents", sample.label);
  return name;  // a name only an office's own template uses
}

DocumentData specimenData(const QString& language) {
  const bool zh = language.startsWith(QLatin1String("zh"));
  DocumentData data;
  for (const Sample& sample : kSamples)
    data.set(QString::fromLatin1(sample.name), QString::fromUtf8(zh ? sample.zh : sample.en));
  const char* loci[] = {"A", "B", "C", "DRB1", "DQB1", "DPB1"};
  const char* typing[] = {"A*02:01, A*11:01", "B*46:01, B*58:01", "C*01:02, C*03:02",
                          "DRB1*09:01, DRB1*15:01", "DQB1*03:03, DQB1*06:02", "DPB1*05:01, DPB1*02:01"};
  QList<DataRow> rows;
  for (int i = 0; i < 6; ++i)
    rows.append({{QStringLiteral("locus"), QString::fromLatin1(loci[i])},
                 {QStringLiteral("typing"), QString::fromLatin1(typing[i])}});
  data.setTable(QStringLiteral("typing"), rows);
  QList<DataRow> candidates;
  const char* grades[] = {"10/10", "10/10", "9/10"};
  const char* differences[] = {"—", "—", "C"};
  for (int i = 0; i < 3; ++i)
    candidates.append({{QStringLiteral("rank"), QString::number(i + 1)},
                       {QStringLiteral("registry_no"), QStringLiteral("SD3700%1").arg(1201 + 37 * i)},
                       {QStringLiteral("sex"), QString::fromUtf8(zh ? (i == 1 ? "女" : "男") : (i == 1 ? "female" : "male"))},
                       {QStringLiteral("age"), QString::number(24 + 5 * i)},
                       {QStringLiteral("abo"), QStringLiteral("A+")},
                       {QStringLiteral("grade"), QString::fromLatin1(grades[i])},
                       {QStringLiteral("mismatches"), QString::fromUtf8(differences[i])},
                       {QStringLiteral("typing"), QStringLiteral("A*02:01 A*11:01 B*46:01 B*58:01 C*01:02 C*03:02 "
                                                                 "DRB1*09:01 DRB1*15:01 DQB1*03:03 DQB1*06:02")}});
  data.setTable(QStringLiteral("candidates"), candidates);
  data.setFlag(QStringLiteral("candidates_found"), true);
  return data;
}

}  // namespace dd::documents
