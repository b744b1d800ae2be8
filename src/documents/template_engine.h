#pragma once
// Fills an HTML template with named values.
//   {{volunteer.name}}            a value, HTML-escaped (newlines become <br>)
//   {{#candidates}}..{{/candidates}}  repeated per row of a table; inside,
//                                  {{candidates.grade}} is that row's column
//   {{#flag}}..{{/flag}}          printed when a flag is on (or a table has rows)
//   {{^flag}}..{{/flag}}          printed when a flag is off (or a table is empty)
// Printing is strict: any name the template uses without a (non-empty) value
// is an error that lists every such name, so a legal form never prints a blank.
#include <QString>
#include <QStringList>

#include "core/expected.h"
#include "documents/document_data.h"

namespace dd::documents {

// The template with every placeholder replaced, or an error: a syntax error
// (code "documents.template_syntax", naming the line) or the missing names
// (code "documents.missing_values", field = the names joined by ", ").
Expected<QString> fillTemplate(const QString& html, const DocumentData& data);

// For the template editor's live preview: never fails on missing data; each
// missing value is shown as a highlighted [name] and listed in *missing.
// A syntax error is returned as the error.
Expected<QString> fillTemplateForPreview(const QString& html, const DocumentData& data, QStringList* missing);

// Every value, table and flag name the template refers to, in order of first use
// (sections as "#name"); a syntax error yields the error.
Expected<QStringList> placeholderNames(const QString& html);

}  // namespace dd::documents
