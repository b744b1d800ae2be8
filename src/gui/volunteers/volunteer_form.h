#pragma once
// Moves a volunteer between the editor's widgets and model::Volunteer, and
// names which widget shows which field's errors (the keys app/ puts in
// Error::field). Kept apart from the dialog's behaviour so both stay small.
#include <QList>

#include "gui/widgets/conflict_dialog.h"
#include "model/entities.h"

namespace Ui {
class VolunteerEditor;
}

namespace dd::gui {

class FieldErrors;

namespace volunteer_form {

void setUp(Ui::VolunteerEditor& ui);  // fills the choice lists
void registerFields(Ui::VolunteerEditor& ui, QWidget* dialog, FieldErrors& errors);
void fill(Ui::VolunteerEditor& ui, const model::Volunteer& volunteer);
// Copies the editable fields onto `volunteer` (other fields are kept).
void read(const Ui::VolunteerEditor& ui, model::Volunteer& volunteer);
// Birth date and sex follow a complete ID number as it is typed.
void followIdNumber(Ui::VolunteerEditor& ui);
// Fields whose values differ between two versions (for the conflict dialog).
QList<FieldDifference> differences(const model::Volunteer& mine, const model::Volunteer& theirs);

}  // namespace volunteer_form
}  // namespace dd::gui
