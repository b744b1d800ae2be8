#pragma once
// donordesk --smoke: the installed program checks itself the way a new office
// would see it. It opens every page in turn, waits for the HLA tables to load
// and then quits; it fails (exit 1, with the reasons on stderr) when the HLA
// tables cannot be read, when the translations are missing, or when Qt printed
// any warning on the way (a warning is a connection not made, a widget that
// does not work, a plugin that is missing).
#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

namespace dd::gui {

class Workspace;

class SmokeRun : public QObject {
  Q_OBJECT
 public:
  // The window must be shown; the run starts with the event loop.
  explicit SmokeRun(Workspace& workspace, int secondsToWaitForHla = 60);
  // Problems found so far (translated); empty when everything worked.
  QStringList problems() const { return problems_; }

 private:
  void openNextPage();
  void finishWhenHlaSettled();
  void finish();

  Workspace& workspace_;
  int nextPage_ = 0;
  int hlaDeadlineMs_;
  QElapsedTimer waited_;  // started when the last page was shown
  QStringList problems_;
};

}  // namespace dd::gui
