#include "app/text_encoding.h"

#include <QStringDecoder>

namespace dd::app {
namespace {

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }

using Bytes = const unsigned char*;

// Length of the well-formed UTF-8 sequence at p[i], 0 when it is not one
// (strict: no overlongs, no surrogates, nothing above U+10FFFF).
int utf8SequenceLength(Bytes p, qsizetype i, qsizetype n) {
  const unsigned char c = p[i];
  if (c < 0x80) return 1;
  int extra = 0;
  unsigned int code = 0;
  if ((c & 0xE0) == 0xC0) {
    extra = 1;
    code = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    extra = 2;
    code = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    extra = 3;
    code = c & 0x07;
  } else {
    return 0;
  }
  if (i + extra >= n) return 0;
  for (int k = 1; k <= extra; ++k) {
    if ((p[i + k] & 0xC0) != 0x80) return 0;
    code = (code << 6) | (p[i + k] & 0x3F);
  }
  static const unsigned int minimum[] = {0, 0x80, 0x800, 0x10000};
  if (code < minimum[extra] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return extra + 1;
}

// Length of the well-formed GB18030 sequence at p[i], 0 when it is not one:
// ASCII, lead 81-FE + trail 40-7E/80-FE, or lead 81-FE + 30-39 + 81-FE + 30-39.
int gb18030SequenceLength(Bytes p, qsizetype i, qsizetype n) {
  const unsigned char c = p[i];
  if (c < 0x80) return 1;
  if (c == 0x80 || c == 0xFF || i + 1 >= n) return 0;
  const unsigned char t = p[i + 1];
  if ((t >= 0x40 && t <= 0x7E) || (t >= 0x80 && t <= 0xFE)) return 2;
  if (t >= 0x30 && t <= 0x39 && i + 3 < n && p[i + 2] >= 0x81 && p[i + 2] <= 0xFE && p[i + 3] >= 0x30 &&
      p[i + 3] <= 0x39)
    return 4;
  return 0;
}

struct Scan {
  qsizetype firstBad = -1;  // byte offset of the first byte that is not part of a sequence
  qsizetype multibyte = 0;  // well-formed non-ASCII sequences
  qsizetype bad = 0;        // bytes that start no sequence
  // GB18030 only: two-byte sequences whose second byte is ASCII (0x40-0x7E).
  // Chinese text has few (rarer GBK characters); Latin-1 or Windows-1252
  // text, read as GB18030, has one at nearly every accented letter.
  qsizetype asciiTrail = 0;
  qsizetype firstAsciiTrail = -1;
};

template <typename SequenceLength>
Scan scan(const QByteArray& bytes, SequenceLength length) {
  Scan result;
  const auto* p = reinterpret_cast<Bytes>(bytes.constData());
  const qsizetype n = bytes.size();
  for (qsizetype i = 0; i < n;) {
    const int len = length(p, i, n);
    if (len == 0) {
      if (result.firstBad < 0) result.firstBad = i;
      ++result.bad;
      ++i;
      continue;
    }
    if (len > 1) ++result.multibyte;
    if (len == 2 && p[i + 1] < 0x80) {
      if (result.firstAsciiTrail < 0) result.firstAsciiTrail = i;
      ++result.asciiTrail;
    }
    i += len;
  }
  return result;
}

// Names the bad byte as staff can find it in an editor: the line counted
// from 1, the byte within that line counted from 1, and its value.
Error badByte(const QString& sourceName, const QByteArray& bytes, qsizetype offset, const char* text) {
  const QByteArray before = bytes.left(offset);
  const qsizetype line = before.count('\n') + 1;
  const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
  const QString value =
      QStringLiteral("0x") +
      QStringLiteral("%1").arg(static_cast<unsigned char>(bytes.at(offset)), 2, 16, QLatin1Char('0')).toUpper();
  return makeError("import.decode", "dd::app", text,
                   {utf8(sourceName), std::to_string(line), std::to_string(column), utf8(value)});
}

Error notUtf8(const QString& sourceName, const QByteArray& bytes, qsizetype offset) {
  return badByte(sourceName, bytes, offset,
                 QT_TRANSLATE_NOOP("dd::app", "%1 is not valid UTF-8: line %2, byte %3 (%4) is not part of any "
                                              "character. Nothing was imported; correct or re-save the file as UTF-8."));
}

Error notGb18030(const QString& sourceName, const QByteArray& bytes, qsizetype offset) {
  return badByte(sourceName, bytes, offset,
                 QT_TRANSLATE_NOOP("dd::app", "%1 is not valid GB18030: line %2, byte %3 (%4) is not part of any "
                                              "character. Nothing was imported; correct or re-save the file."));
}

Error damagedUtf8(const QString& sourceName, const QByteArray& bytes, qsizetype offset) {
  return badByte(sourceName, bytes, offset,
                 QT_TRANSLATE_NOOP("dd::app", "%1 looks like UTF-8 text with damaged bytes: line %2, byte %3 (%4) is "
                                              "not part of any character. Nothing was imported; correct the file, or "
                                              "give --encoding gb18030 if it really is GB18030."));
}

Error unreadable(const QString& sourceName, const char* what) {
  return makeError("import.not_text", "dd::app", what, {utf8(sourceName)});
}

QString decode(QStringDecoder decoder, const QByteArray& bytes, bool* ok) {
  const QString text = decoder.decode(bytes);
  *ok = !decoder.hasError();
  return text;
}

Expected<DecodedText> asUtf16(const QByteArray& bytes, bool littleEndian, const QString& sourceName) {
  bool ok = false;
  const QString text = decode(QStringDecoder(littleEndian ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE,
                                             QStringDecoder::Flag::Stateless),
                              bytes, &ok);
  if (!ok || bytes.size() % 2 != 0)
    return makeError("import.decode", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "%1 is UTF-16 text but is cut short or damaged. Nothing was "
                                                  "imported; re-save the file as CSV UTF-8."),
                     {utf8(sourceName)});
  return DecodedText{text, littleEndian ? QStringLiteral("utf-16le") : QStringLiteral("utf-16be")};
}

// UTF-16 without a byte-order mark: text in it has a zero byte in every
// other position (ASCII characters), which no 8-bit text has.
std::optional<bool> looksLikeUtf16(const QByteArray& bytes) {
  const qsizetype n = std::min<qsizetype>(bytes.size(), 4096) & ~qsizetype(1);
  if (n < 4) return std::nullopt;
  qsizetype evenZeros = 0, oddZeros = 0;
  for (qsizetype i = 0; i < n; i += 2) {
    evenZeros += bytes.at(i) == 0 ? 1 : 0;
    oddZeros += bytes.at(i + 1) == 0 ? 1 : 0;
  }
  const qsizetype pairs = n / 2;
  if (oddZeros * 10 >= pairs * 3 && evenZeros * 10 < pairs) return true;  // little-endian
  if (evenZeros * 10 >= pairs * 3 && oddZeros * 10 < pairs) return false;
  return std::nullopt;
}

Expected<DecodedText> asUtf8(const QByteArray& bytes, const QString& sourceName) {
  const Scan result = scan(bytes, utf8SequenceLength);
  if (result.firstBad >= 0) return notUtf8(sourceName, bytes, result.firstBad);
  return DecodedText{QString::fromUtf8(bytes), QStringLiteral("utf-8")};
}

// guessed: the file was not declared GB18030, so its bytes must also look
// like Chinese text, not like a Western 8-bit encoding.
Expected<DecodedText> asGb18030(const QByteArray& bytes, const QString& sourceName, bool guessed) {
  const Scan result = scan(bytes, gb18030SequenceLength);
  if (result.firstBad >= 0) return notGb18030(sourceName, bytes, result.firstBad);
  if (guessed && result.asciiTrail * 2 > result.multibyte)
    return badByte(sourceName, bytes, result.firstAsciiTrail,
                   QT_TRANSLATE_NOOP("dd::app", "%1 is neither UTF-8 nor Chinese GB18030 text (line %2, byte %3, "
                                                "%4, starts no Chinese character; it may be Latin-1 or another "
                                                "Western encoding). Nothing was imported; re-save the file as CSV "
                                                "UTF-8, or give --encoding gb18030 if it really is GB18030."));
  bool ok = false;
  const QString text = decode(QStringDecoder("GB18030", QStringDecoder::Flag::Stateless), bytes, &ok);
  if (!ok) return notGb18030(sourceName, bytes, 0);
  return DecodedText{text, QStringLiteral("gb18030")};
}

}  // namespace

Expected<DecodedText> decodeText(const QByteArray& raw, const QString& requested, const QString& sourceName) {
  const QString wanted = requested.trimmed().toLower();
  QByteArray bytes = raw;
  if (bytes.startsWith("PK\x03\x04"))
    return unreadable(sourceName, QT_TRANSLATE_NOOP("dd::app", "%1 is an Excel workbook (.xlsx), not a CSV file. Save "
                                                               "it from Excel or WPS as \"CSV UTF-8\" and import that."));
  if (bytes.startsWith("\xD0\xCF\x11\xE0"))
    return unreadable(sourceName, QT_TRANSLATE_NOOP("dd::app", "%1 is an old Excel workbook (.xls), not a CSV file. "
                                                               "Save it from Excel or WPS as \"CSV UTF-8\" and import "
                                                               "that."));
  if (bytes.startsWith(QByteArray("\xFF\xFE\x00\x00", 4)) || bytes.startsWith(QByteArray("\x00\x00\xFE\xFF", 4)))
    return unreadable(sourceName, QT_TRANSLATE_NOOP("dd::app", "%1 is UTF-32 text, which is not read here. Save it "
                                                               "as \"CSV UTF-8\" and import that."));
  // A byte-order mark is the strongest evidence there is; an explicit
  // --encoding that contradicts it is a mistake worth saying so.
  if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
    const bool little = bytes.startsWith("\xFF\xFE");
    if (!wanted.isEmpty() && !wanted.startsWith(QLatin1String("utf-16")))
      return makeError("import.encoding", "dd::app",
                       QT_TRANSLATE_NOOP("dd::app", "%1 starts with a UTF-16 byte-order mark, not %2 text."),
                       {utf8(sourceName), utf8(requested)});
    return asUtf16(bytes.mid(2), little, sourceName);
  }
  const bool utf8Bom = bytes.startsWith("\xEF\xBB\xBF");
  if (utf8Bom) bytes.remove(0, 3);

  if (wanted.isEmpty()) {
    if (utf8Bom) return asUtf8(bytes, sourceName);
    if (const auto little = looksLikeUtf16(bytes)) return asUtf16(bytes, *little, sourceName);
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0)
      return badByte(sourceName, bytes, nul,
                     QT_TRANSLATE_NOOP("dd::app", "%1 contains NUL bytes (the first on line %2, byte %3, %4): it is "
                                                  "not a text CSV file."));
    const Scan asUtf = scan(bytes, utf8SequenceLength);
    if (asUtf.firstBad < 0) return DecodedText{QString::fromUtf8(bytes), QStringLiteral("utf-8")};
    // Damaged UTF-8: mostly well-formed multi-byte characters with a few bad
    // bytes. GB18030 text fails UTF-8 at nearly every Chinese character.
    if (asUtf.multibyte >= 2 && asUtf.multibyte >= 4 * asUtf.bad) return damagedUtf8(sourceName, bytes, asUtf.firstBad);
    return asGb18030(bytes, sourceName, true);
  }
  if (wanted == QLatin1String("utf-8") || wanted == QLatin1String("utf8")) return asUtf8(bytes, sourceName);
  if (utf8Bom)
    return makeError("import.encoding", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "%1 starts with a UTF-8 byte-order mark, not %2 text."),
                     {utf8(sourceName), utf8(requested)});
  if (wanted == QLatin1String("gb18030") || wanted == QLatin1String("gbk") || wanted == QLatin1String("gb2312")) {
    // Chinese UTF-8 read as GB18030 decodes "cleanly" into mojibake; a file
    // that is valid UTF-8 with Chinese in it is not GB18030.
    const Scan asUtf = scan(bytes, utf8SequenceLength);
    if (asUtf.firstBad < 0 && asUtf.multibyte > 0)
      return makeError("import.encoding", "dd::app",
                       QT_TRANSLATE_NOOP("dd::app", "%1 is valid UTF-8 text, not GB18030: read as GB18030 its names "
                                                    "would be garbled. Import it without --encoding."),
                       {utf8(sourceName)});
    return asGb18030(bytes, sourceName, false);
  }
  if (wanted.startsWith(QLatin1String("utf-16"))) {
    // Said to be UTF-16 but without its zero bytes: 8-bit text read as
    // UTF-16 is one long line of nonsense.
    if (!looksLikeUtf16(bytes).has_value())
      return makeError("import.encoding", "dd::app",
                       QT_TRANSLATE_NOOP("dd::app", "%1 does not look like UTF-16 text; import it without "
                                                    "--encoding."),
                       {utf8(sourceName)});
    return asUtf16(bytes, wanted != QLatin1String("utf-16be"), sourceName);
  }
  return makeError("import.encoding", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "Unsupported encoding '%1' (use utf-8, gb18030 or utf-16)."),
                   {utf8(requested)});
}

}  // namespace dd::app
