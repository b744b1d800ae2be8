#include "support/process_runner.h"

#include <QProcess>

namespace dd::test {

ProcessResult runProcess(const QString& program, const QStringList& args, const QByteArray& input,
                         const QProcessEnvironment& environment, int timeoutMs) {
  QProcess process;
  process.setProcessEnvironment(environment);
  process.start(program, args);
  ProcessResult result;
  if (!process.waitForStarted(10000)) {
    result.err = QStringLiteral("could not start %1: %2").arg(program, process.errorString());
    return result;
  }
  if (!input.isEmpty()) process.write(input);
  process.closeWriteChannel();
  if (!process.waitForFinished(timeoutMs)) {
    process.kill();
    process.waitForFinished();
    result.err = QStringLiteral("timed out after %1 ms").arg(timeoutMs);
    return result;
  }
  result.crashed = process.exitStatus() == QProcess::CrashExit;
  result.exitCode = process.exitCode();
  result.out = QString::fromUtf8(process.readAllStandardOutput());
  result.err = QString::fromUtf8(process.readAllStandardError());
  return result;
}

}  // namespace dd::test
