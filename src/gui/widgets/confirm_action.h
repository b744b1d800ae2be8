#pragma once
// Asking staff before an action that changes a person's record in a way
// that matters (reserve a volunteer, open, advance or stop a case): a dialog
// that says what will happen, with the action's own name on the button, and
// asking for the reason an action needs (skipping or undoing a stage).
#include <QString>
#include <optional>

class QWidget;

namespace dd::gui {

// True when staff pressed the action button (named actionText); Escape and
// Cancel say no. Object name of the box: "confirmAction" (tests answer it).
bool confirmAction(QWidget* parent, const QString& title, const QString& whatHappens, const QString& actionText);
// The reason typed (trimmed, never empty), or nothing when cancelled. Object
// name of the dialog: "askReason".
std::optional<QString> askReason(QWidget* parent, const QString& title, const QString& question);

}  // namespace dd::gui
