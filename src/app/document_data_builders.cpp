#include "app/document_data_builders.h"

#include <QLocale>

#include "model/volunteer_fields.h"

namespace dd::app {
namespace {

using documents::DataRow;
using documents::DocumentData;

bool chinese(const QString& language) { return language.startsWith(QLatin1String("zh")); }

// Optional details print as a dash rather than a blank, so a reader sees
// that nothing was recorded rather than that something was left off.
QString orDash(const QString& text) { return text.trimmed().isEmpty() ? QStringLiteral("—") : text.trimmed(); }

QString bloodGroup(const QString& abo, const QString& rh) {
  if (abo.trimmed().isEmpty()) return {};
  return abo.trimmed() + rh.trimmed();
}

QString keyText(std::string_view key) { return QString::fromLatin1(key.data(), qsizetype(key.size())); }

}  // namespace

QString documentDate(const QDate& date, const QString& language) {
  if (!date.isValid()) return {};
  if (chinese(language)) return QStringLiteral("%1年%2月%3日").arg(date.year()).arg(date.month()).arg(date.day());
  return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(date, QStringLiteral("d MMMM yyyy"));
}

QString documentSex(model::Sex sex, const QString& language) {
  if (chinese(language)) return sex == model::Sex::Female ? QStringLiteral("女") : QStringLiteral("男");
  return sex == model::Sex::Female ? QStringLiteral("female") : QStringLiteral("male");
}

QString documentAge(const QDate& birthDate, const QDate& today) {
  if (!birthDate.isValid() || !today.isValid() || birthDate > today) return {};
  int age = today.year() - birthDate.year();
  if (today.month() < birthDate.month() || (today.month() == birthDate.month() && today.day() < birthDate.day())) --age;
  return QString::number(age);
}

DocumentData commonData(const documents::PageDecoration& organisation, const QString& language, const QDate& today) {
  DocumentData data;
  data.set(QStringLiteral("org.name"), organisation.organisationName);
  data.set(QStringLiteral("org.address"), organisation.organisationAddress);
  data.set(QStringLiteral("print.date"), documentDate(today, language));
  return data;
}

DocumentData donorData(const model::Volunteer& donor, const QString& language, const QDate& today) {
  DocumentData data;
  data.set(QStringLiteral("donor.name"), donor.name);
  data.set(QStringLiteral("donor.registry_no"), donor.registryNo);
  data.set(QStringLiteral("donor.id_number"), donor.idNumber);
  data.set(QStringLiteral("donor.sex"), documentSex(donor.sex, language));
  data.set(QStringLiteral("donor.age"), documentAge(donor.birthDate, today));
  data.set(QStringLiteral("donor.birth_date"), documentDate(donor.birthDate, language));
  return data;
}

DocumentData volunteerData(const model::Volunteer& v, const QString& language) {
  DocumentData data;
  const auto set = [&](const char* name, const QString& value) { data.set(QString::fromLatin1(name), value); };
  // Identity (required: a form without them is refused) and the free-text
  // details a volunteer may not have given ("—"), as the field table marks them.
  set("volunteer.name", v.name);
  set("volunteer.registry_no", v.registryNo);
  set("volunteer.id_number", v.idNumber);
  for (const model::VolunteerField& field : model::volunteerFields())
    if (field.has(model::kInDocuments)) data.set(QStringLiteral("volunteer.") + field.key, orDash(field.text(v)));
  // Values shown in a form of their own.
  set("volunteer.sex", documentSex(v.sex, language));
  set("volunteer.birth_date", documentDate(v.birthDate, language));
  set("volunteer.phone", orDash(v.currentPhone()));
  set("volunteer.region", orDash(QStringList{v.prefecture, v.county}.join(QLatin1Char(' '))));
  set("volunteer.abo", orDash(bloodGroup(v.abo, v.rh)));
  set("volunteer.weight", v.weightKg > 0 ? QStringLiteral("%1 kg").arg(v.weightKg) : QStringLiteral("—"));
  set("volunteer.consent_date", orDash(documentDate(v.consentDate, language)));
  set("drive.date", orDash(documentDate(v.drive.date, language)));
  set("drive.place", orDash(v.drive.place));
  set("drive.organiser", orDash(v.drive.organiser));
  return data;
}

DocumentData consentData(const model::WorkupCaseDetail& detail, const QString& language, const QDate& today) {
  DocumentData data = donorData(detail.volunteer, language, today);
  data.set(QStringLiteral("case.no"), detail.workup.caseCode);
  // The patient as the registry shows donors: no name, no hospital.
  data.set(QStringLiteral("patient.case_no"), detail.patient.caseNo);
  data.set(QStringLiteral("patient.sex"), documentSex(detail.patient.sex, language));
  data.set(QStringLiteral("patient.age"), documentAge(detail.patient.birthDate, today));
  data.set(QStringLiteral("patient.diagnosis"), detail.patient.diagnosis.trimmed());
  return data;
}

DocumentData certificateData(const model::Volunteer& donor, const QString& language) {
  DocumentData data;
  data.set(QStringLiteral("donation.date"), documentDate(donor.donationDate, language));
  data.set(QStringLiteral("donation.kind"),
           chinese(language) ? QStringLiteral("造血干细胞") : QStringLiteral("haematopoietic stem cells"));
  if (donor.donationDate.isValid())
    data.set(QStringLiteral("certificate.no"), QStringLiteral("%1-%2-%3")
                                                   .arg(donor.registryNo)
                                                   .arg(donor.donationDate.year())
                                                   .arg(qMax(1, donor.donationCount)));
  return data;
}

DocumentData searchReportData(const model::Patient& patient, const QList<ReportCandidate>& candidates,
                              const ReportHeader& header, const QString& language, const QDate& today) {
  DocumentData data;
  data.set(QStringLiteral("patient.case_no"), patient.caseNo);
  data.set(QStringLiteral("patient.name"), patient.name);
  data.set(QStringLiteral("patient.sex"), documentSex(patient.sex, language));
  data.set(QStringLiteral("patient.age"), documentAge(patient.birthDate, today));
  data.set(QStringLiteral("patient.birth_date"), documentDate(patient.birthDate, language));
  data.set(QStringLiteral("patient.diagnosis"), patient.diagnosis.trimmed());
  data.set(QStringLiteral("patient.hospital"), patient.hospital.trimmed());
  data.set(QStringLiteral("patient.physician"), orDash(patient.physician));
  data.set(QStringLiteral("patient.abo"), orDash(bloodGroup(patient.abo, patient.rh)));
  QList<DataRow> typing;
  for (model::Locus locus : model::kAllLoci) {
    const model::LocusTyping& value = patient.hla.at(locus);
    const QString text = value.normalised.isEmpty() ? value.raw : value.normalised;
    typing.append({{QStringLiteral("locus"), keyText(model::key(locus))}, {QStringLiteral("typing"), orDash(text)}});
  }
  data.setTable(QStringLiteral("typing"), typing);
  QList<DataRow> rows;
  for (const ReportCandidate& c : candidates) {
    const QString age = c.birthYear > 0 ? QString::number(today.year() - c.birthYear) : QString();
    rows.append({{QStringLiteral("rank"), QString::number(c.rank)},
                 {QStringLiteral("registry_no"), c.registryNo},
                 {QStringLiteral("sex"), c.sex ? documentSex(*c.sex, language) : QStringLiteral("—")},
                 {QStringLiteral("age"), orDash(age)},
                 {QStringLiteral("abo"), orDash(c.abo)},
                 {QStringLiteral("grade"), c.grade},
                 {QStringLiteral("mismatches"), orDash(c.mismatchedLoci.join(QStringLiteral(", ")))},
                 {QStringLiteral("typing"), orDash(c.typing)}});
  }
  data.setTable(QStringLiteral("candidates"), rows);
  data.setFlag(QStringLiteral("candidates_found"), !rows.isEmpty());  // the table only when there are rows
  data.set(QStringLiteral("search.date"), documentDate(header.searchDate, language));
  data.set(QStringLiteral("search.hla_release"), header.hlaRelease);
  data.set(QStringLiteral("search.candidate_count"), QString::number(candidates.size()));
  data.set(QStringLiteral("search.donor_count"), QString::number(header.donorsSearched));
  return data;
}

}  // namespace dd::app
