#include "gui/placeholder_page.h"

#include <QLabel>
#include <QVBoxLayout>

namespace dd::gui {

PlaceholderPage::PlaceholderPage(const QString& title, const QString& description, QWidget* parent)
    : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  auto* heading = new QLabel(QStringLiteral("<h2>%1</h2>").arg(title.toHtmlEscaped()), this);
  auto* body = new QLabel(description, this);
  body->setWordWrap(true);
  body->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(heading);
  layout->addWidget(body);
  layout->addStretch(1);
  setObjectName(QStringLiteral("placeholderPage"));
}

}  // namespace dd::gui
