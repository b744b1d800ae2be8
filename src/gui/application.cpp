#include "gui/application.h"

#include <cstdio>
#include <cstring>

#include <QApplication>
#include <QDir>
#include <QTimer>

#include <spdlog/spdlog.h>

#include "core/qt/app_paths.h"
#include "core/qt/common_options.h"
#include "core/version.h"
#include "gui/main_window.h"

namespace dd::gui {
namespace {

bool hasArgument(int argc, char** argv, std::initializer_list<const char*> names) {
  for (int i = 1; i < argc; ++i)
    for (const char* name : names)
      if (std::strcmp(argv[i], name) == 0) return true;
  return false;
}

int fail(const QString& message) {
  std::fprintf(stderr, "donordesk: %s\n", qPrintable(message));
  return 2;
}

// Parses the command line and runs the window (or only prints help/version
// when `app` is a plain QCoreApplication).
int run(QCoreApplication& app) {
  QString error;
  if (!dd::qt::beginFrontEnd(app.arguments(), &error)) return fail(error);

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QCoreApplication::translate("Application", "DonorDesk — stem-cell donor registry desktop."));
  const QCommandLineOption helpOption = parser.addHelpOption();
  const QCommandLineOption versionOption = parser.addVersionOption();
  const dd::qt::CommonOptions common;
  common.addTo(parser);
  const QCommandLineOption smokeOption(
      QStringLiteral("smoke"),
      QCoreApplication::translate("Application", "Start, show the main window, quit after one event-loop turn."));
  const QCommandLineOption screenshotOption(
      QStringLiteral("screenshot"),
      QCoreApplication::translate("Application", "Render the main window into the PNG file PATH and quit."),
      QCoreApplication::translate("Application", "PATH"));
  parser.addOption(smokeOption);
  parser.addOption(screenshotOption);

  if (!parser.parse(app.arguments())) return fail(parser.errorText());
  if (parser.isSet(versionOption)) {
    std::printf("%s %s\n", dd::kProductName, dd::kVersion);
    return 0;
  }
  if (parser.isSet(helpOption)) {
    std::printf("%s", qPrintable(parser.helpText()));
    return 0;
  }
  if (!parser.positionalArguments().isEmpty())
    return fail(QCoreApplication::translate("Application", "Unexpected argument '%1'.")
                    .arg(parser.positionalArguments().constFirst()));
  const auto settings = common.read(parser, &error);
  if (!settings) return fail(error);

  dd::qt::startLogging(settings->logLevel, true);
  spdlog::info("DonorDesk {} starting (language {})", dd::kVersion, settings->language.toStdString());

  const QString database = settings->database.isEmpty()
                               ? QDir::toNativeSeparators(dd::qt::defaultDatabasePath())
                               : settings->database;
  MainWindow window(database);
  window.resize(1200, 760);
  window.show();

  if (parser.isSet(screenshotOption)) {
    QCoreApplication::processEvents();
    const QString path = parser.value(screenshotOption);
    if (!window.grab().save(path))
      return fail(QCoreApplication::translate("Application", "Cannot write screenshot '%1'.").arg(path));
    return 0;
  }
  if (parser.isSet(smokeOption)) QTimer::singleShot(0, &app, &QCoreApplication::quit);
  const int code = app.exec();
  spdlog::info("DonorDesk exiting with code {}", code);
  return code;
}

}  // namespace

int runApplication(int argc, char** argv) {
  // --help and --version must work without a display (CI, ssh sessions).
  if (hasArgument(argc, argv, {"--help", "-h", "--help-all", "--version", "-v"})) {
    QCoreApplication app(argc, argv);
    return run(app);
  }
  // Unattended renders need no display: fall back to the offscreen platform.
  const bool unattended = hasArgument(argc, argv, {"--smoke", "--screenshot"});
  if (unattended && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
      qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  return run(app);
}

}  // namespace dd::gui
