#include "documents/pdf_text_fix.h"

#include <algorithm>
#include <map>
#include <vector>

#include <QFont>
#include <QFontDatabase>
#include <QRawFont>
#include <QRegularExpression>
#include <QString>

namespace dd::documents {
namespace {

// For radicals without a compatibility decomposition (most of U+2E80..U+2EFF):
// the ideograph the font draws with the same glyph.
void addSameGlyphIdeographs(const QString& family, QHash<char16_t, QString>& map) {
  QFont font(family);
  font.setPixelSize(32);
  const QRawFont raw = QRawFont::fromFont(font, QFontDatabase::SimplifiedChinese);
  if (!raw.isValid() || !raw.familyName().contains(QLatin1String("CJK"))) return;
  QString ideographs;
  for (char16_t cp = 0x4E00; cp <= 0x9FFF; ++cp) ideographs.append(QChar(cp));
  const QList<quint32> glyphs = raw.glyphIndexesForString(ideographs);
  QHash<quint32, char16_t> firstUse;
  for (int i = 0; i < glyphs.size(); ++i)
    if (glyphs[i] != 0 && !firstUse.contains(glyphs[i])) firstUse.insert(glyphs[i], ideographs.at(i).unicode());
  for (char16_t cp = 0x2E80; cp <= 0x2FDF; ++cp) {
    if (map.contains(cp)) continue;
    const QList<quint32> glyph = raw.glyphIndexesForString(QString(QChar(cp)));
    if (!glyph.isEmpty() && firstUse.contains(glyph.first())) map.insert(cp, QString(QChar(firstUse.value(glyph.first()))));
  }
}

QHash<char16_t, QString> buildReplacements() {
  QHash<char16_t, QString> map;
  map.insert(0x0009, QStringLiteral(" "));  // the space glyph is also the tab's
  map.insert(0x301C, QStringLiteral("～"));  // 〜 wave dash shares the glyph of ～, the tilde Chinese text uses ("4～5 天")
  // DejaVu's ligature glyphs: extract "staff", not "staﬀ".
  map.insert(0xFB00, QStringLiteral("ff"));
  map.insert(0xFB01, QStringLiteral("fi"));
  map.insert(0xFB02, QStringLiteral("fl"));
  map.insert(0xFB03, QStringLiteral("ffi"));
  map.insert(0xFB04, QStringLiteral("ffl"));
  for (char16_t cp = 0x2E80; cp <= 0x2FDF; ++cp) {
    const QString normalised = QString(QChar(cp)).normalized(QString::NormalizationForm_KC);
    if (normalised.size() == 1 && normalised.at(0).unicode() >= 0x3400) map.insert(cp, normalised);
  }
  addSameGlyphIdeographs(QStringLiteral("Noto Sans CJK SC"), map);
  addSameGlyphIdeographs(QStringLiteral("Noto Serif CJK SC"), map);
  return map;
}

QByteArray hex4(char16_t value) { return QByteArray::number(value, 16).toUpper().rightJustified(4, '0'); }

QByteArray hexText(const QString& text) {
  QByteArray out;
  for (QChar c : text) out += hex4(c.unicode());
  return out;
}

// One "bfrange" line: "<src> <end> <dst>" or "<src> <end> [<d1> <d2> ...]".
QByteArray fixRangeLine(const QByteArray& line, const QHash<char16_t, QString>& map) {
  static const QRegularExpression token(QStringLiteral("<([0-9A-Fa-f]+)>"));
  QList<QByteArray> tokens;
  auto it = token.globalMatch(QString::fromLatin1(line));
  while (it.hasNext()) tokens.append(it.next().captured(1).toLatin1());
  if (tokens.size() < 3) return line;
  auto mapped = [&](const QByteArray& hex) {
    if (hex.size() != 4) return hex;
    const auto cp = static_cast<char16_t>(hex.toUInt(nullptr, 16));
    return map.contains(cp) ? hexText(map.value(cp)) : hex;
  };
  const bool array = line.contains('[');
  const uint first = tokens[0].toUInt(nullptr, 16);
  const uint last = tokens[1].toUInt(nullptr, 16);
  QList<QByteArray> targets;
  if (array) {
    for (int i = 2; i < tokens.size(); ++i) targets.append(mapped(tokens[i]));
  } else if (first == last) {
    targets.append(mapped(tokens[2]));
  } else {
    // A run of consecutive targets: spell it out so each entry can be fixed.
    if (tokens[2].size() != 4) return line;
    const uint start = tokens[2].toUInt(nullptr, 16);
    bool touched = false;
    for (uint i = 0; i <= last - first; ++i) {
      const QByteArray hex = hex4(static_cast<char16_t>(start + i));
      targets.append(mapped(hex));
      touched |= targets.last() != hex;
    }
    if (!touched) return line;
  }
  QByteArray out = '<' + tokens[0] + "> <" + tokens[1] + "> ";
  if (!array && targets.size() == 1) return out + '<' + targets[0] + '>';
  out += '[';
  for (const QByteArray& target : targets) out += '<' + target + "> ";
  return out + ']';
}

QByteArray fixCMap(const QByteArray& cmap, const QHash<char16_t, QString>& map) {
  QList<QByteArray> lines = cmap.split('\n');
  bool inRange = false;
  for (QByteArray& line : lines) {
    if (line.endsWith("beginbfrange")) inRange = true;
    else if (line.startsWith("endbfrange")) inRange = false;
    else if (inRange) line = fixRangeLine(line, map);
  }
  return lines.join('\n');
}

// A ToUnicode object rewritten, or an empty array when it is not one we can handle.
QByteArray fixObject(const QByteArray& object, const QHash<char16_t, QString>& map) {
  if (!object.contains("/Adobe-Identity-UCS") || !object.contains("beginbfrange")) return {};
  static const QRegularExpression length(QStringLiteral(R"(/Length (\d+) >>)"));
  const auto match = length.match(QString::fromLatin1(object));
  const qsizetype streamStart = object.indexOf("stream\n");
  const qsizetype streamEnd = object.lastIndexOf("endstream");
  if (!match.hasMatch() || streamStart < 0 || streamEnd < streamStart) return {};
  const qsizetype dataStart = streamStart + 7;
  const QByteArray data = object.mid(dataStart, streamEnd - dataStart);
  const QByteArray fixed = fixCMap(data, map);
  if (fixed == data) return {};
  const qsizetype newLength = match.captured(1).toLongLong() + (fixed.size() - data.size());
  QByteArray head = object.left(dataStart);
  head.replace(match.capturedStart(), match.capturedLength(), "/Length " + QByteArray::number(newLength) + " >>");
  return head + fixed + object.mid(streamEnd);
}

}  // namespace

const QHash<char16_t, QString>& extractionReplacements() {
  static const QHash<char16_t, QString> map = buildReplacements();
  return map;
}

QByteArray fixCjkTextExtraction(const QByteArray& pdf) {
  const qsizetype startxref = pdf.lastIndexOf("startxref");
  if (!pdf.startsWith("%PDF") || startxref < 0) return pdf;
  const qsizetype xref = pdf.mid(startxref + 9).trimmed().split('\n').value(0).trimmed().toLongLong();
  if (xref <= 0 || xref >= startxref || !pdf.mid(xref).startsWith("xref")) return pdf;
  // xref table: "xref\n0 N\n" then N 20-byte entries "oooooooooo ggggg n \n".
  const qsizetype header = pdf.indexOf('\n', pdf.indexOf('\n', xref) + 1) + 1;
  const QList<QByteArray> counts = pdf.mid(pdf.indexOf('\n', xref) + 1, header - pdf.indexOf('\n', xref) - 2).split(' ');
  const int entries = counts.value(1).trimmed().toInt();
  const qsizetype trailer = pdf.indexOf("trailer", header);
  if (entries <= 0 || trailer < 0 || counts.value(0).toInt() != 0) return pdf;
  std::vector<qsizetype> offsets;
  std::vector<std::pair<qsizetype, int>> byOffset;  // (offset, object number)
  for (int i = 0; i < entries; ++i) {
    const QByteArray entry = pdf.mid(header + 20 * i, 20);
    offsets.push_back(entry.left(10).toLongLong());
    if (entry.size() == 20 && entry.at(17) == 'n') byOffset.emplace_back(offsets.back(), i);
  }
  std::sort(byOffset.begin(), byOffset.end());
  const auto& map = extractionReplacements();
  QByteArray out;
  out.reserve(pdf.size() + 1024);
  qsizetype copied = 0;
  std::map<int, qsizetype> newOffsets;
  for (std::size_t i = 0; i < byOffset.size(); ++i) {
    const auto [offset, number] = byOffset[i];
    const qsizetype end = i + 1 < byOffset.size() ? byOffset[i + 1].first : xref;
    if (offset < copied || end > xref) return pdf;
    out += pdf.mid(copied, offset - copied);
    newOffsets[number] = out.size();
    const QByteArray object = pdf.mid(offset, end - offset);
    const QByteArray fixed = fixObject(object, map);
    out += fixed.isEmpty() ? object : fixed;
    copied = end;
  }
  const qsizetype newXref = out.size() + (xref - copied);
  out += pdf.mid(copied, header - copied);
  for (int i = 0; i < entries; ++i) {
    QByteArray entry = pdf.mid(header + 20 * i, 20);
    if (newOffsets.count(i)) entry.replace(0, 10, QByteArray::number(newOffsets[i]).rightJustified(10, '0'));
    out += entry;
  }
  out += pdf.mid(header + 20 * entries, startxref - header - 20 * entries);
  out += "startxref\n" + QByteArray::number(newXref) + " \n%%EOF\n";
  return out;
}

}  // namespace dd::documents
