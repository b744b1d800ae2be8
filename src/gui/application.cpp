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
#include "gui/settings/app_settings.h"
#include "gui/widgets/application_file_guard.h"
#include "gui/hla_reader.h"
#include "gui/main_window.h"
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
int run(QCoreApplication& app, LaunchExtension* extension) {
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
  const QCommandLineOption pageOption(
      QStringLiteral("page"),
      QCoreApplication::translate("Application", "Page to show first: %1.").arg(MainWindow::pageNames().join(QStringLiteral(", "))),
      QCoreApplication::translate("Application", "NAME"));
  parser.addOption(smokeOption);
  parser.addOption(pageOption);
  if (extension)
    for (const QCommandLineOption& option : extension->options()) parser.addOption(option);

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
  if (parser.isSet(pageOption) && !(firstPage = MainWindow::pageByName(parser.value(pageOption))))
    return fail(QCoreApplication::translate("Application", "Unknown page '%1' (use %2).")
                    .arg(parser.value(pageOption), MainWindow::pageNames().join(QStringLiteral(", "))));
  if (extension)
    if (const QString problem = extension->check(parser); !problem.isEmpty()) return fail(problem);

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
  HlaReader::instance().startLoading(settings->hlaData.isEmpty() ? AppSettings::hlaReleaseDir() : settings->hlaData,
                                     AppSettings::macTablePath());

  Workspace workspace;
  const QString url = parser.isSet(QStringLiteral("db")) ? settings->database : AppSettings::database();
  if (const dd::Status opened = workspace.openDatabase(url); !opened)
    return fail(QCoreApplication::translate("Application", "Cannot open the database: %1")
                    .arg(dd::qt::translated(opened.error())),
                1);
  MainWindow& window = workspace.window();
  if (firstPage) window.showPage(*firstPage);
  window.show();

  if (extension)
    if (const std::optional<int> code = extension->start(parser, workspace)) return *code;
  std::unique_ptr<SmokeRun> smoke;
  if (parser.isSet(smokeOption)) smoke = std::make_unique<SmokeRun>(workspace);
  const int code = app.exec();
  if (smoke && !smoke->problems().isEmpty())
    return fail(smoke->problems().join(QStringLiteral("\ndonordesk: ")), 1);
  spdlog::info("DonorDesk exiting with code {}", code);
  return code;
}

}  // namespace

int runApplication(int argc, char** argv, LaunchExtension* extension) {
  // --help and --version must work without a display (CI, ssh sessions).
  if (hasArgument(argc, argv, {"--help", "-h", "--help-all", "--version", "-v"})) {
    QCoreApplication app(argc, argv);
    return run(app, extension);
  }
  // Unattended renders need no display: fall back to the offscreen platform.
  const bool unattended = hasArgument(argc, argv, {"--smoke"}) || (extension && extension->unattended());
  if (unattended && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
      qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  return run(app, extension);
}

}  // namespace dd::gui
