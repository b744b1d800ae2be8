#include "app/csv_file.h"

#include <QDate>
#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStringDecoder>

namespace dd::app {
namespace {

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }

bool isValidUtf8(const QByteArray& bytes) {
  // Strict UTF-8 (no overlongs, no surrogates): GB18030 text almost never passes.
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
  const qsizetype n = bytes.size();
  for (qsizetype i = 0; i < n;) {
    const unsigned char c = p[i];
    int extra = 0;
    unsigned int code = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1;
      code = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      code = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      code = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= n) return false;
    for (int k = 1; k <= extra; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      code = (code << 6) | (p[i + k] & 0x3F);
    }
    static const unsigned int minimum[] = {0, 0x80, 0x800, 0x10000};
    if (code < minimum[extra] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

}  // namespace

Expected<CsvTable> readCsvFile(const QString& path, const QString& encoding) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    return makeError("import.read", "dd::app", QT_TRANSLATE_NOOP("dd::app", "Cannot read %1: %2"),
                     {utf8(path), utf8(file.errorString())});
  return parseCsv(file.readAll(), encoding, path);
}

Expected<CsvTable> parseCsv(const QByteArray& raw, const QString& encoding, const QString& sourceName) {
  CsvTable table;
  QByteArray bytes = raw;
  if (bytes.startsWith("\xEF\xBB\xBF")) bytes.remove(0, 3);
  QString wanted = encoding.toLower();
  if (wanted.isEmpty()) wanted = isValidUtf8(bytes) ? QStringLiteral("utf-8") : QStringLiteral("gb18030");
  if (wanted != QLatin1String("utf-8") && wanted != QLatin1String("utf8") && wanted != QLatin1String("gb18030") &&
      wanted != QLatin1String("gbk"))
    return makeError("import.encoding", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "Unsupported encoding '%1' (use utf-8 or gb18030)."),
                     {utf8(encoding)});
  const bool gb = wanted.startsWith(QLatin1String("gb"));
  table.encoding = gb ? QStringLiteral("gb18030") : QStringLiteral("utf-8");
  QStringDecoder decoder(gb ? "GB18030" : "UTF-8");
  const QString text = decoder.decode(bytes);
  if (decoder.hasError())
    return makeError("import.decode", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "%1 is not valid %2 text."), {utf8(sourceName), utf8(table.encoding)});

  QList<QStringList> records;
  QList<int> lines;
  QStringList record;
  QString field;
  bool quoted = false, fieldStarted = false;
  int line = 1, recordLine = 1;
  const qsizetype n = text.size();
  auto endField = [&] {
    record << field;
    field.clear();
    fieldStarted = false;
  };
  auto endRecord = [&] {
    endField();
    if (!(record.size() == 1 && record.constFirst().isEmpty())) {  // skip blank lines
      records << record;
      lines << recordLine;
    }
    record.clear();
  };
  for (qsizetype i = 0; i < n; ++i) {
    const QChar c = text.at(i);
    if (quoted) {
      if (c == QLatin1Char('"')) {
        if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
          field += QLatin1Char('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == QLatin1Char('\n')) ++line;
        field += c;
      }
      continue;
    }
    if (c == QLatin1Char('"') && !fieldStarted) {
      quoted = fieldStarted = true;
    } else if (c == QLatin1Char(',')) {
      endField();
    } else if (c == QLatin1Char('\r')) {
      continue;
    } else if (c == QLatin1Char('\n')) {
      endRecord();
      recordLine = ++line;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  if (quoted)
    return makeError("import.quote", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "%1: a quoted field starting on line %2 is never closed."),
                     {utf8(sourceName), std::to_string(recordLine)});
  if (!field.isEmpty() || !record.isEmpty()) endRecord();
  if (records.isEmpty())
    return makeError("import.empty", "dd::app", QT_TRANSLATE_NOOP("dd::app", "%1 is empty: no header row."),
                     {utf8(sourceName)});
  table.header = records.takeFirst();
  lines.removeFirst();
  for (QString& name : table.header) name = name.trimmed();
  table.rows = std::move(records);
  table.lineNumbers = std::move(lines);
  return table;
}

QString csvField(const QString& value) {
  if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')))
    return value;
  QString escaped = value;
  escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
  return QLatin1Char('"') + escaped + QLatin1Char('"');
}

Status writeCsvFile(const QString& path, const QStringList& header, const QList<QStringList>& rows) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly))
    return makeError("import.write", "dd::app", QT_TRANSLATE_NOOP("dd::app", "Cannot write %1: %2"),
                     {utf8(path), utf8(file.errorString())});
  QString text;
  auto line = [&](const QStringList& fields) {
    QStringList quoted;
    for (const QString& f : fields) quoted << csvField(f);
    text += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
  };
  line(header);
  for (const QStringList& row : rows) line(row);
  file.write("\xEF\xBB\xBF");
  file.write(text.toUtf8());
  if (!file.commit())
    return makeError("import.write", "dd::app", QT_TRANSLATE_NOOP("dd::app", "Cannot write %1: %2"),
                     {utf8(path), utf8(file.errorString())});
  return {};
}

QDate parseSpreadsheetDate(const QString& input) {
  const QString text = input.trimmed();
  if (text.isEmpty()) return {};
  static const QRegularExpression serial(QStringLiteral(R"(^\d{1,5}(\.\d+)?$)"));
  if (serial.match(text).hasMatch()) {
    // Excel's day 1 is 1900-01-01 and it counts a 29 Feb 1900 that never was,
    // so from day 61 on the epoch is effectively 1899-12-30.
    const int days = static_cast<int>(text.toDouble());
    if (days < 61) return {};
    return QDate(1899, 12, 30).addDays(days);
  }
  static const QRegularExpression compact(QStringLiteral(R"(^(\d{4})(\d{2})(\d{2})$)"));
  static const QRegularExpression separated(
      QStringLiteral(R"(^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(\s+\d{1,2}:\d{2}(:\d{2})?)?$)"));
  QRegularExpressionMatch m = compact.match(text);
  if (!m.hasMatch()) m = separated.match(text);
  if (!m.hasMatch()) return {};
  return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
}

}  // namespace dd::app
