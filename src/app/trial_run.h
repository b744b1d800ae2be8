#pragma once
// Everything done through a registry while a TrialRun lives is undone when
// it ends: one outer transaction that the use cases' own units of work join
// (their commits only close their part) and that is rolled back at the end.
// For measuring writes on a real registry without changing it (`bench
// retention`); nothing written under it is ever committed. On SQLite it
// holds the write lock throughout, so other writers wait.
#include "core/expected.h"

namespace dd::app {

class Registry;

class TrialRun {
 public:
  explicit TrialRun(Registry& registry);
  ~TrialRun();  // rolls everything back
  TrialRun(const TrialRun&) = delete;
  TrialRun& operator=(const TrialRun&) = delete;
  const Status& started() const { return started_; }

 private:
  Registry& registry_;
  Status started_;
};

}  // namespace dd::app
