#pragma once
// The shell staff work in: a navigation list on the left, one page per
// capability on the right, the database in use in the status bar. Pages are
// separate widgets; this class only arranges them and routes the window-wide
// shortcuts (Ctrl+N, Ctrl+F, Ctrl+P) to the page on screen (PageCommands).
#include <QMainWindow>
#include <QStringList>
#include <memory>
#include <optional>

class QLabel;

namespace Ui {
class MainWindow;
}

namespace dd::gui {

enum class Page { Volunteers, Patients, MatchSearch, Cases, Retention, Statistics };

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(const QString& databaseLabel, QWidget* parent = nullptr);
  ~MainWindow() override;

  // The pages by the names --page and the self-check use ("volunteers", "match", ...).
  static std::optional<Page> pageByName(const QString& name);
  static QStringList pageNames();

  // Replaces the page shown for `page` (the window takes ownership).
  void setPage(Page page, QWidget* widget);
  void showPage(Page page);
  QWidget* page(Page page) const;
  Page currentPage() const;
  void setDatabaseLabel(const QString& label);
  // A standing notice about the HLA data (refused, or used unverified);
  // empty hides it.
  void setHlaNotice(const QString& text);

 Q_SIGNALS:
  void settingsRequested();

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void addNavigationEntry(Page page, const QString& icon, const QString& title, const QString& description);
  void pageChanged(int index);
  void updateActions();
  void showAbout();

  std::unique_ptr<Ui::MainWindow> ui_;
  QLabel* databaseLabel_ = nullptr;
  QLabel* hlaNotice_ = nullptr;
};

}  // namespace dd::gui
