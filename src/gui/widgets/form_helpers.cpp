#include "gui/widgets/form_helpers.h"

#include <QComboBox>
#include <QLabel>
#include <QTableWidget>
#include <QMessageBox>

#include "app/volunteer_validation.h"
#include "gui/widgets/date_field.h"
#include "gui/widgets/display_text.h"

namespace dd::gui::form {

void setDate(DateField* field, const QDate& date) { field->setDate(date); }

QDate dateOf(const DateField* field) { return field->date(); }

void setChoice(QComboBox* box, const QString& value) {
  const int index = box->findData(value);
  box->setCurrentIndex(index >= 0 ? index : 0);
}

void setCmv(QComboBox* cmv, model::Cmv value) {
  cmv->setCurrentIndex(std::max(0, cmv->findData(static_cast<int>(value))));
}

model::Cmv cmvOf(const QComboBox* cmv) { return static_cast<model::Cmv>(cmv->currentData().toInt()); }

void fillBloodChoices(QComboBox* abo, QComboBox* rh, QComboBox* cmv) {
  abo->addItem(QString(), QString());
  for (const char* group : {"A", "B", "AB", "O"}) abo->addItem(QLatin1String(group), QLatin1String(group));
  rh->addItem(QString(), QString());
  rh->addItem(QStringLiteral("Rh+"), QStringLiteral("+"));
  rh->addItem(QStringLiteral("Rh−"), QStringLiteral("-"));
  for (const model::Cmv value : {model::Cmv::Unknown, model::Cmv::Positive, model::Cmv::Negative})
    cmv->addItem(cmvText(value), static_cast<int>(value));
}

bool mayCloseWithUnsavedChanges(QWidget* editor, const QString& title, const QString& question,
                                const std::function<bool()>& save, bool* saved) {
  *saved = false;
  const auto answer = QMessageBox::question(editor, title, question,
                                            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                            QMessageBox::Save);
  if (answer == QMessageBox::Cancel) return false;
  if (answer == QMessageBox::Save) {
    *saved = save();
    return *saved;
  }
  return true;
}

void addDifference(QList<FieldDifference>& differences, const QString& key, const QString& mine,
                   const QString& theirs) {
  if (mine != theirs) differences.append({app::fieldLabel(key), mine, theirs});
}

void addTypingDifferences(QList<FieldDifference>& differences, const model::HlaTyping& mine,
                          const model::HlaTyping& theirs) {
  for (model::Locus locus : model::kAllLoci)
    if (mine.at(locus).raw != theirs.at(locus).raw)
      differences.append({QStringLiteral("HLA-") + QLatin1String(model::key(locus).data(), model::key(locus).size()),
                          mine.at(locus).raw, theirs.at(locus).raw});
}

void setRows(QTableWidget* table, const QStringList& headers, const QList<QStringList>& rows) {
  table->clear();
  table->setColumnCount(headers.size());
  table->setHorizontalHeaderLabels(headers);
  table->setRowCount(rows.size());
  for (int r = 0; r < rows.size(); ++r)
    for (int c = 0; c < rows[r].size() && c < headers.size(); ++c)
      table->setItem(r, c, new QTableWidgetItem(rows[r][c]));
  table->resizeColumnsToContents();
}

void showMessage(QLabel* label, const QString& message) {
  label->setProperty("role", QStringLiteral("fieldMessage"));
  label->setText(message);
  label->setVisible(!message.isEmpty());
}

}  // namespace dd::gui::form
