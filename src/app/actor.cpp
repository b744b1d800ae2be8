#include "app/actor.h"

#include <QtGlobal>

namespace dd::app {

Actor Actor::fromOperatingSystem() {
  QString name = qEnvironmentVariable("USER");
  if (name.isEmpty()) name = qEnvironmentVariable("USERNAME");
  if (name.isEmpty()) name = QStringLiteral("unknown");
  return Actor{name};
}

}  // namespace dd::app
