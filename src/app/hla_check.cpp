#include "app/hla_check.h"

#include <atomic>
#include <memory>
#include <mutex>

#include <QCoreApplication>
#include <QHash>

#include "core/qt/app_paths.h"
#include "core/qt/localization.h"
#include "app/hla_release_check.h"
#include "app/text_rules.h"
#include "hla/mac_table.h"
#include "hla/nomenclature.h"
#include "match/typing.h"

namespace dd::app {
namespace {

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }
QString locusName(model::Locus locus) { return QString::fromLatin1(model::key(locus).data()); }

Error typingError(model::Locus locus, const QString& raw, const QString& reason) {
  return makeError("validation.hla", "dd::app", QT_TRANSLATE_NOOP("dd::app", "HLA-%1 typing '%2' is invalid: %3"),
                   {utf8(locusName(locus)), utf8(quotedSafely(raw, 60)), utf8(reason)},
                   "hla_" + utf8(locusName(locus).toLower()));
}

// What no locus cell may be, whatever the release says: control bytes (the
// engine's messages would echo them), oversize text, more than two
// positions, several loci or genotypes. Checked before any name lookup.
std::optional<Error> shapeError(model::Locus locus, const QString& raw) {
  if (const qsizetype at = firstForbiddenCharacter(raw); at >= 0)
    return typingError(locus, raw,
                       QCoreApplication::translate("dd::app", "it contains a character that cannot be stored "
                                                               "(U+%1 at position %2).")
                           .arg(QStringLiteral("%1").arg(raw.at(at).unicode(), 4, 16, QLatin1Char('0')).toUpper())
                           .arg(at + 1));
  if (dd::Status shape = dd::match::checkLocusCellShape(raw.toStdString()); !shape)
    return typingError(locus, raw, dd::qt::translated(shape.error()));
  return std::nullopt;
}

// Without the nomenclature nothing can be checked, so nothing typed is
// accepted: a syntax check would let a deleted allele or another locus's
// allele into the registry (it once did, with exit 0).
TypingCheck uncheckable(model::Locus locus, const QString& raw, const Error& loadError) {
  TypingCheck check;
  check.error = makeError("validation.hla_unavailable", "dd::app",
                          QT_TRANSLATE_NOOP("dd::app", "HLA-%1 typing '%2' cannot be checked, so it is not saved: "
                                                       "the HLA nomenclature could not be loaded (%3)."),
                          {utf8(locusName(locus)), utf8(quotedSafely(raw, 60)), utf8(dd::qt::translated(loadError))},
                          "hla_" + utf8(locusName(locus).toLower()));
  return check;
}

}  // namespace

namespace {
std::atomic<bool> unverifiedAllowed{false};
const char* const kUnverifiedWarning =
    QT_TRANSLATE_NOOP("dd::app", "Warning: unverified HLA data (%1); results may be wrong.");
}  // namespace

QString unverifiedHlaDataWarning(const dd::hla::Nomenclature& nomenclature) {
  for (const Message& warning : nomenclature.loadWarnings())
    if (warning.text == kUnverifiedWarning) return dd::qt::translated(warning);
  return {};
}

void allowUnverifiedHlaData(bool allow) { unverifiedAllowed = allow; }

Expected<std::shared_ptr<dd::hla::Nomenclature>> loadNomenclature(const QString& releaseDir) {
  const QString dir = dd::qt::hlaReleaseDir(releaseDir);
  const Status verified = verifyHlaRelease(dir);
  if (!verified && !unverifiedAllowed) {
    Error error = verified.error();
    return makeError("hla.release_unverified", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "The HLA data in %1 is refused: %2 Use the release folder as "
                                                  "published, or start with --hla-data-unverified to use it anyway "
                                                  "(every result then says so)."),
                     {utf8(dir), utf8(dd::qt::translated(error))}, error.field);
  }
  auto loaded = dd::hla::Nomenclature::load(std::filesystem::path(dir.toStdString()));
  if (!loaded) return loaded.error();
  if (!verified)
    (*loaded)->addLoadWarning(Message{"dd::app", kUnverifiedWarning, {utf8(dd::qt::translated(verified.error()))}});
  return std::move(*loaded);
}

Expected<std::shared_ptr<dd::hla::Nomenclature>> loadNomenclature(const QString& releaseDir,
                                                                  const QString& macTablePath) {
  auto nomenclature = loadNomenclature(releaseDir);
  if (!nomenclature || macTablePath.isEmpty()) return nomenclature;
  auto table = dd::hla::loadMacTable(macTablePath.toStdString());
  if (!table) {
    Error error = table.error();
    error.field = kMacTableField;
    return error;
  }
  (*nomenclature)->setMacTable(std::move(*table));
  return nomenclature;
}

Expected<std::shared_ptr<const dd::hla::Nomenclature>> sharedNomenclature(const QString& releaseDir) {
  static std::mutex mutex;
  static QHash<QString, std::shared_ptr<const dd::hla::Nomenclature>> loaded;
  const QString dir = dd::qt::hlaReleaseDir(releaseDir);
  std::lock_guard lock(mutex);
  if (auto it = loaded.constFind(dir); it != loaded.constEnd()) return it.value();
  auto result = loadNomenclature(dir);
  if (!result) return result.error();
  std::shared_ptr<const dd::hla::Nomenclature> engine = *result;
  loaded.insert(dir, engine);
  return engine;
}

HlaChecker makeHlaChecker(std::shared_ptr<const dd::hla::Nomenclature> nomenclature) {
  return [nomenclature](model::Locus locus, const QString& raw) -> TypingCheck {
    TypingCheck check;
    if (auto error = shapeError(locus, raw)) {
      check.error = std::move(error);
      return check;
    }
    auto validated =
        nomenclature->validate(raw.trimmed().toStdString(), static_cast<dd::hla::Locus>(static_cast<int>(locus)));
    if (!validated)
      check.error = typingError(locus, raw, dd::qt::translated(validated.error()));
    else
      check.normalised = QString::fromStdString(validated->normalized);
    return check;
  };
}

HlaChecker defaultHlaChecker(const QString& hlaDataDir) {
  struct Engine {
    std::once_flag once;
    HlaChecker checker;
    std::optional<Error> loadError;
  };
  auto engine = std::make_shared<Engine>();
  return [engine, hlaDataDir](model::Locus locus, const QString& raw) -> TypingCheck {
    std::call_once(engine->once, [&] {
      auto loaded = sharedNomenclature(hlaDataDir);
      if (loaded)
        engine->checker = makeHlaChecker(*loaded);
      else
        engine->loadError = loaded.error();
    });
    if (!engine->checker) return uncheckable(locus, raw, *engine->loadError);
    return engine->checker(locus, raw);
  };
}

}  // namespace dd::app
