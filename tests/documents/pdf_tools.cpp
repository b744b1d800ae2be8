#include "pdf_tools.h"

#include <QRegularExpression>

#include "support/process_runner.h"

namespace dd::test {

QString pdfText(const QString& pdfPath) {
  return runProcess(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdfPath,
                                                  QStringLiteral("-")}).out;
}

QString pdfTextOfPage(const QString& pdfPath, int page) {
  return runProcess(QStringLiteral("pdftotext"),
                    {QStringLiteral("-enc"), QStringLiteral("UTF-8"), QStringLiteral("-f"), QString::number(page),
                     QStringLiteral("-l"), QString::number(page), pdfPath, QStringLiteral("-")}).out;
}

int pdfPageCount(const QString& pdfPath) {
  const ProcessResult info = runProcess(QStringLiteral("pdfinfo"), {pdfPath});
  const auto match = QRegularExpression(QStringLiteral(R"(Pages:\s+(\d+))")).match(info.out);
  return info.exitCode == 0 && match.hasMatch() ? match.captured(1).toInt() : -1;
}

QStringList pdfFonts(const QString& pdfPath) {
  QStringList rows = runProcess(QStringLiteral("pdffonts"), {pdfPath}).out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  return rows.mid(2);
}

QString collapsedPdfText(const QString& pdfPath) {
  // Chinese has no spaces between words, so a line break inside a sentence
  // is removed entirely between two CJK characters, and kept as a space elsewhere.
  QString text = pdfText(pdfPath);
  text.replace(QRegularExpression(QStringLiteral(R"((\p{Han}|[，。；：、（）“”])\s*\n\s*(?=\p{Han}|[，。；：、（）“”]))")),
               QStringLiteral("\\1"));
  return text.simplified();
}

}  // namespace dd::test
