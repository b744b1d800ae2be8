#include "gui/search/match_search_page.h"

#include <spdlog/spdlog.h>

#include "app/hla_check.h"

#include <utility>

#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QSaveFile>

#include "app/print_search_report.h"
#include "app/print_settings.h"
#include "app/registry.h"
#include "app/risk_scores.h"
#include "app/search_format.h"
#include "app/search_service.h"
#include "core/qt/localization.h"
#include "gui/widgets/field_errors.h"
#include "gui/widgets/file_dialogs.h"
#include "gui/hla_reader.h"
#include "gui/search/search_result_model.h"
#include "gui/search/search_runner.h"
#include "gui/volunteers/volunteer_editor.h"
#include "match/typing.h"
#include "ui_match_search_page.h"
#include "app/print_documents.h"
#include "gui/widgets/confirm_action.h"
#include "gui/documents/documents_actions.h"
#include "gui/documents/documents_preview.h"
#include "gui/search/search_index.h"

namespace dd::gui {

MatchSearchPage::MatchSearchPage(app::Registry* registry, SearchIndex* index, QWidget* parent)
    : QWidget(parent),
      PageCommands(PageCommands::Find | PageCommands::Print),
      ui_(std::make_unique<Ui::MatchSearchPage>()),
      registry_(registry),
      model_(new SearchResultModel(this)),
      runner_(new SearchRunner(index, this)),
      index_(index) {
  ui_->setupUi(this);
  ui_->scale->addItem(tr("10/10 (A, B, C, DRB1, DQB1)"), 10);
  ui_->scale->addItem(tr("8/8 (A, B, C, DRB1)"), 8);
  ui_->scale->addItem(tr("6/6 (A, B, DRB1)"), 6);
  ui_->glStringError->setProperty("role", QStringLiteral("fieldMessage"));
  ui_->glStringError->hide();
  ui_->progress->hide();
  ui_->showAllButton->hide();  // until a search finds more than it shows
  // Long messages (a refused release's path) wrap instead of widening the
  // window past the screen.
  ui_->statusText->setWordWrap(true);
  ui_->statusText->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  ui_->glStringError->setWordWrap(true);
  QStringList legend;
  for (auto grade : {match::Grade::AlleleMatch, match::Grade::PotentialAlleleMatch, match::Grade::AntigenMatch,
                     match::Grade::AntigenMismatch, match::Grade::Untyped})
    legend << QStringLiteral("<span style='background:%1'>&nbsp;%2&nbsp;</span>")
                  .arg(SearchResultModel::gradeColour(grade).name(), SearchResultModel::gradeName(grade));
  ui_->legend->setText(legend.join(QLatin1Char(' ')));
  ui_->legend->setToolTip(tr("An untyped locus counts as a potential match; a donor typed there ranks first at the "
                             "same count. Volunteers untyped at A, B or DRB1 are not searched."));
  ui_->results->setModel(model_);
  ui_->results->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
  ui_->results->setColumnWidth(SearchResultModel::Rank, 50);
  ui_->results->setColumnWidth(SearchResultModel::RegistryNo, 110);
  ui_->results->setColumnWidth(SearchResultModel::Total, 60);
  for (int c = SearchResultModel::A; c <= SearchResultModel::DQB1; ++c) ui_->results->setColumnWidth(c, 128);

  connect(ui_->scale, &QComboBox::currentIndexChanged, this, [this] {
    ui_->minimum->setMaximum(ui_->scale->currentData().toInt());
    ui_->minimum->setValue(ui_->scale->currentData().toInt() - 2);
  });
  connect(ui_->glString, &QLineEdit::textEdited, this, [this] { ui_->byTyping->setChecked(true); });
  connect(ui_->patient, &QComboBox::activated, this, [this] { ui_->byPatient->setChecked(true); });
  connect(ui_->searchButton, &QPushButton::clicked, this, &MatchSearchPage::search);
  connect(ui_->glString, &QLineEdit::returnPressed, this, &MatchSearchPage::search);
  // Enter in the minimum box searches too (a spin box has no returnPressed of its own).
  if (auto* minimumText = ui_->minimum->findChild<QLineEdit*>())
    connect(minimumText, &QLineEdit::returnPressed, this, &MatchSearchPage::search);
  connect(ui_->cancelButton, &QPushButton::clicked, this, [this] {
    runner_->cancel();
    setBusy(false);
    ui_->statusText->setText(tr("Search cancelled."));
  });
  connect(runner_, &SearchRunner::progress, ui_->statusText, &QLabel::setText);
  connect(runner_, &SearchRunner::finished, this, &MatchSearchPage::showResults);
  connect(runner_, &SearchRunner::failed, this, &MatchSearchPage::showFailure);
  connect(ui_->results->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MatchSearchPage::updateActions);
  connect(ui_->reserveButton, &QPushButton::clicked, this, &MatchSearchPage::reserveSelected);
  connect(ui_->openCaseButton, &QPushButton::clicked, this, &MatchSearchPage::openCaseForSelected);
  connect(ui_->logContactButton, &QPushButton::clicked, this, [this] {
    VolunteerEditor editor(registry_, selectedVolunteer(), this);
    editor.findChild<QTabWidget*>(QStringLiteral("tabs"))->setCurrentIndex(4);
    editor.exec();
  });
  connect(ui_->showAllButton, &QPushButton::clicked, this, &MatchSearchPage::showAll);
  connect(ui_->exportButton, &QPushButton::clicked, this, [this] {
    const QString path =
        FileDialogs::saveFile(this, tr("Export results"), QStringLiteral("search-results.csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty()) exportCsv(path);
  });
  connect(ui_->printButton, &QPushButton::clicked, this, &MatchSearchPage::printPage);
  loadPatients();
  updateActions();
}

MatchSearchPage::~MatchSearchPage() = default;

void MatchSearchPage::loadPatients() {
  const qint64 current = currentPatient();
  ui_->patient->clear();
  app::PatientQuery query;
  query.limit = 100000;
  if (auto patients = registry_->listPatients(query))
    for (const model::Patient& p : *patients)
      ui_->patient->addItem(QStringLiteral("%1  %2  (%3)").arg(p.caseNo, p.name, p.diagnosis), p.id);
  if (current) selectPatient(current);
}

void MatchSearchPage::pageShown() { loadPatients(); }

void MatchSearchPage::focusFind() { ui_->glString->setFocus(Qt::ShortcutFocusReason); }

void MatchSearchPage::selectPatient(qint64 patientId) {
  const int index = ui_->patient->findData(patientId);
  if (index < 0) return;
  ui_->patient->setCurrentIndex(index);
  ui_->byPatient->setChecked(true);
}

void MatchSearchPage::setTyping(const QString& glString) {
  ui_->glString->setText(glString);
  ui_->byTyping->setChecked(true);
}

qint64 MatchSearchPage::currentPatient() const { return ui_->patient->currentData().toLongLong(); }

bool MatchSearchPage::search() {
  ui_->glStringError->hide();
  markInvalid(ui_->glString, false);
  const auto nomenclature = HlaReader::instance().nomenclature();
  if (!nomenclature) {
    showFailure(HlaReader::instance().failed() ? HlaReader::instance().loadError()
                                               : tr("The HLA tables are still loading; try again in a moment."));
    return false;
  }
  match::SearchOptions options;
  options.scale = ui_->scale->currentData().toInt();
  options.minMatches = ui_->minimum->value();
  options.includeUnavailable = ui_->includeUnavailable->isChecked();
  match::Typing typing;
  searchedPatient_ = 0;
  if (ui_->byPatient->isChecked()) {
    auto patient = registry_->patient(currentPatient());
    if (!patient) return showFailure(dd::qt::translated(patient.error())), false;
    auto input = app::patientSearchInput(*patient, *nomenclature);
    if (!input) return showFailure(dd::qt::translated(input.error())), false;
    typing = input->typing;
    options.patient = input->factors;
    auto reserved = registry_->volunteersReservedFor(patient->id);
    if (!reserved) return showFailure(dd::qt::translated(reserved.error())), false;
    options.reservedForThisPatient.assign(reserved->cbegin(), reserved->cend());
    searchedPatient_ = patient->id;
  } else {
    auto parsed = match::parseTyping(ui_->glString->text().trimmed().toStdString(), *nomenclature);
    if (!parsed) {
      clearResults();
      ui_->glStringError->setText(dd::qt::translated(parsed.error()));
      ui_->glStringError->show();
      markInvalid(ui_->glString, true);
      return false;
    }
    typing = *parsed;
  }
  options.limit = firstPage_;
  lastTyping_ = typing;
  lastOptions_ = options;
  pendingExport_.clear();
  if (!runner_->start(typing, options)) return false;
  setBusy(true);
  return true;
}

bool MatchSearchPage::showAll() {
  if (found_ == 0 || runner_->busy()) return false;
  match::SearchOptions all = lastOptions_;
  all.limit = found_;
  if (!runner_->start(lastTyping_, all)) return false;
  setBusy(true);
  return true;
}

void MatchSearchPage::showResults(const std::vector<match::SearchResult>& results, int scale, double milliseconds,
                                  std::size_t found) {
  setBusy(false);
  found_ = found;
  model_->setResults(results, scale);
  // The risk column: primary-key reads of the first results only
  // (app::kMaxScored), a few milliseconds, so on this thread.
  QList<qint64> ids;
  ids.reserve(static_cast<qsizetype>(std::min<std::size_t>(results.size(), app::kMaxScored)));
  for (const match::SearchResult& r : results) {
    if (ids.size() == app::kMaxScored) break;
    ids.append(r.volunteerId);
  }
  if (auto scores = app::riskScores(*registry_, ids)) model_->setRiskScores(std::move(*scores));
  else spdlog::warn("risk scores not read: {}", scores.error().code);
  // Counted by the Statistics page; a search that cannot be logged (a
  // read-only registry) is still shown.
  model::SearchRun run;
  run.staff = app::Actor::fromOperatingSystem().staff;
  run.patientId = searchedPatient_;
  run.frontEnd = QStringLiteral("gui");
  run.resultCount = static_cast<int>(found);
  if (Status logged = registry_->recordSearchRun(run); !logged)
    spdlog::info("search not logged: {}", logged.error().code);
  // The true number found, always; the list may hold only the best of them.
  QString status = tr("%Ln donor(s) found in %1 ms.", nullptr, static_cast<int>(found)).arg(milliseconds, 0, 'f', 0);
  const bool partial = results.size() < found;
  if (partial) status += QLatin1Char(' ') + tr("Showing the best %L1.").arg(results.size());
  status = status.toHtmlEscaped();
  if (const auto nomenclature = HlaReader::instance().nomenclature())
    if (const QString warning = app::unverifiedHlaDataWarning(*nomenclature); !warning.isEmpty())
      status += QStringLiteral(" <span style='color:#b03a2e'>%1</span>").arg(warning.toHtmlEscaped());
  ui_->statusText->setText(status);
  ui_->showAllButton->setVisible(partial);
  ui_->showAllButton->setText(tr("Show all %L1").arg(found));
  updateActions();
  if (!pendingExport_.isEmpty()) writeCsv(std::exchange(pendingExport_, QString()));
  Q_EMIT searchFinished();
}

// A search that could not run leaves no results of an earlier one on the
// page: they would read as the answer for the typing now in the field.
void MatchSearchPage::clearResults() {
  found_ = 0;
  model_->setResults({}, ui_->scale->currentData().toInt());
  ui_->statusText->clear();
  updateActions();
}

void MatchSearchPage::showFailure(const QString& message) {
  setBusy(false);
  clearResults();
  ui_->statusText->setText(QStringLiteral("<span style='color:#b03a2e'>%1</span>").arg(message.toHtmlEscaped()));
  Q_EMIT searchFinished();
}

void MatchSearchPage::setBusy(bool busy) {
  ui_->progress->setVisible(busy);
  ui_->cancelButton->setEnabled(busy);
  ui_->searchButton->setEnabled(!busy);
}

void MatchSearchPage::updateActions() {
  const bool selected = ui_->results->selectionModel()->hasSelection();
  const bool forPatient = selected && searchedPatient_ != 0;
  ui_->reserveButton->setEnabled(forPatient);
  ui_->openCaseButton->setEnabled(forPatient);
  ui_->logContactButton->setEnabled(selected);
  ui_->exportButton->setEnabled(model_->rowCount() > 0);
  ui_->printButton->setEnabled(model_->rowCount() > 0 && searchedPatient_ != 0);
}

qint64 MatchSearchPage::selectedVolunteer() const {
  const QModelIndex current = ui_->results->currentIndex();
  return current.isValid() ? model_->result(current.row()).volunteerId : 0;
}

// What staff do with a search result: reserve the volunteer, open a case,
// export the list, print the report.

std::optional<model::Volunteer> MatchSearchPage::volunteerForAction(qint64 volunteerId, const QString& action) {
  if (volunteerId == 0 || searchedPatient_ == 0) return std::nullopt;
  auto volunteer = registry_->volunteer(volunteerId);
  if (!volunteer) {
    QMessageBox::warning(this, action, dd::qt::translated(volunteer.error()));
    return std::nullopt;
  }
  return *volunteer;
}

bool MatchSearchPage::warnRefused(const QString& action, const std::vector<Error>& errors) {
  QStringList messages;
  for (const Error& error : errors) messages << dd::qt::translated(error);
  QMessageBox::warning(this, action, messages.join(QLatin1Char('\n')));
  return false;
}

bool MatchSearchPage::reserveSelected() {
  const qint64 volunteerId = selectedVolunteer();
  const auto volunteer = volunteerForAction(volunteerId, tr("Reserve"));
  if (!volunteer) return false;
  if (!confirmAction(this, tr("Reserve"),
                     tr("Reserve volunteer No. %1 for this patient? Other searches then show the volunteer as "
                        "reserved, and only this patient's case can use them.")
                         .arg(volunteer->registryNo),
                     tr("Reserve")))
    return false;
  const auto result = registry_->reserveForPatient(volunteerId, volunteer->rowVersion, searchedPatient_,
                                                   app::Actor::fromOperatingSystem());
  if (!result.ok()) return warnRefused(tr("Reserve"), result.errors);
  ui_->statusText->setText(tr("%1 is reserved for this patient.").arg(volunteer->registryNo));
  return true;
}

bool MatchSearchPage::openCaseForSelected() {
  const qint64 volunteerId = selectedVolunteer();
  const auto volunteer = volunteerForAction(volunteerId, tr("Open a case"));
  if (!volunteer) return false;
  // Refused anyway (an open case already, reserved for someone else ...):
  // say so now, not after a confirmation.
  if (Status allowed = registry_->checkStartWorkup(searchedPatient_, volunteerId); !allowed) {
    QMessageBox::warning(this, tr("Open a case"), dd::qt::translated(allowed.error()));
    return false;
  }
  if (!confirmAction(this, tr("Open a case"),
                     tr("Open a workup case for volunteer No. %1 and this patient? The volunteer is reserved for "
                        "the patient until the case ends.")
                         .arg(volunteer->registryNo),
                     tr("Open case")))
    return false;
  const auto result =
      registry_->startWorkup(searchedPatient_, volunteerId, QDate::currentDate(), app::Actor::fromOperatingSystem());
  if (!result.ok()) return warnRefused(tr("Open a case"), result.errors);
  ui_->statusText->setText(tr("Case opened; the volunteer is reserved. See the Cases page."));
  Q_EMIT caseOpened(result.value->id);
  return true;
}

bool MatchSearchPage::exportCsv(const QString& path) {
  if (static_cast<std::size_t>(model_->rowCount()) < found_) {  // only the best are on screen: fetch all first
    if (!showAll()) return false;
    pendingExport_ = path;
    return true;
  }
  return writeCsv(path);
}

bool MatchSearchPage::writeCsv(const QString& path) {
  if (Status written = app::writeSearchCsv(path, model_->results(), model_->scale(), &model_->riskScores()); !written) {
    QMessageBox::warning(this, tr("Export results"), dd::qt::translated(written.error()));
    return false;
  }
  ui_->statusText->setText(tr("Results written to %1.").arg(path));
  return true;
}

void MatchSearchPage::printPage() {
  if (searchedPatient_ == 0 || model_->rowCount() == 0) {
    QMessageBox::information(this, tr("Print report"), tr("Search for a patient first; the report lists that "
                                                          "patient's candidates."));
    return;
  }
  auto patient = registry_->patient(searchedPatient_);
  if (!patient) {
    QMessageBox::warning(this, tr("Print report"), dd::qt::translated(patient.error()));
    return;
  }
  const auto nomenclature = HlaReader::instance().nomenclature();
  if (!nomenclature) {  // a search ran, so this is rare: the tables were reloaded since
    QMessageBox::information(this, tr("Print report"), tr("The HLA tables are still loading; try again in a moment."));
    return;
  }
  app::DocumentPrinter printer(*registry_, app::loadPrintSettings(), documentLanguage());
  const std::size_t searched = index_ && index_->service() ? index_->service()->size() : 0;
  const auto header = app::searchReportHeader(*nomenclature, searched);
  auto document = printer.searchReport(*patient, app::reportCandidates(model_->results()), header);
  if (!document) {
    QMessageBox::warning(this, tr("Print report"), dd::qt::translated(document.error()));
    return;
  }
  // Preview, print or PDF through the printing component.
  showPrintPreview(this, {*document}, printer.settings().organisation);
}

}  // namespace dd::gui
