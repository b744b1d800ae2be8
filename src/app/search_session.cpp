#include "app/search_session.h"

#include <mutex>

#include "app/hla_check.h"
#include "app/registry.h"

namespace dd::app {

Expected<std::shared_ptr<SearchSession>> SearchSession::load(const QString& hlaReleaseDir,
                                                             const QString& macTablePath) {
  auto nomenclature = loadNomenclature(hlaReleaseDir, macTablePath);
  if (!nomenclature) return nomenclature.error();
  return std::make_shared<SearchSession>(std::move(*nomenclature));
}

SearchSession::SearchSession(std::shared_ptr<const hla::Nomenclature> nomenclature)
    : nomenclature_(std::move(nomenclature)), service_(std::make_shared<SearchService>(nomenclature_)) {}

QString SearchSession::unverifiedWarning() const { return unverifiedHlaDataWarning(*nomenclature_); }

Expected<IndexBuildReport> SearchSession::build(Registry& registry) {
  auto stamp = registry.volunteersChangeStamp();
  if (!stamp) return stamp.error();
  auto report = service_->rebuild(registry);
  if (!report) return report.error();
  std::lock_guard lock(stampMutex_);
  stamp_ = *stamp;
  return report;
}

Expected<bool> SearchSession::isCurrent(Registry& registry) const {
  auto stamp = registry.volunteersChangeStamp();
  if (!stamp) return stamp.error();
  std::lock_guard lock(stampMutex_);
  return !stamp_.isEmpty() && *stamp == stamp_;
}

QString SearchSession::builtStamp() const {
  std::lock_guard lock(stampMutex_);
  return stamp_;
}

}  // namespace dd::app
