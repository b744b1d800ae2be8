#include "gui/application.h"
#include "app/hla_check.h"

#include <cstdio>
#include <cstring>
#include <memory>

#include <QApplication>
#include <QDialog>
#include <QIcon>
#include <QTimer>

#include <spdlog/spdlog.h>

#include "core/qt/app_paths.h"
#include "core/qt/common_options.h"
#include "core/qt/localization.h"
#include "core/version.h"
#include "gui/app_settings.h"
#include "gui/application_file_guard.h"
#include "gui/hla_reader.h"
#include "gui/main_window.h"
#include "gui/screenshot.h"
#include "gui/smoke_run.h"
#include "gui/style.h"
#include "gui/workspace.h"

namespace dd::gui {
namespace {

bool hasArgument(int argc, char** argv, std::initializer_list<const char*> names) {
  for (int i = 1; i < argc; ++i)
    for (const char* name : names)
      if (std::strcmp(argv[i], name) == 0) return true;
  return false;
}

int fail(const QString& message, int code = 2) {
  std::fprintf(stderr, "donordesk: %s\n", qPrintable(message));
  return code;
}

// The language saved in Settings applies unless --lang is given.
QStringList withSavedLanguage(QStringList arguments) {
  if (dd::qt::preScanOption(arguments, QStringLiteral("lang")).isEmpty()) {
    dd::qt::setApplicationIdentity();  // QSettings needs the identity
    const QString saved = AppSettings::language();
    if (!saved.isEmpty()) arguments << QStringLiteral("--lang") << saved;
  }
  return arguments;
}

// Parses the command line and runs the window (or only prints help/version
// when `app` is a plain QCoreApplication).
int run(QCoreApplication& app) {
  const QStringList arguments = withSavedLanguage(app.arguments());
  QString error;
  if (!dd::qt::beginFrontEnd(arguments, &error)) return fail(error);

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QCoreApplication::translate("Application", "DonorDesk — stem-cell donor registry desktop."));
  const QCommandLineOption helpOption = parser.addHelpOption();
  const QCommandLineOption versionOption = parser.addVersionOption();
  const dd::qt::CommonOptions common;
  common.addTo(parser);
  const QCommandLineOption smokeOption(
      QStringLiteral("smoke"),
      QCoreApplication::translate("Application", "Self-check: open every page, load the HLA tables, quit; exit 1 on any problem or Qt warning."));
  const QCommandLineOption screenshotOption(
      QStringLiteral("screenshot"),
      QCoreApplication::translate("Application", "Render the main window into the PNG file PATH and quit."),
      QCoreApplication::translate("Application", "PATH"));
  const QCommandLineOption pageOption(
      QStringLiteral("page"),
      QCoreApplication::translate("Application", "Page to show first: %1.").arg(Workspace::pageNames().join(QStringLiteral(", "))),
      QCoreApplication::translate("Application", "NAME"));
  const QCommandLineOption dialogOption(
      QStringLiteral("dialog"),
      QCoreApplication::translate("Application", "With --screenshot: render this dialog instead (NAME:TAB for a tab): %1.")
          .arg(Workspace::dialogNames().join(QStringLiteral(", "))),
      QCoreApplication::translate("Application", "NAME"));
  for (const auto& option : {smokeOption, screenshotOption, pageOption, dialogOption}) parser.addOption(option);

  if (!parser.parse(arguments)) return fail(parser.errorText());
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
  std::optional<Page> firstPage;
  if (parser.isSet(pageOption) && !(firstPage = Workspace::pageByName(parser.value(pageOption))))
    return fail(QCoreApplication::translate("Application", "Unknown page '%1' (use %2).")
                    .arg(parser.value(pageOption), Workspace::pageNames().join(QStringLiteral(", "))));
  if (parser.isSet(dialogOption) &&
      !Workspace::dialogNames().contains(parser.value(dialogOption).section(QLatin1Char(':'), 0, 0)))
    return fail(QCoreApplication::translate("Application", "Unknown dialog '%1' (use %2).")
                    .arg(parser.value(dialogOption), Workspace::dialogNames().join(QStringLiteral(", "))));

  dd::qt::startLogging(settings->logLevel, true);
  spdlog::info("DonorDesk {} starting (language {})", dd::kVersion, settings->language.toStdString());
  if (auto* gui = qobject_cast<QApplication*>(&app)) {
    applyStyle(*gui);
    ApplicationFileGuard::install();  // before any window: no file chooser may read the database's files
    // Matches the installed menu entry, so the taskbar shows its icon and name.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.donordesk.DonorDesk"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("org.donordesk.DonorDesk"),
                                                 QIcon(QStringLiteral(":/app/org.donordesk.DonorDesk.svg"))));
  }
  app::allowUnverifiedHlaData(settings->hlaDataUnverified);
  HlaReader::instance().startLoading(settings->hlaData.isEmpty() ? AppSettings::hlaReleaseDir() : settings->hlaData);

  Workspace workspace;
  const QString url = parser.isSet(QStringLiteral("db")) ? settings->database : AppSettings::database();
  if (const dd::Status opened = workspace.openDatabase(url); !opened)
    return fail(QCoreApplication::translate("Application", "Cannot open the database: %1")
                    .arg(dd::qt::translated(opened.error())),
                1);
  MainWindow& window = workspace.window();
  if (firstPage) window.showPage(*firstPage);
  window.show();

  if (parser.isSet(screenshotOption)) {
    const QString path = parser.value(screenshotOption);
    const QString problem = parser.isSet(dialogOption)
                                ? screenshotDialog(workspace, parser.value(dialogOption), path)
                                : screenshotPage(workspace, path);
    return problem.isEmpty() ? 0 : fail(problem, 1);
  }
  std::unique_ptr<SmokeRun> smoke;
  if (parser.isSet(smokeOption)) smoke = std::make_unique<SmokeRun>(workspace);
  const int code = app.exec();
  if (smoke && !smoke->problems().isEmpty())
    return fail(smoke->problems().join(QStringLiteral("\ndonordesk: ")), 1);
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
