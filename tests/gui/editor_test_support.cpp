#include "editor_test_support.h"

#include <QComboBox>
#include <QLineEdit>

#include "gui/widgets/date_field.h"
#include "support/widget_driving.h"

namespace dd::test {

VolunteerEditorFixture::VolunteerEditorFixture()
    : registry(openRegistry(dir.filePath(QStringLiteral("r.sqlite")))) {}

model::Volunteer VolunteerEditorFixture::registered(const model::Volunteer& v) {
  auto saved = registry->registerVolunteer(v, {QStringLiteral("登记员")});
  REQUIRE(saved.ok());
  return *saved.value;
}

void typeVolunteer(QWidget* editor, const model::Volunteer& v) {
  child<QLineEdit>(editor, "name")->setText(v.name);
  child<QLineEdit>(editor, "idNumber")->setText(v.idNumber);
  // Birth date and sex follow the ID number only on user edits; set them too.
  child<QComboBox>(editor, "sex")->setCurrentIndex(v.sex == model::Sex::Male ? 0 : 1);
  child<gui::DateField>(editor, "birthDate")->setDate(v.birthDate);
  child<QComboBox>(editor, "ethnicity")->setCurrentText(v.ethnicity);
  child<QLineEdit>(editor, "prefecture")->setText(v.prefecture);
  child<QLineEdit>(editor, "county")->setText(v.county);
  child<QLineEdit>(editor, "phone")->setText(v.phones.value(0).number);
  child<gui::DateField>(editor, "consentDate")->setDate(v.consentDate);
  child<QLineEdit>(editor, "consentVersion")->setText(v.consentVersion);
}

}  // namespace dd::test
