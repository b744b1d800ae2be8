#pragma once
// Who performs a use case: written into every audit row. The accounts issue
// will supply the logged-in staff member; until then the OS user name.
#include <QString>

namespace dd::app {

struct Actor {
  QString staff;
  static Actor fromOperatingSystem();  // $USER / $USERNAME, "unknown" if neither is set
};

}  // namespace dd::app
