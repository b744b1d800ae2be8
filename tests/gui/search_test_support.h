#pragma once
// Shared by the match-search GUI tests: one patient typing, donors built
// around it, and waiting for the HLA tables the search needs.
#include <memory>

#include <QString>
#include <QTemporaryDir>

#include "app/registry.h"
#include "gui/search/match_search_page.h"
#include "gui/search/search_index.h"
#include "gui/search/search_result_model.h"

namespace dd::test {

// A full 10-locus GL String the donors below are built around.
inline constexpr const char* kSearchPatientTyping =
    "A*02:01+A*24:02^B*40:01+B*46:01^C*01:02+C*03:04^DRB1*09:01+DRB1*15:01^DQB1*03:03+DQB1*06:02";

// Starts loading the HLA tables if needed and waits for them (fails the test
// if they cannot be loaded).
void waitForHla();

// A temporary deferral for 20 days, a status change saved on its own: the
// donor is unavailable until it ends.
app::StatusChangeRequest deferral();
// Registers a volunteer typed like kSearchPatientTyping except at A, where
// it gets `typingA`; returns its id.
qint64 addSearchDonor(app::Registry& registry, int serial, const QString& typingA);
// Registers the patient every match-search test searches for: typed as
// kSearchPatientTyping, with the hospital and diagnosis the page's printed
// report names; returns its id.
qint64 addSearchPatient(app::Registry& registry);
// The row of that volunteer in the results, or -1.
int resultRowOf(const gui::SearchResultModel& model, qint64 volunteerId);

// Runs the page's search to the end; the results are in page.model().
void searchAndWait(gui::MatchSearchPage& page);

// The match page over a fresh SQLite registry in a temporary folder, once the
// HLA tables are loaded. Add donors and patients to `registry` first, then
// openPage() builds the search index over it and the page on top.
class MatchPageFixture {
 public:
  MatchPageFixture();
  gui::MatchSearchPage& openPage();

  QTemporaryDir dir;
  QString path;
  std::unique_ptr<app::Registry> registry;
  std::unique_ptr<gui::SearchIndex> index;     // set by openPage()
  std::unique_ptr<gui::MatchSearchPage> page;  // set by openPage()
};

}  // namespace dd::test
