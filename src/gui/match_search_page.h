#pragma once
// The match search page: pick a patient (or type a GL String), choose the
// scale, minimum and whether unavailable volunteers count, and search; the
// search runs off the GUI thread (SearchRunner). Results are coloured per
// locus by grade; from a result staff reserve the volunteer, open a case,
// log a contact, export CSV or print the search report.
#include <QWidget>
#include <memory>
#include <vector>

#include "gui/page_commands.h"
#include "match/search.h"

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

  bool canFind() const override { return true; }
  void focusFind() override;
  bool canPrint() const override { return true; }
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
  bool exportCsv(const QString& path);

 Q_SIGNALS:
  void searchFinished();
  void caseOpened(qint64 caseId);

 private:
  void loadPatients();
  void showResults(const std::vector<match::SearchResult>& results, int scale, double milliseconds);
  void showFailure(const QString& message);
  void setBusy(bool busy);
  void updateActions();
  qint64 selectedVolunteer() const;
  qint64 currentPatient() const;

  std::unique_ptr<Ui::MatchSearchPage> ui_;
  app::Registry* registry_;
  SearchResultModel* model_;
  SearchRunner* runner_;
  SearchIndex* index_;  // the workspace's; its size is the report's "donors searched"
  qint64 searchedPatient_ = 0;
};

}  // namespace dd::gui
