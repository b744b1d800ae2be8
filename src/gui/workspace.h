#pragma once
// Everything one GUI session works with: the open registry (one database
// connection on the GUI thread), the main window and its pages. Switching the
// database in Settings opens the new one first and only then rebuilds the
// pages, so a failed switch leaves the session as it was. One SearchIndex per
// open database, built in the background as it opens (progress in the status bar).
#include <QObject>
#include <QPointer>
#include <memory>
#include <optional>

#include "app/hla_check.h"
#include "core/expected.h"


namespace dd::app {
class Registry;
}

namespace dd::gui {

class MainWindow;
class SearchIndex;
enum class Page;

class Workspace : public QObject {
  Q_OBJECT
 public:
  Workspace();
  ~Workspace() override;

  // Opens (creating/migrating) the database at url ("" = default SQLite file)
  // and shows its data in every page.
  dd::Status openDatabase(const QString& url);
  app::Registry* registry() const { return registry_.get(); }
  // The open database's match search index (built in the background on open).
  SearchIndex* searchIndex() const { return index_.get(); }
  QString databaseUrl() const { return url_; }
  MainWindow& window() { return *window_; }

  // Settings dialog; on OK a changed database is opened (errors shown).
  void showSettings();

  // "" when url opens; else the reason. Safe to call from any thread.
  static QString testConnection(const QString& url);

 private:
  app::HlaChecker hlaChecker() const;
  QString hlaNotice() const;
  void rebuildPages();

  std::unique_ptr<app::Registry> registry_;
  std::unique_ptr<SearchIndex> index_;  // after registry_: goes first (it unhooks itself from it)
  QString url_;
  std::unique_ptr<MainWindow> window_;
};

}  // namespace dd::gui
