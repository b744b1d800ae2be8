#pragma once
// Rows the store keeps under optimistic locking: every such table carries
// id, row_version, created_at and updated_at, and an UPDATE applies only when
// the row still has the version the caller read (two workstations editing one
// record must not overwrite each other silently). The patient and workup
// repositories write through these two functions; the volunteer repository
// keeps its own prepared statements because an import reuses them per row.

#include <QDateTime>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantList>

#include "core/expected.h"
#include "store/sql_values.h"

namespace dd::store {

class Database;

// "SELECT id, row_version, created_at, updated_at, <columns> FROM <table>":
// the four stamps first, as readStamps expects them.
QString selectVersionedSql(const QString& table, const QStringList& columns);

// Reads the four stamps of a row selected as above; returns the index of the
// first of the entity's own columns.
template <class Row>
int readStamps(const QSqlQuery& q, Row& row) {
  row.id = q.value(0).toLongLong();
  row.rowVersion = q.value(1).toInt();
  row.createdAt = sql::toTimestamp(q.value(2));
  row.updatedAt = sql::toTimestamp(q.value(3));
  return 4;
}

// INSERT ... RETURNING id, with row_version 1 and both stamps set to now.
Expected<qint64> insertVersionedRow(Database& db, const QString& table, const QStringList& columns,
                                    const QVariantList& values, const QDateTime& now, const QString& what);

// UPDATE ... WHERE id = ? AND row_version = ?; false when no row had that
// version (someone else saved first, or the row is gone).
Expected<bool> updateVersionedRow(Database& db, const QString& table, const QStringList& columns,
                                  const QVariantList& values, qint64 id, int rowVersion, const QDateTime& now,
                                  const QString& what);

// The two above for an entity with id, rowVersion, createdAt and updatedAt:
// on success the entity carries what the row now holds.
template <class Row>
Status insertVersioned(Database& db, const QString& table, const QStringList& columns, const QVariantList& values,
                       Row& row, const QString& what) {
  const QDateTime now = sql::nowUtc();
  auto id = insertVersionedRow(db, table, columns, values, now, what);
  if (!id) return id.error();
  row.id = *id;
  row.rowVersion = 1;
  row.createdAt = row.updatedAt = now;
  return {};
}

template <class Row>
Expected<bool> updateVersioned(Database& db, const QString& table, const QStringList& columns,
                               const QVariantList& values, Row& row, const QString& what) {
  const QDateTime now = sql::nowUtc();
  auto applied = updateVersionedRow(db, table, columns, values, row.id, row.rowVersion, now, what);
  if (!applied || !*applied) return applied;
  row.rowVersion += 1;
  row.updatedAt = now;
  return true;
}

}  // namespace dd::store
