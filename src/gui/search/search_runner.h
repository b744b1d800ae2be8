#pragma once
// Runs donor searches off the GUI thread over the database's shared
// SearchIndex: waits (without blocking) while the index is built or, on a
// shared PostgreSQL database, rebuilt after other workstations' edits, then
// scans it in a worker. Cancel drops the running job's result (the engine
// itself finishes in milliseconds; the index build goes on for later searches).
#include <QObject>
#include <memory>
#include <vector>

#include "match/search.h"

namespace dd::app {
class SearchService;
}
namespace dd::gui {
class SearchIndex;
}

namespace dd::gui {

class SearchRunner : public QObject {
  Q_OBJECT
 public:
  explicit SearchRunner(SearchIndex* index, QObject* parent = nullptr);
  ~SearchRunner() override;

  // False (and failed() is emitted) when the HLA tables are not loaded yet.
  bool start(const match::Typing& patient, const match::SearchOptions& options);
  void cancel();
  bool busy() const { return busy_; }

 Q_SIGNALS:
  void progress(const QString& text);
  // results: the best options.limit; found: how many donors qualified in all.
  void finished(const std::vector<dd::match::SearchResult>& results, int scale, double milliseconds,
                std::size_t found);
  void failed(const QString& message);

 private:
  void runSearch(quint64 generation, const match::Typing& patient, const match::SearchOptions& options);

  SearchIndex* index_;
  bool busy_ = false;
  quint64 generation_ = 0;
};

}  // namespace dd::gui
