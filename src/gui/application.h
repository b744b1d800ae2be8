#pragma once
// The whole life of the GUI process; src/main.cpp only calls runApplication.
// The documentation renderer (src/tools/screenshot) starts the same way —
// language, style, HLA tables, database, main window — and adds its own
// options through a LaunchExtension; the shipped program passes none.
#include <optional>

#include <QCommandLineOption>
#include <QList>

class QCommandLineParser;

namespace dd::gui {

class Workspace;

class LaunchExtension {
 public:
  virtual ~LaunchExtension() = default;
  virtual QList<QCommandLineOption> options() const = 0;
  // Runs without anyone at the screen (falls back to the offscreen platform).
  virtual bool unattended() const = 0;
  // "" when the parsed options make sense, else the message for stderr.
  virtual QString check(const QCommandLineParser& parser) const = 0;
  // Called once the main window is shown: an exit code ends the program,
  // nullopt goes on into the event loop.
  virtual std::optional<int> start(const QCommandLineParser& parser, Workspace& workspace) = 0;
};

int runApplication(int argc, char** argv, LaunchExtension* extension = nullptr);

}  // namespace dd::gui
