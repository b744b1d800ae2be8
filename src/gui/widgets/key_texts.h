#pragma once
// Fixed lists the GUI shows: a stored key with its English text (marked with
// QT_TRANSLATE_NOOP in the context that translates it), in display order;
// and a table's column headers. One table per list instead of an if-chain
// and a key list that must be kept in step.
#include <span>

#include <QCoreApplication>
#include <QStringList>
#include <QVariant>

namespace dd::gui {

struct KeyText {
  const char* key;
  const char* text;
};

inline QStringList keysOf(std::span<const KeyText> list) {
  QStringList keys;
  for (const KeyText& entry : list) keys << QLatin1String(entry.key);
  return keys;
}

// The translated text of key; the key itself when the list does not know it
// (a value written by a newer program).
inline QString textOf(std::span<const KeyText> list, const char* context, const QString& key) {
  for (const KeyText& entry : list)
    if (key == QLatin1String(entry.key)) return QCoreApplication::translate(context, entry.text);
  return key;
}

// headerData for a table whose column n is titled headers[n] (English,
// marked QT_TRANSLATE_NOOP in context; a name such as "DRB1" left unmarked
// comes out as it is).
inline QVariant columnHeader(std::span<const char* const> headers, const char* context, int section,
                             Qt::Orientation orientation, int role) {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  if (section < 0 || section >= static_cast<int>(headers.size())) return {};
  return QCoreApplication::translate(context, headers[static_cast<std::size_t>(section)]);
}

}  // namespace dd::gui
