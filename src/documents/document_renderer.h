#pragma once
// Lays a filled template out on A4 pages and paints it on any paged device:
// a QPdfWriter for PDF export, a QPrinter for printing and print preview, so
// all three show exactly the same pages. Each page gets a header (the
// office's logo, name and address) and a footer (the template version,
// "第 N 页 / 共 M 页" and the document title). Fonts: DejaVu for Latin letters
// and digits, Noto CJK (SC) for Chinese; both are embedded in PDFs.
#include <memory>

#include <QFont>
#include <QList>
#include <QPageLayout>
#include <QString>

#include "core/expected.h"
#include "documents/document_data.h"
#include "documents/document_template.h"

class QPagedPaintDevice;
class QTextDocument;

namespace dd::documents {

// What every page shows of the office (from the settings).
struct PageDecoration {
  QString organisationName;
  QString organisationAddress;
  QString logoPath;  // optional image file; missing or unreadable files are left out
};

// A4 portrait with the documents' margins (header and footer live in them).
QPageLayout documentPageLayout();
// The body font: DejaVu Sans, then Noto Sans CJK SC (serif variants if serif).
QFont documentFont(bool serif = false, double pointSize = 11);

// A filled template laid out into pages.
class PreparedDocument {
 public:
  // Strict: a missing value is an error listing every missing name.
  static Expected<PreparedDocument> create(const DocumentTemplate& source, const DocumentData& data);
  // From already filled HTML (the template editor's preview).
  static PreparedDocument fromFilledHtml(const DocumentTemplate& source, const QString& filledHtml);

  const DocumentTemplate& source() const { return source_; }
  QTextDocument& textDocument() const { return *document_; }
  int pageCount() const;
  // The footer label for one page, from the template's dd-page-label.
  QString pageLabel(int page, int pages) const;

 private:
  PreparedDocument(DocumentTemplate source, const QString& filledHtml);
  DocumentTemplate source_;
  std::shared_ptr<QTextDocument> document_;
};

// Paints the documents one after another; each starts on a new page and is
// numbered on its own (a batch of registration forms gives every volunteer
// "page 1 of 1"). The device's page layout is set to documentPageLayout().
Status paintDocuments(QPagedPaintDevice& device, const QList<PreparedDocument>& documents,
                      const PageDecoration& decoration);

// Writes the documents into one PDF file (replaced atomically), with text
// that extracts as the Chinese it shows (see pdf_text_fix.h).
Status writePdf(const QString& path, const QList<PreparedDocument>& documents, const PageDecoration& decoration);

}  // namespace dd::documents
