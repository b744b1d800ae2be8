#pragma once
// Routes Qt's own qDebug/qWarning/... output into the spdlog logger so that
// one file holds everything the program said.
namespace dd::qt {
void installQtMessageRouting();
}
