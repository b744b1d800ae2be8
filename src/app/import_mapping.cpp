#include "app/import_mapping.h"

#include "app/csv_file.h"
#include "model/volunteer_fields.h"

namespace dd::app::import {
namespace {

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }

// Columns that fill no single volunteer field: the phone list and the raw
// typing per locus. Every other heading is in the field's row of
// model/volunteer_fields.cpp.
struct Alias {
  const char* key;
  const char* names;  // '|'-separated, compared case-insensitively without spaces/underscores
};
const Alias kOtherColumns[] = {
    {"phone", "phone|mobile|手机|手机号|手机号码|电话|联系电话"},
    {"phone2", "phone2|otherphone|备用电话|其他电话|固定电话"},
    {"hla_a", "hla_a|hla-a|a"},
    {"hla_b", "hla_b|hla-b|b"},
    {"hla_c", "hla_c|hla-c|c|hla-cw|cw"},
    {"hla_drb1", "hla_drb1|hla-drb1|drb1"},
    {"hla_dqb1", "hla_dqb1|hla-dqb1|dqb1"},
    {"hla_dpb1", "hla_dpb1|hla-dpb1|dpb1"},
};

// (import key, accepted headings) in the order --help lists them.
const QList<QPair<QString, QStringList>>& importColumns() {
  static const QList<QPair<QString, QStringList>> columns = [] {
    QList<QPair<QString, QStringList>> list;
    for (const model::VolunteerField& field : model::volunteerFields())
      if (!field.importNames.isEmpty()) list.append({field.key, field.importNames.split(QLatin1Char('|'))});
    for (const Alias& alias : kOtherColumns)
      list.append({QString::fromLatin1(alias.key), QString::fromUtf8(alias.names).split(QLatin1Char('|'))});
    return list;
  }();
  return columns;
}

// Text fields whose cell is converted, not copied (read in readRow by key).
bool convertedOnImport(const QString& key) {
  static const QStringList keys{QStringLiteral("registry_no"), QStringLiteral("abo"), QStringLiteral("rh")};
  return keys.contains(key);
}

QString squash(const QString& text) {
  QString s = text.trimmed().toLower();
  s.remove(QLatin1Char(' '));
  s.remove(QLatin1Char('_'));
  return s;
}

Error cellError(const char* code, const char* text, const QString& value, const QString& field) {
  return makeError(code, "dd::app", text, {utf8(value)}, utf8(field));
}

}  // namespace

const QStringList& requiredFields() {
  static const QStringList fields{QStringLiteral("name"), QStringLiteral("sex"), QStringLiteral("birth_date"),
                                  QStringLiteral("id_number")};
  return fields;
}

ColumnMap mapHeader(const QStringList& header) {
  QHash<QString, QString> byName;
  for (const auto& [key, names] : importColumns())
    for (const QString& name : names) byName.insert(squash(name), key);
  ColumnMap map;
  for (int i = 0; i < header.size(); ++i) {
    const auto it = byName.constFind(squash(header.at(i)));
    if (it == byName.constEnd()) {
      map.unknown << header.at(i);
      map.fields << QString();
    } else if (map.index.contains(it.value())) {
      map.repeated << header.at(i);
      map.fields << QString();
    } else {
      map.index.insert(it.value(), i);
      map.fields << it.value();
    }
  }
  for (const QString& field : requiredFields())
    if (!map.index.contains(field)) map.missingRequired << field;
  return map;
}

QString aliasesText() {
  QStringList lines;
  for (const auto& [key, names] : importColumns()) lines << QStringLiteral("  %1: %2").arg(key, names.join(QStringLiteral(", ")));
  return lines.join(QLatin1Char('\n'));
}

model::Volunteer readRow(const QStringList& row, const ColumnMap& map, std::vector<Error>& errors) {
  auto cell = [&](const char* key) {
    const auto it = map.index.constFind(QString::fromLatin1(key));
    return it == map.index.constEnd() || it.value() >= row.size() ? QString() : row.at(it.value()).trimmed();
  };
  auto date = [&](const char* key) {
    const QString text = cell(key);
    const QDate value = parseSpreadsheetDate(text);
    if (!text.isEmpty() && !value.isValid())
      errors.push_back(cellError("import.date",
                                 QT_TRANSLATE_NOOP("dd::app", "'%1' is not a date (use YYYY-MM-DD, YYYY/M/D or an "
                                                              "Excel date number)."),
                                 text, QString::fromLatin1(key)));
    return value;
  };
  model::Volunteer v;
  // Free text is copied as it stands (validation checks it); the rest is converted below.
  for (const model::VolunteerField& field : model::volunteerFields()) {
    if (!field.isText() || field.importNames.isEmpty() || convertedOnImport(field.key)) continue;
    const auto it = map.index.constFind(field.key);
    if (it != map.index.constEnd() && it.value() < row.size()) field.set(v, row.at(it.value()).trimmed());
  }
  v.registryNo = cell("registry_no").toUpper();
  const QString sex = cell("sex");
  if (auto parsed = model::parseSex(sex.toStdString()))
    v.sex = *parsed;
  else
    errors.push_back(cellError("import.sex", QT_TRANSLATE_NOOP("dd::app", "Sex '%1' must be 男/女 or M/F."), sex,
                               QStringLiteral("sex")));
  v.birthDate = date("birth_date");
  for (const char* key : {"phone", "phone2"}) {
    const QString number = cell(key);
    if (!number.isEmpty())
      v.phones.append(model::Phone{number, QLatin1String(key) == QLatin1String("phone") ? QStringLiteral("mobile")
                                                                                      : QString(),
                                   v.phones.isEmpty(), {}, {}});
  }
  v.abo = cell("abo").toUpper();
  QString rh = cell("rh");
  if (rh == QStringLiteral("阳性") || rh.compare(QLatin1String("pos"), Qt::CaseInsensitive) == 0) rh = QStringLiteral("+");
  if (rh == QStringLiteral("阴性") || rh.compare(QLatin1String("neg"), Qt::CaseInsensitive) == 0) rh = QStringLiteral("-");
  v.rh = rh;
  const QString cmv = cell("cmv");
  if (auto parsed = model::parseCmv(cmv.toStdString()))
    v.cmv = *parsed;
  else
    errors.push_back(cellError("validation.cmv",
                               QT_TRANSLATE_NOOP("dd::app", "CMV status '%1' must be positive, negative or empty."),
                               cmv, QStringLiteral("cmv")));
  const QString weight = cell("weight_kg");
  if (!weight.isEmpty()) {
    bool ok = false;
    v.weightKg = weight.toDouble(&ok);
    if (!ok)
      errors.push_back(cellError("import.number", QT_TRANSLATE_NOOP("dd::app", "Weight '%1' is not a number."), weight,
                                 QStringLiteral("weight_kg")));
  }
  v.drive.date = date("drive_date");
  v.typingDate = date("typing_date");
  const char* hlaKeys[] = {"hla_a", "hla_b", "hla_c", "hla_drb1", "hla_dqb1", "hla_dpb1"};
  for (int i = 0; i < model::kLocusCount; ++i) v.hla.loci[static_cast<std::size_t>(i)].raw = cell(hlaKeys[i]);
  v.consentDate = date("consent_date");
  if (!v.consentDate.isValid()) v.consentDate = v.drive.date;  // consent is signed at the drive
  return v;
}

}  // namespace dd::app::import
