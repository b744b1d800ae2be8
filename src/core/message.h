#pragma once
// User-facing messages for layers that link no Qt (core, hla, match).
// The text is an English source string marked with QT_TRANSLATE_NOOP so that
// lupdate collects it; the Qt layers translate it with
// QCoreApplication::translate(context, text) and then fill %1..%9 from args.
#include <string>
#include <vector>

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, x) x
#endif

namespace dd {

struct Message {
  const char* context = "dd";
  const char* text = "";  // must be a string literal (it is the catalogue key)
  std::vector<std::string> args;

  // The English text with %1..%9 replaced; what the CLI prints under an
  // English locale and what goes into log files.
  std::string english() const;
};

// Replaces %1..%9 in `pattern` by args[0..8]; a placeholder with no argument
// stays as written so a missing argument is visible rather than silent.
std::string formatPlaceholders(const std::string& pattern, const std::vector<std::string>& args);

struct Error {
  std::string code;  // stable identifier for programs and tests, e.g. "hla.unknown_allele"
  Message message;
  std::string field;  // optional: the field, token or location the message is about

  std::string english() const { return message.english(); }
};

inline Error makeError(std::string code, const char* context, const char* text,
                       std::vector<std::string> args = {}, std::string field = {}) {
  return Error{std::move(code), Message{context, text, std::move(args)}, std::move(field)};
}

}  // namespace dd
