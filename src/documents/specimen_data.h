#pragma once
// Invented sample values for every name the bundled templates use, in the
// document's language. The template editor fills its live preview with them,
// and tests use them to check that each template can be filled completely.
// The names here are the contract between templates and app/ code: the
// app/document_data_* builders produce the same names from real records.
#include <QString>

#include "documents/document_data.h"

namespace dd::documents {

DocumentData specimenData(const QString& language);
// The name staff know a placeholder by ("Patient's hospital" for
// patient.hospital), in the UI language; the name itself for one that is not
// in the catalogue. Messages never show the internal names.
QString placeholderLabel(const QString& name);

}  // namespace dd::documents
