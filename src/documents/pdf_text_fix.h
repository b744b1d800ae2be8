#pragma once
// Qt's PDF writer maps each embedded glyph back to the LOWEST code point that
// uses it. The Noto CJK fonts share glyphs between common ideographs and the
// Kangxi / CJK radical blocks (人 U+4EBA and ⼈ U+2F08, 页 U+9875 and ⻚ U+2EDA),
// so a PDF of a consent form would "contain" radicals: copying, searching and
// pdftotext give ⾎ instead of 血. This rewrites the ToUnicode maps of such a PDF
// to the ideographs (likewise the tab the space glyph maps to, and DejaVu's
// ligatures, which become their letters),
// keeping every object and the cross-reference table consistent.
#include <QByteArray>
#include <QHash>
#include <QString>

namespace dd::documents {

// The PDF with its ToUnicode maps corrected; the input unchanged if it is not
// a PDF laid out as QPdfWriter writes them.
QByteArray fixCjkTextExtraction(const QByteArray& pdf);

// Radical (and other look-alike) code point -> the text it should
// extract as; built from Unicode normalisation and the installed Noto CJK fonts.
const QHash<char16_t, QString>& extractionReplacements();

}  // namespace dd::documents
