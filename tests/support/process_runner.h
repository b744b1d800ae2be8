#pragma once
// Runs the real donordesk / donordesk-cli / donordesk-screenshot executables
// for end-to-end tests.
#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace dd::test {

struct ProcessResult {
  int exitCode = -1;
  bool crashed = false;
  QString out;
  QString err;
};

ProcessResult runProcess(const QString& program, const QStringList& args, const QByteArray& input = {},
                         const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
                         int timeoutMs = 120000);

inline QString cliPath() { return QStringLiteral(DONORDESK_CLI_PATH); }
inline QString guiPath() { return QStringLiteral(DONORDESK_GUI_PATH); }
inline QString screenshotToolPath() { return QStringLiteral(DONORDESK_SCREENSHOT_PATH); }
inline ProcessResult runCli(const QStringList& args, const QByteArray& input = {}) {
  return runProcess(cliPath(), args, input);
}

}  // namespace dd::test
