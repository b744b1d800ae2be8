#pragma once
// Small pieces every editor form uses: date edits that can be blank, combo
// boxes keyed by stored values, the blood group choices.
#include <QDate>
#include <QString>

class QComboBox;
class QDateEdit;

namespace dd::gui::form {

void setUpDate(QDateEdit* edit);  // blank until set
void setDate(QDateEdit* edit, const QDate& date);
QDate dateOf(const QDateEdit* edit);  // invalid QDate when blank
void setChoice(QComboBox* box, const QString& value);  // by item data; first item if unknown
void fillBloodChoices(QComboBox* abo, QComboBox* rh, QComboBox* cmv);

}  // namespace dd::gui::form
