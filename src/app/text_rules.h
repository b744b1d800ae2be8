#pragma once
// What a free-text field may hold: the one table of length limits, and the
// characters no field may store (control characters, terminal escapes, the
// bidirectional overrides that make "陈伟\u202E" read backwards in a list).
// A 50 MB name or a NUL in a name once went in unchecked.
#include <optional>
#include <vector>

#include <QString>

#include "core/message.h"

namespace dd::app {

struct TextRule {
  const char* field;  // the field key, as errors name it
  int maxChars;       // in characters (a Chinese character counts one)
  bool multiLine;     // line breaks allowed (notes and reasons)
};

// The rule for a field key; nullptr for a field with no free text.
const TextRule* textRule(const QString& field);

// Position of the first character no text may hold, or -1. Tabs and line
// breaks only when multiLine.
qsizetype firstForbiddenCharacter(const QString& text, bool multiLine = false);

// The text as it can be quoted in a message or a log line: forbidden
// characters written as <U+001B>, cut after maxChars with "...".
QString quotedSafely(const QString& text, int maxChars = 40);

// The field's limit and character rule; nullopt when the value is fine or
// the field has no rule.
std::optional<Error> checkText(const char* field, const QString& value);

// Appends the errors of every (field, value) pair.
void checkTexts(std::vector<Error>& errors, std::initializer_list<std::pair<const char*, const QString*>> fields);

}  // namespace dd::app
