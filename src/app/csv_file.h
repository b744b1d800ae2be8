#pragma once
// Reading and writing the CSV files people export from Excel/WPS: RFC 4180
// quoting (commas, quotes and line breaks inside quotes), CR LF, LF or CR
// line ends, in the encodings app/text_encoding.h recognises.
#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include "core/expected.h"

namespace dd::app {

struct CsvTable {
  QStringList header;
  QList<QStringList> rows;  // data rows, in file order
  QList<int> lineNumbers;   // physical line where each data row starts (1-based, header = 1)
  // The row a spreadsheet shows it on (header = 1): blank rows count, a
  // record with a line break inside a quoted cell is still one row.
  QList<int> rowNumbers;
  QString encoding;         // as decodeText decided: "utf-8", "gb18030", "utf-16le", "utf-16be"
};

// encoding: see decodeText (empty = decide from the bytes).
Expected<CsvTable> readCsvFile(const QString& path, const QString& encoding = {});
Expected<CsvTable> parseCsv(const QByteArray& bytes, const QString& encoding, const QString& sourceName);

// Quoted when needed; a leading = or @ (a formula to spreadsheets) gets an apostrophe.
QString csvField(const QString& value);
// Writes UTF-8 with a BOM so Excel opens it with the right encoding, or
// GB18030 (encoding "gb18030": what older Chinese Excel/WPS expect, no BOM).
// validation.encoding for any other encoding.
Status writeCsvFile(const QString& path, const QStringList& header, const QList<QStringList>& rows,
                    const QString& encoding = QStringLiteral("utf-8"));

// Dates as spreadsheets write them: 2024-03-05, 2024/3/5, 2024.3.5, 20240305,
// 2024年3月5日, or an Excel serial day number (45356). Invalid QDate otherwise.
QDate parseSpreadsheetDate(const QString& text);

}  // namespace dd::app
