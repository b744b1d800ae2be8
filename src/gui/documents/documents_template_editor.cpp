#include "gui/documents/documents_template_editor.h"

#include <QFontDatabase>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPrintPreviewWidget>
#include <QPushButton>

#include "core/qt/localization.h"
#include "documents/specimen_data.h"
#include "documents/template_engine.h"
#include "ui_documents_template_editor.h"

namespace dd::gui {

using documents::DocumentKind;

DocumentsTemplateEditor::DocumentsTemplateEditor(documents::TemplateLibrary library,
                                                 documents::PageDecoration decoration, QWidget* parent)
    : QDialog(parent),
      ui_(std::make_unique<Ui::DocumentsTemplateEditor>()),
      library_(std::move(library)),
      decoration_(std::move(decoration)),
      printer_(QPrinter::ScreenResolution) {
  ui_->setupUi(this);
  for (DocumentKind kind : documents::allDocumentKinds())
    ui_->documentCombo->addItem(QCoreApplication::translate("dd::documents", documents::kindDisplayName(kind)),
                                static_cast<int>(kind));
  ui_->languageCombo->addItem(tr("Chinese (zh_CN)"), QStringLiteral("zh_CN"));
  ui_->languageCombo->addItem(tr("English (en)"), QStringLiteral("en"));
  ui_->htmlEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

  printer_.setPageLayout(documents::documentPageLayout());
  printer_.setFullPage(true);
  preview_ = new QPrintPreviewWidget(&printer_, ui_->previewHost);
  preview_->setObjectName(QStringLiteral("preview"));
  ui_->previewLayout->addWidget(preview_);
  ui_->splitter->setSizes({520, 560});
  connect(preview_, &QPrintPreviewWidget::paintRequested, this, [this](QPrinter* printer) {
    if (previewDocument_) (void)documents::paintDocuments(*printer, {*previewDocument_}, decoration_);
  });

  previewTimer_.setSingleShot(true);
  previewTimer_.setInterval(400);
  connect(&previewTimer_, &QTimer::timeout, this, &DocumentsTemplateEditor::refreshPreview);
  connect(ui_->htmlEdit, &QPlainTextEdit::textChanged, this, [this] {
    if (loading_) return;
    modified_ = true;
    previewTimer_.start();
  });
  connect(ui_->versionEdit, &QLineEdit::textEdited, this, [this] { modified_ = true; });
  auto reselect = [this] {
    if (loading_) return;
    if (confirmDiscard()) {
      loadSelected();
    } else if (loaded_) {  // stay on the template being edited
      loading_ = true;
      ui_->documentCombo->setCurrentIndex(ui_->documentCombo->findData(static_cast<int>(loaded_->kind)));
      ui_->languageCombo->setCurrentIndex(ui_->languageCombo->findData(loaded_->language));
      loading_ = false;
    }
  };
  connect(ui_->documentCombo, &QComboBox::currentIndexChanged, this, reselect);
  connect(ui_->languageCombo, &QComboBox::currentIndexChanged, this, reselect);
  connect(ui_->copyButton, &QPushButton::clicked, this, [this] { copyToOffice(); });
  connect(ui_->buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, [this] { save(); });
  connect(ui_->buttons, &QDialogButtonBox::rejected, this, [this] {
    if (confirmDiscard()) reject();
  });
  loadSelected();
}

DocumentsTemplateEditor::~DocumentsTemplateEditor() = default;

DocumentKind DocumentsTemplateEditor::selectedKind() const {
  return static_cast<DocumentKind>(ui_->documentCombo->currentData().toInt());
}

QString DocumentsTemplateEditor::selectedLanguage() const { return ui_->languageCombo->currentData().toString(); }

void DocumentsTemplateEditor::selectTemplate(DocumentKind kind, const QString& language) {
  loading_ = true;
  ui_->documentCombo->setCurrentIndex(ui_->documentCombo->findData(static_cast<int>(kind)));
  ui_->languageCombo->setCurrentIndex(ui_->languageCombo->findData(language));
  loading_ = false;
  loadSelected();
}

bool DocumentsTemplateEditor::confirmDiscard() {
  if (!modified_) return true;
  return QMessageBox::question(this, tr("Unsaved changes"),
                               tr("The template has changes that are not saved. Discard them?")) == QMessageBox::Yes;
}

void DocumentsTemplateEditor::loadSelected() {
  loading_ = true;
  modified_ = false;
  auto loaded = library_.load(selectedKind(), selectedLanguage());
  if (!loaded) {
    loaded_.reset();
    ui_->htmlEdit->clear();
    ui_->versionEdit->clear();
    ui_->sourceLabel->clear();
    showProblem(dd::qt::translated(loaded.error()));
  } else {
    loaded_ = *loaded;
    ui_->htmlEdit->setPlainText(loaded->html);
    ui_->versionEdit->setText(loaded->version);
    ui_->sourceLabel->setText(loaded->office ? tr("Office copy: %1").arg(loaded->path)
                                             : tr("Bundled template (read-only): %1 — copy it to the office "
                                                  "folder to change it.").arg(loaded->path));
  }
  const bool office = loaded_ && loaded_->office;
  ui_->htmlEdit->setReadOnly(!office);
  ui_->versionEdit->setReadOnly(!office);
  ui_->copyButton->setEnabled(loaded_ && !office && !library_.officeDir().isEmpty());
  ui_->buttons->button(QDialogButtonBox::Save)->setEnabled(office);
  loading_ = false;
  refreshPreview();
}

bool DocumentsTemplateEditor::copyToOffice() {
  auto copied = library_.copyToOffice(selectedKind(), selectedLanguage());
  if (!copied) {
    QMessageBox::warning(this, tr("Cannot copy the template"), dd::qt::translated(copied.error()));
    return false;
  }
  loadSelected();
  return true;
}

bool DocumentsTemplateEditor::save() {
  if (!editable()) return false;
  const QString html = documents::withTemplateVersion(ui_->htmlEdit->toPlainText(), ui_->versionEdit->text().trimmed());
  if (const Status saved = library_.saveOffice(selectedKind(), selectedLanguage(), html); !saved) {
    QMessageBox::warning(this, tr("Cannot save the template"), dd::qt::translated(saved.error()));
    return false;
  }
  loadSelected();
  return true;
}

void DocumentsTemplateEditor::showProblem(const QString& text) {
  ui_->problemsLabel->setText(text);
  ui_->problemsLabel->setStyleSheet(text.isEmpty() ? QString() : QStringLiteral("color: #a00000;"));
}

void DocumentsTemplateEditor::refreshPreview() {
  previewTimer_.stop();
  if (!loaded_) return;
  const QString text = ui_->htmlEdit->toPlainText();
  auto parsed = documents::parseDocumentTemplate(selectedKind(), selectedLanguage(), text, loaded_->path,
                                                 loaded_->office);
  if (!parsed) {
    showProblem(dd::qt::translated(parsed.error()));  // keep the last good preview
    return;
  }
  documents::DocumentData sample = documents::specimenData(selectedLanguage());
  if (!decoration_.organisationName.isEmpty()) sample.set(QStringLiteral("org.name"), decoration_.organisationName);
  QStringList missing;
  auto filled = documents::fillTemplateForPreview(text, sample, &missing);
  if (!filled) {
    showProblem(dd::qt::translated(filled.error()));
    return;
  }
  showProblem(missing.isEmpty() ? QString()
                                : tr("No value for: %1. Printing stops at these names; use the names listed in "
                                     "docs/printing.md.").arg(missing.join(QStringLiteral(", "))));
  previewDocument_ = documents::PreparedDocument::fromFilledHtml(*parsed, *filled);
  preview_->updatePreview();
}

QPlainTextEdit* DocumentsTemplateEditor::htmlEditor() const { return ui_->htmlEdit; }
QString DocumentsTemplateEditor::versionText() const { return ui_->versionEdit->text(); }
void DocumentsTemplateEditor::setVersionText(const QString& version) {
  ui_->versionEdit->setText(version);
  modified_ = true;
}
QString DocumentsTemplateEditor::problemsText() const { return ui_->problemsLabel->text(); }
QString DocumentsTemplateEditor::sourceText() const { return ui_->sourceLabel->text(); }
int DocumentsTemplateEditor::previewPageCount() const { return previewDocument_ ? previewDocument_->pageCount() : 0; }
bool DocumentsTemplateEditor::editable() const { return loaded_ && loaded_->office; }

}  // namespace dd::gui
