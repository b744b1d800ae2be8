#include "app/trial_run.h"

#include "app/registry_store_access.h"
#include "store/database.h"

namespace dd::app {

TrialRun::TrialRun(Registry& registry) : registry_(registry), started_(storeDatabase(registry).begin()) {}

TrialRun::~TrialRun() {
  // Rolls back even when a use case inside committed its part: those commits
  // only closed their nesting level of this transaction.
  if (started_) storeDatabase(registry_).rollback();
}

}  // namespace dd::app
