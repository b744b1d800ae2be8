#include "gui/documents/documents_preview.h"

#include "core/qt/database_files.h"
#include "gui/widgets/file_dialogs.h"

#include <QCoreApplication>
#include <QDir>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QStandardPaths>

#include "core/qt/localization.h"

namespace dd::gui {
namespace {
QString tr(const char* text) { return QCoreApplication::translate("dd::gui", text); }
}  // namespace

bool showPrintPreview(QWidget* parent, const QList<documents::PreparedDocument>& documents,
                      const documents::PageDecoration& decoration) {
  QPrinter printer(QPrinter::HighResolution);
  printer.setPageLayout(documents::documentPageLayout());
  printer.setFullPage(true);  // the documents draw their own margins, header and footer
  if (!documents.isEmpty()) printer.setDocName(documents.constFirst().source().title);
  QPrintPreviewDialog dialog(&printer, parent);
  dialog.setWindowTitle(tr("Print preview"));
  QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog, [&](QPrinter* target) {
    // "Print to file" onto the database in use would overwrite the registry
    // (the file is opened when painting starts, so refuse before).
    if (const Status allowed = dd::qt::database_files::refuseIfProtected(target->outputFileName()); !allowed) {
      QMessageBox::warning(&dialog, tr("Printing failed"), dd::qt::translated(allowed.error()));
      return;
    }
    if (const Status painted = documents::paintDocuments(*target, documents, decoration); !painted)
      QMessageBox::warning(&dialog, tr("Printing failed"), dd::qt::translated(painted.error()));
  });
  return dialog.exec() == QDialog::Accepted;
}

bool exportPdf(QWidget* parent, const QList<documents::PreparedDocument>& documents,
               const documents::PageDecoration& decoration, const QString& suggestedName) {
  const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
  const QString path =
      FileDialogs::saveFile(parent, tr("Export PDF"), QDir(folder).filePath(suggestedName), tr("PDF files (*.pdf)"));
  if (path.isEmpty()) return false;
  if (const Status written = documents::writePdf(path, documents, decoration); !written) {
    QMessageBox::warning(parent, tr("Export failed"), dd::qt::translated(written.error()));
    return false;
  }
  return true;
}

}  // namespace dd::gui
