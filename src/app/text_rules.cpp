#include "app/text_rules.h"

#include <list>

#include <QHash>

#include "app/volunteer_validation.h"
#include "model/volunteer_fields.h"

namespace dd::app {
namespace {

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }

// Generous for real people and places (minority names written out in full,
// long work-unit names), tiny next to what a pasted file would be. A
// volunteer field's limit is in its row of model/volunteer_fields.cpp; these
// are the texts that are not volunteer fields.
const TextRule kOtherRules[] = {
    {"phone", 30, false},     {"phone2", 30, false},    {"diagnosis", 200, false},
    {"hospital", 100, false}, {"physician", 50, false}, {"notes", 4000, true},
    {"group_name", 100, false}, {"message_text", 4000, true},
};

bool forbidden(char32_t c, bool multiLine) {
  if (c == U'\t' || c == U'\n' || c == U'\r') return !multiLine;  // a pasted tab in a name is as wrong as a line break
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;  // C0, DEL, C1 (ESC starts terminal sequences)
  if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
      c == 0x061C)
    return true;  // bidirectional embeddings, overrides, isolates and marks
  if (c == 0xFEFF || c == 0xFFFE || c == 0xFFFF || (c >= 0xD800 && c <= 0xDFFF)) return true;  // BOM, non-characters
  if ((c >= 0x200B && c <= 0x200D) || c == 0x2060 || (c >= 0xFFF9 && c <= 0xFFFB))
    return true;  // invisible: zero-width spaces and joiners, interlinear annotation
  if (c >= 0xE000 && c <= 0xF8FF) return true;  // private use: no font shows it the same way
  return false;
}

}  // namespace

const TextRule* textRule(const QString& field) {
  static const QHash<QString, TextRule> rules = [] {
    static std::list<QByteArray> names;  // the field names the rules point at, alive as long as they are
    QHash<QString, TextRule> map;
    for (const model::VolunteerField& volunteer : model::volunteerFields()) {
      if (!volunteer.isText() || volunteer.maxChars <= 0) continue;
      names.push_back(volunteer.key.toLatin1());
      map.insert(volunteer.key,
                 {names.back().constData(), volunteer.maxChars, volunteer.kind == model::FieldKind::MultiLine});
    }
    for (const TextRule& rule : kOtherRules) map.insert(QLatin1String(rule.field), rule);
    return map;
  }();
  const auto it = rules.constFind(field);
  return it == rules.constEnd() ? nullptr : &it.value();
}

qsizetype firstForbiddenCharacter(const QString& text, bool multiLine) {
  for (qsizetype i = 0; i < text.size(); ++i) {
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
      ++i;  // a character outside the BMP (rare CJK extension characters in names are fine)
      continue;
    }
    if (forbidden(c.unicode(), multiLine)) return i;
  }
  return -1;
}

QString quotedSafely(const QString& text, int maxChars) {
  QString shown;
  int count = 0;
  for (qsizetype i = 0; i < text.size(); ++i) {
    if (count == maxChars) return shown + QStringLiteral("...");
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
      shown += c;
      shown += text.at(++i);
    } else if (forbidden(c.unicode(), false)) {
      shown += QStringLiteral("<U+%1>").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper();
    } else {
      shown += c;
    }
    ++count;
  }
  return shown;
}

std::optional<Error> checkText(const char* field, const QString& value) {
  const TextRule* rule = textRule(QString::fromLatin1(field));
  if (!rule || value.isEmpty()) return std::nullopt;
  const QString label = fieldLabel(QString::fromLatin1(field));
  if (value.size() > rule->maxChars)
    return makeError("validation.too_long", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "%1 is %2 characters long; at most %3 are allowed (it starts "
                                                  "'%4')."),
                     {utf8(label), std::to_string(value.size()), std::to_string(rule->maxChars),
                      utf8(quotedSafely(value, 20))},
                     field);
  if (const qsizetype at = firstForbiddenCharacter(value, rule->multiLine); at >= 0)
    return makeError("validation.forbidden_character", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "%1 '%2' contains a character that cannot be stored (%3 at "
                                                  "position %4): control characters, line breaks and text-direction "
                                                  "marks are not allowed."),
                     {utf8(label), utf8(quotedSafely(value)),
                      utf8(QStringLiteral("U+%1").arg(value.at(at).unicode(), 4, 16, QLatin1Char('0')).toUpper()),
                      std::to_string(at + 1)},
                     field);
  // Exported lists and rejects files are opened in Excel or WPS, which run a
  // cell starting with '=' or '@' as a formula (=HYPERLINK(...) and worse).
  // No name, address or place starts that way.
  if (value.startsWith(QLatin1Char('=')) || value.startsWith(QLatin1Char('@')))
    return makeError("validation.formula", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "%1 '%2' starts with '%3', which spreadsheets run as a formula; "
                                                  "remove it."),
                     {utf8(label), utf8(quotedSafely(value)), utf8(value.left(1))}, field);
  return std::nullopt;
}

void checkTexts(std::vector<Error>& errors, std::initializer_list<std::pair<const char*, const QString*>> fields) {
  for (const auto& [field, value] : fields)
    if (auto error = checkText(field, *value)) errors.push_back(std::move(*error));
}

}  // namespace dd::app
