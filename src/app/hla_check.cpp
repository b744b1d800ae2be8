#include "app/hla_check.h"

#include <memory>
#include <mutex>

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include "core/qt/app_paths.h"
#include "core/qt/localization.h"
#include "hla/nomenclature.h"

namespace dd::app {
namespace {

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }
QString locusName(store::Locus locus) { return QString::fromLatin1(store::key(locus).data()); }

Error typingError(store::Locus locus, const QString& raw, const QString& reason) {
  return makeError("validation.hla", "dd::app", QT_TRANSLATE_NOOP("dd::app", "HLA-%1 typing '%2' is invalid: %3"),
                   {utf8(locusName(locus)), utf8(raw), utf8(reason)}, "hla_" + utf8(locusName(locus).toLower()));
}

// While the engine is unavailable: accept only what looks like a typing of
// the right locus (names, serology, lists), so obvious garbage is still caught.
TypingCheck syntaxCheck(store::Locus locus, const QString& raw) {
  static const QRegularExpression token(QStringLiteral(
      R"(^(HLA-)?(A|B|C|Cw|DR|DRB1|DQ|DQB1|DP|DPB1)(\*\d{2,3}(:(\d{2,3}|[A-Z]{2,5}))*[A-Z]?|\d{1,4})$)"));
  TypingCheck check;
  for (const QString& part : raw.trimmed().split(QRegularExpression(QStringLiteral("[/+]")))) {
    const QString t = part.trimmed();
    if (t.isEmpty() || !token.match(t).hasMatch()) {
      check.error = typingError(locus, raw,
                                QCoreApplication::translate("dd::app", "'%1' is not an HLA allele or antigen name")
                                    .arg(t));
      return check;
    }
  }
  check.normalised = raw.trimmed();
  check.normalised.remove(QStringLiteral("HLA-"));
  check.normalised.remove(QLatin1Char(' '));
  return check;
}

}  // namespace

Expected<std::shared_ptr<const dd::hla::Nomenclature>> sharedNomenclature(const QString& releaseDir) {
  static std::mutex mutex;
  static QHash<QString, std::shared_ptr<const dd::hla::Nomenclature>> loaded;
  const QString dir = releaseDir.isEmpty() ? dd::qt::bundledHlaDataDir() : releaseDir;
  std::lock_guard lock(mutex);
  if (auto it = loaded.constFind(dir); it != loaded.constEnd()) return it.value();
  auto result = dd::hla::Nomenclature::load(std::filesystem::path(dir.toStdString()));
  if (!result) return result.error();
  std::shared_ptr<const dd::hla::Nomenclature> engine = *result;
  loaded.insert(dir, engine);
  return engine;
}

HlaChecker defaultHlaChecker(const QString& hlaDataDir) {
  struct Engine {
    std::once_flag once;
    std::shared_ptr<const dd::hla::Nomenclature> nomenclature;
  };
  auto engine = std::make_shared<Engine>();
  return [engine, hlaDataDir](store::Locus locus, const QString& raw) -> TypingCheck {
    std::call_once(engine->once, [&] {
      auto loaded = sharedNomenclature(hlaDataDir);
      if (loaded) engine->nomenclature = *loaded;
    });
    if (!engine->nomenclature) return syntaxCheck(locus, raw);
    auto validated = engine->nomenclature->validate(raw.trimmed().toStdString(),
                                                    static_cast<dd::hla::Locus>(static_cast<int>(locus)));
    TypingCheck check;
    if (!validated)
      check.error = typingError(locus, raw, dd::qt::translated(validated.error()));
    else
      check.normalised = QString::fromStdString(validated->normalized);
    return check;
  };
}

}  // namespace dd::app
