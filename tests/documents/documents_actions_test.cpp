// The GUI printing entry points on a seeded registry: the preview dialog is
// answered programmatically (accepting it stands for "printed").
#include <catch2/catch.hpp>

#include <QApplication>
#include <QDialog>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QTimer>

#include "app/registry.h"
#include "gui/documents/documents_actions.h"
#include "seeded_registry.h"
#include "support/widget_driving.h"
#include "support/qt_string_maker.h"

using namespace dd;

namespace {
// Answers the next modal window with `answer`; records what it was.
struct ModalAnswer {
  QString className;
  QString text;
};

void answerNextModal(ModalAnswer* seen, bool accept) {
  dd::test::whenModalAppears([seen, accept](QWidget* modal) {
    seen->className = QString::fromLatin1(modal->metaObject()->className());
    if (auto* box = qobject_cast<QMessageBox*>(modal)) seen->text = box->text();
    if (auto* dialog = qobject_cast<QDialog*>(modal)) accept ? dialog->accept() : dialog->reject();
  }, 20000);  // a preview renders its pages first
}
}  // namespace

TEST_CASE("printing a consent from the GUI previews it and records the version only when printed") {
  auto s = test::seed();
  auto registry = app::Registry::open(s->db);
  REQUIRE(registry);
  ModalAnswer seen;

  answerNextModal(&seen, false);  // closed without printing
  CHECK_FALSE(gui::printConsent(nullptr, **registry, s->caseId));
  CHECK(seen.className == QStringLiteral("QPrintPreviewDialog"));
  CHECK((*registry)->workupCase(s->caseId)->consentTemplate.isEmpty());

  answerNextModal(&seen, true);  // printed
  CHECK(gui::printConsent(nullptr, **registry, s->caseId));
  CHECK((*registry)->workupCase(s->caseId)->consentTemplate.startsWith(QStringLiteral("consent ")));
}

TEST_CASE("printing from the GUI shows why a document cannot be printed") {
  auto s = test::seed();
  auto registry = app::Registry::open(s->db);
  REQUIRE(registry);
  ModalAnswer seen;
  answerNextModal(&seen, true);
  CHECK_FALSE(gui::printConsent(nullptr, **registry, s->incompleteCase));
  CHECK(seen.className == QStringLiteral("QMessageBox"));
  CHECK(seen.text.contains(QStringLiteral("Patient's diagnosis")));

  answerNextModal(&seen, true);
  CHECK_FALSE(gui::printCertificate(nullptr, **registry, s->fullMatchNo));
  CHECK(seen.text.contains(s->fullMatchNo));

  answerNextModal(&seen, true);
  CHECK(gui::printRegistrationForms(nullptr, **registry, {s->fullMatchNo, s->partialMatchNo}));
  CHECK(seen.className == QStringLiteral("QPrintPreviewDialog"));
}
