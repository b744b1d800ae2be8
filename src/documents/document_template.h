#pragma once
// The printable documents, their HTML templates and where those live: the
// product ships one template per document and language under
// resourceDir()/templates/<language>/<kind>.html; an office may keep its own
// edited copy under the same relative path in its template folder, which
// then takes precedence. Every template states its version in
// <meta name="dd-template-version" content="...">, and that version (with a
// fingerprint of the exact text) is what gets recorded when a consent is printed.
#include <optional>

#include <QList>
#include <QString>
#include <QStringList>

#include "core/expected.h"

namespace dd::documents {

enum class DocumentKind {
  DonationConsent,  // 捐献同意书 (consent to donate for one patient)
  RegistryConsent,  // 入库知情同意书 (joining the registry)
  Registration,     // 志愿者登记表
  SearchReport,     // 检索报告 for the transplant hospital
  Certificate,      // 荣誉证书
  FamilyLetter,     // 致捐献者家属的一封信
};

const QList<DocumentKind>& allDocumentKinds();
QString kindKey(DocumentKind kind);  // "consent", "registry-consent", "registration", "search-report", ...
std::optional<DocumentKind> parseDocumentKind(const QString& key);
// English name, marked for translation in "dd::documents".
const char* kindDisplayName(DocumentKind kind);
// The languages templates are shipped in ("zh_CN", "en").
QStringList templateLanguages();

struct DocumentTemplate {
  DocumentKind kind = DocumentKind::DonationConsent;
  QString language;   // "zh_CN" or "en"
  QString html;       // the text as stored
  QString path;       // file it was read from
  bool office = false;  // an office copy rather than the bundled template
  QString version;    // from <meta name="dd-template-version">
  QString title;      // <title>, printed in the page header
  QString pageLabel;  // "第 {page} 页 / 共 {pages} 页"; from <meta name="dd-page-label">
  // False for <meta name="dd-page-decoration" content="none"> (a certificate
  // has no header, footer or page number).
  bool pageDecoration = true;

  // First 12 hex digits of the SHA-256 of the text: tells two texts with the
  // same version number apart.
  QString fingerprint() const;
  // What is recorded on a case: "consent zh_CN v1.0 (sha256 0123456789ab)",
  // with ", office copy" for an office template.
  QString versionLabel() const;
};

// Reads and checks a template's text: syntax, version and that its dd-template
// meta names `kind`. `path` is only used in messages and kept in the result.
Expected<DocumentTemplate> parseDocumentTemplate(DocumentKind kind, const QString& language, const QString& html,
                                                 const QString& path = {}, bool office = false);
// Sets (or adds) <meta name="dd-template-version"> in a template text.
QString withTemplateVersion(const QString& html, const QString& version);

class TemplateLibrary {
 public:
  // officeDir may be empty (no office copies).
  explicit TemplateLibrary(QString officeDir, QString bundledDir = defaultBundledDir());
  static QString defaultBundledDir();  // dd::qt::resourceDir()/templates

  const QString& officeDir() const { return officeDir_; }
  const QString& bundledDir() const { return bundledDir_; }

  // The office copy when there is one, else the bundled template.
  Expected<DocumentTemplate> load(DocumentKind kind, const QString& language) const;
  Expected<DocumentTemplate> loadBundled(DocumentKind kind, const QString& language) const;
  QString officePath(DocumentKind kind, const QString& language) const;
  bool hasOfficeCopy(DocumentKind kind, const QString& language) const;
  // Copies the bundled template into the office folder (an existing copy is
  // an error, so edits are never overwritten); returns the new file's path.
  Expected<QString> copyToOffice(DocumentKind kind, const QString& language) const;
  // Checks and writes an edited office template (atomically).
  Status saveOffice(DocumentKind kind, const QString& language, const QString& html) const;

 private:
  Expected<DocumentTemplate> loadFile(DocumentKind kind, const QString& language, const QString& path,
                                      bool office) const;
  QString officeDir_;
  QString bundledDir_;
};

}  // namespace dd::documents
