#include "gui/documents/documents_actions.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMessageBox>

#include "app/actor.h"
#include "app/print_documents.h"
#include "app/registry.h"
#include "core/qt/localization.h"
#include "gui/documents/documents_preview.h"
#include "gui/documents/documents_template_editor.h"

namespace dd::gui {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("dd::gui", text); }

bool failed(QWidget* parent, const Error& error) {
  QMessageBox::warning(parent, tr("Cannot print"), dd::qt::translated(error));
  return false;
}

bool preview(QWidget* parent, const app::DocumentPrinter& printer,
             const Expected<QList<documents::PreparedDocument>>& documents) {
  if (!documents) return failed(parent, documents.error());
  return showPrintPreview(parent, *documents, printer.settings().organisation);
}

Expected<QList<documents::PreparedDocument>> one(Expected<documents::PreparedDocument> document) {
  if (!document) return document.error();
  return QList<documents::PreparedDocument>{*document};
}

app::DocumentPrinter printerFor(app::Registry& registry) {
  return app::DocumentPrinter(registry, app::loadPrintSettings(), documentLanguage());
}

}  // namespace

QString documentLanguage() {
  const QString language = dd::qt::resolveLanguage(QLocale().name());
  return language.isEmpty() ? QStringLiteral("en") : language;
}

bool printConsent(QWidget* parent, app::Registry& registry, qint64 caseId) {
  app::DocumentPrinter printer = printerFor(registry);
  auto document = printer.consent(caseId);
  if (!document) return failed(parent, document.error());
  if (!showPrintPreview(parent, {*document}, printer.settings().organisation)) return false;
  if (const Status recorded = printer.recordConsentPrinted(caseId, document->source().versionLabel(),
                                                           app::Actor::fromOperatingSystem());
      !recorded)
    return failed(parent, recorded.error());
  return true;
}

bool printRegistrationForms(QWidget* parent, app::Registry& registry, const QStringList& registryNos) {
  app::DocumentPrinter printer = printerFor(registry);
  return preview(parent, printer, printer.registrations(registryNos));
}

bool printRegistryConsent(QWidget* parent, app::Registry& registry, const QString& registryNo) {
  app::DocumentPrinter printer = printerFor(registry);
  return preview(parent, printer, one(printer.registryConsent(registryNo)));
}

bool printCertificate(QWidget* parent, app::Registry& registry, const QString& registryNo) {
  app::DocumentPrinter printer = printerFor(registry);
  return preview(parent, printer, one(printer.certificate(registryNo)));
}

bool printFamilyLetter(QWidget* parent, app::Registry& registry, const QString& registryNo) {
  app::DocumentPrinter printer = printerFor(registry);
  return preview(parent, printer, one(printer.familyLetter(registryNo)));
}

void openTemplateEditor(QWidget* parent) {
  const app::PrintSettings settings = app::loadPrintSettings();
  DocumentsTemplateEditor editor(app::templateLibrary(settings), settings.organisation, parent);
  editor.exec();
}

}  // namespace dd::gui
