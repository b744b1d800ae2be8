// The volunteer's field table (model/volunteer_fields): one row per stored
// field that every layer reads, so its rows must be consistent with each
// other and with the Volunteer they describe.
#include <catch2/catch.hpp>

#include <QSet>

#include "model/volunteer_fields.h"
#include "support/qt_string_maker.h"

using namespace dd::model;

TEST_CASE("every field has one key, and the lookup finds each by it", "[model]") {
  QSet<QString> keys;
  for (const VolunteerField& field : volunteerFields()) {
    INFO(field.key.toStdString());
    CHECK_FALSE(field.key.isEmpty());
    CHECK_FALSE(keys.contains(field.key));
    keys.insert(field.key);
    CHECK(volunteerField(field.key) == &field);
    CHECK(field.get);
    CHECK(field.set);
  }
  CHECK(volunteerField(QStringLiteral("no_such_field")) == nullptr);
  CHECK(volunteerField(QString()) == nullptr);
}

TEST_CASE("no CSV heading means two fields", "[model]") {
  QHash<QString, QString> owner;
  for (const VolunteerField& field : volunteerFields())
    for (const QString& name : field.importNames.split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
      const QString squashed = name.toLower().remove(QLatin1Char(' ')).remove(QLatin1Char('_'));
      INFO(name.toStdString() << " of " << field.key.toStdString());
      CHECK((!owner.contains(squashed) || owner.value(squashed) == field.key));
      owner.insert(squashed, field.key);
    }
  CHECK(owner.value(QStringLiteral("第二紧急联系人电话")) == QStringLiteral("emergency2_phone"));
}

TEST_CASE("free-text fields carry a limit, and only they do", "[model]") {
  for (const VolunteerField& field : volunteerFields()) {
    INFO(field.key.toStdString());
    if (!field.isText()) CHECK(field.maxChars == 0);
    if (field.widget.isEmpty() || !field.isText()) continue;
    // Whatever staff type into the form is bounded.
    if (field.key != QLatin1String("abo") && field.key != QLatin1String("rh") && field.key != QLatin1String("cmv"))
      CHECK(field.maxChars > 0);
  }
}

TEST_CASE("each field writes and reads back its own member and no other", "[model]") {
  for (const VolunteerField& field : volunteerFields()) {
    INFO(field.key.toStdString());
    Volunteer blank;
    Volunteer changed = blank;
    QVariant value;
    switch (field.kind) {
      case FieldKind::Date: value = QDate(2001, 2, 3); break;
      case FieldKind::Decimal: value = 61.5; break;
      case FieldKind::Count: value = 3; break;
      case FieldKind::Reference: value = qint64(42); break;
      case FieldKind::Key: {
        // A key other than the field's default, so the write shows.
        static const QHash<QString, QString> keys{
            {QStringLiteral("sex"), QStringLiteral("F")}, {QStringLiteral("status"), QStringLiteral("retired")},
            {QStringLiteral("cmv"), QStringLiteral("positive")}};
        REQUIRE(keys.contains(field.key));
        value = keys.value(field.key);
        break;
      }
      default: value = QStringLiteral("值 ") + field.key; break;
    }
    field.set(changed, value);
    CHECK(field.get(changed) == value);
    // Every other field still reads what the blank volunteer holds.
    for (const VolunteerField& other : volunteerFields())
      if (&other != &field) CHECK(other.get(changed) == other.get(blank));
  }
}

TEST_CASE("the second emergency contact is four fields of the table", "[model]") {
  Volunteer v;
  volunteerField(QStringLiteral("emergency2_name"))->set(v, QStringLiteral("王芳"));
  volunteerField(QStringLiteral("emergency2_relation"))->set(v, QStringLiteral("姐姐"));
  volunteerField(QStringLiteral("emergency2_phone"))->set(v, QStringLiteral("13912345678"));
  volunteerField(QStringLiteral("emergency2_address"))->set(v, QStringLiteral("青岛市市南区"));
  CHECK(v.emergency2 == EmergencyContact{QStringLiteral("王芳"), QStringLiteral("姐姐"), QStringLiteral("13912345678"),
                                         QStringLiteral("青岛市市南区")});
  CHECK(v.emergency == EmergencyContact{});
  CHECK(volunteerField(QStringLiteral("emergency2_phone"))->kind == FieldKind::Phone);
  CHECK(volunteerField(QStringLiteral("emergency2_address"))->kind == FieldKind::MultiLine);
}
