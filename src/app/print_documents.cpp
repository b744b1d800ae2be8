#include "app/print_documents.h"

#include <QFile>

#include "app/registry.h"
#include "app/registry_store_access.h"
#include "app/unit_of_work.h"
#include "store/database.h"
#include "store/workup_repository.h"

namespace dd::app {
namespace {

using documents::DocumentData;
using documents::DocumentKind;
using documents::PreparedDocument;

constexpr const char* kContext = "dd::app";

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }

// Names the record in front of a template's "no value for ..." message.
Error forRecord(Error error, const char* text, const QString& record) {
  if (error.code != "documents.missing_values") return error;
  return makeError(error.code, kContext, text, {utf8(record), error.message.args.empty() ? std::string() : error.message.args.front()}, error.field);
}

}  // namespace

DocumentPrinter::DocumentPrinter(Registry& registry, PrintSettings settings, QString language, QDate today)
    : registry_(registry), settings_(std::move(settings)), language_(std::move(language)), today_(today) {}

Expected<PreparedDocument> DocumentPrinter::prepare(DocumentKind kind, const DocumentData& data) {
  if (Status ok = checkOrganisation(settings_); !ok) return ok.error();
  auto source = templateLibrary(settings_).load(kind, language_);
  if (!source) return source.error();
  DocumentData all = commonData(settings_.organisation, language_, today_);
  all.merge(data);
  return PreparedDocument::create(*source, all);
}

Expected<model::Volunteer> DocumentPrinter::volunteer(const QString& registryNo) {
  return registry_.volunteerByRegistryNo(registryNo.trimmed());
}

Expected<PreparedDocument> DocumentPrinter::consent(qint64 caseId) {
  auto detail = registry_.workupCaseDetail(caseId);
  if (!detail) return detail.error();
  if (detail->workup.stopped())
    return makeError("print.case_stopped", kContext,
                     QT_TRANSLATE_NOOP("dd::app", "Workup case %1 was stopped on %2; no consent form can be printed."),
                     {utf8(detail->workup.caseCode), utf8(detail->workup.stoppedDate.toString(Qt::ISODate))});
  auto prepared = prepare(DocumentKind::DonationConsent, consentData(*detail, language_, today_));
  if (!prepared)
    return forRecord(prepared.error(), QT_TRANSLATE_NOOP("dd::app", "Workup case %1: no value for %2"),
                     detail->workup.caseCode);
  return prepared;
}

Expected<PreparedDocument> DocumentPrinter::volunteerDocument(DocumentKind kind, const QString& registryNo) {
  auto v = volunteer(registryNo);
  if (!v) return v.error();
  auto prepared = prepare(kind, volunteerData(*v, language_));
  if (!prepared)
    return forRecord(prepared.error(), QT_TRANSLATE_NOOP("dd::app", "Volunteer No. %1: no value for %2"), registryNo);
  return prepared;
}

Expected<PreparedDocument> DocumentPrinter::registration(const QString& registryNo) {
  return volunteerDocument(DocumentKind::Registration, registryNo);
}

Expected<QList<PreparedDocument>> DocumentPrinter::registrations(const QStringList& registryNos) {
  if (registryNos.isEmpty())
    return makeError("print.nothing", kContext, QT_TRANSLATE_NOOP("dd::app", "No volunteers were chosen to print."));
  QList<PreparedDocument> all;
  for (const QString& registryNo : registryNos) {
    auto one = registration(registryNo);
    if (!one) return one.error();
    all.append(*one);
  }
  return all;
}

Expected<PreparedDocument> DocumentPrinter::registryConsent(const QString& registryNo) {
  return volunteerDocument(DocumentKind::RegistryConsent, registryNo);
}

Expected<PreparedDocument> DocumentPrinter::certificate(const QString& registryNo) {
  auto v = volunteer(registryNo);
  if (!v) return v.error();
  if (!v->donationDate.isValid())
    return makeError("print.no_donation", kContext,
                     QT_TRANSLATE_NOOP("dd::app", "Volunteer No. %1 has no recorded donation: the certificate of "
                                                  "honour is printed after a donation."),
                     {utf8(v->registryNo)}, "donation_date");
  DocumentData data = donorData(*v, language_, today_);
  data.merge(certificateData(*v, language_));
  auto prepared = prepare(DocumentKind::Certificate, data);
  if (!prepared)
    return forRecord(prepared.error(), QT_TRANSLATE_NOOP("dd::app", "Volunteer No. %1: no value for %2"), registryNo);
  return prepared;
}

Expected<PreparedDocument> DocumentPrinter::familyLetter(const QString& registryNo) {
  auto v = volunteer(registryNo);
  if (!v) return v.error();
  auto prepared = prepare(DocumentKind::FamilyLetter, donorData(*v, language_, today_));
  if (!prepared)
    return forRecord(prepared.error(), QT_TRANSLATE_NOOP("dd::app", "Volunteer No. %1: no value for %2"), registryNo);
  return prepared;
}

Expected<PreparedDocument> DocumentPrinter::searchReport(const model::Patient& patient,
                                                         const QList<ReportCandidate>& candidates,
                                                         const ReportHeader& header) {
  auto prepared =
      prepare(DocumentKind::SearchReport, searchReportData(patient, candidates, header, language_, today_));
  if (!prepared)
    return forRecord(prepared.error(), QT_TRANSLATE_NOOP("dd::app", "Patient %1: no value for %2"), patient.caseNo);
  return prepared;
}

Expected<model::Patient> DocumentPrinter::findPatient(const QString& reference) {
  auto byCase = registry_.patientByCaseNo(reference.trimmed());
  if (byCase || byCase.error().code != "store.not_found") return byCase;
  bool numeric = false;
  const qint64 id = reference.trimmed().toLongLong(&numeric);
  if (!numeric) return byCase;
  return registry_.patient(id);
}

Status DocumentPrinter::writePdf(const QString& path, const QList<PreparedDocument>& documents) const {
  return documents::writePdf(path, documents, settings_.organisation);
}

Status DocumentPrinter::printConsentToPdf(qint64 caseId, const QString& path, const Actor& actor) {
  auto prepared = consent(caseId);
  if (!prepared) return prepared.error();
  if (Status written = writePdf(path, {*prepared}); !written) return written;
  if (Status recorded = recordConsentPrinted(caseId, prepared->source().versionLabel(), actor); !recorded) {
    QFile::remove(path);  // an unrecorded consent must not circulate
    return recorded;
  }
  return {};
}

Status DocumentPrinter::recordConsentPrinted(qint64 caseId, const QString& versionLabel, const Actor& actor) {
  store::Database& db = storeDatabase(registry_);
  UnitOfWork work(db, actor);
  if (!work.started()) return work.started();
  store::WorkupRepository workups(db);
  auto before = workups.get(caseId);
  if (!before) return before.error();
  model::WorkupCase after = *before;
  after.consentTemplate = versionLabel;
  if (Status s = workups.update(after); !s) return s;
  if (Status s = work.changed(*before, after, QStringLiteral("print")); !s) return s;
  return work.commit();
}

}  // namespace dd::app
