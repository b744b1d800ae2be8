// What staff do with a search result: reserve the volunteer, open a case,
// export the list, print the report. Part of MatchSearchPage.
#include <QMessageBox>

#include "app/print_documents.h"
#include "app/print_search_report.h"
#include "app/print_settings.h"
#include "app/registry.h"
#include "app/search_format.h"
#include "app/search_service.h"
#include "core/qt/localization.h"
#include "gui/confirm_action.h"
#include "gui/documents_actions.h"
#include "gui/documents_preview.h"
#include "gui/hla_reader.h"
#include "gui/search_index.h"
#include "gui/match_search_page.h"
#include "gui/search_result_model.h"
#include "ui_match_search_page.h"

namespace dd::gui {

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
  if (Status written = app::writeSearchCsv(path, model_->results(), model_->scale()); !written) {
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
