#include "app/worklists.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "app/csv_file.h"
#include "app/readiness_score.h"
#include "app/registry_store_access.h"
#include "app/shown_names.h"
#include "store/contact_freshness.h"
#include "store/worklist_queries.h"

namespace dd::app {
namespace {

QString keyText(std::string_view key) { return QString::fromLatin1(key.data(), qsizetype(key.size())); }
QString isoDate(const QDate& d) { return d.isValid() ? d.toString(Qt::ISODate) : QString(); }

Error outOfRange(const char* field, int low, int high) {
  return makeError("validation.worklist", "dd::app", QT_TRANSLATE_NOOP("dd::app", "%1 must be between %2 and %3."),
                   {field, std::to_string(low), std::to_string(high)}, field);
}

}  // namespace

Expected<QList<model::WorklistRow>> worklist(Registry& registry, model::WorklistQuery query) {
  if (query.months < 1 || query.months > model::RetentionRules::kMaxMonths)
    return outOfRange("months", 1, model::RetentionRules::kMaxMonths);
  if (query.limit < 1 || query.limit > kMaxWorklistPage) return outOfRange("limit", 1, kMaxWorklistPage);
  if (query.offset < 0) return outOfRange("offset", 0, std::numeric_limits<int>::max());
  if (!query.today.isValid()) query.today = QDate::currentDate();
  store::Database& db = storeDatabase(registry);
  auto rules = store::readRetentionRules(db);
  if (!rules) return rules.error();
  auto rows = store::worklistRows(db, query, rules->failedAttempts);
  if (!rows) return rows;
  // only the page's rows are scored
  for (model::WorklistRow& r : *rows) {
    const RiskScore score = riskScore({r.registeredOn, r.birthDate, r.failedContacts, r.familyAttitude, r.everUnsure,
                                       r.withdrawalRequested, query.today});
    r.risk = score.score;
    r.riskExplanation = score.explanation();
  }
  return rows;
}

QStringList worklistHeadings() {
  auto tr = [](const char* text) { return QCoreApplication::translate("dd::app", text); };
  return {tr("Registry No."), tr("Name"),         tr("Status"),          tr("Prefecture"),    tr("County"),
          tr("Phone"),        tr("Backup phones"), tr("Last reached"),   tr("Failed attempts"), tr("Date"),
          tr("Last contact by"), tr("Risk")};
}

QStringList worklistCells(const model::WorklistRow& r) {
  return {r.registryNo,
          r.name,
          shownText(model::displayName(r.status)),
          r.prefecture,
          r.county,
          r.phone,
          r.backupPhones,
          isoDate(r.lastContactOk),
          QString::number(r.failedContacts),
          isoDate(r.due),
          r.lastStaff,
          QString::number(r.risk)};
}

QString worklistCsv(const QList<model::WorklistRow>& rows) {
  QStringList lines;
  QStringList heading;
  for (const QString& h : worklistHeadings()) heading << csvField(h);
  lines << heading.join(QLatin1Char(','));
  for (const model::WorklistRow& r : rows) {
    QStringList cells;
    for (const QString& c : worklistCells(r)) cells << csvField(c);
    lines << cells.join(QLatin1Char(','));
  }
  return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString worklistJson(const QList<model::WorklistRow>& rows) {
  QJsonArray array;
  for (const model::WorklistRow& r : rows) {
    QJsonObject o;
    o[QStringLiteral("registry_no")] = r.registryNo;
    o[QStringLiteral("name")] = r.name;
    o[QStringLiteral("status")] = keyText(model::key(r.status));
    o[QStringLiteral("prefecture")] = r.prefecture;
    o[QStringLiteral("county")] = r.county;
    o[QStringLiteral("phone")] = r.phone;
    o[QStringLiteral("own_numbers_bad")] = r.ownNumbersBad;
    o[QStringLiteral("backup_phones")] = r.backupPhones;
    o[QStringLiteral("last_contact_ok")] = isoDate(r.lastContactOk);
    o[QStringLiteral("failed_contacts")] = r.failedContacts;
    o[QStringLiteral("date")] = isoDate(r.due);
    o[QStringLiteral("last_contact_by")] = r.lastStaff;
    o[QStringLiteral("risk")] = r.risk;
    o[QStringLiteral("risk_explanation")] = r.riskExplanation;
    if (r.followUp) o[QStringLiteral("follow_up_point")] = keyText(model::key(*r.followUp));
    array.append(o);
  }
  return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

QString worklistTable(const QList<model::WorklistRow>& rows) {
  QString out = worklistHeadings().join(QLatin1Char('\t')) + QLatin1Char('\n');
  for (const model::WorklistRow& r : rows) out += worklistCells(r).join(QLatin1Char('\t')) + QLatin1Char('\n');
  return out;
}

}  // namespace dd::app
