#pragma once
// The volunteer table's writable columns in one ordered list, used for the
// INSERT/UPDATE statements, for reading rows back and for audit diffs, so
// that a new column is added in exactly one place.
#include <QList>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

#include "model/entities.h"

namespace dd::store::volunteer_columns {

const QStringList& writable();                    // registry_no, name, ... import_batch_id
QVariantList values(const model::Volunteer& volunteer);  // bind values in writable() order
// Columns the store maintains from other tables and the workflow (never
// written by a volunteer save): last_contact_channel, failed_contacts,
// last_readiness_check, reservation_expires, withdrawal_requested_on.
const QStringList& maintained();
// Columns read back: id, row_version, created_at, updated_at, last_contact_ok, maintained(), then writable().
QString selectList(const QString& tableAlias = {});
model::Volunteer read(const QSqlQuery& query);  // a row selected with selectList()

// (column, text) pairs of everything the audit log tracks, phones included.
QList<QPair<QString, QString>> auditFields(const model::Volunteer& volunteer);
// "138... (mobile)*; 0531... [replaced 2026-12-01]" (* = current)
QString phonesText(const QList<model::Phone>& phones);

}  // namespace dd::store::volunteer_columns
