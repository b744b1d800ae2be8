#pragma once
// One call per printable document for the pages of the main window: builds
// the document in the UI language through app::DocumentPrinter, shows the
// print preview (print from there) and reports errors in a message box.
// Printing a donation consent records its template version on the case.
#include <QString>
#include <QStringList>

class QWidget;

namespace dd::app {
class Registry;
}

namespace dd::gui {

// Each returns true when the document was printed.
bool printConsent(QWidget* parent, app::Registry& registry, qint64 caseId);
bool printRegistrationForms(QWidget* parent, app::Registry& registry, const QStringList& registryNos);
bool printRegistryConsent(QWidget* parent, app::Registry& registry, const QString& registryNo);
bool printCertificate(QWidget* parent, app::Registry& registry, const QString& registryNo);
bool printFamilyLetter(QWidget* parent, app::Registry& registry, const QString& registryNo);

// The office template editor (office folder from the settings).
void openTemplateEditor(QWidget* parent);

// "zh_CN" or "en": documents are printed in the language the UI shows.
QString documentLanguage();

}  // namespace dd::gui
