#pragma once
// Options every front end (GUI and CLI) understands, and the start-up steps
// they share: identity, language, translators, logging.
#include <optional>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <spdlog/common.h>

namespace dd::qt {

struct CommonSettings {
  QString database;  // --db as given; empty means the default SQLite file
  QString hlaData;   // --hla-data; empty means the bundled IMGT/HLA release
  bool hlaDataUnverified = false;  // --hla-data-unverified: load a folder that fails its checksums
  QString language;  // "zh_CN" or "en"
  spdlog::level::level_enum logLevel = spdlog::level::info;
  bool logLevelGiven = false;  // --log-level was on the command line
};

class CommonOptions {
  Q_DECLARE_TR_FUNCTIONS(dd::qt::CommonOptions)

 public:
  CommonOptions();  // construct after installTranslators() so help texts are translated
  void addTo(QCommandLineParser& parser) const;
  // The settings, or nullopt with *error naming the bad option and value.
  std::optional<CommonSettings> read(const QCommandLineParser& parser, QString* error) const;

 private:
  QCommandLineOption db_;
  QCommandLineOption hlaData_;
  QCommandLineOption hlaDataUnverified_;
  QCommandLineOption logLevel_;
  QCommandLineOption lang_;
};

// Sets the application identity, picks the language from --lang (pre-scanned
// so that --help is already translated) or the system locale, and installs
// the translators. Returns nullopt with *error for an unsupported --lang.
std::optional<QString> beginFrontEnd(const QStringList& arguments, QString* error);

// Rotating log file in the data dir (unless toFile is false) plus stderr, and
// Qt's own messages routed into it.
void startLogging(spdlog::level::level_enum level, bool toFile,
                  spdlog::level::level_enum stderrLevel = spdlog::level::trace);

}  // namespace dd::qt
