#pragma once
// The DDL of each schema version (see docs/data-model.md). Portable SQL that
// SQLite 3.35+ and PostgreSQL 15 both accept; %ID% becomes the backend's
// auto-numbered primary key. Never edit a released version: add a new one.
#include <QStringList>

namespace dd::store::schema {
QStringList version1();
QStringList version2();
QStringList version3();  // workup_case.consent_template (documents)
QStringList version4();  // workup_case.stage_note (skipped or undone stages)
QStringList version5();  // volunteer_phone.replaced_on (replaced numbers kept as history)
QStringList version6();  // workup_case.case_code (what forms and staff call a case)
QStringList version7();  // volunteer.synthetic, patient.synthetic (what generate wrote)
QStringList version8();  // volunteer.emergency2_* (a second emergency contact)
QStringList
version9();  // PostgreSQL: NOTIFY on volunteer writes; index on volunteer.row_version (change stamp)
QStringList version10();  // retention: contact freshness, readiness, campaigns, groups, case risk, follow-ups
QStringList version11();  // indexes for the statistics, regions and follow-ups (no full reads of volunteer)
// A statement of version9() on starts with this marker when it is for
// PostgreSQL only; SQLite skips it. kSqliteOnly: the other way round.
inline constexpr const char* kPostgresOnly = "%POSTGRES%";
inline constexpr const char* kSqliteOnly = "%SQLITE%";
}  // namespace dd::store::schema
