#include "core/qt/common_options.h"

#include <QCoreApplication>
#include <cstdio>

#include "core/logging.h"
#include "core/qt/app_paths.h"
#include "core/qt/localization.h"
#include "core/qt/qt_log_bridge.h"

namespace dd::qt {
CommonOptions::CommonOptions()
    : db_(QStringLiteral("db"),
          tr("Database to open: a SQLite file path, sqlite:PATH, or "
             "postgresql://user[:password]@host:port/database."),
          tr("URL")),
      hlaData_(QStringLiteral("hla-data"), tr("IPD-IMGT/HLA release folder to load instead of the bundled 3.58.0."),
               tr("DIR")),
      hlaDataUnverified_(QStringLiteral("hla-data-unverified"),
                         tr("Use an HLA release folder even though its files fail the release's own checksums "
                            "(every result then carries a warning).")),
      logLevel_(QStringLiteral("log-level"), tr("Log level: trace, debug, info, warn, error, critical or off."),
                tr("LEVEL"), QStringLiteral("info")),
      lang_(QStringLiteral("lang"), tr("User interface language: zh_CN or en (default: system locale)."),
            tr("LANG")) {}

void CommonOptions::addTo(QCommandLineParser& parser) const {
  parser.addOption(db_);
  parser.addOption(hlaData_);
  parser.addOption(hlaDataUnverified_);
  parser.addOption(logLevel_);
  parser.addOption(lang_);
}

std::optional<CommonSettings> CommonOptions::read(const QCommandLineParser& parser, QString* error) const {
  CommonSettings settings;
  settings.database = parser.value(db_);
  settings.hlaData = parser.value(hlaData_);
  settings.hlaDataUnverified = parser.isSet(hlaDataUnverified_);
  const auto level = dd::log::parseLevel(parser.value(logLevel_).toStdString());
  if (!level) {
    *error = tr("Invalid value for --log-level: '%1' (use trace, debug, info, warn, error, critical or off).")
                 .arg(parser.value(logLevel_));
    return std::nullopt;
  }
  settings.logLevel = *level;
  settings.logLevelGiven = parser.isSet(logLevel_);
  settings.language = resolveLanguage(parser.value(lang_));
  if (settings.language.isEmpty()) {
    *error = tr("Unsupported value for --lang: '%1' (use zh_CN or en).").arg(parser.value(lang_));
    return std::nullopt;
  }
  return settings;
}

std::optional<QString> beginFrontEnd(const QStringList& arguments, QString* error) {
  setApplicationIdentity();
  const QString requested = preScanOption(arguments, QStringLiteral("lang"));
  const QString language = resolveLanguage(requested);
  if (language.isEmpty()) {
    // Still English help and messages, but the caller reports the bad value.
    *error = QStringLiteral("Unsupported value for --lang: '%1' (use zh_CN or en).").arg(requested);
    return std::nullopt;
  }
  // Logging is not up yet, and a missing catalogue means a broken
  // installation that the office should hear about at once.
  if (!installTranslators(language))
    std::fprintf(stderr, "donordesk: the %s translations are missing from %s; showing English source texts\n",
                 qPrintable(language), qPrintable(translationsDir()));
  return language;
}

void startLogging(spdlog::level::level_enum level, bool toFile, spdlog::level::level_enum stderrLevel) {
  dd::log::Options options;
  options.level = level;
  options.stderrLevel = stderrLevel;
  if (toFile) options.file = logFilePath().toStdString();
  (void)dd::log::init(options);  // a file problem is already logged to stderr
  installQtMessageRouting();
}

}  // namespace dd::qt
