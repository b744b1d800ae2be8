#pragma once
// Deciding how a file someone hands us is encoded, from evidence rather than
// a guess: a byte-order mark, UTF-8 that is valid throughout, an explicit
// choice, or GB18030 (what Chinese Excel/WPS write) only when the bytes are
// well-formed GB18030 and do not look like damaged UTF-8. A stray byte in a
// UTF-8 file once turned every name into mojibake with exit 0; now such a
// file is refused, naming the line and byte.
#include <QByteArray>
#include <QString>

#include "core/expected.h"

namespace dd::app {

struct DecodedText {
  QString text;
  QString encoding;  // "utf-8", "gb18030", "utf-16le" or "utf-16be"
};

// requested: "utf-8"/"utf8", "gb18030"/"gbk", "utf-16"/"utf-16le"/"utf-16be",
// or empty to decide from the bytes. sourceName is used in messages.
Expected<DecodedText> decodeText(const QByteArray& bytes, const QString& requested, const QString& sourceName);

}  // namespace dd::app
