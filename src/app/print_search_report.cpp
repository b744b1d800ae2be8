#include "app/print_search_report.h"

#include <memory>

#include "app/registry.h"
#include "app/search_session.h"
#include "hla/nomenclature.h"

namespace dd::app {
namespace {

const char* const kLocusNames[] = {"A", "B", "C", "DRB1", "DQB1", "DPB1"};
constexpr int kGradedLoci = 5;  // the 10-allele scale

QString aboText(match::Abo abo) {
  switch (abo) {
    case match::Abo::O: return QStringLiteral("O");
    case match::Abo::A: return QStringLiteral("A");
    case match::Abo::B: return QStringLiteral("B");
    case match::Abo::AB: return QStringLiteral("AB");
    case match::Abo::Unknown: break;
  }
  return {};
}

std::optional<model::Sex> sexOf(match::Sex sex) {
  if (sex == match::Sex::Male) return model::Sex::Male;
  if (sex == match::Sex::Female) return model::Sex::Female;
  return std::nullopt;
}

}  // namespace

QList<ReportCandidate> reportCandidates(const std::vector<match::SearchResult>& results) {
  QList<ReportCandidate> rows;
  for (const match::SearchResult& result : results) {
    ReportCandidate row;
    row.rank = static_cast<int>(result.rank);
    row.registryNo = QString::fromStdString(result.registryNo);
    row.sex = sexOf(result.factors.sex);
    row.birthYear = result.factors.birthYear;
    row.abo = aboText(result.factors.abo);
    row.grade = QStringLiteral("%1/10").arg(result.matches[0]);
    QStringList typing;
    for (int locus = 0; locus < match::kMatchLoci && locus < 6; ++locus) {
      if (locus < kGradedLoci && !result.loci[locus].untyped && result.loci[locus].matches < 2)
        row.mismatchedLoci.append(QString::fromLatin1(kLocusNames[locus]));
      for (const std::string& slot : result.donorSlots[locus])
        if (!slot.empty()) typing.append(QString::fromStdString(slot));
    }
    row.typing = typing.join(QLatin1Char(' '));
    rows.append(row);
  }
  return rows;
}

Expected<documents::PreparedDocument> prepareSearchReport(DocumentPrinter& printer, Registry& registry,
                                                          const QString& patientReference,
                                                          const SearchReportOptions& options) {
  auto patient = printer.findPatient(patientReference);
  if (!patient) return patient.error();
  auto session = SearchSession::load(options.hlaDataDir);
  if (!session) return session.error();
  auto built = (*session)->build(registry);
  if (!built) return built.error();
  match::SearchOptions search;
  search.scale = 10;
  search.minMatches = options.minMatches;
  search.limit = static_cast<std::size_t>(qMax(1, options.limit));
  const SearchService& service = (*session)->service();
  auto results = service.searchForPatient(registry, patient->caseNo, search);
  if (!results) return results.error();
  return printer.searchReport(*patient, reportCandidates(*results),
                              searchReportHeader((*session)->nomenclature(), service.size()));
}

ReportHeader searchReportHeader(const hla::Nomenclature& nomenclature, std::size_t donorsSearched,
                                const QDate& searchDate) {
  ReportHeader header;
  header.searchDate = searchDate;
  header.hlaRelease = QStringLiteral("IPD-IMGT/HLA %1").arg(QString::fromStdString(nomenclature.release()));
  header.donorsSearched = static_cast<qint64>(donorsSearched);
  return header;
}

}  // namespace dd::app
