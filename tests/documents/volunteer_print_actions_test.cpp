// The volunteers page's Print menu and the main window's template editor
// entry, driven on a seeded registry through the real actions; modal dialogs
// are answered programmatically and the print preview's page count is read.
#include <catch2/catch.hpp>

#include <QApplication>
#include <QDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPrintPreviewWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <functional>

#include "app/print_documents.h"
#include "app/registry.h"
#include "gui/documents/documents_actions.h"
#include "gui/main_window.h"
#include "gui/volunteers/volunteer_print_actions.h"
#include "gui/volunteers/volunteer_table_model.h"
#include "gui/volunteers/volunteers_page.h"
#include "seeded_registry.h"
#include "support/widget_driving.h"
#include "support/qt_string_maker.h"

using namespace dd;

namespace {

// What a modal window showed: its class, a message box's text, a preview's pages.
struct Seen {
  QString className;
  QString text;
  int pages = -1;
};

// Answers the next modal window: `handle` looks at it (and may change it),
// then it is accepted or rejected.
void answerNextModal(Seen* seen, bool accept, std::function<void(QWidget*)> handle = {}) {
  dd::test::whenModalAppears([seen, accept, handle](QWidget* modal) {
    seen->className = QString::fromLatin1(modal->metaObject()->className());
    if (auto* box = qobject_cast<QMessageBox*>(modal)) seen->text = box->text();
    if (auto* preview = modal->findChild<QPrintPreviewWidget*>()) seen->pages = preview->pageCount();
    if (handle) handle(modal);
    if (auto* dialog = qobject_cast<QDialog*>(modal)) accept ? dialog->accept() : dialog->reject();
  }, 20000);  // a preview renders its pages first
}

void select(QTableView* table, const QString& registryNo) {
  for (int row = 0; row < table->model()->rowCount(); ++row) {
    const QModelIndex index = table->model()->index(row, gui::VolunteerTableModel::RegistryNo);
    if (index.data().toString() == registryNo) {
      table->setCurrentIndex(index);
      return;
    }
  }
  FAIL("volunteer " << registryNo.toStdString() << " is not in the list");
}

}  // namespace

TEST_CASE("the volunteers page prints the selected volunteer's forms, the certificate only after a donation") {
  auto s = test::seed();
  auto registry = app::Registry::open(s->db);
  REQUIRE(registry);
  gui::VolunteersPage page(registry->get());
  auto* table = page.findChild<QTableView*>(QStringLiteral("table"));
  auto* actions = page.findChild<gui::VolunteerPrintActions*>();
  REQUIRE(table);
  REQUIRE(actions);
  CHECK(page.findChild<QWidget*>(QStringLiteral("printButton")));
  CHECK(table->contextMenuPolicy() == Qt::CustomContextMenu);

  table->setCurrentIndex(QModelIndex());
  actions->refresh();
  CHECK_FALSE(actions->registrationAction()->isEnabled());
  CHECK(actions->driveAction()->isEnabled());

  select(table, s->fullMatchNo);
  actions->refresh();
  CHECK(actions->registrationAction()->isEnabled());
  CHECK_FALSE(actions->certificateAction()->isEnabled());  // no donation yet, and the menu says why
  CHECK(actions->certificateAction()->text().contains(QStringLiteral("only after a recorded donation")));
  CHECK(actions->certificateAction()->toolTip().contains(s->fullMatchNo));

  // The preview shows the pages the document has (as the PDF export would).
  app::DocumentPrinter printer(**registry, app::loadPrintSettings(), gui::documentLanguage());
  const std::pair<QAction*, int> expected[] = {
      {actions->registrationAction(), printer.registration(s->fullMatchNo)->pageCount()},
      {actions->registryConsentAction(), printer.registryConsent(s->fullMatchNo)->pageCount()},
      {actions->familyLetterAction(), printer.familyLetter(s->fullMatchNo)->pageCount()}};
  CHECK(expected[0].second == 1);
  Seen seen;
  for (const auto& [action, pages] : expected) {
    INFO(action->objectName().toStdString());
    seen = {};
    answerNextModal(&seen, false);
    action->trigger();
    CHECK(seen.className == QStringLiteral("QPrintPreviewDialog"));
    CHECK(pages >= 1);
    CHECK(seen.pages == pages);
  }

  REQUIRE(dd::test::advanceCaseTo(**registry, s->caseId, model::WorkupStage::Collection, QDate::currentDate()) == "");
  actions->menu()->popup(QPoint(0, 0));  // opening the menu re-reads the volunteer
  actions->menu()->hide();
  CHECK(actions->certificateAction()->isEnabled());
  CHECK(actions->certificateAction()->text() == QStringLiteral("&Certificate of honour"));
  seen = {};
  answerNextModal(&seen, false);
  actions->certificateAction()->trigger();
  CHECK(seen.className == QStringLiteral("QPrintPreviewDialog"));
  CHECK(seen.pages == printer.certificate(s->fullMatchNo)->pageCount());
  CHECK(seen.pages >= 1);

  select(table, s->partialMatchNo);  // selecting someone else: no donation again
  CHECK_FALSE(actions->certificateAction()->isEnabled());
}

TEST_CASE("printing a drive's registration forms from the volunteers page: pick the drive, one form each") {
  auto s = test::seed();
  auto registry = app::Registry::open(s->db);
  REQUIRE(registry);
  gui::VolunteersPage page(registry->get());
  auto* actions = page.findChild<gui::VolunteerPrintActions*>();
  REQUIRE(actions);

  Seen picker;
  QStringList row;
  Seen preview;
  answerNextModal(&picker, true, [&](QWidget* modal) {
    // No REQUIRE in here: this runs inside the dialog's event loop.
    auto* list = modal->findChild<QTreeWidget*>(QStringLiteral("driveList"));
    if (list && list->topLevelItemCount() == 1)
      for (int column = 0; column < 4; ++column) row << list->topLevelItem(0)->text(column);
    answerNextModal(&preview, false);  // the preview opens after the picker closes
  });
  actions->driveAction()->trigger();
  CHECK(picker.className == QStringLiteral("dd::gui::DrivePickerDialog"));
  // Dates read the same everywhere in the program: yyyy-MM-dd, never 2026/3/7.
  CHECK(QDate::fromString(row.value(0), Qt::ISODate).isValid());
  CHECK_FALSE(row.value(0).contains(QLatin1Char('/')));
  CHECK(row.value(1) == QStringLiteral("示范大学体育馆"));
  CHECK(row.value(2) == QStringLiteral("示范大学红十字会"));
  CHECK(row.value(3) == QStringLiteral("3"));
  CHECK(preview.className == QStringLiteral("QPrintPreviewDialog"));
  CHECK(preview.pages == 3);

  preview = {};
  answerNextModal(&picker, false);  // cancelled: nothing is previewed
  actions->driveAction()->trigger();
  CHECK(preview.className.isEmpty());
}

TEST_CASE("the main window's Tools menu opens the template editor") {
  gui::MainWindow window(QStringLiteral("test.sqlite"));
  auto* tools = window.findChild<QMenu*>(QStringLiteral("menuTools"));
  REQUIRE(tools);
  auto* edit = window.findChild<QAction*>(QStringLiteral("actionEditTemplates"));
  REQUIRE(edit);
  CHECK(tools->actions().contains(edit));
  Seen seen;
  answerNextModal(&seen, false);
  edit->trigger();
  CHECK(seen.className == QStringLiteral("dd::gui::DocumentsTemplateEditor"));
}
