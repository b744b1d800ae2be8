#include "app/import_mapping.h"

#include "app/csv_file.h"

namespace dd::app::import {
namespace {

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }

struct Alias {
  const char* key;
  const char* names;  // '|'-separated, compared case-insensitively without spaces/underscores
};

const Alias kAliases[] = {
    {"registry_no", "registry_no|registryno|登记号|编号|志愿者编号"},
    {"name", "name|姓名|名字"},
    {"sex", "sex|gender|性别"},
    {"birth_date", "birth_date|birthdate|dob|出生日期|生日"},
    {"ethnicity", "ethnicity|民族"},
    {"id_number", "id_number|idnumber|idcard|身份证号|身份证号码|证件号码|身份证"},
    {"phone", "phone|mobile|手机|手机号|手机号码|电话|联系电话"},
    {"phone2", "phone2|otherphone|备用电话|其他电话|固定电话"},
    {"wechat", "wechat|微信|微信号"},
    {"email", "email|e-mail|邮箱|电子邮箱|电子邮件"},
    {"address", "address|地址|住址|通讯地址"},
    {"prefecture", "prefecture|city|市|地市|所在市"},
    {"county", "county|district|区县|县区|所在区县"},
    {"work_unit", "work_unit|workunit|employer|工作单位|单位"},
    {"emergency_name", "emergency_name|emergencycontact|紧急联系人|紧急联系人姓名"},
    {"emergency_relation", "emergency_relation|relation|关系|紧急联系人关系|与本人关系"},
    {"emergency_phone", "emergency_phone|紧急联系人电话|紧急联系电话"},
    {"abo", "abo|bloodgroup|血型"},
    {"rh", "rh|rh血型"},
    {"cmv", "cmv"},
    {"weight_kg", "weight_kg|weight|体重|体重kg|体重(kg)"},
    {"drive_date", "drive_date|drivedate|采集日期|招募日期|活动日期"},
    {"drive_place", "drive_place|driveplace|采集地点|招募地点|活动地点"},
    {"drive_organiser", "drive_organiser|organiser|organizer|组织单位|组织者|主办单位"},
    {"sample_id", "sample_id|sampleid|样本号|样本编号"},
    {"lab", "lab|laboratory|实验室|检测实验室|分型实验室"},
    {"typing_date", "typing_date|typingdate|分型日期|检测日期"},
    {"hla_a", "hla_a|hla-a|a"},
    {"hla_b", "hla_b|hla-b|b"},
    {"hla_c", "hla_c|hla-c|c|hla-cw|cw"},
    {"hla_drb1", "hla_drb1|hla-drb1|drb1"},
    {"hla_dqb1", "hla_dqb1|hla-dqb1|dqb1"},
    {"hla_dpb1", "hla_dpb1|hla-dpb1|dpb1"},
    {"consent_date", "consent_date|consentdate|同意书日期|知情同意日期|签署日期"},
    {"consent_version", "consent_version|consentversion|同意书版本|知情同意书版本"},
};

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
  for (const Alias& alias : kAliases)
    for (const QString& name : QString::fromUtf8(alias.names).split(QLatin1Char('|')))
      byName.insert(squash(name), QString::fromLatin1(alias.key));
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
  for (const Alias& alias : kAliases)
    lines << QStringLiteral("  %1: %2").arg(QString::fromLatin1(alias.key),
                                            QString::fromUtf8(alias.names).replace(QLatin1Char('|'), QStringLiteral(", ")));
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
  v.registryNo = cell("registry_no").toUpper();
  v.name = cell("name");
  const QString sex = cell("sex");
  if (auto parsed = model::parseSex(sex.toStdString()))
    v.sex = *parsed;
  else
    errors.push_back(cellError("import.sex", QT_TRANSLATE_NOOP("dd::app", "Sex '%1' must be 男/女 or M/F."), sex,
                               QStringLiteral("sex")));
  v.birthDate = date("birth_date");
  v.ethnicity = cell("ethnicity");
  v.idNumber = cell("id_number");
  for (const char* key : {"phone", "phone2"}) {
    const QString number = cell(key);
    if (!number.isEmpty())
      v.phones.append(model::Phone{number, QLatin1String(key) == QLatin1String("phone") ? QStringLiteral("mobile")
                                                                                      : QString(),
                                   v.phones.isEmpty(), {}});
  }
  v.wechat = cell("wechat");
  v.email = cell("email");
  v.address = cell("address");
  v.prefecture = cell("prefecture");
  v.county = cell("county");
  v.workUnit = cell("work_unit");
  v.emergency = {cell("emergency_name"), cell("emergency_relation"), cell("emergency_phone")};
  v.abo = cell("abo").toUpper();
  QString rh = cell("rh");
  if (rh == QStringLiteral("阳性") || rh.compare(QLatin1String("pos"), Qt::CaseInsensitive) == 0) rh = QStringLiteral("+");
  if (rh == QStringLiteral("阴性") || rh.compare(QLatin1String("neg"), Qt::CaseInsensitive) == 0) rh = QStringLiteral("-");
  v.rh = rh;
  QString cmv = cell("cmv").toLower();
  if (cmv == QStringLiteral("阳性") || cmv == QLatin1String("+")) cmv = QStringLiteral("positive");
  if (cmv == QStringLiteral("阴性") || cmv == QLatin1String("-")) cmv = QStringLiteral("negative");
  v.cmv = cmv;
  const QString weight = cell("weight_kg");
  if (!weight.isEmpty()) {
    bool ok = false;
    v.weightKg = weight.toDouble(&ok);
    if (!ok)
      errors.push_back(cellError("import.number", QT_TRANSLATE_NOOP("dd::app", "Weight '%1' is not a number."), weight,
                                 QStringLiteral("weight_kg")));
  }
  v.drive = {date("drive_date"), cell("drive_place"), cell("drive_organiser")};
  v.sampleId = cell("sample_id");
  v.lab = cell("lab");
  v.typingDate = date("typing_date");
  const char* hlaKeys[] = {"hla_a", "hla_b", "hla_c", "hla_drb1", "hla_dqb1", "hla_dpb1"};
  for (int i = 0; i < model::kLocusCount; ++i) v.hla.loci[static_cast<std::size_t>(i)].raw = cell(hlaKeys[i]);
  v.consentDate = date("consent_date");
  if (!v.consentDate.isValid()) v.consentDate = v.drive.date;  // consent is signed at the drive
  v.consentVersion = cell("consent_version");
  return v;
}

}  // namespace dd::app::import
