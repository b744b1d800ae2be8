#pragma once
// The match search page: pick a patient (or type a GL String), choose the
// scale, minimum and whether unavailable volunteers count, and search; the
// search runs off the GUI thread (SearchRunner). Results are coloured per
// locus by grade; from a result staff reserve the volunteer, open a case,
// log a contact, export CSV or print the search report.
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

#include "core/message.h"
#include "gui/page_commands.h"
#include "match/search.h"
#include "model/entities.h"

namespace Ui {
class MatchSearchPage;
}

namespace dd::app {
class Registry;
}

namespace dd::gui {

class SearchIndex;
class SearchResultModel;
class SearchRunner;

class MatchSearchPage : public QWidget, public PageCommands {
  Q_OBJECT
 public:
  // index: the database's shared search index (kept current by itself).
  MatchSearchPage(app::Registry* registry, SearchIndex* index, QWidget* parent = nullptr);
  ~MatchSearchPage() override;

  void focusFind() override;
  void printPage() override;
  void pageShown() override;

  void selectPatient(qint64 patientId);
  void setTyping(const QString& glString);
  // Starts the search; false when the input is wrong (shown at the field).
  bool search();
  SearchResultModel* model() const { return model_; }
  SearchRunner* runner() const { return runner_; }

  bool reserveSelected();
  bool openCaseForSelected();
  // Writes every donor found, not only the ones on screen: when more were
  // found than shown, the search runs again for all of them first (the file
  // is written when it finishes; searchFinished() then follows).
  bool exportCsv(const QString& path);
  // Runs the last search again for every donor it found.
  bool showAll();
  std::size_t foundCount() const { return found_; }
  // How many results a search shows at first (200; tests make it small).
  void setFirstPageSize(std::size_t size) { firstPage_ = size; }

 Q_SIGNALS:
  void searchFinished();
  void caseOpened(qint64 caseId);

 private:
  void loadPatients();
  void showResults(const std::vector<match::SearchResult>& results, int scale, double milliseconds,
                   std::size_t found);
  bool writeCsv(const QString& path);
  void showFailure(const QString& message);
  void clearResults();
  void setBusy(bool busy);
  void updateActions();
  qint64 selectedVolunteer() const;
  // The volunteer a reserve or open-case action is about (re-read: it may
  // have changed), or nothing after telling why.
  std::optional<model::Volunteer> volunteerForAction(qint64 volunteerId, const QString& action);
  bool warnRefused(const QString& action, const std::vector<Error>& errors);  // false
  qint64 currentPatient() const;

  std::unique_ptr<Ui::MatchSearchPage> ui_;
  app::Registry* registry_;
  SearchResultModel* model_;
  SearchRunner* runner_;
  SearchIndex* index_;  // the workspace's; its size is the report's "donors searched"
  qint64 searchedPatient_ = 0;
  // The last search, to run it again for all its donors.
  match::Typing lastTyping_;
  match::SearchOptions lastOptions_;
  std::size_t found_ = 0;
  std::size_t firstPage_ = 200;
  QString pendingExport_;  // written when the search for all donors finishes
};

}  // namespace dd::gui
