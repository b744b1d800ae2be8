#pragma once
// The History tab of both record editors: the audit trail of one record as
// staff read it (readableHistory), one row per field changed.
#include <QTableWidget>

namespace dd::app {
class Registry;
}

namespace dd::gui {

class RecordHistoryTable : public QTableWidget {
  Q_OBJECT
 public:
  explicit RecordHistoryTable(QWidget* parent = nullptr);
  // entity as app/ names it ("volunteer", "patient"); id 0 (not saved yet) clears.
  void showTrail(app::Registry& registry, const QString& entity, qint64 id);
};

}  // namespace dd::gui
