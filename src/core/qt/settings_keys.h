#pragma once
// Every per-user setting's key (QSettings, "group/name"), in one place: the
// GUI's Settings dialog, the print use cases and `donordesk-cli settings`
// read and write the same keys, and a key renamed here is renamed for all.
namespace dd::settings_keys {

inline constexpr char kDatabaseUrl[] = "database/url";  // "" = the default SQLite file
inline constexpr char kHlaReleaseDir[] = "hla/releaseDir";
inline constexpr char kMacTable[] = "hla/macTable";
inline constexpr char kLanguage[] = "ui/language";

inline constexpr char kOrganisationName[] = "organisation/name";  // printed on every form
inline constexpr char kOrganisationAddress[] = "organisation/address";
inline constexpr char kOrganisationLogo[] = "organisation/logo";
inline constexpr char kTemplateFolder[] = "documents/templateFolder";  // "" = the installed templates

// Today's recruitment drive, carried from one registration to the next.
inline constexpr char kDriveDate[] = "registration/driveDate";
inline constexpr char kDrivePlace[] = "registration/drivePlace";
inline constexpr char kDriveOrganiser[] = "registration/driveOrganiser";

// Window sizes and list columns: the prefix plus the window's or list's name.
inline constexpr char kGeometryPrefix[] = "geometry/";
inline constexpr char kColumnsPrefix[] = "columns/";

}  // namespace dd::settings_keys
