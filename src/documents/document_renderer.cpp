#include "documents/document_renderer.h"

#include "core/qt/database_files.h"

#include <algorithm>
#include <cmath>

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextDocument>

#include "core/version.h"
#include "documents/pdf_text_fix.h"
#include "documents/template_engine.h"

namespace dd::documents {
namespace {

constexpr const char* kContext = "dd::documents";
constexpr double kLayoutDpi = 96.0;  // documents are laid out at CSS pixels, then scaled to the device
constexpr double kMmPerInch = 25.4;
const QMarginsF kMarginsMm(20, 27, 20, 20);  // left, top (header), right, bottom (footer)

// A fixed 96-dpi device for layout, so pages break the same way on screen,
// printer and PDF whatever the monitor's DPI.
QPaintDevice* layoutDevice() {
  static QImage image = [] {
    QImage reference(8, 8, QImage::Format_RGB32);
    reference.setDotsPerMeterX(qRound(kLayoutDpi / kMmPerInch * 1000));
    reference.setDotsPerMeterY(qRound(kLayoutDpi / kMmPerInch * 1000));
    return reference;
  }();
  return &image;
}

double mmToLayout(double mm) { return mm / kMmPerInch * kLayoutDpi; }

QSizeF contentSizeInLayoutUnits() {
  const QSizeF paper = QPageSize(QPageSize::A4).size(QPageSize::Millimeter);
  return {mmToLayout(paper.width() - kMarginsMm.left() - kMarginsMm.right()),
          mmToLayout(paper.height() - kMarginsMm.top() - kMarginsMm.bottom())};
}

QString defaultPageLabel(const QString& language) {
  return language.startsWith(QLatin1String("zh")) ? QStringLiteral("第 {page} 页 / 共 {pages} 页")
                                                  : QStringLiteral("Page {page} of {pages}");
}

// Header and footer, drawn in device pixels in the page margins.
void paintDecoration(QPainter& painter, const QRectF& paper, double pxPerMm, const PreparedDocument& document,
                     const PageDecoration& decoration, int page, int pages) {
  painter.save();
  const double left = kMarginsMm.left() * pxPerMm;
  const double right = paper.width() - kMarginsMm.right() * pxPerMm;
  const double headerBottom = (kMarginsMm.top() - 6) * pxPerMm;
  const double headerTop = 10 * pxPerMm;
  double textLeft = left;
  QImageReader reader(decoration.logoPath);
  if (!decoration.logoPath.isEmpty()) {
    const QImage logo = reader.read();
    if (!logo.isNull()) {
      const double height = headerBottom - headerTop - 1 * pxPerMm;
      const double width = height * logo.width() / qMax(1, logo.height());
      painter.drawImage(QRectF(left, headerTop, width, height), logo);
      textLeft += width + 3 * pxPerMm;
    }
  }
  const double headerHeight = headerBottom - headerTop;
  const double nameWidth = right - textLeft;
  QFont bold = documentFont(false, 10);
  bold.setBold(true);
  painter.setPen(Qt::black);
  painter.setFont(bold);
  painter.drawText(QRectF(textLeft, headerTop, nameWidth, headerHeight * 0.55), Qt::AlignLeft | Qt::AlignVCenter,
                   painter.fontMetrics().elidedText(decoration.organisationName, Qt::ElideRight, qRound(nameWidth)));
  painter.setFont(documentFont(false, 8));
  painter.setPen(QColor(80, 80, 80));
  painter.drawText(QRectF(textLeft, headerTop + headerHeight * 0.55, right - textLeft, headerHeight * 0.45),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   painter.fontMetrics().elidedText(decoration.organisationAddress, Qt::ElideRight,
                                                    qRound(right - textLeft)));
  painter.setPen(QPen(QColor(120, 120, 120), 0.3 * pxPerMm));
  painter.drawLine(QPointF(left, headerBottom + 1.5 * pxPerMm), QPointF(right, headerBottom + 1.5 * pxPerMm));

  const double footerTop = paper.height() - (kMarginsMm.bottom() - 6) * pxPerMm;
  const QRectF footer(left, footerTop, right - left, 6 * pxPerMm);
  painter.setPen(Qt::black);
  painter.setFont(documentFont(false, 9));
  painter.drawText(footer, Qt::AlignHCenter | Qt::AlignVCenter, document.pageLabel(page, pages));
  painter.setPen(QColor(110, 110, 110));
  painter.setFont(documentFont(false, 7));
  painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter,
                   QStringLiteral("%1 v%2").arg(kindKey(document.source().kind), document.source().version));
  // The title on the right, so later pages still say what they belong to.
  const double titleWidth = footer.width() * 0.34;
  painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                   painter.fontMetrics().elidedText(document.source().title, Qt::ElideRight, qRound(titleWidth)));
  painter.restore();
}

}  // namespace

QPageLayout documentPageLayout() {
  // Margins are zero on the device: this code draws the header and footer
  // inside the paper margins itself, so origin (0,0) is the paper corner.
  return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                     QPageLayout::Millimeter);
}

QFont documentFont(bool serif, double pointSize) {
  QFont font;
  // DejaVu first: Qt's PDF export loses digits and Latin letters set in the
  // Noto CJK fonts when text is extracted; DejaVu has no Chinese, so Chinese
  // falls through to Noto CJK SC (named explicitly, or fontconfig may pick JP forms).
  font.setFamilies(serif ? QStringList{QStringLiteral("DejaVu Serif"), QStringLiteral("Noto Serif CJK SC")}
                         : QStringList{QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK SC")});
  font.setPointSizeF(pointSize);
  font.setStyleHint(serif ? QFont::Serif : QFont::SansSerif);
  return font;
}

PreparedDocument::PreparedDocument(DocumentTemplate source, const QString& filledHtml)
    : source_(std::move(source)), document_(std::make_shared<QTextDocument>()) {
  document_->documentLayout()->setPaintDevice(layoutDevice());
  document_->setDefaultFont(documentFont(false, 10.5));
  document_->setDocumentMargin(0);
  document_->setUseDesignMetrics(true);
  document_->setPageSize(contentSizeInLayoutUnits());
  document_->setHtml(filledHtml);
  document_->setPageSize(contentSizeInLayoutUnits());  // setHtml keeps it, but be explicit after reset
}

Expected<PreparedDocument> PreparedDocument::create(const DocumentTemplate& source, const DocumentData& data) {
  auto filled = fillTemplate(source.html, data);
  if (!filled) return filled.error();
  return PreparedDocument(source, *filled);
}

PreparedDocument PreparedDocument::fromFilledHtml(const DocumentTemplate& source, const QString& filledHtml) {
  return PreparedDocument(source, filledHtml);
}

int PreparedDocument::pageCount() const {
  // QTextDocument counts a page for the root frame's trailing margin and empty
  // last blocks, which can leave a blank last page on a form that fits. Count
  // pages up to the last block that shows something instead.
  const qreal pageHeight = document_->pageSize().height();
  const int qtPages = document_->pageCount();
  if (pageHeight <= 0) return qtPages;
  for (QTextBlock block = document_->lastBlock(); block.isValid(); block = block.previous()) {
    if (block.text().trimmed().isEmpty()) continue;
    const QRectF rect = document_->documentLayout()->blockBoundingRect(block);
    const int used = static_cast<int>(std::ceil((rect.bottom() - 0.5) / pageHeight));
    return std::clamp(used, 1, qtPages);
  }
  return qtPages;
}

QString PreparedDocument::pageLabel(int page, int pages) const {
  QString label = source_.pageLabel.isEmpty() ? defaultPageLabel(source_.language) : source_.pageLabel;
  return label.replace(QLatin1String("{page}"), QString::number(page))
      .replace(QLatin1String("{pages}"), QString::number(pages));
}

Status paintDocuments(QPagedPaintDevice& device, const QList<PreparedDocument>& documents,
                      const PageDecoration& decoration) {
  if (documents.isEmpty())
    return makeError("documents.nothing_to_print", kContext,
                     QT_TRANSLATE_NOOP("dd::documents", "There is nothing to print"));
  device.setPageLayout(documentPageLayout());
  QPainter painter;
  if (!painter.begin(&device))
    return makeError("documents.device", kContext,
                     QT_TRANSLATE_NOOP("dd::documents", "Cannot start printing (the printer or file is not available)"));
  painter.setRenderHint(QPainter::Antialiasing);
  const double dpi = device.logicalDpiY();
  const double pxPerMm = dpi / kMmPerInch;
  const double scale = dpi / kLayoutDpi;
  const QRectF paper = device.pageLayout().fullRectPixels(qRound(dpi));
  const QSizeF content = contentSizeInLayoutUnits();
  bool first = true;
  for (const PreparedDocument& document : documents) {
    const int pages = document.pageCount();
    for (int page = 0; page < pages; ++page) {
      if (!first && !device.newPage()) {
        painter.end();
        return makeError("documents.device", kContext,
                         QT_TRANSLATE_NOOP("dd::documents", "Cannot start a new page on the printer or file"));
      }
      first = false;
      if (document.source().pageDecoration)
        paintDecoration(painter, paper, pxPerMm, document, decoration, page + 1, pages);
      painter.save();
      painter.translate(kMarginsMm.left() * pxPerMm, kMarginsMm.top() * pxPerMm);
      painter.scale(scale, scale);
      const QRectF view(0, page * content.height(), content.width(), content.height());
      painter.setClipRect(QRectF(QPointF(0, 0), content));
      painter.translate(0, -view.top());
      QAbstractTextDocumentLayout::PaintContext context;
      context.clip = view;
      context.palette.setColor(QPalette::Text, Qt::black);
      document.textDocument().documentLayout()->draw(&painter, context);
      painter.restore();
    }
  }
  painter.end();
  return {};
}

Status writePdf(const QString& path, const QList<PreparedDocument>& documents, const PageDecoration& decoration) {
  // Replacing the database in use with a PDF would destroy the registry.
  if (Status allowed = dd::qt::database_files::refuseIfProtected(path); !allowed) return allowed;
  QBuffer buffer;
  buffer.open(QIODevice::WriteOnly);
  {
    QPdfWriter writer(&buffer);
    writer.setResolution(600);
    writer.setCreator(QStringLiteral("%1 %2").arg(QLatin1String(kProductName), QLatin1String(kVersion)));
    if (!documents.isEmpty()) writer.setTitle(documents.constFirst().source().title);
    if (auto painted = paintDocuments(writer, documents, decoration); !painted) return painted;
  }
  const QByteArray pdf = fixCjkTextExtraction(buffer.data());
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size() || !file.commit())
    return makeError("documents.pdf_write", kContext, QT_TRANSLATE_NOOP("dd::documents", "Cannot write %1: %2"),
                     {path.toStdString(), file.errorString().toStdString()}, path.toStdString());
  return {};
}

}  // namespace dd::documents
