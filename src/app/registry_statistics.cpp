// Registry: the statistics and the search log they count.
#include "app/registry.h"
#include "store/database.h"
#include "store/statistics_queries.h"

namespace dd::app {

Expected<model::RegistryStatistics> Registry::statistics(const QDate& today) {
  return store::readStatistics(*db_, today);
}

Status Registry::recordSearchRun(const model::SearchRun& run) {
  store::Transaction transaction(*db_);
  if (!transaction.started()) return transaction.started().error();
  if (Status s = store::insertSearchRun(*db_, run); !s) return s;
  return transaction.commit();
}

}  // namespace dd::app
