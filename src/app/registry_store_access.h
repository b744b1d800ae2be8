#pragma once
// The store connection behind a Registry, for app/'s own use cases (import,
// generate, printing: each runs its own transaction through the store's
// repositories) and for the store tests. Only forward declarations: gui/ and
// cli/ may include no store header, so this gives them nothing to call.
#include <memory>

#include "app/registry.h"

namespace dd::app {

store::Database& storeDatabase(Registry& registry);
// A Registry over a database opened by the caller (tests open older schemas).
std::unique_ptr<Registry> registryOver(std::unique_ptr<store::Database> database);

}  // namespace dd::app
