#include "documents/document_template.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include "core/qt/app_paths.h"
#include "documents/template_engine.h"

namespace dd::documents {
namespace {

constexpr const char* kContext = "dd::documents";

struct KindInfo {
  DocumentKind kind;
  const char* key;
  const char* name;
};

const KindInfo kKinds[] = {
    {DocumentKind::DonationConsent, "consent", QT_TRANSLATE_NOOP("dd::documents", "Donation consent form")},
    {DocumentKind::RegistryConsent, "registry-consent", QT_TRANSLATE_NOOP("dd::documents", "Registry joining consent")},
    {DocumentKind::Registration, "registration", QT_TRANSLATE_NOOP("dd::documents", "Volunteer registration form")},
    {DocumentKind::SearchReport, "search-report", QT_TRANSLATE_NOOP("dd::documents", "Search report")},
    {DocumentKind::Certificate, "certificate", QT_TRANSLATE_NOOP("dd::documents", "Donation certificate of honour")},
    {DocumentKind::FamilyLetter, "family-letter", QT_TRANSLATE_NOOP("dd::documents", "Letter to the donor's family")},
};

const KindInfo& info(DocumentKind kind) {
  for (const KindInfo& entry : kKinds)
    if (entry.kind == kind) return entry;
  return kKinds[0];
}

// The content of <meta name="NAME" content="...">, attribute order as written by the templates.
QString metaContent(const QString& html, const QString& name) {
  const QRegularExpression meta(
      QStringLiteral(R"re(<meta\s+name\s*=\s*"%1"\s+content\s*=\s*"([^"]*)"\s*/?>)re").arg(QRegularExpression::escape(name)),
      QRegularExpression::CaseInsensitiveOption);
  return meta.match(html).captured(1).trimmed();
}

QString titleOf(const QString& html) {
  static const QRegularExpression title(QStringLiteral(R"(<title>(.*?)</title>)"),
                                        QRegularExpression::CaseInsensitiveOption |
                                            QRegularExpression::DotMatchesEverythingOption);
  return title.match(html).captured(1).simplified();
}

}  // namespace

const QList<DocumentKind>& allDocumentKinds() {
  static const QList<DocumentKind> kinds{DocumentKind::DonationConsent, DocumentKind::RegistryConsent,
                                         DocumentKind::Registration,    DocumentKind::SearchReport,
                                         DocumentKind::Certificate,     DocumentKind::FamilyLetter};
  return kinds;
}

QString kindKey(DocumentKind kind) { return QString::fromLatin1(info(kind).key); }

std::optional<DocumentKind> parseDocumentKind(const QString& key) {
  for (const KindInfo& entry : kKinds)
    if (key.compare(QLatin1String(entry.key), Qt::CaseInsensitive) == 0) return entry.kind;
  return std::nullopt;
}

const char* kindDisplayName(DocumentKind kind) { return info(kind).name; }

QStringList templateLanguages() { return {QStringLiteral("zh_CN"), QStringLiteral("en")}; }

QString DocumentTemplate::fingerprint() const {
  return QString::fromLatin1(QCryptographicHash::hash(html.toUtf8(), QCryptographicHash::Sha256).toHex().left(12));
}

QString DocumentTemplate::versionLabel() const {
  QString label = QStringLiteral("%1 %2 v%3 (sha256 %4").arg(kindKey(kind), language, version, fingerprint());
  if (office) label += QStringLiteral(", office copy");
  return label + QLatin1Char(')');
}

Expected<DocumentTemplate> parseDocumentTemplate(DocumentKind kind, const QString& language, const QString& html,
                                                 const QString& path, bool office) {
  const std::string where = (path.isEmpty() ? kindKey(kind) + QLatin1Char('/') + language : path).toStdString();
  if (auto names = placeholderNames(html); !names) {
    Error error = names.error();
    error.field = where;  // the message names the line; the field names the file
    return error;
  }
  DocumentTemplate result{kind, language, html, path, office, metaContent(html, QStringLiteral("dd-template-version")),
                          titleOf(html), metaContent(html, QStringLiteral("dd-page-label"))};
  const QString declared = metaContent(html, QStringLiteral("dd-template"));
  if (declared != kindKey(kind))
    return makeError("documents.template_kind", kContext,
                     QT_TRANSLATE_NOOP("dd::documents",
                                       "Template %1 declares <meta name=\"dd-template\" content=\"%2\"> but should be '%3'"),
                     {where, declared.toStdString(), kindKey(kind).toStdString()});
  if (result.version.isEmpty())
    return makeError("documents.template_version", kContext,
                     QT_TRANSLATE_NOOP("dd::documents",
                                       "Template %1 has no version (<meta name=\"dd-template-version\" content=\"...\">)"),
                     {where});
  result.pageDecoration = metaContent(html, QStringLiteral("dd-page-decoration")).compare(
                              QLatin1String("none"), Qt::CaseInsensitive) != 0;
  if (result.title.isEmpty()) result.title = QString::fromLatin1(kindDisplayName(kind));
  return result;
}

QString withTemplateVersion(const QString& html, const QString& version) {
  static const QRegularExpression meta(
      QStringLiteral(R"((<meta\s+name\s*=\s*"dd-template-version"\s+content\s*=\s*")[^"]*("\s*/?>))"),
      QRegularExpression::CaseInsensitiveOption);
  const QString escaped = version.toHtmlEscaped();
  if (meta.match(html).hasMatch()) {
    QString copy = html;
    return copy.replace(meta, QStringLiteral("\\1%1\\2").arg(escaped));
  }
  QString copy = html;
  const qsizetype head = copy.indexOf(QLatin1String("<head>"), 0, Qt::CaseInsensitive);
  const QString tag = QStringLiteral("\n<meta name=\"dd-template-version\" content=\"%1\">").arg(escaped);
  if (head >= 0) return copy.insert(head + 6, tag);
  return tag + copy;
}

TemplateLibrary::TemplateLibrary(QString officeDir, QString bundledDir)
    : officeDir_(std::move(officeDir)), bundledDir_(std::move(bundledDir)) {}

QString TemplateLibrary::defaultBundledDir() { return QDir(dd::qt::resourceDir()).filePath(QStringLiteral("templates")); }

QString TemplateLibrary::officePath(DocumentKind kind, const QString& language) const {
  if (officeDir_.isEmpty()) return {};
  return QDir(officeDir_).filePath(language + QLatin1Char('/') + kindKey(kind) + QStringLiteral(".html"));
}

bool TemplateLibrary::hasOfficeCopy(DocumentKind kind, const QString& language) const {
  const QString path = officePath(kind, language);
  return !path.isEmpty() && QFileInfo::exists(path);
}

Expected<DocumentTemplate> TemplateLibrary::load(DocumentKind kind, const QString& language) const {
  if (hasOfficeCopy(kind, language)) return loadFile(kind, language, officePath(kind, language), true);
  return loadBundled(kind, language);
}

Expected<DocumentTemplate> TemplateLibrary::loadBundled(DocumentKind kind, const QString& language) const {
  const QString path = QDir(bundledDir_).filePath(language + QLatin1Char('/') + kindKey(kind) + QStringLiteral(".html"));
  return loadFile(kind, language, path, false);
}

Expected<DocumentTemplate> TemplateLibrary::loadFile(DocumentKind kind, const QString& language, const QString& path,
                                                     bool office) const {
  if (!templateLanguages().contains(language))
    return makeError("documents.template_language", kContext,
                     QT_TRANSLATE_NOOP("dd::documents", "No templates for language '%1' (available: %2)"),
                     {language.toStdString(), templateLanguages().join(QStringLiteral(", ")).toStdString()});
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    return makeError("documents.template_missing", kContext,
                     QT_TRANSLATE_NOOP("dd::documents", "Cannot read template %1: %2"),
                     {path.toStdString(), file.errorString().toStdString()}, path.toStdString());
  return parseDocumentTemplate(kind, language, QString::fromUtf8(file.readAll()), path, office);
}

Expected<QString> TemplateLibrary::copyToOffice(DocumentKind kind, const QString& language) const {
  if (officeDir_.isEmpty())
    return makeError("documents.no_office_folder", kContext,
                     QT_TRANSLATE_NOOP("dd::documents", "No office template folder is configured"));
  const QString target = officePath(kind, language);
  if (QFileInfo::exists(target))
    return makeError("documents.office_copy_exists", kContext,
                     QT_TRANSLATE_NOOP("dd::documents", "The office already has its own copy: %1"),
                     {target.toStdString()}, target.toStdString());
  auto bundled = loadBundled(kind, language);
  if (!bundled) return bundled.error();
  if (auto saved = saveOffice(kind, language, bundled->html); !saved) return saved.error();
  return target;
}

Status TemplateLibrary::saveOffice(DocumentKind kind, const QString& language, const QString& html) const {
  const QString target = officePath(kind, language);
  if (target.isEmpty())
    return makeError("documents.no_office_folder", kContext,
                     QT_TRANSLATE_NOOP("dd::documents", "No office template folder is configured"));
  if (auto parsed = parseDocumentTemplate(kind, language, html, target, true); !parsed) return parsed.error();
  QDir().mkpath(QFileInfo(target).absolutePath());
  QSaveFile file(target);
  if (!file.open(QIODevice::WriteOnly) || file.write(html.toUtf8()) < 0 || !file.commit())
    return makeError("documents.template_write", kContext,
                     QT_TRANSLATE_NOOP("dd::documents", "Cannot write template %1: %2"),
                     {target.toStdString(), file.errorString().toStdString()}, target.toStdString());
  return {};
}

}  // namespace dd::documents
