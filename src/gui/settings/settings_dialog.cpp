#include "gui/settings/settings_dialog.h"

#include "gui/widgets/file_dialogs.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPushButton>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

#include "core/qt/app_paths.h"
#include "gui/settings/app_settings.h"
#include "gui/widgets/field_errors.h"
#include "ui_settings_dialog.h"

namespace dd::gui {
namespace {
enum Kind { DefaultFile, SqliteFile, Postgres };

bool isPostgresUrl(const QString& url) {
  return url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://"));
}
}  // namespace

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent), ui_(std::make_unique<Ui::SettingsDialog>()), errors_(std::make_unique<FieldErrors>()) {
  ui_->setupUi(this);
  ui_->databaseKind->addItem(tr("Default SQLite file (%1)").arg(QDir::toNativeSeparators(dd::qt::defaultDatabasePath())));
  ui_->databaseKind->addItem(tr("Another SQLite file"));
  ui_->databaseKind->addItem(tr("PostgreSQL server"));
  ui_->language->addItem(tr("System default"), QString());
  ui_->language->addItem(QStringLiteral("中文（简体）"), QStringLiteral("zh_CN"));
  ui_->language->addItem(QStringLiteral("English"), QStringLiteral("en"));
  errors_->add(QStringLiteral("database"), ui_->sqlitePath, ui_->databaseError);
  errors_->add(QStringLiteral("hla_release"), ui_->hlaReleaseDir, ui_->hlaReleaseError);
  errors_->add(QStringLiteral("mac_table"), ui_->macTablePath, ui_->macTableError);
  errors_->add(QStringLiteral("logo"), ui_->logoPath, ui_->logoPathError);
  ui_->hlaReleaseDir->setPlaceholderText(tr("Bundled release: %1").arg(dd::qt::bundledHlaDataDir()));
  ui_->macTablePath->setPlaceholderText(tr("None: MAC codes such as A*02:AB are not accepted"));

  connect(ui_->databaseKind, &QComboBox::currentIndexChanged, this, &SettingsDialog::kindChanged);
  connect(ui_->testConnection, &QPushButton::clicked, this, &SettingsDialog::testConnection);
  connect(ui_->browseSqlite, &QPushButton::clicked, this, [this] { browse(QStringLiteral("sqlite")); });
  connect(ui_->browseRelease, &QPushButton::clicked, this, [this] { browse(QStringLiteral("release")); });
  connect(ui_->browseMac, &QPushButton::clicked, this, [this] { browse(QStringLiteral("mac")); });
  connect(ui_->browseLogo, &QPushButton::clicked, this, [this] { browse(QStringLiteral("logo")); });
  connect(ui_->logoPath, &QLineEdit::textChanged, this, &SettingsDialog::updateLogoPreview);
  connect(ui_->buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
  connect(ui_->buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
  load();
  ui_->testConnection->setEnabled(false);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::setConnectionTester(ConnectionTester tester) {
  tester_ = std::move(tester);
  ui_->testConnection->setEnabled(static_cast<bool>(tester_));
}

void SettingsDialog::load() {
  showDatabaseInUse(AppSettings::database());
  ui_->hlaReleaseDir->setText(AppSettings::hlaReleaseDir());
  ui_->macTablePath->setText(AppSettings::macTablePath());
  const OrganisationInfo org = AppSettings::organisation();
  ui_->organisationName->setText(org.name);
  ui_->organisationAddress->setPlainText(org.address);
  ui_->logoPath->setText(org.logoPath);
  ui_->language->setCurrentIndex(qMax(0, ui_->language->findData(AppSettings::language())));
}

void SettingsDialog::showDatabaseInUse(const QString& url) {
  setDatabaseUrl(url);
  shownDatabase_ = databaseUrl();
}

void SettingsDialog::setDatabaseUrl(const QString& url) {
  if (url.isEmpty()) {
    ui_->databaseKind->setCurrentIndex(DefaultFile);
  } else if (isPostgresUrl(url)) {
    ui_->databaseKind->setCurrentIndex(Postgres);
    ui_->postgresUrl->setText(url);
  } else {
    ui_->databaseKind->setCurrentIndex(SqliteFile);
    ui_->sqlitePath->setText(url.startsWith(QLatin1String("sqlite:")) ? url.mid(7) : url);
  }
  kindChanged();
}

QString SettingsDialog::databaseUrl() const {
  switch (ui_->databaseKind->currentIndex()) {
    case SqliteFile: return ui_->sqlitePath->text().trimmed();
    case Postgres: return ui_->postgresUrl->text().trimmed();
    default: return {};
  }
}

void SettingsDialog::kindChanged() {
  const int kind = ui_->databaseKind->currentIndex();
  ui_->sqlitePath->setEnabled(kind == SqliteFile);
  ui_->browseSqlite->setEnabled(kind == SqliteFile);
  ui_->postgresUrl->setEnabled(kind == Postgres);
  errors_->add(QStringLiteral("database"), kind == Postgres ? static_cast<QWidget*>(ui_->postgresUrl)
                                                            : ui_->sqlitePath, ui_->databaseError);
  ui_->testResult->clear();
}

bool SettingsDialog::validate() {
  errors_->clearAll();
  const QString url = databaseUrl();
  const int kind = ui_->databaseKind->currentIndex();
  if (kind == SqliteFile) {
    if (url.isEmpty())
      errors_->show(QStringLiteral("database"), tr("Enter the path of the SQLite file."));
    else if (!QFileInfo(QFileInfo(url).absolutePath()).isDir())
      errors_->show(QStringLiteral("database"), tr("The folder %1 does not exist.").arg(QFileInfo(url).absolutePath()));
  } else if (kind == Postgres) {
    const QUrl parsed(url);
    if (!isPostgresUrl(url) || parsed.host().isEmpty() || parsed.path().size() < 2)
      errors_->show(QStringLiteral("database"),
                    tr("Write the server as postgresql://user@host:port/database."));
  }
  const QString release = ui_->hlaReleaseDir->text().trimmed();
  if (!release.isEmpty() && !QFileInfo(QDir(release).filePath(QStringLiteral("wmda"))).isDir())
    errors_->show(QStringLiteral("hla_release"),
                  tr("%1 is not an IPD-IMGT/HLA release folder (it has no wmda folder).").arg(release));
  const QString mac = ui_->macTablePath->text().trimmed();
  if (!mac.isEmpty() && !QFileInfo(mac).isFile())
    errors_->show(QStringLiteral("mac_table"), tr("The file %1 does not exist.").arg(mac));
  const QString logo = ui_->logoPath->text().trimmed();
  if (!logo.isEmpty() && QImage(logo).isNull())
    errors_->show(QStringLiteral("logo"), tr("%1 is not a readable image.").arg(logo));
  if (errors_->hasErrors()) {
    errors_->focusFirst();
    return false;
  }
  return true;
}

void SettingsDialog::accept() {
  if (!validate()) {
    for (int tab = 0; tab < ui_->tabs->count(); ++tab)
      if (ui_->tabs->widget(tab)->isAncestorOf(focusWidget())) ui_->tabs->setCurrentIndex(tab);
    return;
  }
  if (databaseChanged()) AppSettings::setDatabase(databaseUrl());
  AppSettings::setHlaReleaseDir(ui_->hlaReleaseDir->text());
  AppSettings::setMacTablePath(ui_->macTablePath->text());
  AppSettings::setOrganisation(
      {ui_->organisationName->text(), ui_->organisationAddress->toPlainText(), ui_->logoPath->text()});
  AppSettings::setLanguage(ui_->language->currentData().toString());
  QDialog::accept();
}

void SettingsDialog::testConnection() {
  if (!tester_) return;
  ui_->testConnection->setEnabled(false);
  ui_->testResult->setText(tr("Connecting…"));
  auto* watcher = new QFutureWatcher<QString>(this);
  connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
    const QString failure = watcher->result();
    watcher->deleteLater();
    ui_->testConnection->setEnabled(true);
    ui_->testResult->setText(failure.isEmpty() ? tr("Connection works.") : failure);
    Q_EMIT connectionTested(failure.isEmpty(), failure);
  });
  watcher->setFuture(QtConcurrent::run([tester = tester_, url = databaseUrl()] { return tester(url); }));
}

void SettingsDialog::browse(const QString& which) {
  QString chosen;
  if (which == QLatin1String("sqlite"))
    chosen = FileDialogs::databaseFile(this, tr("SQLite database file"), ui_->sqlitePath->text(),
                                       tr("SQLite databases (*.sqlite *.db);;All files (*)"));
  else if (which == QLatin1String("release"))
    chosen = FileDialogs::directory(this, tr("IPD-IMGT/HLA release folder"), ui_->hlaReleaseDir->text());
  else if (which == QLatin1String("mac"))
    chosen = FileDialogs::openFile(this, tr("MAC table"), ui_->macTablePath->text());
  else
    chosen = FileDialogs::openFile(this, tr("Logo"), ui_->logoPath->text(), tr("Images (*.png *.jpg *.jpeg *.svg)"));
  if (chosen.isEmpty()) return;
  if (which == QLatin1String("sqlite")) ui_->sqlitePath->setText(chosen);
  else if (which == QLatin1String("release")) ui_->hlaReleaseDir->setText(chosen);
  else if (which == QLatin1String("mac")) ui_->macTablePath->setText(chosen);
  else ui_->logoPath->setText(chosen);
}

void SettingsDialog::updateLogoPreview() {
  const QImage logo(ui_->logoPath->text().trimmed());
  ui_->logoPreview->setPixmap(logo.isNull() ? QPixmap() : QPixmap::fromImage(logo.scaledToHeight(48)));
}

}  // namespace dd::gui
