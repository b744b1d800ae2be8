#pragma once
// Watches every window the application shows and hands it to
// FileDialogs::protect() before the user can type a path into it: Qt's own
// print dialog has an output-file field with a completer, and a "…" button
// that opens a QFileDialog, neither of which is made by our code. With
// Qt::AA_DontUseNativeDialogs (set here) no desktop file chooser runs inside
// the process either. See database_files.h for why.
#include <QObject>

namespace dd::gui {

class ApplicationFileGuard : public QObject {
  Q_OBJECT
 public:
  // Installs the guard on the running application (once; later calls do nothing).
  static void install();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  using QObject::QObject;
};

}  // namespace dd::gui
