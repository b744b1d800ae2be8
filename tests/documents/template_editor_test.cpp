// The office template editor driven through its real widgets (offscreen).
#include <catch2/catch.hpp>

#include <QPlainTextEdit>
#include <QTemporaryDir>

#include "gui/documents/documents_template_editor.h"
#include "support/qt_string_maker.h"

using namespace dd;
using documents::DocumentKind;

namespace {
const QString kBundled = QStringLiteral(DONORDESK_RESOURCE_DIR "/templates");
}

TEST_CASE("the template editor shows bundled templates read-only, copies, edits with live preview and saves") {
  QTemporaryDir office;
  const documents::TemplateLibrary library(office.path(), kBundled);
  gui::DocumentsTemplateEditor editor(library, {QStringLiteral("中华骨髓库示范省分库"), {}, {}});
  editor.selectTemplate(DocumentKind::DonationConsent, QStringLiteral("zh_CN"));

  CHECK_FALSE(editor.editable());
  CHECK(editor.htmlEditor()->isReadOnly());
  CHECK(editor.sourceText().contains(QStringLiteral("consent.html")));
  CHECK(editor.versionText() == QStringLiteral("1.0"));
  CHECK(editor.previewPageCount() == 2);
  CHECK(editor.problemsText().isEmpty());

  REQUIRE(editor.copyToOffice());
  CHECK(editor.editable());
  CHECK_FALSE(editor.htmlEditor()->isReadOnly());
  CHECK(library.hasOfficeCopy(DocumentKind::DonationConsent, QStringLiteral("zh_CN")));

  SECTION("a name without a value is listed, the preview still shows the page") {
    editor.htmlEditor()->appendPlainText(QStringLiteral("<p>昵称：{{volunteer.nickname}}</p>"));
    editor.refreshPreview();
    CHECK(editor.problemsText().contains(QStringLiteral("volunteer.nickname")));
    CHECK(editor.previewPageCount() >= 2);
  }
  SECTION("a syntax error is shown and the last good preview kept") {
    editor.htmlEditor()->appendPlainText(QStringLiteral("\n{{#unclosed}}"));
    editor.refreshPreview();
    CHECK(editor.problemsText().contains(QStringLiteral("never closed")));
    CHECK(editor.previewPageCount() == 2);
  }
  SECTION("saving writes the text and the new version") {
    QString text = editor.htmlEditor()->toPlainText();
    text.replace(QStringLiteral("本同意书一式两份"), QStringLiteral("本同意书一式三份"));
    editor.htmlEditor()->setPlainText(text);
    editor.setVersionText(QStringLiteral("1.1-济南"));
    REQUIRE(editor.save());
    const auto saved = library.load(DocumentKind::DonationConsent, QStringLiteral("zh_CN"));
    REQUIRE(saved);
    CHECK(saved->office);
    CHECK(saved->version == QStringLiteral("1.1-济南"));
    CHECK(saved->html.contains(QStringLiteral("本同意书一式三份")));
    CHECK(editor.versionText() == QStringLiteral("1.1-济南"));
  }
}

TEST_CASE("the template editor without an office folder cannot copy") {
  const documents::TemplateLibrary library(QString(), kBundled);
  gui::DocumentsTemplateEditor editor(library, {});
  editor.selectTemplate(DocumentKind::Certificate, QStringLiteral("en"));
  CHECK_FALSE(editor.editable());
  CHECK(editor.previewPageCount() == 1);
  CHECK_FALSE(editor.save());
}
