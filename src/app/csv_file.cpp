#include "app/csv_file.h"

#include "app/text_encoding.h"

#include <algorithm>

#include <QDate>
#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStringEncoder>

namespace dd::app {
namespace {

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }

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
  auto decoded = decodeText(raw, encoding, sourceName);
  if (!decoded) return decoded.error();
  table.encoding = decoded->encoding;
  const QString& text = decoded->text;

  QList<QStringList> records;
  QList<int> lines, rows;
  int spreadsheetRow = 0;
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
    ++spreadsheetRow;
    // Blank rows (nothing, or only separators and spaces) are skipped.
    const bool blank = std::all_of(record.cbegin(), record.cend(), [](const QString& f) { return f.trimmed().isEmpty(); });
    if (!blank) {
      records << record;
      lines << recordLine;
      rows << spreadsheetRow;
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
    } else if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n')) {
      continue;  // CR LF: the LF ends the record
    } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {  // a lone CR is an old Mac line end
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
  rows.removeFirst();
  table.rowNumbers = std::move(rows);
  return table;
}

QString csvField(const QString& raw) {
  // Spreadsheets run a cell that starts with '=' or '@' as a formula; a
  // leading apostrophe makes Excel and WPS show it as text.
  const QString value =
      raw.startsWith(QLatin1Char('=')) || raw.startsWith(QLatin1Char('@')) ? QLatin1Char('\'') + raw : raw;
  if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n')))
    return value;
  QString escaped = value;
  escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
  return QLatin1Char('"') + escaped + QLatin1Char('"');
}

Status writeCsvFile(const QString& path, const QStringList& header, const QList<QStringList>& rows,
                    const QString& encoding) {
  const bool gb18030 = encoding.compare(QLatin1String("gb18030"), Qt::CaseInsensitive) == 0;
  if (!gb18030 && encoding.compare(QLatin1String("utf-8"), Qt::CaseInsensitive) != 0)
    return makeError("validation.encoding", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "Unknown encoding %1 (utf-8 or gb18030)."), {utf8(encoding)},
                     "encoding");
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
  if (gb18030) {
    QStringEncoder encoder("GB18030");
    if (!encoder.isValid())
      return makeError("export.encoding", "dd::app", QT_TRANSLATE_NOOP("dd::app", "This system cannot write %1."),
                       {utf8(encoding)}, "encoding");
    file.write(encoder.encode(text));
  } else {
    file.write("\xEF\xBB\xBF");
    file.write(text.toUtf8());
  }
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
