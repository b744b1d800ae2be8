#include "support/widget_driving.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QInputDialog>
#include <QMessageBox>
#include <QTimer>

#include <catch2/catch.hpp>

#include "app/volunteer_validation.h"

namespace dd::test {

std::unique_ptr<app::Registry> openRegistry(const QString& path) {
  auto registry = app::Registry::open(path);
  if (!registry) FAIL("cannot open " << path.toStdString() << ": " << registry.error().english());
  return std::move(*registry);
}

void whenModalAppears(std::function<void(QWidget*)> answer, int timeoutMs) {
  auto* timer = new QTimer;
  auto waited = std::make_shared<int>(0);
  QObject::connect(timer, &QTimer::timeout, [timer, waited, answer, timeoutMs] {
    *waited += 20;
    if (QWidget* modal = QApplication::activeModalWidget()) {
      timer->stop();
      timer->deleteLater();
      answer(modal);
    } else if (*waited > timeoutMs) {
      timer->stop();
      timer->deleteLater();
      FAIL_CHECK("no modal dialog appeared");
    }
  });
  timer->start(20);
}

void answerMessageBox(int standardButton) {
  whenModalAppears([standardButton](QWidget* modal) {
    // No REQUIRE here: an exception must not cross Qt's event loop.
    auto* box = qobject_cast<QMessageBox*>(modal);
    CHECK(box);
    QAbstractButton* button = box ? box->button(static_cast<QMessageBox::StandardButton>(standardButton)) : nullptr;
    CHECK(button);
    if (button) button->click();
    else modal->close();
  });
}

namespace {
QStringList modelFailures;
QtMessageHandler previousHandler = nullptr;
bool skipNextChangeInFlight = false;
int activeChecks = 0;

void collectModelFailures(QtMsgType type, const QMessageLogContext& context, const QString& message) {
  if (message.startsWith(QLatin1String("FAIL! Compared values are not the same"))) {
    skipNextChangeInFlight = message.contains(QLatin1String("changeInFlight"));
    if (!skipNextChangeInFlight) modelFailures << message;
    return;
  }
  if (skipNextChangeInFlight) {  // the location line that follows the known failure
    skipNextChangeInFlight = false;
    if (message.contains(QLatin1String("qabstractitemmodeltester.cpp"))) return;
  }
  if (message.startsWith(QLatin1String("FAIL!"))) {
    modelFailures << message;
    return;
  }
  if (previousHandler) previousHandler(type, context, message);
}
}  // namespace

ModelCheck::ModelCheck(QAbstractItemModel* model) {
  if (activeChecks++ == 0) {
    modelFailures.clear();
    previousHandler = qInstallMessageHandler(collectModelFailures);
  }
  tester_ = std::make_unique<QAbstractItemModelTester>(model, QAbstractItemModelTester::FailureReportingMode::Warning);
}

ModelCheck::~ModelCheck() {
  tester_.reset();
  if (--activeChecks == 0) qInstallMessageHandler(previousHandler);
  INFO(modelFailures.join(QLatin1Char('\n')).toStdString());
  CHECK(modelFailures.isEmpty());
}

void answerConfirmation(bool accept, QString* seen) {
  whenModalAppears([accept, seen](QWidget* modal) {
    auto* box = qobject_cast<QMessageBox*>(modal);
    CHECK(box);
    CHECK(modal->objectName() == QStringLiteral("confirmAction"));
    if (!box) {
      modal->close();
      return;
    }
    if (seen) *seen = box->text();
    QAbstractButton* chosen = box->button(QMessageBox::Cancel);
    if (accept)
      for (QAbstractButton* button : box->buttons())
        if (box->buttonRole(button) == QMessageBox::AcceptRole) chosen = button;
    CHECK(chosen);
    if (chosen) chosen->click();
  });
}

void answerReason(const QString& reason, QString* seen) {
  whenModalAppears([reason, seen](QWidget* modal) {
    auto* dialog = qobject_cast<QInputDialog*>(modal);
    CHECK(dialog);
    if (!dialog) {
      modal->close();
      return;
    }
    if (seen) *seen = dialog->labelText();
    if (reason.isEmpty()) {
      dialog->reject();
      return;
    }
    dialog->setTextValue(reason);
    dialog->accept();
  });
}

}  // namespace dd::test
