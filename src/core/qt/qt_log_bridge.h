#pragma once
// Routes Qt's own qDebug/qWarning/... output into the spdlog logger so that
// one file holds everything the program said, and remembers the warnings so
// that a self-check (donordesk --smoke) can fail on them.
#include <QStringList>

namespace dd::qt {
void installQtMessageRouting();
// Qt warnings and critical messages routed so far (the first 50), oldest first.
QStringList qtWarningsSoFar();
}  // namespace dd::qt
