#include "gui/hla_reader.h"
#include "app/hla_check.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include "core/qt/app_paths.h"
#include "core/qt/localization.h"
#include "hla/nomenclature.h"

namespace dd::gui {
namespace {
using Loaded = dd::Expected<std::shared_ptr<hla::Nomenclature>>;

// The reading beside a typing shows what matching sees, so it uses the strict
// reading: a null keeps its own name ("DRB4*01:03N") instead of py-ard's
// full list of null alleles at P.
QString reduced(const hla::Nomenclature& n, const std::string& typing, hla::Level level) {
  hla::ReduceOptions options;
  options.strictNulls = true;
  auto result = n.reduce(typing, level, nullptr, options);
  return result ? QString::fromStdString(*result) : QString();
}
}  // namespace

HlaReader& HlaReader::instance() {
  static HlaReader* reader = new HlaReader;  // lives as long as the process
  return *reader;
}

void HlaReader::startLoading(const QString& releaseDir, const QString& macTablePath) {
  const QString dir = dd::qt::hlaReleaseDir(releaseDir);
  releaseDir_ = dir;
  macTablePath_ = macTablePath;
  if (loading_ || (dir == loadingDir_ && macTablePath == loadingMac_ && (ready() || !loadError_.isEmpty()))) return;
  loadingDir_ = dir;
  loadingMac_ = macTablePath;
  loading_ = true;
  auto* watcher = new QFutureWatcher<Loaded>(this);
  connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher] {
    const Loaded loaded = watcher->result();
    watcher->deleteLater();
    loading_ = false;
    if (loaded) {
      nomenclature_ = *loaded;
      loadError_.clear();
    } else {
      loadError_ = dd::qt::translated(loaded.error());
    }
    Q_EMIT readyChanged();
  });
  watcher->setFuture(QtConcurrent::run([path = dir, mac = macTablePath]() -> Loaded {
    return app::loadNomenclature(path, mac);
  }));
}

app::HlaChecker HlaReader::checker() const {
  if (!nomenclature_) return {};
  return app::makeHlaChecker(nomenclature_);  // the same door as imports and the CLI
}

HlaReading HlaReader::read(model::Locus locus, const QString& raw, const app::HlaChecker& fallback) const {
  HlaReading reading;
  reading.valid = true;  // an empty field is not an error (untyped locus)
  if (raw.trimmed().isEmpty()) return reading;
  const app::HlaChecker engine = checker();
  const app::HlaChecker& use = engine ? engine : fallback;
  if (!use) {
    reading.valid = true;
    reading.message = tr("HLA tables are loading…");
    return reading;
  }
  const app::TypingCheck check = use(locus, raw.trimmed());
  if (check.error) {
    reading.valid = false;
    reading.message = dd::qt::translated(*check.error);
    return reading;
  }
  reading.valid = true;
  reading.normalised = check.normalised;
  if (nomenclature_) {
    const std::string typing = check.normalised.toStdString();
    reading.pGroup = reduced(*nomenclature_, typing, hla::Level::P);
    reading.serology = reduced(*nomenclature_, typing, hla::Level::S);
  }
  return reading;
}

}  // namespace dd::gui
