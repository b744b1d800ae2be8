#pragma once
// Print preview, printing and PDF export of prepared documents. The preview
// paints through documents::paintDocuments, exactly as the PDF export does.
#include <QList>
#include <QString>

#include "documents/document_renderer.h"

class QWidget;

namespace dd::gui {

// Opens a QPrintPreviewDialog (A4) for the documents; the user prints from
// it. True when the user printed (the dialog was accepted).
bool showPrintPreview(QWidget* parent, const QList<documents::PreparedDocument>& documents,
                      const documents::PageDecoration& decoration);

// Asks where to save (suggestedName in the user's documents folder) and
// writes the PDF; shows the error if it fails. False when cancelled or failed.
bool exportPdf(QWidget* parent, const QList<documents::PreparedDocument>& documents,
               const documents::PageDecoration& decoration, const QString& suggestedName);

}  // namespace dd::gui
