#pragma once
// Store records -> the named values the document templates use (the names
// are listed, with sample values, in documents/specimen_data.cpp). Values are
// written in the document's language ("zh_CN" or "en"), which may differ from
// the UI language. A value the record lacks is left out, so printing fails
// and names it, except for optional contact details, which print as "—".
#include <optional>

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include "documents/document_data.h"
#include "documents/document_renderer.h"
#include "model/entities.h"

namespace dd::app {

// "2026年11月25日" / "25 November 2026"; empty for an invalid date.
QString documentDate(const QDate& date, const QString& language);
QString documentSex(model::Sex sex, const QString& language);  // 男 / 女, male / female
// Whole years on `today`; empty for an unknown birth date.
QString documentAge(const QDate& birthDate, const QDate& today);

// org.name, org.address, print.date
documents::DocumentData commonData(const documents::PageDecoration& organisation, const QString& language,
                                   const QDate& today);
// donor.* for the donation consent, certificate and family letter.
documents::DocumentData donorData(const model::Volunteer& donor, const QString& language, const QDate& today);
// volunteer.* and drive.* for the registration form and the registry joining consent.
documents::DocumentData volunteerData(const model::Volunteer& volunteer, const QString& language);
// case.no, donor.*, and the patient as donors see them (case no, sex, age,
// diagnosis): never the patient's name.
documents::DocumentData consentData(const model::WorkupCaseDetail& detail, const QString& language,
                                    const QDate& today);
// donation.*, certificate.no
documents::DocumentData certificateData(const model::Volunteer& donor, const QString& language);

// One ranked candidate of a search report, already in display form.
struct ReportCandidate {
  int rank = 0;
  QString registryNo;
  std::optional<model::Sex> sex;
  int birthYear = 0;  // 0 = unknown
  QString abo;        // "A+", "O", ... or empty
  QString grade;      // "10/10"
  QStringList mismatchedLoci;
  QString typing;     // the donor's typing, one line
};

struct ReportHeader {
  QDate searchDate;
  QString hlaRelease;    // "IPD-IMGT/HLA 3.58.0"
  qint64 donorsSearched = 0;
};

// patient.* (with the name: the report goes to the patient's own hospital),
// the typing table, the candidates table and search.*.
documents::DocumentData searchReportData(const model::Patient& patient, const QList<ReportCandidate>& candidates,
                                         const ReportHeader& header, const QString& language, const QDate& today);

}  // namespace dd::app
