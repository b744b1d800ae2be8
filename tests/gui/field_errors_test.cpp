#include <catch2/catch.hpp>

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include "gui/widgets/field_errors.h"
#include "support/qt_string_maker.h"

TEST_CASE("field errors mark the editor, show the label and clear again") {
  QWidget form;
  auto* layout = new QVBoxLayout(&form);
  auto* name = new QLineEdit(&form);
  name->setObjectName(QStringLiteral("name"));
  auto* nameError = new QLabel(&form);
  nameError->setObjectName(QStringLiteral("nameError"));
  auto* phone = new QLineEdit(&form);
  layout->addWidget(name);
  layout->addWidget(nameError);
  layout->addWidget(phone);
  form.show();

  dd::gui::FieldErrors errors;
  errors.add(QStringLiteral("name"), &form, QStringLiteral("name"));
  errors.add(QStringLiteral("phones"), phone, nullptr);
  CHECK(nameError->isHidden());
  CHECK_FALSE(errors.hasErrors());

  const dd::Error error = dd::makeError("validation.required", "dd::app", "%1 is required.", {"Name"}, "name");
  CHECK(errors.show(error));
  CHECK(errors.hasErrors());
  CHECK(nameError->text() == QStringLiteral("Name is required."));
  CHECK_FALSE(nameError->isHidden());
  CHECK(name->property("fieldError").toBool());
  CHECK(name->toolTip() == QStringLiteral("Name is required."));

  // An error for a field the form does not have is left to the caller.
  CHECK_FALSE(errors.show(dd::makeError("x", "dd::app", "Other", {}, "status")));

  errors.show(QStringLiteral("phones"), QStringLiteral("bad phone"));
  errors.focusFirst();
  CHECK(form.focusWidget() == name);  // (an offscreen window is never active)
  errors.clear(QStringLiteral("name"));
  CHECK(nameError->isHidden());
  CHECK_FALSE(name->property("fieldError").toBool());
  CHECK(errors.hasErrors());
  errors.clearAll();
  CHECK_FALSE(errors.hasErrors());
  CHECK_FALSE(phone->property("fieldError").toBool());
}
