#pragma once
// The volunteer's field table: one row per stored field, read by every layer
// that lists fields — the store's columns and audit snapshot, the editor
// form, the CSV import's headings, the documents' placeholders, the field
// labels, the text limits and checks. Adding a text field to the registry is
// one row here, one migration (store/migrations.cpp) and its widget in
// ui/volunteer_editor.ui (named as `widget` says).
#include <functional>

#include <QList>
#include <QString>
#include <QVariant>

#include "model/entities.h"

namespace dd::model {

enum class FieldKind : std::uint8_t {
  Text,       // one line of free text
  MultiLine,  // free text that may hold line breaks (address, reasons)
  Phone,      // one line, checked as a phone number, masked where staff read the history
  Date,       // QDate; invalid = not recorded
  Decimal,    // double; 0 = not recorded (weight)
  Count,      // int (donations)
  Reference,  // qint64 id of another record; 0 = none
  Key,        // a vocabulary key (sex, status), stored as the key
};

enum FieldFlag : unsigned {
  kRequired = 1u << 0,     // stored as given, never NULL; documents show it as it is, not "—"
  kInDocuments = 1u << 1,  // printed forms get it as "volunteer.<key>" ("—" when empty)
  kReadOnlyOnForm = 1u << 2,  // shown on the form, never read back from it (assigned by the registry)
};

struct VolunteerField {
  QString key;         // column name, Error::field, audit field, CSV import key
  const char* label = nullptr;  // English label, QT_TRANSLATE_NOOP("dd::model", ...); nullptr: fieldLabel's rule (HLA-A)
  FieldKind kind = FieldKind::Text;
  int maxChars = 0;    // text kinds: the longest value accepted (a Chinese character counts one)
  unsigned flags = 0;
  QString importNames;  // CSV headings that mean this field, '|'-separated; empty: not imported this way
  QString widget;       // objectName of its editor in ui/volunteer_editor.ui; empty: not on the form
  std::function<QVariant(const Volunteer&)> get;
  std::function<void(Volunteer&, const QVariant&)> set;

  bool isText() const { return kind == FieldKind::Text || kind == FieldKind::MultiLine || kind == FieldKind::Phone; }
  bool has(FieldFlag flag) const { return (flags & flag) != 0; }
  QString text(const Volunteer& volunteer) const { return get(volunteer).toString(); }
};

// Every stored field of a volunteer in column order (phones are rows of
// their own, not fields).
const QList<VolunteerField>& volunteerFields();
// The field with this key, or nullptr.
const VolunteerField* volunteerField(const QString& key);

}  // namespace dd::model
