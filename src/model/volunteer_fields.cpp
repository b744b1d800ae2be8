#include "model/volunteer_fields.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>

#include "core/message.h"

namespace dd::model {
namespace {

// A field stored in one member of Volunteer, reached through `ref` (a
// captureless lambda: +[](Volunteer& v) -> QString& { return v.name; }).
// The const get goes through the same reference and only reads it.
template <class T>
VolunteerField member(const char* key, const char* label, FieldKind kind, int maxChars, unsigned flags,
                      const char* importNames, const char* widget, T& (*ref)(Volunteer&)) {
  VolunteerField field;
  field.key = QString::fromLatin1(key);
  field.label = label;
  field.kind = kind;
  field.maxChars = maxChars;
  field.flags = flags;
  field.importNames = QString::fromUtf8(importNames);
  field.widget = QString::fromLatin1(widget);
  field.get = [ref](const Volunteer& v) { return QVariant::fromValue(ref(const_cast<Volunteer&>(v))); };
  field.set = [ref](Volunteer& v, const QVariant& value) { ref(v) = value.value<T>(); };
  return field;
}

QString keyText(std::string_view key) { return QString::fromLatin1(key.data(), static_cast<qsizetype>(key.size())); }

// A field holding one of the model's enumerations, stored as its stable key (key() and the parse functions of vocabulary.h); a key this
// version does not know reads as `fallback`.
template <class E>
VolunteerField keyed(const char* key, const char* label, unsigned flags, const char* importNames, const char* widget,
                     E& (*ref)(Volunteer&), std::optional<E> (*parse)(std::string_view), E fallback) {
  VolunteerField field;
  field.key = QString::fromLatin1(key);
  field.label = label;
  field.kind = FieldKind::Key;
  field.flags = flags;
  field.importNames = QString::fromUtf8(importNames);
  field.widget = QString::fromLatin1(widget);
  field.get = [ref](const Volunteer& v) { return QVariant(keyText(dd::model::key(ref(const_cast<Volunteer&>(v))))); };
  field.set = [ref, parse, fallback](Volunteer& v, const QVariant& value) {
    ref(v) = parse(value.toString().toStdString()).value_or(fallback);
  };
  return field;
}

using K = FieldKind;

QList<VolunteerField> buildFields() {
  QList<VolunteerField> f;
  // Identity
  f << member("registry_no", QT_TRANSLATE_NOOP("dd::model", "Registry number"), K::Text, 30,
              kRequired | kReadOnlyOnForm, "registry_no|registryno|登记号|编号|志愿者编号", "registryNo",
              +[](Volunteer& v) -> QString& { return v.registryNo; });
  f << member("name", QT_TRANSLATE_NOOP("dd::model", "Name"), K::Text, 50, kRequired, "name|姓名|名字", "name",
              +[](Volunteer& v) -> QString& { return v.name; });
  f << keyed("sex", QT_TRANSLATE_NOOP("dd::model", "Sex"), kRequired, "sex|gender|性别", "sex",
              +[](Volunteer& v) -> Sex& { return v.sex; }, &parseSex, Sex::Male);
  f << member("birth_date", QT_TRANSLATE_NOOP("dd::model", "Birth date"), K::Date, 0, 0, "birth_date|birthdate|dob|出生日期|生日", "birthDate",
              +[](Volunteer& v) -> QDate& { return v.birthDate; });
  f << member("ethnicity", QT_TRANSLATE_NOOP("dd::model", "Ethnic group"), K::Text, 20, kInDocuments,
              "ethnicity|民族", "ethnicity",
              +[](Volunteer& v) -> QString& { return v.ethnicity; });
  f << member("id_number", QT_TRANSLATE_NOOP("dd::model", "ID number"), K::Text, 30, kRequired, "id_number|idnumber|idcard|身份证号|身份证号码|证件号码|身份证", "idNumber",
              +[](Volunteer& v) -> QString& { return v.idNumber; });
  // Contact
  f << member("wechat", QT_TRANSLATE_NOOP("dd::model", "WeChat"), K::Text, 50, kInDocuments, "wechat|微信|微信号",
              "wechat", +[](Volunteer& v) -> QString& { return v.wechat; });
  f << member("email", QT_TRANSLATE_NOOP("dd::model", "E-mail"), K::Text, 254, kInDocuments,
              "email|e-mail|邮箱|电子邮箱|电子邮件", "email",
              +[](Volunteer& v) -> QString& { return v.email; });
  f << member("address", QT_TRANSLATE_NOOP("dd::model", "Address"), K::MultiLine, 200, kInDocuments,
              "address|地址|住址|通讯地址", "address", +[](Volunteer& v) -> QString& { return v.address; });
  f << member("prefecture", QT_TRANSLATE_NOOP("dd::model", "City"), K::Text, 40, 0,
              "prefecture|city|市|地市|所在市", "prefecture", +[](Volunteer& v) -> QString& { return v.prefecture; });
  f << member("county", QT_TRANSLATE_NOOP("dd::model", "County / district"), K::Text, 40, 0,
              "county|district|区县|县区|所在区县", "county", +[](Volunteer& v) -> QString& { return v.county; });
  f << member("work_unit", QT_TRANSLATE_NOOP("dd::model", "Work unit"), K::Text, 100, kInDocuments,
              "work_unit|workunit|employer|工作单位|单位", "workUnit",
              +[](Volunteer& v) -> QString& { return v.workUnit; });
  f << member("emergency_name", QT_TRANSLATE_NOOP("dd::model", "Emergency contact"), K::Text, 50, kInDocuments,
              "emergency_name|emergencycontact|紧急联系人|紧急联系人姓名", "emergencyName",
              +[](Volunteer& v) -> QString& { return v.emergency.name; });
  f << member("emergency_relation", QT_TRANSLATE_NOOP("dd::model", "Emergency contact relation"), K::Text, 20,
              kInDocuments, "emergency_relation|relation|关系|紧急联系人关系|与本人关系", "emergencyRelation",
              +[](Volunteer& v) -> QString& { return v.emergency.relation; });
  f << member("emergency_phone", QT_TRANSLATE_NOOP("dd::model", "Emergency contact phone"), K::Phone, 30,
              kInDocuments, "emergency_phone|紧急联系人电话|紧急联系电话", "emergencyPhone",
              +[](Volunteer& v) -> QString& { return v.emergency.phone; });
  // schema 10: the first backup contact's address (the two should live apart)
  f << member("emergency_address", QT_TRANSLATE_NOOP("dd::model", "Emergency contact address"), K::MultiLine, 200,
              kInDocuments, "emergency_address|紧急联系人地址|联系人地址", "emergencyAddress",
              +[](Volunteer& v) -> QString& { return v.emergency.address; });
  // Schema 8: a second person to ask when neither the volunteer nor the
  // first contact answers (the commonest way back to a lost volunteer).
  f << member("emergency2_name", QT_TRANSLATE_NOOP("dd::model", "Second emergency contact"), K::Text, 50,
              kInDocuments, "emergency2_name|emergencycontact2|第二紧急联系人|紧急联系人2|第二联系人", "emergency2Name",
              +[](Volunteer& v) -> QString& { return v.emergency2.name; });
  f << member("emergency2_relation", QT_TRANSLATE_NOOP("dd::model", "Second emergency contact relation"), K::Text,
              20, kInDocuments, "emergency2_relation|relation2|第二紧急联系人关系|紧急联系人2关系|第二联系人关系",
              "emergency2Relation", +[](Volunteer& v) -> QString& { return v.emergency2.relation; });
  f << member("emergency2_phone", QT_TRANSLATE_NOOP("dd::model", "Second emergency contact phone"), K::Phone, 30,
              kInDocuments, "emergency2_phone|第二紧急联系人电话|紧急联系人2电话|第二联系人电话", "emergency2Phone",
              +[](Volunteer& v) -> QString& { return v.emergency2.phone; });
  f << member("emergency2_address", QT_TRANSLATE_NOOP("dd::model", "Second emergency contact address"),
              K::MultiLine, 200, kInDocuments,
              "emergency2_address|第二紧急联系人地址|紧急联系人2地址|第二联系人地址", "emergency2Address",
              +[](Volunteer& v) -> QString& { return v.emergency2.address; });
  // Blood and body
  f << member("abo", QT_TRANSLATE_NOOP("dd::model", "Blood group"), K::Text, 0, 0, "abo|bloodgroup|血型", "abo",
              +[](Volunteer& v) -> QString& { return v.abo; });
  f << member("rh", QT_TRANSLATE_NOOP("dd::model", "Rh"), K::Text, 0, 0, "rh|rh血型", "rh",
              +[](Volunteer& v) -> QString& { return v.rh; });
  f << keyed("cmv", QT_TRANSLATE_NOOP("dd::model", "CMV status"), 0, "cmv", "cmv",
             +[](Volunteer& v) -> Cmv& { return v.cmv; }, &parseCmv, Cmv::Unknown);
  f << member("weight_kg", QT_TRANSLATE_NOOP("dd::model", "Weight"), K::Decimal, 0, 0, "weight_kg|weight|体重|体重kg|体重(kg)", "weightKg",
              +[](Volunteer& v) -> double& { return v.weightKg; });
  // Recruitment drive and sample
  f << member("drive_date", QT_TRANSLATE_NOOP("dd::model", "Recruitment date"), K::Date, 0, 0, "drive_date|drivedate|采集日期|招募日期|活动日期", "driveDate",
              +[](Volunteer& v) -> QDate& { return v.drive.date; });
  f << member("drive_place", QT_TRANSLATE_NOOP("dd::model", "Recruitment place"), K::Text, 100, 0,
              "drive_place|driveplace|采集地点|招募地点|活动地点", "drivePlace",
              +[](Volunteer& v) -> QString& { return v.drive.place; });
  f << member("drive_organiser", QT_TRANSLATE_NOOP("dd::model", "Recruitment organiser"), K::Text, 100, 0,
              "drive_organiser|organiser|organizer|组织单位|组织者|主办单位", "driveOrganiser",
              +[](Volunteer& v) -> QString& { return v.drive.organiser; });
  f << member("sample_id", QT_TRANSLATE_NOOP("dd::model", "Sample ID"), K::Text, 50, kInDocuments,
              "sample_id|sampleid|样本号|样本编号", "sampleId", +[](Volunteer& v) -> QString& { return v.sampleId; });
  f << member("lab", QT_TRANSLATE_NOOP("dd::model", "Laboratory"), K::Text, 100, 0,
              "lab|laboratory|实验室|检测实验室|分型实验室", "lab", +[](Volunteer& v) -> QString& { return v.lab; });
  f << member("typing_date", QT_TRANSLATE_NOOP("dd::model", "Typing date"), K::Date, 0, 0, "typing_date|typingdate|分型日期|检测日期", "typingDate",
              +[](Volunteer& v) -> QDate& { return v.typingDate; });
  // HLA: as received and the engine's normalised form, per locus.
  for (Locus locus : kAllLoci) {
    const QString name = keyText(key(locus)).toLower();
    const int index = static_cast<int>(locus);
    VolunteerField raw;
    raw.key = QStringLiteral("hla_%1_raw").arg(name);
    raw.get = [index](const Volunteer& v) { return QVariant(v.hla.loci[index].raw); };
    raw.set = [index](Volunteer& v, const QVariant& value) { v.hla.loci[index].raw = value.toString(); };
    VolunteerField normalised;
    normalised.key = QStringLiteral("hla_%1").arg(name);
    normalised.get = [index](const Volunteer& v) { return QVariant(v.hla.loci[index].normalised); };
    normalised.set = [index](Volunteer& v, const QVariant& value) { v.hla.loci[index].normalised = value.toString(); };
    f << raw << normalised;
  }
  // Consent and status (the status fields change through the workflow only)
  f << member("consent_date", QT_TRANSLATE_NOOP("dd::model", "Consent date"), K::Date, 0, 0, "consent_date|consentdate|同意书日期|知情同意日期|签署日期", "consentDate",
              +[](Volunteer& v) -> QDate& { return v.consentDate; });
  f << member("consent_version", QT_TRANSLATE_NOOP("dd::model", "Consent form version"), K::Text, 40, kInDocuments,
              "consent_version|consentversion|同意书版本|知情同意书版本", "consentVersion",
              +[](Volunteer& v) -> QString& { return v.consentVersion; });
  f << keyed("status", QT_TRANSLATE_NOOP("dd::model", "Status"), kRequired, "", "",
              +[](Volunteer& v) -> VolunteerStatus& { return v.status; }, &parseVolunteerStatus,
              VolunteerStatus::Active);
  f << member("status_reason", QT_TRANSLATE_NOOP("dd::model", "Status reason"), K::MultiLine, 500, 0, "", "",
              +[](Volunteer& v) -> QString& { return v.statusReason; });
  f << member("status_until", QT_TRANSLATE_NOOP("dd::model", "Deferred until"), K::Date, 0, 0, "", "",
              +[](Volunteer& v) -> QDate& { return v.statusUntil; });
  f << member("reserved_patient_id", QT_TRANSLATE_NOOP("dd::model", "Reserved for patient"), K::Reference, 0, 0, "",
              "", +[](Volunteer& v) -> qint64& { return v.reservedForPatientId; });
  f << member("withdrawal_stage", QT_TRANSLATE_NOOP("dd::model", "Withdrawal stage"), K::Text, 0, 0, "", "",
              +[](Volunteer& v) -> QString& { return v.withdrawalStage; });
  f << member("donation_date", QT_TRANSLATE_NOOP("dd::model", "Donation date"), K::Date, 0, 0, "", "",
              +[](Volunteer& v) -> QDate& { return v.donationDate; });
  f << member("donation_count", QT_TRANSLATE_NOOP("dd::model", "Donations"), K::Count, 0, kRequired, "", "",
              +[](Volunteer& v) -> int& { return v.donationCount; });
  f << member("import_batch_id", QT_TRANSLATE_NOOP("dd::model", "Import batch"), K::Reference, 0, 0, "", "",
              +[](Volunteer& v) -> qint64& { return v.importBatchId; });
  return f;
}

}  // namespace

const QList<VolunteerField>& volunteerFields() {
  static const QList<VolunteerField> fields = buildFields();
  return fields;
}

const VolunteerField* volunteerField(const QString& key) {
  static const QHash<QString, const VolunteerField*> byKey = [] {
    QHash<QString, const VolunteerField*> map;
    for (const VolunteerField& field : volunteerFields()) map.insert(field.key, &field);
    return map;
  }();
  return byKey.value(key, nullptr);
}

}  // namespace dd::model
