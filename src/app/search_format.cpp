#include "app/search_format.h"

#include "core/qt/database_files.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include "core/qt/localization.h"
#include "match/explain.h"

namespace dd::app {
namespace {

using match::kMatchLoci;

const char* locusName(int locus) { return hla::locusName(static_cast<hla::Locus>(locus)).data(); }

QString tr(const char* text) { return QCoreApplication::translate("dd::app", text); }

// One letter per position for the table: A allele, P potential, a allele
// mismatch within the antigen, X antigen mismatch, - untyped.
QString gradeLetters(const match::LocusGrade& grade) {
  QString letters;
  for (const auto& p : grade.position) {
    static constexpr char kLetters[] = {'A', 'P', 'a', 'X', '-'};
    letters += QLatin1Char(kLetters[static_cast<int>(p.grade)]);
  }
  return letters;
}

QString gradePair(const match::LocusGrade& grade) {
  return QStringLiteral("%1+%2").arg(QLatin1String(match::gradeKey(grade.position[0].grade)),
                                     QLatin1String(match::gradeKey(grade.position[1].grade)));
}

// "GDna+PGroup", "Definite+Exact", "yes+no" (antigen match; "" not applicable): one CSV cell per locus.
QString matchGradePair(const match::LocusGrade& grade) {
  return QStringLiteral("%1+%2").arg(QLatin1String(match::matchGradeKey(grade.position[0].detail)),
                                     QLatin1String(match::matchGradeKey(grade.position[1].detail)));
}
QString confidencePair(const match::LocusGrade& grade) {
  return QStringLiteral("%1+%2").arg(QLatin1String(match::confidenceKey(grade.position[0].confidence)),
                                     QLatin1String(match::confidenceKey(grade.position[1].confidence)));
}
QString antigenKey(match::AntigenMatch flag) {
  return flag == match::AntigenMatch::Yes  ? QStringLiteral("yes")
         : flag == match::AntigenMatch::No ? QStringLiteral("no")
                                           : QString();
}
QJsonValue antigenJson(match::AntigenMatch flag) {
  return flag == match::AntigenMatch::NotApplicable ? QJsonValue() : QJsonValue(flag == match::AntigenMatch::Yes);
}

QString sexKey(match::Sex sex) {
  return sex == match::Sex::Male ? QStringLiteral("M") : sex == match::Sex::Female ? QStringLiteral("F") : QString();
}
QString aboKey(match::Abo abo) {
  static const char* keys[] = {"", "O", "A", "B", "AB"};
  return QLatin1String(keys[static_cast<int>(abo)]);
}
// The result lists' short form ("+", "-", "" unknown), as the office reads it.
QString cmvKey(model::Cmv cmv) {
  static const char* keys[] = {"", "-", "+"};
  return QLatin1String(keys[static_cast<int>(cmv)]);
}
QString registryNo(const match::SearchResult& r) {
  return r.registryNo.empty() ? QString::number(r.volunteerId) : QString::fromStdString(r.registryNo);
}
int onScale(const match::SearchResult& r, int scale) {
  return scale == 10 ? r.matches[0] : scale == 8 ? r.matches[1] : r.matches[2];
}

}  // namespace

QString locusReason(const match::LocusGrade& grade) {
  QStringList parts;
  for (const auto& m : match::explainLocus(grade)) parts << dd::qt::translated(m);
  return parts.join(QStringLiteral("; "));
}

QString formatSearchTable(const std::vector<match::SearchResult>& results, int scale) {
  // One arg() per string: chained arg() calls would re-expand a "%2" produced by an earlier one.
  QString out = tr("Rank").leftJustified(6) + tr("Registry no").leftJustified(17) +
                (QStringLiteral("X/") + QString::number(scale)).leftJustified(7) + tr("Definite").leftJustified(10);
  for (int l = 0; l < kMatchLoci; ++l) out += QString::fromLatin1(locusName(l)).leftJustified(6);
  out += tr("DPB1 TCE").leftJustified(32) + tr("Donor") + QLatin1Char('\n');
  for (const auto& r : results) {
    out += QString::number(r.rank).leftJustified(6) + registryNo(r).leftJustified(17) +
           (QString::number(onScale(r, scale)) + QLatin1Char('/') + QString::number(scale)).leftJustified(7) +
           (r.definite ? tr("definite") : tr("potential")).leftJustified(10);
    for (int l = 0; l < kMatchLoci; ++l) out += gradeLetters(r.loci[l]).leftJustified(6);
    QStringList donor{QString::number(r.factors.birthYear), sexKey(r.factors.sex), aboKey(r.factors.abo),
                      QStringLiteral("CMV") + cmvKey(r.factors.cmv)};
    if (!r.available)
      donor << QLatin1Char('[') + dd::qt::translated(match::explainAvailability(r.factors.availability)) +
                   QLatin1Char(']');
    out += dd::qt::translated(match::explainDpb1(r.dpb1)).leftJustified(32) + donor.join(QLatin1Char(' ')) +
           QLatin1Char('\n');
  }
  out += tr("Grades per position: A allele match, P potential allele match, a allele mismatch (antigen match), "
            "X antigen mismatch, - not typed.") + QLatin1Char('\n');
  return out;
}

QString formatSearchJson(const std::vector<match::SearchResult>& results, int scale, const QString& warning,
                         const RiskByVolunteer* risk) {
  QStringList lines;
  for (const auto& r : results) {
    QJsonObject o;
    o[QStringLiteral("rank")] = static_cast<int>(r.rank);
    o[QStringLiteral("registry_no")] = registryNo(r);
    o[QStringLiteral("volunteer_id")] = static_cast<double>(r.volunteerId);
    o[QStringLiteral("matches")] = QJsonObject{{QStringLiteral("10"), r.matches[0]},
                                               {QStringLiteral("8"), r.matches[1]},
                                               {QStringLiteral("6"), r.matches[2]}};
    o[QStringLiteral("scale")] = scale;
    o[QStringLiteral("definite")] = r.definite;
    o[QStringLiteral("definite_matches")] = r.definiteMatches;
    QJsonObject grades, reasons, shares, typings, matchGrades, confidences, antigenMatches;
    for (int l = 0; l < kMatchLoci; ++l) {
      const auto& g = r.loci[l];
      const QString name = QLatin1String(locusName(l));
      grades[name] = QJsonArray{QLatin1String(match::gradeKey(g.position[0].grade)),
                                QLatin1String(match::gradeKey(g.position[1].grade))};
      QJsonArray share;
      for (const auto& p : g.position)
        share.append(p.grade == match::Grade::AlleleMatch ? QJsonValue(1.0)
                     : p.grade == match::Grade::PotentialAlleleMatch
                         ? QJsonValue(static_cast<double>(p.matched) / p.possible)
                         : QJsonValue());
      shares[name] = share;
      matchGrades[name] = QJsonArray{QLatin1String(match::matchGradeKey(g.position[0].detail)),
                                     QLatin1String(match::matchGradeKey(g.position[1].detail))};
      confidences[name] = QJsonArray{QLatin1String(match::confidenceKey(g.position[0].confidence)),
                                     QLatin1String(match::confidenceKey(g.position[1].confidence))};
      antigenMatches[name] = QJsonArray{antigenJson(g.position[0].antigen), antigenJson(g.position[1].antigen)};
      reasons[name] = locusReason(g);
      typings[name] = QString::fromStdString(r.donorSlots[l][0] + (r.donorSlots[l][0].empty() ? "" : "+") +
                                             r.donorSlots[l][1]);
    }
    o[QStringLiteral("grades")] = grades;
    o[QStringLiteral("shares")] = shares;
    o[QStringLiteral("match_grades")] = matchGrades;
    o[QStringLiteral("confidences")] = confidences;
    o[QStringLiteral("antigen_match")] = antigenMatches;
    o[QStringLiteral("reasons")] = reasons;
    o[QStringLiteral("donor_typing")] = typings;
    o[QStringLiteral("dpb1")] = QLatin1String(match::dpb1Key(r.dpb1));
    o[QStringLiteral("dpb1_tce")] = r.tce == match::TceVersion::V1 ? QStringLiteral("V1") : QStringLiteral("V2");
    o[QStringLiteral("mismatches")] = QJsonObject{{QStringLiteral("allele"), r.alleleMismatches},
                                                  {QStringLiteral("antigen"), r.antigenMismatches},
                                                  {QStringLiteral("gvh_only"), r.gvhOnlyMismatches},
                                                  {QStringLiteral("hvg_only"), r.hvgOnlyMismatches}};
    o[QStringLiteral("available")] = r.available;
    o[QStringLiteral("status")] = QLatin1String(match::availabilityKey(r.factors.availability));
    o[QStringLiteral("birth_year")] = r.factors.birthYear;
    o[QStringLiteral("sex")] = sexKey(r.factors.sex);
    o[QStringLiteral("abo")] = aboKey(r.factors.abo);
    o[QStringLiteral("cmv")] = cmvKey(r.factors.cmv);
    o[QStringLiteral("last_contact")] = r.factors.lastContactYmd;
    if (risk)
      if (const auto it = risk->constFind(r.volunteerId); it != risk->constEnd()) {
        o[QStringLiteral("risk")] = it->score;
        o[QStringLiteral("risk_explanation")] = it->explanation();
      }
    if (!warning.isEmpty()) o[QStringLiteral("warning")] = warning;
    lines << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
  }
  return lines.isEmpty() ? QStringLiteral("[]\n") : QStringLiteral("[\n%1\n]\n").arg(lines.join(QStringLiteral(",\n")));
}

QString formatSearchCsv(const std::vector<match::SearchResult>& results, int /*scale*/, const QString& warning,
                        const RiskByVolunteer* risk) {
  QString out = QStringLiteral("rank,registry_no,volunteer_id,matches_10,matches_8,matches_6,definite");
  for (int l = 0; l < kMatchLoci; ++l) out += QLatin1Char(',') + QLatin1String(locusName(l));
  out += QStringLiteral(",dpb1,allele_mismatches,antigen_mismatches,gvh_only,hvg_only,available,status,birth_year,"
                        "sex,abo,cmv");
  // Added after the original columns so that scripts reading them by position keep working.
  for (const char* suffix : {"_grade", "_confidence", "_antigen_match"})
    for (int l = 0; l < kMatchLoci; ++l) out += QLatin1Char(',') + QLatin1String(locusName(l)) + QLatin1String(suffix);
  if (risk) out += QStringLiteral(",risk");
  out += warning.isEmpty() ? QStringLiteral("\n") : QStringLiteral(",warning\n");
  const QString warningCell =
      QLatin1Char('"') + QString(warning).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
  const auto boolean = [](bool b) { return b ? QStringLiteral("true") : QStringLiteral("false"); };
  for (const auto& r : results) {
    QString reg = registryNo(r);
    if (reg.contains(QLatin1Char(',')) || reg.contains(QLatin1Char('"')) || reg.contains(QLatin1Char('\n')))
      reg = QLatin1Char('"') + reg.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    QStringList cells{QString::number(r.rank), reg, QString::number(r.volunteerId), QString::number(r.matches[0]),
                      QString::number(r.matches[1]), QString::number(r.matches[2]), boolean(r.definite)};
    for (int l = 0; l < kMatchLoci; ++l) cells << gradePair(r.loci[l]);
    cells << QLatin1String(match::dpb1Key(r.dpb1)) << QString::number(r.alleleMismatches)
          << QString::number(r.antigenMismatches) << QString::number(r.gvhOnlyMismatches)
          << QString::number(r.hvgOnlyMismatches) << boolean(r.available)
          << QLatin1String(match::availabilityKey(r.factors.availability)) << QString::number(r.factors.birthYear)
          << sexKey(r.factors.sex) << aboKey(r.factors.abo) << cmvKey(r.factors.cmv);
    for (int l = 0; l < kMatchLoci; ++l) cells << matchGradePair(r.loci[l]);
    for (int l = 0; l < kMatchLoci; ++l) cells << confidencePair(r.loci[l]);
    for (int l = 0; l < kMatchLoci; ++l)
      cells << antigenKey(r.loci[l].position[0].antigen) + QLatin1Char('+') + antigenKey(r.loci[l].position[1].antigen);
    if (risk) {
      const auto it = risk->constFind(r.volunteerId);
      cells << (it == risk->constEnd() ? QString() : QString::number(it->score));
    }
    if (!warning.isEmpty()) cells << warningCell;
    out += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
  }
  return out;
}

dd::Status writeSearchCsv(const QString& path, const std::vector<match::SearchResult>& results, int scale,
                          const RiskByVolunteer* risk) {
  if (dd::Status allowed = dd::qt::database_files::refuseIfProtected(path); !allowed) return allowed;
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(formatSearchCsv(results, scale, {}, risk).toUtf8()) < 0 || !file.commit())
    return makeError("export.write", "dd::app", QT_TRANSLATE_NOOP("dd::app", "Could not write %1: %2"),
                     {path.toStdString(), file.errorString().toStdString()}, "path");
  return {};
}

}  // namespace dd::app
