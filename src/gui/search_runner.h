#pragma once
// Runs donor searches off the GUI thread. The first search (and the first
// after volunteers changed) builds the in-memory index from the registry in
// a worker thread with its own database connection; later searches only
// scan the index. Cancel drops the running job's result (the engine itself
// finishes in milliseconds; the index build cannot be interrupted).
#include <QObject>
#include <memory>
#include <vector>

#include "match/search.h"

namespace dd::app {
class SearchService;
}

namespace dd::gui {

class SearchRunner : public QObject {
  Q_OBJECT
 public:
  explicit SearchRunner(QString databaseUrl, QObject* parent = nullptr);
  ~SearchRunner() override;

  // False (and failed() is emitted) when the HLA tables are not loaded yet.
  bool start(const match::Typing& patient, const match::SearchOptions& options);
  void cancel();
  bool busy() const { return busy_; }
  // Volunteers changed: the next search rebuilds the index.
  void invalidateIndex() { indexed_ = false; }

 Q_SIGNALS:
  void progress(const QString& text);
  void finished(const std::vector<dd::match::SearchResult>& results, int scale, double milliseconds);
  void failed(const QString& message);

 private:
  QString url_;
  std::shared_ptr<app::SearchService> service_;
  bool indexed_ = false;
  bool busy_ = false;
  quint64 generation_ = 0;
};

}  // namespace dd::gui
