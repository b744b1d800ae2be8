#include "app/hla_check.h"

#include <memory>
#include <mutex>

#include <QCoreApplication>
#include <QHash>

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

// Without the nomenclature nothing can be checked, so nothing typed is
// accepted: a syntax check would let a deleted allele or another locus's
// allele into the registry (it once did, with exit 0).
TypingCheck uncheckable(store::Locus locus, const QString& raw, const Error& loadError) {
  TypingCheck check;
  check.error = makeError("validation.hla_unavailable", "dd::app",
                          QT_TRANSLATE_NOOP("dd::app", "HLA-%1 typing '%2' cannot be checked, so it is not saved: "
                                                       "the HLA nomenclature could not be loaded (%3)."),
                          {utf8(locusName(locus)), utf8(raw), utf8(dd::qt::translated(loadError))},
                          "hla_" + utf8(locusName(locus).toLower()));
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
    std::optional<Error> loadError;
  };
  auto engine = std::make_shared<Engine>();
  return [engine, hlaDataDir](store::Locus locus, const QString& raw) -> TypingCheck {
    std::call_once(engine->once, [&] {
      auto loaded = sharedNomenclature(hlaDataDir);
      if (loaded)
        engine->nomenclature = *loaded;
      else
        engine->loadError = loaded.error();
    });
    if (!engine->nomenclature) return uncheckable(locus, raw, *engine->loadError);
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
