#pragma once
// A vocabulary name (status, stage) as staff read it inside a message: the
// arguments of a message are filled in verbatim, so the name is translated
// here ("dd::model" context), never left in English. Shared by the use
// cases that name statuses and stages in their errors.
#include <string>

#include <QCoreApplication>
#include <QString>

namespace dd::app {

inline QString shownText(const char* displayName) {
  return QCoreApplication::translate("dd::model", displayName);
}
inline std::string shownName(const char* displayName) { return shownText(displayName).toUtf8().toStdString(); }

}  // namespace dd::app
