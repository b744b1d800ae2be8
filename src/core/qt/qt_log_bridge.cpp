#include "core/qt/qt_log_bridge.h"

#include <QString>
#include <QtGlobal>
#include <mutex>

#include <spdlog/spdlog.h>

namespace dd::qt {
namespace {

std::mutex warningsMutex;
QStringList& warningsSeen() {
  static QStringList seen;
  return seen;
}

void remember(const QString& message) {
  const std::lock_guard lock(warningsMutex);
  if (warningsSeen().size() < 50) warningsSeen() << message;
}

void routeToSpdlog(QtMsgType type, const QMessageLogContext& context, const QString& message) {
  const QByteArray text = message.toUtf8();
  const char* category = context.category ? context.category : "qt";
  switch (type) {
    case QtDebugMsg: spdlog::debug("[{}] {}", category, text.constData()); break;
    case QtInfoMsg: spdlog::info("[{}] {}", category, text.constData()); break;
    case QtWarningMsg:
      // QPSQL repeats this for each prepared statement of a transaction the
      // server already aborted; the error that aborted it is reported on its
      // own, so these lines go to the log file only.
      if (message.contains(QLatin1String("Unable to free statement"))) {
        spdlog::info("[{}] {}", category, text.constData());
        break;
      }
      remember(message);
      spdlog::warn("[{}] {}", category, text.constData());
      break;
    case QtCriticalMsg:
      remember(message);
      spdlog::error("[{}] {}", category, text.constData());
      break;
    case QtFatalMsg:
      spdlog::critical("[{}] {}", category, text.constData());
      spdlog::default_logger()->flush();
      break;  // Qt aborts after the handler returns
  }
}

}  // namespace

void installQtMessageRouting() { qInstallMessageHandler(routeToSpdlog); }

QStringList qtWarningsSoFar() {
  const std::lock_guard lock(warningsMutex);
  return warningsSeen();
}

}  // namespace dd::qt
