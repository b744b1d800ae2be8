#pragma once
// The calm look: Fusion everywhere (same on every desktop), a light palette,
// a styled navigation list and the red frame for fields with an error.
class QApplication;

namespace dd::gui {
void applyStyle(QApplication& app);
}
