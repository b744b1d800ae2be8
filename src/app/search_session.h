#pragma once
// Everything a donor search runs on, assembled in one place for the CLI's
// `search`, the printed search report and the GUI's search index: the HLA
// nomenclature (the chosen release, else the bundled one, with a MAC table
// when one is given), the warning an unverified release carries, the donor
// index built from the registry, and the freshness policy (the volunteers'
// change stamp read before the build: a different stamp means rebuild).
#include <memory>
#include <mutex>

#include <QString>

#include "app/hla_check.h"
#include "app/search_service.h"
#include "core/expected.h"

namespace dd::app {

class Registry;

class SearchSession {
 public:
  // Loads the release (empty dir: the bundled one) and, when macTablePath is
  // given, the NMDP MAC table; nothing is read from the registry yet. An
  // error of the MAC table has field kMacTableField (the caller's input, not
  // the installation).
  static constexpr const char* kMacTableField = app::kMacTableField;
  static Expected<std::shared_ptr<SearchSession>> load(const QString& hlaReleaseDir,
                                                       const QString& macTablePath = {});
  // Over a nomenclature the caller already holds (the GUI loads it once).
  explicit SearchSession(std::shared_ptr<const hla::Nomenclature> nomenclature);

  const hla::Nomenclature& nomenclature() const { return *nomenclature_; }
  // The warning every result of an unverified release carries, translated;
  // empty for a verified release.
  QString unverifiedWarning() const;

  // Builds the donor index from every volunteer of the registry, reading
  // the change stamp first: a write in between makes isCurrent() false,
  // never missed.
  Expected<IndexBuildReport> build(Registry& registry);
  // Whether the registry's volunteers are as they were at the last build
  // (false before the first).
  Expected<bool> isCurrent(Registry& registry) const;
  // The stamp read for the last build ("" before the first).
  QString builtStamp() const;

  SearchService& service() { return *service_; }
  const SearchService& service() const { return *service_; }
  std::shared_ptr<SearchService> sharedService() const { return service_; }

 private:
  std::shared_ptr<const hla::Nomenclature> nomenclature_;
  std::shared_ptr<SearchService> service_;
  mutable std::mutex stampMutex_;
  QString stamp_;
};

}  // namespace dd::app
