// Real PDFs from the bundled templates and sample values, read back with the
// poppler tools: text (Chinese included), page counts, headers and page
// numbers, embedded CJK fonts, batches.
#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>

#include "documents/document_renderer.h"
#include "documents/specimen_data.h"
#include "pdf_tools.h"
#include "support/process_runner.h"
#include "support/qt_string_maker.h"

using namespace dd::documents;

namespace {
const QString kBundled = QStringLiteral(DONORDESK_RESOURCE_DIR "/templates");

PageDecoration office(const QString& language) {
  const DocumentData sample = specimenData(language);
  return {sample.value(QStringLiteral("org.name")), sample.value(QStringLiteral("org.address")), QString()};
}

PreparedDocument prepare(DocumentKind kind, const QString& language, const DocumentData& data) {
  const auto source = TemplateLibrary(QString(), kBundled).load(kind, language);
  REQUIRE(source);
  auto prepared = PreparedDocument::create(*source, data);
  INFO((prepared ? std::string() : prepared.error().english()));
  REQUIRE(prepared);
  return *prepared;
}

QString writeOne(const QTemporaryDir& dir, DocumentKind kind, const QString& language) {
  const QString path = dir.filePath(kindKey(kind) + QLatin1Char('-') + language + QStringLiteral(".pdf"));
  const auto written = writePdf(path, {prepare(kind, language, specimenData(language))}, office(language));
  INFO((written ? std::string() : written.error().english()));
  REQUIRE(written);
  // DD_KEEP_PDFS=DIR keeps a copy to look at (debugging layouts).
  if (const QString keep = qEnvironmentVariable("DD_KEEP_PDFS"); !keep.isEmpty())
    QFile::copy(path, QDir(keep).filePath(QFileInfo(path).fileName()));
  return path;
}

struct Expectation {
  DocumentKind kind;
  const char* language;
  int pages;
  QStringList present;  // after collapsing white space
  QStringList absent;
};

// pdftotext puts spaces between Chinese and digits or not, depending on the
// gaps; sentences are compared with all white space removed.
QString squeezed(const QString& text) {
  QString out;
  for (QChar c : text)
    if (!c.isSpace()) out.append(c);
  return out;
}

QStringList words(std::initializer_list<const char*> list) {
  QStringList out;
  for (const char* text : list) out.append(QString::fromUtf8(text));
  return out;
}

const QList<Expectation>& expectations() {
  static const QList<Expectation> all = {
      {DocumentKind::DonationConsent, "zh_CN", 2,
       words({"造血干细胞捐献同意书", "李明远", "SD37000123", "370102199003072316", "P-2026-0117", "急性淋巴细胞白血病",
              "9 岁", "粒细胞集落刺激因子（G-CSF", "血细胞分离机", "麻醉", "保险", "无需说明理由", "预处理一旦开始",
              "很可能危及生命", "家属签名", "见证人签名", "本库工作人员签名", "W-000042", "第 1 页 / 共 2 页"}),
       words({"王小禾", "Wang"})},
      {DocumentKind::DonationConsent, "en", 3,
       words({"Consent to donate haematopoietic stem cells", "Li Mingyuan", "SD37000123", "370102199003072316",
              "P-2026-0117", "acute lymphoblastic leukaemia", "G-CSF", "apheresis", "anaesthesia", "insurance",
              "without giving a reason", "conditioning", "Signature of a family member", "Witness",
              "Registry officer", "Page 1 of 3"}),
       words({"Wang Xiaohe", "王小禾"})},
      {DocumentKind::RegistryConsent, "zh_CN", 1,
       words({"入库知情同意书", "陈思雨", "SD37000456", "370102199812014420", "HLA", "严格保密", "随时要求退出",
              "志愿者签名"}),
       {}},
      {DocumentKind::RegistryConsent, "en", 1,
       words({"Informed consent to join", "Chen Siyu", "SD37000456", "370102199812014420", "strictly confidential",
              "leave the registry at any time", "Volunteer's signature"}),
       {}},
      {DocumentKind::Registration, "zh_CN", 1,
       words({"志愿者登记表", "陈思雨", "SD37000456", "370102199812014420", "13800000000", "陈建国（父亲）",
              "示范大学体育馆", "健康情况自述"}),
       {}},
      {DocumentKind::Registration, "en", 1,
       words({"volunteer registration form", "Chen Siyu", "SD37000456", "13800000000", "Chen Jianguo (father)",
              "Sample University sports hall", "Health declaration"}),
       {}},
      {DocumentKind::SearchReport, "zh_CN", 1,
       words({"检索报告", "王小禾", "P-2026-0117", "HLA-DRB1", "DRB1*09:01, DRB1*15:01", "SD37001201", "SD37001238",
              "SD37001275", "10/10", "9/10", "IPD-IMGT/HLA 3.58.0", "2026年11月25日"}),
       words({"本次检索未找到"})},
      {DocumentKind::SearchReport, "en", 1,
       words({"search report", "Wang Xiaohe", "P-2026-0117", "HLA-DQB1", "SD37001201", "10/10", "9/10",
              "IPD-IMGT/HLA 3.58.0", "25 November 2026"}),
       words({"No suitable candidate"})},
      {DocumentKind::Certificate, "zh_CN", 1,
       words({"荣誉证书", "李明远", "SD-2026-0042", "2026年10月18日", "外周血造血干细胞", "生命因您而延续"}),
       words({"王小禾"})},
      {DocumentKind::Certificate, "en", 1,
       words({"Certificate of Honour", "Li Mingyuan", "SD-2026-0042", "18 October 2026", "a life goes on"}),
       words({"Wang Xiaohe"})},
      {DocumentKind::FamilyLetter, "zh_CN", 1,
       words({"致捐献者家属的一封信", "李明远", "SD37000123", "不需要麻醉", "预处理", "2～4 周"}),
       words({"王小禾"})},
      {DocumentKind::FamilyLetter, "en", 1,
       words({"letter to the donor's family", "Li Mingyuan", "the spine is never touched", "conditioning",
              "staff stay with the donor"}),
       words({"Wang Xiaohe"})},
  };
  return all;
}
}  // namespace

TEST_CASE("each document renders to a PDF whose text, page count and page numbers are right") {
  QTemporaryDir dir;
  for (const Expectation& expected : expectations()) {
    const QString language = QString::fromLatin1(expected.language);
    INFO(kindKey(expected.kind).toStdString() << " " << expected.language);
    const QString path = writeOne(dir, expected.kind, language);
    CHECK(dd::test::pdfPageCount(path) == expected.pages);
    const QString text = squeezed(dd::test::pdfText(path));
    for (const QString& phrase : expected.present) {
      INFO("expected: " << phrase.toStdString());
      CHECK(text.contains(squeezed(phrase)));
    }
    for (const QString& phrase : expected.absent) {
      INFO("must not appear: " << phrase.toStdString());
      CHECK_FALSE(text.contains(squeezed(phrase)));
    }
    // Header on every page: the office's name; footer: "page N of M" in the
    // document's language. The certificate has neither.
    const bool decorated = expected.kind != DocumentKind::Certificate;
    if (!decorated) CHECK_FALSE(squeezed(dd::test::pdfText(path)).contains(QStringLiteral("1/1")));
    for (int page = 1; decorated && page <= expected.pages; ++page) {
      const QString pageText = squeezed(dd::test::pdfTextOfPage(path, page));
      CHECK(pageText.contains(squeezed(office(language).organisationName)));
      const QString label = language == QLatin1String("en") ? QStringLiteral("Page %1 of %2")
                                                            : QStringLiteral("第 %1 页 / 共 %2 页");
      CHECK(pageText.contains(squeezed(label.arg(page).arg(expected.pages))));
    }
  }
}

TEST_CASE("Chinese text extracts as ideographs, not as the radicals sharing their glyphs") {
  QTemporaryDir dir;
  const QString path = writeOne(dir, DocumentKind::DonationConsent, QStringLiteral("zh_CN"));
  const QString text = dd::test::pdfText(path);
  // 人 自 血 页 are the characters Qt's writer would otherwise map to ⼈ ⾃ ⾎ ⻚.
  for (const char* ideograph : {"人", "自", "血", "页"}) CHECK(text.contains(QString::fromUtf8(ideograph)));
  for (QChar c : text) {
    INFO("code point U+" << QString::number(c.unicode(), 16).toStdString());
    CHECK_FALSE((c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF));
  }
}

TEST_CASE("a CJK font and the Latin font are embedded") {
  QTemporaryDir dir;
  const QString path = writeOne(dir, DocumentKind::Certificate, QStringLiteral("zh_CN"));
  const QStringList fonts = dd::test::pdfFonts(path);
  REQUIRE_FALSE(fonts.isEmpty());
  bool cjk = false;
  bool latin = false;
  for (const QString& row : fonts) {
    const QStringList columns = row.simplified().split(QLatin1Char(' '));
    INFO(row.toStdString());
    // name type... emb sub uni: every font embedded, with a Unicode map.
    REQUIRE(columns.size() >= 7);
    CHECK(columns.at(columns.size() - 5) == QStringLiteral("yes"));
    CHECK(columns.at(columns.size() - 3) == QStringLiteral("yes"));
    cjk |= row.contains(QStringLiteral("CJK"));
    latin |= row.contains(QStringLiteral("DejaVu"));
  }
  CHECK(cjk);
  CHECK(latin);
}

TEST_CASE("the office logo is drawn in the header, a missing logo file is left out") {
  QTemporaryDir dir;
  QImage logo(120, 80, QImage::Format_RGB32);
  logo.fill(QColor(180, 20, 40));
  const QString logoPath = dir.filePath(QStringLiteral("logo.png"));
  REQUIRE(logo.save(logoPath));
  PageDecoration decoration = office(QStringLiteral("zh_CN"));
  const auto countImages = [&](const QString& logoFile) {
    decoration.logoPath = logoFile;
    const QString path = dir.filePath(QStringLiteral("letter.pdf"));
    REQUIRE(writePdf(path, {prepare(DocumentKind::FamilyLetter, QStringLiteral("zh_CN"),
                                    specimenData(QStringLiteral("zh_CN")))},
                     decoration));
    // pdfimages -list: two header lines, then one line per image.
    const auto listed = dd::test::runProcess(QStringLiteral("pdfimages"), {QStringLiteral("-list"), path});
    REQUIRE(listed.exitCode == 0);
    return listed.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size() - 2;
  };
  CHECK(countImages(logoPath) == 1);
  CHECK(countImages(dir.filePath(QStringLiteral("no-such-logo.png"))) == 0);
}

TEST_CASE("a batch puts every document in one PDF, each numbered on its own") {
  QTemporaryDir dir;
  QList<PreparedDocument> batch;
  const QStringList names{QStringLiteral("陈思雨"), QStringLiteral("周子涵"), QStringLiteral("欧阳明")};
  for (const QString& name : names) {
    DocumentData data = specimenData(QStringLiteral("zh_CN"));
    data.set(QStringLiteral("volunteer.name"), name);
    batch.append(prepare(DocumentKind::Registration, QStringLiteral("zh_CN"), data));
  }
  const int pagesEach = batch.first().pageCount();
  REQUIRE(pagesEach >= 1);
  const QString path = dir.filePath(QStringLiteral("batch.pdf"));
  REQUIRE(writePdf(path, batch, office(QStringLiteral("zh_CN"))));
  REQUIRE(dd::test::pdfPageCount(path) == 3 * pagesEach);
  for (int i = 0; i < 3; ++i) {
    const QString first = squeezed(dd::test::pdfTextOfPage(path, i * pagesEach + 1));
    CHECK(first.contains(names[i]));
    CHECK(first.contains(QStringLiteral("第1页/共%1页").arg(pagesEach)));
    for (int other = 0; other < 3; ++other)
      if (other != i) CHECK_FALSE(first.contains(names[other]));
  }
}

TEST_CASE("PDF export fails cleanly for an empty batch or an unwritable path") {
  QTemporaryDir dir;
  const auto empty = writePdf(dir.filePath(QStringLiteral("x.pdf")), {}, PageDecoration{});
  REQUIRE_FALSE(empty);
  CHECK(empty.error().code == "documents.nothing_to_print");
  CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("x.pdf"))));
  const auto unwritable = writePdf(dir.filePath(QStringLiteral("no/such/dir/x.pdf")),
                                   {prepare(DocumentKind::Certificate, QStringLiteral("en"), specimenData(QStringLiteral("en")))},
                                   PageDecoration{});
  REQUIRE_FALSE(unwritable);
  CHECK(unwritable.error().code == "documents.pdf_write");
}

TEST_CASE("a missing value stops the document before anything is drawn") {
  DocumentData data = specimenData(QStringLiteral("zh_CN"));
  data.set(QStringLiteral("donor.id_number"), QString());
  const auto source = TemplateLibrary(QString(), kBundled).load(DocumentKind::DonationConsent, QStringLiteral("zh_CN"));
  REQUIRE(source);
  const auto prepared = PreparedDocument::create(*source, data);
  REQUIRE_FALSE(prepared);
  CHECK(prepared.error().field == "donor.id_number");
}

TEST_CASE("no document ends with a blank page even with a long Chinese office name in an English form") {
  // An English form with a Chinese office name used to fit on one page yet
  // print a second, empty one: Qt counts the root frame's trailing margin.
  QTemporaryDir dir;
  for (const DocumentKind kind : allDocumentKinds()) {
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
      INFO(kindKey(kind).toStdString() << " " << language.toStdString());
      DocumentData data = specimenData(language);
      data.set(QStringLiteral("org.name"), QStringLiteral("山东省造血干细胞捐献者资料库（中华骨髓库山东省分库）"));
      const PreparedDocument document = prepare(kind, language, data);
      const QString path = dir.filePath(kindKey(kind) + language + QStringLiteral(".pdf"));
      REQUIRE(writePdf(path, {document}, {data.value(QStringLiteral("org.name")), QString(), QString()}));
      const int pages = dd::test::pdfPageCount(path);
      REQUIRE(pages == document.pageCount());
      // The last page carries body text, not only the header and footer lines.
      const QStringList lines = dd::test::pdfTextOfPage(path, pages).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
      CHECK(lines.size() > 4);
    }
  }
}
