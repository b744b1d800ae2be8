#include "gui/style.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace dd::gui {

void applyStyle(QApplication& app) {
  app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
  QPalette palette = app.style()->standardPalette();
  palette.setColor(QPalette::Window, QColor(0xf4, 0xf6, 0xf8));
  palette.setColor(QPalette::Highlight, QColor(0x2c, 0x6e, 0x9b));
  palette.setColor(QPalette::AlternateBase, QColor(0xf0, 0xf4, 0xf8));
  app.setPalette(palette);
  app.setStyleSheet(QStringLiteral(
      "QListWidget#navigationList { background: #e8eef3; border: none; border-right: 1px solid #cfd8e0;"
      "  padding-top: 8px; font-size: 11pt; outline: 0; }"
      "QListWidget#navigationList::item { padding: 6px 10px; border-radius: 4px; margin: 1px 6px; color: #1f2d3a; }"
      "QListWidget#navigationList::item:selected { background: #c9dcec; color: #10324d; font-weight: bold; }"
      "QListWidget#navigationList::item:hover:!selected { background: #d6e2ec; }"
      "*[fieldError=\"true\"] { border: 1px solid #c0392b; background: #fdf0ef; }"
      "QLabel[role=\"fieldMessage\"] { color: #b03a2e; }"
      "QLabel[role=\"pageTitle\"] { font-size: 14pt; font-weight: bold; color: #1f2d3a; }"));
}

}  // namespace dd::gui
