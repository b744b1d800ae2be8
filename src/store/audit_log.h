#pragma once
// The append-only audit log. Rows are written by the same transaction as the
// change they describe (the caller's), so a change and its audit row are
// committed or rolled back together.
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include "core/expected.h"
#include "model/entities.h"

namespace dd::store {

class Database;

class AuditLog {
 public:
  explicit AuditLog(Database& db);
  ~AuditLog();
  Status write(const model::AuditEntry& entry);
  // One row per field whose text differs between before and after.
  Status writeChanges(const QString& staff, const QString& action, const QString& entity, qint64 entityId,
                      const QList<QPair<QString, QString>>& before, const QList<QPair<QString, QString>>& after);
  // One "*" row holding a JSON snapshot of every field (creation).
  Status writeSnapshot(const QString& staff, const QString& action, const QString& entity, qint64 entityId,
                       const QList<QPair<QString, QString>>& fields);
  Expected<QList<model::AuditEntry>> trail(const QString& entity, qint64 entityId);
  // The same, with each "*" snapshot split into one entry per recorded field
  // (old value empty), in `fieldOrder` (the record's own field order; fields
  // not in it follow, alphabetically): history reads field by field.
  Expected<QList<model::AuditEntry>> fieldTrail(const QString& entity, qint64 entityId, const QStringList& fieldOrder);
  // Who changed the entity last and when (for conflict messages); empty if unknown.
  QPair<QString, QString> lastChange(const QString& entity, qint64 entityId);

 private:
  Database& db_;
  struct Prepared;
  Prepared* prepared_ = nullptr;
};

}  // namespace dd::store
