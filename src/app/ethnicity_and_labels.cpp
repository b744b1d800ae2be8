// The 56 recognised ethnic groups and the translated labels of field keys
// (a volunteer field's label lives in model/volunteer_fields.cpp).
#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

#include "app/volunteer_validation.h"
#include "model/volunteer_fields.h"

namespace dd::app {

const QStringList& ethnicGroups() {
  static const QStringList groups{
      QStringLiteral("汉族"),   QStringLiteral("蒙古族"), QStringLiteral("回族"),     QStringLiteral("藏族"),
      QStringLiteral("维吾尔族"), QStringLiteral("苗族"), QStringLiteral("彝族"),     QStringLiteral("壮族"),
      QStringLiteral("布依族"), QStringLiteral("朝鲜族"), QStringLiteral("满族"),     QStringLiteral("侗族"),
      QStringLiteral("瑶族"),   QStringLiteral("白族"),   QStringLiteral("土家族"),   QStringLiteral("哈尼族"),
      QStringLiteral("哈萨克族"), QStringLiteral("傣族"), QStringLiteral("黎族"),     QStringLiteral("傈僳族"),
      QStringLiteral("佤族"),   QStringLiteral("畲族"),   QStringLiteral("高山族"),   QStringLiteral("拉祜族"),
      QStringLiteral("水族"),   QStringLiteral("东乡族"), QStringLiteral("纳西族"),   QStringLiteral("景颇族"),
      QStringLiteral("柯尔克孜族"), QStringLiteral("土族"), QStringLiteral("达斡尔族"), QStringLiteral("仫佬族"),
      QStringLiteral("羌族"),   QStringLiteral("布朗族"), QStringLiteral("撒拉族"),   QStringLiteral("毛南族"),
      QStringLiteral("仡佬族"), QStringLiteral("锡伯族"), QStringLiteral("阿昌族"),   QStringLiteral("普米族"),
      QStringLiteral("塔吉克族"), QStringLiteral("怒族"), QStringLiteral("乌孜别克族"), QStringLiteral("俄罗斯族"),
      QStringLiteral("鄂温克族"), QStringLiteral("德昂族"), QStringLiteral("保安族"), QStringLiteral("裕固族"),
      QStringLiteral("京族"),   QStringLiteral("塔塔尔族"), QStringLiteral("独龙族"), QStringLiteral("鄂伦春族"),
      QStringLiteral("赫哲族"), QStringLiteral("门巴族"), QStringLiteral("珞巴族"),   QStringLiteral("基诺族"),
      QStringLiteral("其他")};
  return groups;
}

QString normaliseEthnicity(const QString& text) {
  const QString t = text.trimmed();
  if (t.isEmpty()) return {};
  if (ethnicGroups().contains(t)) return t;
  const QString withSuffix = t + QStringLiteral("族");
  if (ethnicGroups().contains(withSuffix)) return withSuffix;
  const QString lower = t.toLower();
  if (lower == QLatin1String("han")) return QStringLiteral("汉族");
  if (lower == QLatin1String("other") || t == QStringLiteral("其它")) return QStringLiteral("其他");
  return {};
}

QString fieldLabel(const QString& field) {
  static const QHash<QString, const char*> labels{
      {QStringLiteral("phones"), QT_TRANSLATE_NOOP("dd::app", "Phone numbers")},
      {QStringLiteral("phone"), QT_TRANSLATE_NOOP("dd::app", "Mobile phone")},
      {QStringLiteral("phone2"), QT_TRANSLATE_NOOP("dd::app", "Other phone")},
      {QStringLiteral("contact_attempt"), QT_TRANSLATE_NOOP("dd::app", "Contact attempt")},
      {QStringLiteral("contact_date"), QT_TRANSLATE_NOOP("dd::app", "Contact date")},
      {QStringLiteral("urgency"), QT_TRANSLATE_NOOP("dd::app", "Urgency")},
      {QStringLiteral("case_no"), QT_TRANSLATE_NOOP("dd::app", "Case number")},
      {QStringLiteral("case_code"), QT_TRANSLATE_NOOP("dd::app", "Case")},
      {QStringLiteral("diagnosis"), QT_TRANSLATE_NOOP("dd::app", "Diagnosis")},
      {QStringLiteral("hospital"), QT_TRANSLATE_NOOP("dd::app", "Hospital")},
      {QStringLiteral("physician"), QT_TRANSLATE_NOOP("dd::app", "Physician")},
      {QStringLiteral("search_request_date"), QT_TRANSLATE_NOOP("dd::app", "Search requested on")},
      {QStringLiteral("search_status"), QT_TRANSLATE_NOOP("dd::app", "Search status")},
      {QStringLiteral("notes"), QT_TRANSLATE_NOOP("dd::app", "Notes")},
      {QStringLiteral("stop_reason"), QT_TRANSLATE_NOOP("dd::app", "Reason for stopping")},
      {QStringLiteral("skip_reason"), QT_TRANSLATE_NOOP("dd::app", "Reason for skipping a stage")},
      {QStringLiteral("undo_reason"), QT_TRANSLATE_NOOP("dd::app", "Reason for undoing the stage")},
      {QStringLiteral("stage_note"), QT_TRANSLATE_NOOP("dd::app", "Stage note")},
      {QStringLiteral("resolution"), QT_TRANSLATE_NOOP("dd::app", "Resolution")},
      {QStringLiteral("attendees"), QT_TRANSLATE_NOOP("dd::app", "Who came")},
      {QStringLiteral("held_on"), QT_TRANSLATE_NOOP("dd::app", "Session date")},
      {QStringLiteral("postponement_note"), QT_TRANSLATE_NOOP("dd::app", "Reason for the postponement")},
      {QStringLiteral("release_note"), QT_TRANSLATE_NOOP("dd::app", "Note on the release")},
  };
  // A volunteer field's label is in the model's field table; the patient
  // shares those of the same key (name, sex, blood group, ...).
  if (const model::VolunteerField* volunteer = model::volunteerField(field); volunteer && volunteer->label)
    return QCoreApplication::translate("dd::model", volunteer->label);
  const auto it = labels.constFind(field);
  if (it != labels.constEnd()) return QCoreApplication::translate("dd::app", it.value());
  // hla_a (normalised) and hla_a_raw (as entered) columns: "HLA-A".
  static const QRegularExpression hlaColumn(QStringLiteral("^hla_([a-z0-9]+?)(_raw)?$"),
                                            QRegularExpression::CaseInsensitiveOption);
  if (const auto match = hlaColumn.match(field); match.hasMatch())
    return QStringLiteral("HLA-") + match.captured(1).toUpper();
  return field;
}

}  // namespace dd::app
