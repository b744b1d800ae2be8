#pragma once
// The workstation's remembered choices (QSettings, per user): which database
// to open, the HLA release and MAC table, the organisation printed on forms,
// the language, and the layout of windows and tables. One small typed
// wrapper so keys are spelled in one place.
#include <QByteArray>
#include <QString>

#include "model/entities.h"

class QHeaderView;
class QWidget;

namespace dd::gui {

struct OrganisationInfo {
  QString name;
  QString address;
  QString logoPath;
};

class AppSettings {
 public:
  // Empty database means "the default SQLite file".
  static QString database();
  static void setDatabase(const QString& url);
  static QString hlaReleaseDir();  // empty: the bundled release
  static void setHlaReleaseDir(const QString& dir);
  static QString macTablePath();  // empty: no MAC table
  static void setMacTablePath(const QString& path);
  static OrganisationInfo organisation();
  static void setOrganisation(const OrganisationInfo& info);
  static QString language();  // empty: follow the system locale
  static void setLanguage(const QString& language);
  // The recruitment drive of the last volunteer registered here: the next
  // registration on the same day starts with it (a drive registers many).
  static model::RecruitmentDrive lastDrive();
  static void setLastDrive(const model::RecruitmentDrive& drive);

  // Window geometry and table layouts, keyed by a stable name.
  static void saveGeometry(const QString& key, const QWidget* widget);
  static bool restoreGeometry(const QString& key, QWidget* widget);
  static void saveHeader(const QString& key, const QHeaderView* header);
  static bool restoreHeader(const QString& key, QHeaderView* header);
};

}  // namespace dd::gui
