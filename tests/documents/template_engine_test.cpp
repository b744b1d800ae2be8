// The placeholder language: values, tables, flags, strictness and syntax errors.
#include <catch2/catch.hpp>

#include "documents/specimen_data.h"

#include "documents/template_engine.h"
#include "model/volunteer_fields.h"
#include "support/qt_string_maker.h"

using dd::documents::DataRow;
using dd::documents::DocumentData;
using dd::documents::fillTemplate;

namespace {
DocumentData donor() {
  DocumentData data;
  data.set(QStringLiteral("donor.name"), QStringLiteral("李明远"));
  data.set(QStringLiteral("donor.registry_no"), QStringLiteral("SD37000123"));
  return data;
}
}  // namespace

TEST_CASE("values are filled by name, with spaces inside the braces allowed") {
  const auto filled = fillTemplate(QStringLiteral("<p>{{donor.name}} / {{ donor.registry_no }}</p>"), donor());
  REQUIRE(filled);
  CHECK(*filled == QStringLiteral("<p>李明远 / SD37000123</p>"));
}

TEST_CASE("values are HTML-escaped and keep their line breaks") {
  DocumentData data;
  data.set(QStringLiteral("a"), QStringLiteral("<b>x</b> & \"y\"\nsecond line"));
  const auto filled = fillTemplate(QStringLiteral("{{a}}"), data);
  REQUIRE(filled);
  CHECK(*filled == QStringLiteral("&lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;<br/>second line"));
}

TEST_CASE("every missing or empty value is listed, in order of first use, and nothing is printed") {
  DocumentData data = donor();
  data.set(QStringLiteral("donor.id_number"), QString());  // empty counts as missing
  const auto filled = fillTemplate(
      QStringLiteral("{{patient.case_no}} {{donor.name}} {{donor.id_number}} {{patient.case_no}} {{print.date}}"), data);
  REQUIRE_FALSE(filled);
  CHECK(filled.error().code == "documents.missing_values");
  CHECK(filled.error().field == "patient.case_no, donor.id_number, print.date");
  // Staff read the names they know; the internal names stay in field (for programs).
  CHECK(filled.error().english() ==
        "The document cannot be printed: no value for Patient's case number, Donor's ID number, Print date");
  // A name only an office's own template uses has no label: it is shown as written.
  CHECK(dd::documents::placeholderLabel(QStringLiteral("office.extra")) == "office.extra");
}

TEST_CASE("a table section repeats per row and names the row of a missing cell") {
  DocumentData data;
  data.setTable(QStringLiteral("candidates"),
                {DataRow{{QStringLiteral("rank"), QStringLiteral("1")}, {QStringLiteral("grade"), QStringLiteral("10/10")}},
                 DataRow{{QStringLiteral("rank"), QStringLiteral("2")}, {QStringLiteral("grade"), QStringLiteral("9/10")}}});
  const QString html = QStringLiteral("{{#candidates}}[{{candidates.rank}}:{{candidates.grade}}]{{/candidates}}"
                                      "{{^candidates}}none{{/candidates}}");
  const auto filled = fillTemplate(html, data);
  REQUIRE(filled);
  CHECK(*filled == QStringLiteral("[1:10/10][2:9/10]"));

  data.setTable(QStringLiteral("candidates"), {DataRow{{QStringLiteral("rank"), QStringLiteral("1")}}});
  const auto broken = fillTemplate(html, data);
  REQUIRE_FALSE(broken);
  CHECK(broken.error().field == "candidates.grade (1 candidates)");

  data.setTable(QStringLiteral("candidates"), {});
  const auto empty = fillTemplate(html, data);
  REQUIRE(empty);
  CHECK(*empty == QStringLiteral("none"));
}

TEST_CASE("flags choose passages, a section with neither flag nor table is missing") {
  DocumentData data;
  data.setFlag(QStringLiteral("marrow"), true);
  const QString html = QStringLiteral("{{#marrow}}BM{{/marrow}}{{^marrow}}PBSC{{/marrow}}");
  REQUIRE(fillTemplate(html, data).value() == QStringLiteral("BM"));
  data.setFlag(QStringLiteral("marrow"), false);
  REQUIRE(fillTemplate(html, data).value() == QStringLiteral("PBSC"));
  const auto missing = fillTemplate(html, DocumentData{});
  REQUIRE_FALSE(missing);
  CHECK(missing.error().field == "#marrow, ^marrow");
}

TEST_CASE("syntax errors name the line") {
  SECTION("unclosed section") {
    const auto filled = fillTemplate(QStringLiteral("a\nb\n{{#rows}}\nc"), DocumentData{});
    REQUIRE_FALSE(filled);
    CHECK(filled.error().code == "documents.template_syntax");
    CHECK(filled.error().english() == "Template line 3: section {{#rows}} is never closed");
  }
  SECTION("closing the wrong section") {
    const auto filled = fillTemplate(QStringLiteral("{{#a}}\n{{#b}}{{/a}}{{/b}}"), DocumentData{});
    REQUIRE_FALSE(filled);
    CHECK(filled.error().english() == "Template line 2: {{/a}} closes a section that is not open");
  }
  SECTION("not a name") {
    const auto filled = fillTemplate(QStringLiteral("\n\n{{donor name}}"), donor());
    REQUIRE_FALSE(filled);
    CHECK(filled.error().english() ==
          "Template line 3: '{{donor name}}' is not a valid placeholder (expected a name like {{volunteer.name}})");
  }
}

TEST_CASE("the preview marks missing values instead of failing") {
  QStringList missing;
  const auto filled = dd::documents::fillTemplateForPreview(QStringLiteral("{{donor.name}} {{donor.phone}}"), donor(),
                                                            &missing);
  REQUIRE(filled);
  CHECK(filled->startsWith(QStringLiteral("李明远 <span")));
  CHECK(filled->contains(QStringLiteral("[donor.phone]")));
  CHECK(missing == QStringList{QStringLiteral("donor.phone")});
}

TEST_CASE("placeholder names are listed once, sections with #") {
  const auto names = dd::documents::placeholderNames(
      QStringLiteral("{{a.b}}{{#rows}}{{rows.x}}{{a.b}}{{/rows}}{{^flag}}{{/flag}}"));
  REQUIRE(names);
  CHECK(*names == QStringList{QStringLiteral("a.b"), QStringLiteral("#rows"), QStringLiteral("rows.x"),
                              QStringLiteral("#flag")});
}

TEST_CASE("every volunteer field a form can print has a label and a specimen value") {
  // The template editor's preview and its list of placeholders read these;
  // a field added to the documents without them would preview as "—" and
  // be listed by its internal name.
  int printable = 0;
  for (const QString& language : {QStringLiteral("zh_CN"), QStringLiteral("en")}) {
    const DocumentData specimen = dd::documents::specimenData(language);
    for (const dd::model::VolunteerField& field : dd::model::volunteerFields()) {
      if (!field.has(dd::model::kInDocuments)) continue;
      const QString name = QStringLiteral("volunteer.") + field.key;
      INFO(name.toStdString() << " in " << language.toStdString());
      ++printable;
      CHECK(dd::documents::placeholderLabel(name) != name);
      CHECK_FALSE(specimen.value(name).isEmpty());
    }
  }
  CHECK(printable > 2 * 10);
}
