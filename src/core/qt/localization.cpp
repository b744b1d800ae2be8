#include "core/qt/localization.h"

#include "core/qt/app_paths.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace dd::qt {

QString resolveLanguage(const QString& requested, const QLocale& system) {
  if (requested.isEmpty()) return system.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
  const QString normal = requested.trimmed().replace(QLatin1Char('-'), QLatin1Char('_'));
  if (normal.compare(QLatin1String("zh"), Qt::CaseInsensitive) == 0 ||
      normal.compare(QLatin1String("zh_CN"), Qt::CaseInsensitive) == 0)
    return QStringLiteral("zh_CN");
  if (normal.compare(QLatin1String("en"), Qt::CaseInsensitive) == 0 ||
      normal.startsWith(QLatin1String("en_"), Qt::CaseInsensitive))
    return QStringLiteral("en");
  return {};
}

namespace {
bool catalogueInstalled = false;
}

bool productCatalogueInstalled() { return catalogueInstalled; }

bool installTranslators(const QString& language) {
  // Switching language replaces the previous catalogues: translators stack,
  // and a leftover one would keep answering for strings the new one lacks.
  static QTranslator* qtTranslator = nullptr;
  static QTranslator* ownTranslator = nullptr;
  for (QTranslator** slot : {&qtTranslator, &ownTranslator}) {
    if (*slot) {
      QCoreApplication::removeTranslator(*slot);
      delete *slot;
      *slot = nullptr;
    }
  }
  QLocale::setDefault(QLocale(language));
  qtTranslator = new QTranslator(QCoreApplication::instance());
  if (qtTranslator->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                         QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QCoreApplication::installTranslator(qtTranslator);
  ownTranslator = new QTranslator(QCoreApplication::instance());
  const bool loaded = ownTranslator->load(QStringLiteral("donordesk_%1.qm").arg(language), translationsDir());
  if (loaded) QCoreApplication::installTranslator(ownTranslator);
  catalogueInstalled = loaded;
  return loaded;
}

QString preScanOption(const QStringList& arguments, const QString& name) {
  const QString flag = QStringLiteral("--") + name;
  for (qsizetype i = 1; i < arguments.size(); ++i) {
    const QString& arg = arguments.at(i);
    if (arg == QLatin1String("--")) break;
    if (arg == flag && i + 1 < arguments.size()) return arguments.at(i + 1);
    if (arg.startsWith(flag + QLatin1Char('='))) return arg.mid(flag.size() + 1);
  }
  return {};
}

QString translated(const Message& message) {
  QString text = QCoreApplication::translate(message.context, message.text);
  // Fill %1..%9 in one pass so an argument that itself contains "%2" is not re-expanded.
  QString out;
  out.reserve(text.size() + 32);
  for (qsizetype i = 0; i < text.size(); ++i) {
    const QChar c = text.at(i);
    if (c == QLatin1Char('%') && i + 1 < text.size() && text.at(i + 1) >= QLatin1Char('1') &&
        text.at(i + 1) <= QLatin1Char('9')) {
      const auto index = static_cast<std::size_t>(text.at(i + 1).unicode() - '1');
      if (index < message.args.size()) {
        out += QString::fromStdString(message.args[index]);
        ++i;
        continue;
      }
    }
    out += c;
  }
  return out;
}

QString translated(const Error& error) { return translated(error.message); }

}  // namespace dd::qt
