#include "gui/widgets/record_history.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include "app/volunteer_validation.h"
#include "gui/widgets/display_text.h"
#include "gui/patients/patient_table_model.h"
#include "model/volunteer_fields.h"

namespace dd::gui {
namespace {

QString actionText(const QString& action) {
  if (action == QLatin1String("create")) return QCoreApplication::translate("dd::gui", "Registered");
  if (action == QLatin1String("import")) return QCoreApplication::translate("dd::gui", "Imported");
  if (action == QLatin1String("generate")) return QCoreApplication::translate("dd::gui", "Generated (demo data)");
  if (action == QLatin1String("update")) return QCoreApplication::translate("dd::gui", "Changed");
  if (action == QLatin1String("contact")) return QCoreApplication::translate("dd::gui", "Contact attempt");
  if (action == QLatin1String("print")) return QCoreApplication::translate("dd::gui", "Printed");
  return action;
}

QString phoneLabelText(const QString& label) {
  if (label == QLatin1String("mobile")) return QCoreApplication::translate("dd::gui", "mobile");
  if (label == QLatin1String("home")) return QCoreApplication::translate("dd::gui", "home");
  if (label == QLatin1String("work")) return QCoreApplication::translate("dd::gui", "work");
  return label;  // free text as staff wrote it
}

// The audit's phone list ("138... (mobile)*; 0531... [replaced 2026-12-01]",
// store::volunteer_columns::phonesText) as staff read it: numbers masked,
// labels translated, the current number and replaced ones said in words.
QString phonesText(const QString& stored) {
  static const QRegularExpression entry(
      QStringLiteral("^(.+?)(?: \\((.*)\\))?(\\*)?(?: \\[replaced (\\d{4}-\\d{2}-\\d{2})\\])?$"));
  QStringList shown;
  for (const QString& part : stored.split(QStringLiteral("; "), Qt::SkipEmptyParts)) {
    const auto m = entry.match(part.trimmed());
    if (!m.hasMatch()) {
      shown << maskPhone(part.trimmed());
      continue;
    }
    QStringList notes;
    if (!m.captured(2).isEmpty()) notes << phoneLabelText(m.captured(2));
    if (!m.captured(3).isEmpty()) notes << QCoreApplication::translate("dd::gui", "current");
    if (!m.captured(4).isEmpty()) notes << QCoreApplication::translate("dd::gui", "replaced %1").arg(m.captured(4));
    shown << (notes.isEmpty() ? maskPhone(m.captured(1))
                              : QCoreApplication::translate("dd::gui", "%1 (%2)")
                                    .arg(maskPhone(m.captured(1)), notes.join(QStringLiteral(", "))));
  }
  return shown.join(QStringLiteral("; "));
}

QString keyText(const QString& value, auto parse, auto shown) {
  const QByteArray key = value.toUtf8();
  if (const auto parsed = parse(std::string_view(key.constData(), static_cast<std::size_t>(key.size()))))
    return shown(*parsed);
  return value;
}

// A stored value as staff read it.
QString valueText(const QString& field, const QString& value,
                  const std::function<QString(qint64)>& caseNoOf) {
  if (value.isEmpty()) return {};
  if (field == QLatin1String("id_number")) return maskIdNumber(value);
  if (field == QLatin1String("phones")) return phonesText(value);
  if (const model::VolunteerField* volunteer = model::volunteerField(field);
      volunteer && volunteer->kind == model::FieldKind::Phone)
    return maskPhone(value);  // emergency contacts' numbers
  if (field == QLatin1String("email")) return maskEmail(value);
  if (field == QLatin1String("wechat")) return maskWechat(value);
  if (field == QLatin1String("sex")) return keyText(value, model::parseSex, sexText);
  if (field == QLatin1String("status")) return keyText(value, model::parseVolunteerStatus, statusText);
  if (field == QLatin1String("withdrawal_stage")) return keyText(value, model::parseWorkupStage, stageText);
  if (field == QLatin1String("cmv")) return keyText(value, model::parseCmv, cmvText);
  if (field == QLatin1String("urgency")) return PatientTableModel::urgencyText(value);
  if (field == QLatin1String("search_status")) return PatientTableModel::searchStatusText(value);
  if (field == QLatin1String("reserved_patient_id")) {
    const QString caseNo = caseNoOf ? caseNoOf(value.toLongLong()) : QString();
    return caseNo.isEmpty() ? value : caseNo;
  }
  if (field == QLatin1String("contact_attempt")) {  // "phone reached [2026-11-29]"
    const QStringList parts = value.split(QLatin1Char(' '));
    if (parts.size() >= 2) {
      QString text = QCoreApplication::translate("dd::gui", "%1, %2")
                         .arg(keyText(parts[0], model::parseContactChannel, channelText),
                              keyText(parts[1], model::parseContactOutcome, outcomeText));
      if (parts.size() == 3) text += QCoreApplication::translate("dd::gui", " (contact on %1)").arg(parts[2]);
      return text;
    }
  }
  return value;
}

// The normalised HLA column (hla_a) says again what the entered one
// (hla_a_raw) says: shown only when the entered text did not change with it.
bool repeatsEnteredHla(const QString& field, const QSet<QString>& fieldsOfTheSameChange) {
  static const QRegularExpression normalised(QStringLiteral("^hla_[a-z0-9]+$"));
  return normalised.match(field).hasMatch() && fieldsOfTheSameChange.contains(field + QStringLiteral("_raw"));
}

}  // namespace

QList<HistoryRow> readableHistory(const QList<model::AuditEntry>& entries,
                                  const std::function<QString(qint64)>& caseNoOf) {
  QList<HistoryRow> rows;
  for (qsizetype i = 0; i < entries.size();) {
    // The entries of one change share time, staff and action.
    qsizetype end = i + 1;
    while (end < entries.size() && entries[end].at == entries[i].at && entries[end].staff == entries[i].staff &&
           entries[end].action == entries[i].action)
      ++end;
    QSet<QString> fields;
    for (qsizetype k = i; k < end; ++k) fields.insert(entries[k].field);
    const QString when = entries[i].at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    const QString action = actionText(entries[i].action);
    for (qsizetype k = i; k < end; ++k) {
      const model::AuditEntry& entry = entries[k];
      if (repeatsEnteredHla(entry.field, fields)) continue;
      rows.append({when, entry.staff, action, app::fieldLabel(entry.field),
                   valueText(entry.field, entry.oldValue, caseNoOf), valueText(entry.field, entry.newValue, caseNoOf)});
    }
    i = end;
  }
  return rows;
}

}  // namespace dd::gui
