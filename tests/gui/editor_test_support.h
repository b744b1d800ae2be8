#pragma once
// Driving the volunteer editor's widgets as staff would (shared by the
// editor's test files).
#include <catch2/catch.hpp>

#include <QWidget>

#include "model/entities.h"

namespace dd::test {

// The named child widget; fails the test when it is missing.
template <class T>
T* child(QWidget* parent, const char* name) {
  T* widget = parent->findChild<T*>(QLatin1String(name));
  INFO("widget " << name);
  REQUIRE(widget);
  return widget;
}

// Types a volunteer into the editor's personal and contact fields.
void typeVolunteer(QWidget* editor, const model::Volunteer& v);

}  // namespace dd::test
