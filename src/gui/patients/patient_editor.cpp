#include "gui/patients/patient_editor.h"

#include <QPushButton>

#include "app/registry.h"
#include "app/volunteer_validation.h"
#include "core/qt/localization.h"
#include "gui/widgets/conflict_dialog.h"
#include "gui/widgets/display_text.h"
#include "gui/widgets/field_errors.h"
#include "gui/widgets/form_helpers.h"
#include "gui/widgets/hla_field_watcher.h"
#include "gui/patients/patient_table_model.h"
#include "gui/widgets/record_history_table.h"
#include "ui_patient_editor.h"

namespace dd::gui {
namespace {
QLineEdit* hlaEdit(const Ui::PatientEditor& ui, model::Locus locus) {
  QLineEdit* edits[] = {ui.hlaA, ui.hlaB, ui.hlaC, ui.hlaDRB1, ui.hlaDQB1, ui.hlaDPB1};
  return edits[static_cast<int>(locus)];
}

QList<FieldDifference> differences(const model::Patient& mine, const model::Patient& theirs) {
  const std::pair<const char*, QString (*)(const model::Patient&)> fields[] = {
      {"name", [](const model::Patient& p) { return p.name; }},
      {"sex", [](const model::Patient& p) { return sexText(p.sex); }},
      {"birth_date", [](const model::Patient& p) { return dateText(p.birthDate); }},
      {"diagnosis", [](const model::Patient& p) { return p.diagnosis; }},
      {"hospital", [](const model::Patient& p) { return p.hospital; }},
      {"physician", [](const model::Patient& p) { return p.physician; }},
      {"abo", [](const model::Patient& p) { return p.abo; }},
      {"rh", [](const model::Patient& p) { return p.rh; }},
      {"cmv", [](const model::Patient& p) { return cmvText(p.cmv); }},
      {"weight_kg", [](const model::Patient& p) { return p.weightKg > 0 ? QString::number(p.weightKg) : QString(); }},
      {"urgency", [](const model::Patient& p) { return PatientTableModel::urgencyText(p.urgency); }},
      {"search_request_date", [](const model::Patient& p) { return dateText(p.searchRequestDate); }},
      {"search_status", [](const model::Patient& p) { return PatientTableModel::searchStatusText(p.searchStatus); }},
      {"notes", [](const model::Patient& p) { return p.notes; }},
  };
  QList<FieldDifference> result;
  for (const auto& [key, value] : fields) form::addDifference(result, QLatin1String(key), value(mine), value(theirs));
  form::addTypingDifferences(result, mine.hla, theirs.hla);
  return result;
}
}  // namespace

PatientEditor::PatientEditor(app::Registry* registry, qint64 id, QWidget* parent)
    : RecordEditor(parent), ui_(std::make_unique<Ui::PatientEditor>()), registry_(registry) {
  ui_->setupUi(this);
  setUpEditor(ui_->generalError, ui_->tabs, tr("This patient has changes that are not saved. Save them?"));
  ui_->sex->addItem(sexText(model::Sex::Male));
  ui_->sex->addItem(sexText(model::Sex::Female));
  form::fillBloodChoices(ui_->abo, ui_->rh, ui_->cmv);
  for (const QString& key : PatientTableModel::urgencyKeys()) ui_->urgency->addItem(PatientTableModel::urgencyText(key), key);
  for (const QString& key : PatientTableModel::searchStatusKeys())
    ui_->searchStatus->addItem(PatientTableModel::searchStatusText(key), key);
  const std::pair<const char*, const char*> fields[] = {
      {"name", "name"}, {"sex", "sex"}, {"birth_date", "birthDate"}, {"diagnosis", "diagnosis"},
      {"hospital", "hospital"}, {"physician", "physician"}, {"abo", "abo"}, {"rh", "rh"}, {"cmv", "cmv"},
      {"weight_kg", "weightKg"}, {"urgency", "urgency"}, {"search_request_date", "searchRequestDate"},
      {"search_status", "searchStatus"}, {"notes", "notes"}};
  for (const auto& [field, editor] : fields) errors().add(QLatin1String(field), this, QLatin1String(editor));
  auto* watcher = new HlaFieldWatcher(registry_, this);
  for (model::Locus locus : model::kAllLoci) {
    const QString key = QString::fromLatin1(model::key(locus).data(), model::key(locus).size());
    errors().add(QStringLiteral("hla_") + key.toLower(), this, QStringLiteral("hla") + key);
    watcher->watch(locus, hlaEdit(*ui_, locus), findChild<QLabel*>(QStringLiteral("hla%1Reading").arg(key)), errors());
  }
  ui_->buttons->button(QDialogButtonBox::Save)->setText(id == 0 ? tr("&Create") : tr("&Save"));
  connect(ui_->buttons, &QDialogButtonBox::accepted, this, [this] {
    if (save()) accept();
  });
  connect(ui_->buttons, &QDialogButtonBox::rejected, this, &PatientEditor::reject);
  if (id != 0) {
    auto loaded = registry_->patient(id);
    if (!loaded) {
      setLoadError(dd::qt::translated(loaded.error()));
      return;
    }
    patient_ = *loaded;
  } else {
    patient_.searchRequestDate = QDate::currentDate();
  }
  display(patient_);
  ui_->tabs->setCurrentIndex(0);
  ui_->name->setFocus();
}

PatientEditor::~PatientEditor() = default;

void PatientEditor::display(const model::Patient& p) {
  ui_->caseNo->setText(p.caseNo);
  ui_->name->setText(p.name);
  ui_->sex->setCurrentIndex(p.sex == model::Sex::Male ? 0 : 1);
  form::setDate(ui_->birthDate, p.birthDate);
  ui_->diagnosis->setText(p.diagnosis);
  ui_->hospital->setText(p.hospital);
  ui_->physician->setText(p.physician);
  form::setChoice(ui_->abo, p.abo);
  form::setChoice(ui_->rh, p.rh);
  form::setCmv(ui_->cmv, p.cmv);
  ui_->weightKg->setValue(p.weightKg);
  form::setChoice(ui_->urgency, p.urgency);
  form::setDate(ui_->searchRequestDate, p.searchRequestDate);
  form::setChoice(ui_->searchStatus, p.searchStatus);
  ui_->notes->setPlainText(p.notes);
  for (model::Locus locus : model::kAllLoci) hlaEdit(*ui_, locus)->setText(p.hla.at(locus).raw);
  setWindowTitle(p.id == 0 ? tr("New patient") : tr("Patient %1 %2").arg(p.caseNo, p.name));
  ui_->auditTab->setEnabled(p.id != 0);
  clearErrors();
  loadAudit();
}

void PatientEditor::read(model::Patient& p) const {
  p.name = ui_->name->text().trimmed();
  p.sex = ui_->sex->currentIndex() == 1 ? model::Sex::Female : model::Sex::Male;
  p.birthDate = form::dateOf(ui_->birthDate);
  p.diagnosis = ui_->diagnosis->text().trimmed();
  p.hospital = ui_->hospital->text().trimmed();
  p.physician = ui_->physician->text().trimmed();
  p.abo = ui_->abo->currentData().toString();
  p.rh = ui_->rh->currentData().toString();
  p.cmv = form::cmvOf(ui_->cmv);
  p.weightKg = ui_->weightKg->value();
  p.urgency = ui_->urgency->currentData().toString();
  p.searchRequestDate = form::dateOf(ui_->searchRequestDate);
  p.searchStatus = ui_->searchStatus->currentData().toString();
  p.notes = ui_->notes->toPlainText().trimmed();
  for (model::Locus locus : model::kAllLoci) {
    const QString raw = hlaEdit(*ui_, locus)->text().trimmed();
    if (raw != p.hla.at(locus).raw) p.hla.at(locus) = {raw, {}};
  }
}

void PatientEditor::loadAudit() {
  ui_->auditTable->showTrail(*registry_, QStringLiteral("patient"), patient_.id);
}

bool PatientEditor::isDirty() const {
  model::Patient now = patient_;
  read(now);
  return !differences(now, patient_).isEmpty();
}

bool PatientEditor::save() {
  model::Patient p = patient_;
  read(p);
  const auto actor = app::Actor::fromOperatingSystem();
  auto result = p.id == 0 ? registry_->createPatient(p, actor) : registry_->updatePatient(p, actor);
  if (result.conflict()) {
    auto theirs = registry_->patient(p.id);
    if (!theirs) {
      showErrors({theirs.error()});
      return false;
    }
    ConflictDialog dialog(QString(), differences(p, *theirs), this);
    dialog.exec();
    if (dialog.choice() == ConflictDialog::KeepEditing) return false;
    patient_ = *theirs;
    if (dialog.choice() == ConflictDialog::TakeTheirs) {
      display(patient_);
      return false;
    }
    read(patient_);  // their version number, my values
    p = patient_;
    result = registry_->updatePatient(p, actor);
  }
  if (!result.ok()) {
    showErrors(result.errors.empty() ? result.warnings : result.errors);
    return false;
  }
  patient_ = *result.value;
  markSaved();
  display(patient_);
  return true;
}

}  // namespace dd::gui
