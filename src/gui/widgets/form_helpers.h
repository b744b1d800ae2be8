#pragma once
// Small pieces every editor form uses: date fields, combo boxes keyed by
// stored values, the blood group choices.
#include <functional>

#include <QDate>
#include <QList>
#include <QString>

#include "gui/widgets/conflict_dialog.h"
#include "model/entities.h"

class QComboBox;
class QLabel;
class QTableWidget;
class QWidget;

namespace dd::gui {
class DateField;
}

namespace dd::gui::form {

void setDate(DateField* field, const QDate& date);  // invalid: blank
QDate dateOf(const DateField* field);               // invalid QDate when blank or unreadable
void setChoice(QComboBox* box, const QString& value);  // by item data; first item if unknown
void fillBloodChoices(QComboBox* abo, QComboBox* rh, QComboBox* cmv);
void setCmv(QComboBox* cmv, model::Cmv value);
model::Cmv cmvOf(const QComboBox* cmv);
// A read-only list (history, contact log): these headers, these rows, columns fitted.
void setRows(QTableWidget* table, const QStringList& headers, const QList<QStringList>& rows);
// A message label under a control; hidden while the message is empty.
void showMessage(QLabel* label, const QString& message);

// The unsaved-changes prompt of an editor being closed: Save / Discard /
// Cancel. Returns true when the editor may close (changes discarded, or
// `save` succeeded); false keeps it open (cancelled, or the save failed and
// shows its errors).
bool mayCloseWithUnsavedChanges(QWidget* editor, const QString& title, const QString& question,
                                const std::function<bool()>& save, bool* saved);

// For the conflict dialog: a field (by key, labelled as app/ labels it)
// whose two versions differ, and the loci whose raw typings differ.
void addDifference(QList<FieldDifference>& differences, const QString& key, const QString& mine,
                   const QString& theirs);
void addTypingDifferences(QList<FieldDifference>& differences, const model::HlaTyping& mine,
                          const model::HlaTyping& theirs);

}  // namespace dd::gui::form
