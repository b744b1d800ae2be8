#pragma once
// Settings staff may change: the database (default file, another SQLite file
// or a PostgreSQL server, with a connection test that runs off the GUI
// thread), the HLA release folder and MAC table, the organisation printed on
// forms, and the language. OK validates every field and stores the choices
// in AppSettings; the caller applies a changed database.
#include <QDialog>
#include <functional>
#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace dd::gui {

class FieldErrors;

class SettingsDialog : public QDialog {
  Q_OBJECT
 public:
  // Opens `url` and returns an empty string, or the reason it failed. Called
  // on a worker thread: it must create its own connection.
  using ConnectionTester = std::function<QString(const QString& url)>;

  explicit SettingsDialog(QWidget* parent = nullptr);
  ~SettingsDialog() override;

  void setConnectionTester(ConnectionTester tester);
  // The database URL the form describes ("" for the default file).
  QString databaseUrl() const;
  bool databaseChanged() const { return databaseUrl() != shownDatabase_; }
  void setDatabaseUrl(const QString& url);
  // Opens on the database in use (which --db may have chosen, so it can
  // differ from the saved setting); OK then saves a database only when staff
  // changed it here.
  void showDatabaseInUse(const QString& url);
  // Validates; on success stores everything in AppSettings and closes.
  void accept() override;
  bool validate();

 Q_SIGNALS:
  void connectionTested(bool ok, const QString& message);

 private:
  void load();
  void kindChanged();
  void testConnection();
  void browse(const QString& which);
  void updateLogoPreview();

  std::unique_ptr<Ui::SettingsDialog> ui_;
  std::unique_ptr<FieldErrors> errors_;
  ConnectionTester tester_;
  QString shownDatabase_;  // the database the dialog opened with
};

}  // namespace dd::gui
