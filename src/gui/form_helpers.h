#pragma once
// Small pieces every editor form uses: date edits that can be blank, combo
// boxes keyed by stored values, the blood group choices.
#include <functional>

#include <QDate>
#include <QString>

class QComboBox;
class QDateEdit;
class QWidget;

namespace dd::gui::form {

void setUpDate(QDateEdit* edit);  // blank until set
void setDate(QDateEdit* edit, const QDate& date);
QDate dateOf(const QDateEdit* edit);  // invalid QDate when blank
void setChoice(QComboBox* box, const QString& value);  // by item data; first item if unknown
void fillBloodChoices(QComboBox* abo, QComboBox* rh, QComboBox* cmv);

// The unsaved-changes prompt of an editor being closed: Save / Discard /
// Cancel. Returns true when the editor may close (changes discarded, or
// `save` succeeded); false keeps it open (cancelled, or the save failed and
// shows its errors).
bool mayCloseWithUnsavedChanges(QWidget* editor, const QString& title, const QString& question,
                                const std::function<bool()>& save, bool* saved);

}  // namespace dd::gui::form
