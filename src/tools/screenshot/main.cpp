// donordesk-screenshot: renders the main window on a page, or one dialog,
// into a PNG for the documentation (scripts/screenshots). A build tool: it
// links the GUI library, the shipped donordesk program does not link it.
//   donordesk-screenshot --output PATH [--page NAME] [--dialog NAME[:TAB]]
//                        [--lang L] [--db URL] ...
#include <cstdio>

#include <QCommandLineParser>
#include <QCoreApplication>

#include "dialog_catalogue.h"
#include "gui/application.h"
#include "gui/workspace.h"
#include "screenshots.h"

namespace {

class ScreenshotLaunch : public dd::gui::LaunchExtension {
  Q_DECLARE_TR_FUNCTIONS(ScreenshotLaunch)

 public:
  // Built when asked, after the translators are installed, so --help speaks
  // the chosen language.
  QList<QCommandLineOption> options() const override {
    return {QCommandLineOption({QStringLiteral("o"), kOutput}, tr("Render into the PNG file PATH and quit."), tr("PATH")),
            QCommandLineOption(kDialog,
                               tr("Render this dialog instead of the window (NAME:TAB for a tab): %1.")
                                   .arg(dd::gui::DialogCatalogue::names().join(QStringLiteral(", "))),
                               tr("NAME")),
            QCommandLineOption(kTab, tr("Show this tab of the page first (0 = its first tab)."), tr("N"))};
  }
  bool unattended() const override { return true; }

  QString check(const QCommandLineParser& parser) const override {
    if (!parser.isSet(kOutput)) return tr("Name the PNG file to write with --output PATH.");
    const QString dialog = parser.value(kDialog).section(QLatin1Char(':'), 0, 0);
    if (parser.isSet(kDialog) && !dd::gui::DialogCatalogue::names().contains(dialog))
      return tr("Unknown dialog '%1' (use %2).")
          .arg(parser.value(kDialog), dd::gui::DialogCatalogue::names().join(QStringLiteral(", ")));
    return {};
  }

  std::optional<int> start(const QCommandLineParser& parser, dd::gui::Workspace& workspace) override {
    const QString path = parser.value(kOutput);
    const QString problem = parser.isSet(kDialog) ? dd::gui::screenshotDialog(workspace, parser.value(kDialog), path)
                                                  : dd::gui::screenshotPage(workspace, path, parser.value(kTab).toInt());
    if (problem.isEmpty()) return 0;
    std::fprintf(stderr, "donordesk-screenshot: %s\n", qPrintable(problem));
    return 1;
  }

 private:
  const QString kOutput = QStringLiteral("output");
  const QString kDialog = QStringLiteral("dialog");
  const QString kTab = QStringLiteral("tab");
};

}  // namespace

int main(int argc, char** argv) {
  ScreenshotLaunch launch;
  return dd::gui::runApplication(argc, argv, &launch);
}
