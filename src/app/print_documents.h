#pragma once
// Printing use cases: find the records, fill the template in the document
// language and lay it out; the caller previews, prints or exports the result
// (gui/documents_preview, `donordesk-cli print ...`). Printing a donation
// consent records on the case which consent text was printed.
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include "app/actor.h"
#include "app/document_data_builders.h"
#include "app/print_settings.h"
#include "core/expected.h"
#include "documents/document_renderer.h"

namespace dd::app {

class Registry;

class DocumentPrinter {
 public:
  // language: the documents' language ("zh_CN" or "en"); today: the print date.
  DocumentPrinter(Registry& registry, PrintSettings settings, QString language, QDate today = QDate::currentDate());

  // Errors: store.not_found for a missing record; print.* and
  // documents.missing_values (listing every missing name) for missing data.
  Expected<documents::PreparedDocument> consent(qint64 caseId);
  Expected<documents::PreparedDocument> registration(const QString& registryNo);
  // One PDF for many volunteers (a recruitment drive); fails on the first
  // volunteer that cannot be printed, naming their registry number.
  Expected<QList<documents::PreparedDocument>> registrations(const QStringList& registryNos);
  Expected<documents::PreparedDocument> registryConsent(const QString& registryNo);
  Expected<documents::PreparedDocument> certificate(const QString& registryNo);
  Expected<documents::PreparedDocument> familyLetter(const QString& registryNo);
  // The candidates come from the search (see print_search_report.h).
  Expected<documents::PreparedDocument> searchReport(const model::Patient& patient,
                                                     const QList<ReportCandidate>& candidates,
                                                     const ReportHeader& header);
  // A patient by case number, or by database id when no case number matches.
  Expected<model::Patient> findPatient(const QString& reference);

  Status writePdf(const QString& path, const QList<documents::PreparedDocument>& documents) const;
  // Writes the consent form and records its template version on the case
  // (audited); if recording fails the PDF is removed again.
  Status printConsentToPdf(qint64 caseId, const QString& path, const Actor& actor);
  // Stores documents::DocumentTemplate::versionLabel() on the workup case.
  Status recordConsentPrinted(qint64 caseId, const QString& versionLabel, const Actor& actor);

  const PrintSettings& settings() const { return settings_; }
  const QString& language() const { return language_; }

 private:
  Expected<documents::PreparedDocument> prepare(documents::DocumentKind kind, const documents::DocumentData& data);
  Expected<model::Volunteer> volunteer(const QString& registryNo);
  // A form filled with one volunteer's data (registration, registry consent).
  Expected<documents::PreparedDocument> volunteerDocument(documents::DocumentKind kind, const QString& registryNo);

  Registry& registry_;
  PrintSettings settings_;
  QString language_;
  QDate today_;
};

}  // namespace dd::app
