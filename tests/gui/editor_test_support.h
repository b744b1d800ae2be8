#pragma once
// Driving the volunteer editor's widgets as staff would (shared by the
// editor's test files).
#include <catch2/catch.hpp>

#include <memory>

#include <QTemporaryDir>
#include <QWidget>

#include "app/registry.h"
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

// A fresh SQLite registry in a temporary folder for each volunteer editor
// test (use with TEST_CASE_METHOD).
struct VolunteerEditorFixture {
  VolunteerEditorFixture();
  // Stores v as a registrar would; returns it as saved (its id and row version).
  model::Volunteer registered(const model::Volunteer& v);

  QTemporaryDir dir;
  std::unique_ptr<app::Registry> registry;
};

// Types a volunteer into the editor's personal and contact fields.
void typeVolunteer(QWidget* editor, const model::Volunteer& v);

}  // namespace dd::test
