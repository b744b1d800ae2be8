#pragma once
// The search report for a transplant hospital: run the registry search for a
// patient and turn the ranked results into report rows.
#include <vector>

// First: match/ uses `slots` as a member name, which Qt's keyword macro of
// the same name would break once Qt's object headers are included.
#include "match/search.h"

#include <QDate>
#include <QList>
#include <QString>

#include "app/document_data_builders.h"
#include "app/print_documents.h"

namespace dd::app {

class Registry;

// Rows for the report, best first: grade on the 10-allele scale (A, B, C,
// DRB1, DQB1), the loci that do not match fully, the donor's typing.
QList<ReportCandidate> reportCandidates(const std::vector<match::SearchResult>& results);

// The report's header for a search made today over donorsSearched volunteers
// with this nomenclature: one rule for the CLI and the match page.
ReportHeader searchReportHeader(const hla::Nomenclature& nomenclature, std::size_t donorsSearched,
                                const QDate& searchDate = QDate::currentDate());

struct SearchReportOptions {
  QString hlaDataDir;  // empty: the bundled IMGT/HLA release
  int minMatches = 8;  // of 10
  int limit = 20;
};

// Loads the nomenclature, indexes the registry, searches for the patient
// (case number or id) and prepares the report.
Expected<documents::PreparedDocument> prepareSearchReport(DocumentPrinter& printer, Registry& registry,
                                                          const QString& patientReference,
                                                          const SearchReportOptions& options);

}  // namespace dd::app
