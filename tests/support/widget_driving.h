#pragma once
// Driving the real widgets: a fresh SQLite registry per test and answering
// the modal dialogs and message boxes a widget opens with exec() (the one
// family of "answer the next dialog" helpers every GUI suite uses).
#include <functional>
#include <memory>

#include <QString>
#include <QTemporaryDir>

#include "app/registry.h"
#include "support/sample_people.h"

class QAbstractItemModel;
class QAbstractItemModelTester;
class QWidget;

namespace dd::test {

std::unique_ptr<app::Registry> openRegistry(const QString& path);

// Calls `answer` with the next modal widget to appear (polled from the event
// loop the widget's exec() runs). Fails the test if none appears in time.
void whenModalAppears(std::function<void(QWidget*)> answer, int timeoutMs = 5000);
// Clicks the button of that standard role in the active message box.
void answerMessageBox(int standardButton);
// Answers the next confirmation (gui/confirm_action): the action button when
// accept, Cancel otherwise; `seen` receives the text it showed.
void answerConfirmation(bool accept, QString* seen = nullptr);
// Types reason into the next reason dialog and presses OK (empty: Cancel).
void answerReason(const QString& reason, QString* seen = nullptr);

// QAbstractItemModelTester on `model` for the lifetime of this object; its
// failures are collected and checked at the end. One known tester bug is
// ignored: Qt 6.4's tester calls fetchMore() from its own modelReset handler
// before it marks the reset finished, so a lazily fetching model trips its
// "change in flight" check although the model is right.
class ModelCheck {
 public:
  explicit ModelCheck(QAbstractItemModel* model);
  ~ModelCheck();
  ModelCheck(const ModelCheck&) = delete;
  ModelCheck& operator=(const ModelCheck&) = delete;

 private:
  std::unique_ptr<QAbstractItemModelTester> tester_;
};

}  // namespace dd::test
