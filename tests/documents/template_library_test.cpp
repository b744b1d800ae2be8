// Bundled templates, office copies and versions.
#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>

#include "documents/document_template.h"
#include "documents/specimen_data.h"
#include "documents/template_engine.h"
#include "support/qt_string_maker.h"

using namespace dd::documents;

namespace {
const QString kBundled = QStringLiteral(DONORDESK_RESOURCE_DIR "/templates");

void writeFile(const QString& path, const QString& text) {
  QDir().mkpath(QFileInfo(path).absolutePath());
  QFile file(path);
  REQUIRE(file.open(QIODevice::WriteOnly));
  file.write(text.toUtf8());
}
}  // namespace

TEST_CASE("every document is shipped in Chinese and English, versioned, and fills from the sample values") {
  const TemplateLibrary library(QString(), kBundled);
  for (DocumentKind kind : allDocumentKinds()) {
    for (const QString& language : templateLanguages()) {
      INFO(kindKey(kind).toStdString() << " " << language.toStdString());
      const auto loaded = library.load(kind, language);
      REQUIRE(loaded);
      CHECK_FALSE(loaded->office);
      CHECK_FALSE(loaded->version.isEmpty());
      CHECK_FALSE(loaded->title.isEmpty());
      CHECK(loaded->pageLabel.contains(QStringLiteral("{page}")));
      const auto filled = fillTemplate(loaded->html, specimenData(language));
      INFO((filled ? std::string() : filled.error().english()));
      CHECK(filled);
    }
  }
}

TEST_CASE("the donation consent never names the patient") {
  const TemplateLibrary library(QString(), kBundled);
  for (const QString& language : templateLanguages()) {
    const auto consent = library.load(DocumentKind::DonationConsent, language);
    REQUIRE(consent);
    const auto names = placeholderNames(consent->html);
    REQUIRE(names);
    CHECK_FALSE(names->contains(QStringLiteral("patient.name")));
    CHECK(names->contains(QStringLiteral("patient.case_no")));
  }
}

TEST_CASE("an office copy overrides the bundled template and is never overwritten by a second copy") {
  QTemporaryDir office;
  const TemplateLibrary library(office.path(), kBundled);
  CHECK_FALSE(library.hasOfficeCopy(DocumentKind::Certificate, QStringLiteral("zh_CN")));
  const auto copied = library.copyToOffice(DocumentKind::Certificate, QStringLiteral("zh_CN"));
  REQUIRE(copied);
  CHECK(*copied == office.filePath(QStringLiteral("zh_CN/certificate.html")));
  const auto again = library.copyToOffice(DocumentKind::Certificate, QStringLiteral("zh_CN"));
  REQUIRE_FALSE(again);
  CHECK(again.error().code == "documents.office_copy_exists");

  auto loaded = library.load(DocumentKind::Certificate, QStringLiteral("zh_CN"));
  REQUIRE(loaded);
  CHECK(loaded->office);
  const QString bundledLabel = library.loadBundled(DocumentKind::Certificate, QStringLiteral("zh_CN"))->versionLabel();
  CHECK(loaded->versionLabel() == bundledLabel.chopped(1) + QStringLiteral(", office copy)"));

  const QString edited = withTemplateVersion(loaded->html + QStringLiteral("<p>分库自定义</p>"), QStringLiteral("1.0-济南"));
  REQUIRE(library.saveOffice(DocumentKind::Certificate, QStringLiteral("zh_CN"), edited));
  loaded = library.load(DocumentKind::Certificate, QStringLiteral("zh_CN"));
  REQUIRE(loaded);
  CHECK(loaded->version == QStringLiteral("1.0-济南"));
  CHECK(loaded->html.contains(QStringLiteral("分库自定义")));
  CHECK(loaded->fingerprint() != library.loadBundled(DocumentKind::Certificate, QStringLiteral("zh_CN"))->fingerprint());
  // The English template is still the bundled one.
  CHECK_FALSE(library.load(DocumentKind::Certificate, QStringLiteral("en"))->office);
}

TEST_CASE("broken templates are refused with a reason") {
  QTemporaryDir office;
  const TemplateLibrary library(office.path(), kBundled);
  const QString good = library.loadBundled(DocumentKind::Registration, QStringLiteral("en"))->html;

  SECTION("syntax error: nothing is written") {
    const auto saved = library.saveOffice(DocumentKind::Registration, QStringLiteral("en"),
                                          good + QStringLiteral("{{#open}}"));
    REQUIRE_FALSE(saved);
    CHECK(saved.error().code == "documents.template_syntax");
    CHECK_FALSE(library.hasOfficeCopy(DocumentKind::Registration, QStringLiteral("en")));
  }
  SECTION("no version") {
    QString unversioned = good;
    unversioned.remove(QRegularExpression(QStringLiteral("<meta name=\"dd-template-version\"[^>]*>")));
    const auto saved = library.saveOffice(DocumentKind::Registration, QStringLiteral("en"), unversioned);
    REQUIRE_FALSE(saved);
    CHECK(saved.error().code == "documents.template_version");
  }
  SECTION("a template for another document") {
    writeFile(library.officePath(DocumentKind::Registration, QStringLiteral("en")),
              library.loadBundled(DocumentKind::Certificate, QStringLiteral("en"))->html);
    const auto loaded = library.load(DocumentKind::Registration, QStringLiteral("en"));
    REQUIRE_FALSE(loaded);
    CHECK(loaded.error().code == "documents.template_kind");
  }
  SECTION("an unknown language") {
    const auto loaded = library.load(DocumentKind::Registration, QStringLiteral("fr"));
    REQUIRE_FALSE(loaded);
    CHECK(loaded.error().code == "documents.template_language");
  }
}

TEST_CASE("withTemplateVersion replaces the version or adds one") {
  CHECK(withTemplateVersion(QStringLiteral("<head><meta name=\"dd-template-version\" content=\"1.0\"></head>"),
                            QStringLiteral("2.1")) ==
        QStringLiteral("<head><meta name=\"dd-template-version\" content=\"2.1\"></head>"));
  CHECK(withTemplateVersion(QStringLiteral("<html><head></head></html>"), QStringLiteral("3")) ==
        QStringLiteral("<html><head>\n<meta name=\"dd-template-version\" content=\"3\"></head></html>"));
}

TEST_CASE("document kinds have stable keys") {
  for (DocumentKind kind : allDocumentKinds()) CHECK(parseDocumentKind(kindKey(kind)) == kind);
  CHECK(parseDocumentKind(QStringLiteral("search-report")) == DocumentKind::SearchReport);
  CHECK_FALSE(parseDocumentKind(QStringLiteral("invoice")));
}
