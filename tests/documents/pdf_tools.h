#pragma once
// Runs the poppler tools on a PDF the way the acceptance checks do.
#include <QString>
#include <QStringList>

namespace dd::test {

QString pdfText(const QString& pdfPath);                // pdftotext -layout, UTF-8
QString pdfTextOfPage(const QString& pdfPath, int page);  // one page (1-based)
int pdfPageCount(const QString& pdfPath);               // pdfinfo "Pages:"; -1 if unreadable
QStringList pdfFonts(const QString& pdfPath);           // pdffonts rows (after the header)
// The text with runs of white space collapsed to one space, for checking
// sentences that pdftotext may have broken across lines.
QString collapsedPdfText(const QString& pdfPath);

}  // namespace dd::test
