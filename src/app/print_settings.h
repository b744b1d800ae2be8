#pragma once
// What printing needs from the workstation's settings (QSettings, shared by
// the GUI and the CLI): the organisation shown in page headers and on the
// forms, its logo, and the office template folder whose copies override the
// bundled templates. The GUI's settings dialog writes the organisation keys.
#include <QString>

#include "core/expected.h"
#include "documents/document_renderer.h"
#include "documents/document_template.h"

namespace dd::app {

struct PrintSettings {
  documents::PageDecoration organisation;
  QString templateFolder;  // office copies; defaults to <data dir>/templates
};

PrintSettings loadPrintSettings();
void saveTemplateFolder(const QString& folder);  // empty: back to the default
QString defaultTemplateFolder();

// The template library for these settings (office folder over bundled templates).
documents::TemplateLibrary templateLibrary(const PrintSettings& settings);

// An error unless the organisation name is set: every form names it, and a
// legal form must not print without it.
Status checkOrganisation(const PrintSettings& settings);

}  // namespace dd::app
