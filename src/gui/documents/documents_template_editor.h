#pragma once
// Lets an office adapt a form: pick a document and language, copy the
// bundled template into the office folder, edit its HTML and version, and
// see the A4 pages update as you type (filled with invented sample values;
// names without a value are highlighted and listed).
#include <memory>
#include <optional>

#include <QDialog>
#include <QPrinter>
#include <QTimer>

#include "documents/document_renderer.h"
#include "documents/document_template.h"

class QPlainTextEdit;
class QPrintPreviewWidget;

namespace Ui {
class DocumentsTemplateEditor;
}

namespace dd::gui {

class DocumentsTemplateEditor : public QDialog {
  Q_OBJECT
 public:
  DocumentsTemplateEditor(documents::TemplateLibrary library, documents::PageDecoration decoration,
                          QWidget* parent = nullptr);
  ~DocumentsTemplateEditor() override;

  void selectTemplate(documents::DocumentKind kind, const QString& language);
  // Copies the bundled template to the office folder and opens the copy for editing.
  bool copyToOffice();
  // Writes the office copy with the version from the version field.
  bool save();
  // Rebuilds the preview now (otherwise it follows typing after a short pause).
  void refreshPreview();

  QPlainTextEdit* htmlEditor() const;
  QString versionText() const;
  void setVersionText(const QString& version);
  QString problemsText() const;  // syntax errors or the names without a sample value
  QString sourceText() const;
  int previewPageCount() const;
  bool editable() const;

 private:
  documents::DocumentKind selectedKind() const;
  QString selectedLanguage() const;
  void loadSelected();
  bool confirmDiscard();
  void showProblem(const QString& text);

  std::unique_ptr<Ui::DocumentsTemplateEditor> ui_;
  documents::TemplateLibrary library_;
  documents::PageDecoration decoration_;
  QPrinter printer_;
  QPrintPreviewWidget* preview_ = nullptr;
  QTimer previewTimer_;
  std::optional<documents::DocumentTemplate> loaded_;
  std::optional<documents::PreparedDocument> previewDocument_;
  bool loading_ = false;
  bool modified_ = false;
};

}  // namespace dd::gui
