#pragma once
// The values a template is filled with: named scalars ("volunteer.name"),
// tables for repeated rows (the ranked candidates of a search report) and
// flags for optional passages. Built by app/ code from store records; the
// documents layer never reads the database itself.
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace dd::documents {

using DataRow = QHash<QString, QString>;  // column name -> value, e.g. "grade" -> "10/10"

class DocumentData {
 public:
  // A scalar value. An empty value counts as missing when the template uses
  // it: a legal form must never print a blank where data belongs.
  void set(const QString& name, const QString& value) { values_.insert(name, value); }
  // Rows for a {{#name}}...{{/name}} section; fields are used as {{name.column}}.
  void setTable(const QString& name, QList<DataRow> rows) { tables_.insert(name, std::move(rows)); }
  // A flag: {{#name}}...{{/name}} is printed when on, {{^name}}...{{/name}} when off.
  void setFlag(const QString& name, bool on) { flags_.insert(name, on); }

  bool hasValue(const QString& name) const { return values_.contains(name); }
  QString value(const QString& name) const { return values_.value(name); }
  bool hasTable(const QString& name) const { return tables_.contains(name); }
  QList<DataRow> table(const QString& name) const { return tables_.value(name); }
  bool hasFlag(const QString& name) const { return flags_.contains(name); }
  bool flag(const QString& name) const { return flags_.value(name); }

  QStringList valueNames() const { return values_.keys(); }
  QStringList tableNames() const { return tables_.keys(); }
  QStringList flagNames() const { return flags_.keys(); }

  // Adds every entry of `other`, replacing entries of the same name.
  void merge(const DocumentData& other);

 private:
  QHash<QString, QString> values_;
  QHash<QString, QList<DataRow>> tables_;
  QHash<QString, bool> flags_;
};

}  // namespace dd::documents
