// The Chinese catalogue is complete and safe to ship: every message has a
// translation, keeps the %1..%9 / %n placeholders and HTML tags of its source
// (a dropped %1 loses data from the message), and keeps the menu/button
// accelerator as the Chinese "(&X)" style. The checks are pure functions run
// first on small hand-written catalogues (so each can be seen to fail) and
// then on resources/translations/donordesk_zh_CN.ts itself.
#include <catch2/catch.hpp>

#include <QFile>
#include <QLocale>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

#include <algorithm>
#include <string>
#include <vector>

#include "support/qt_string_maker.h"

namespace {

struct TsMessage {
  QString context;
  QString source;
  QStringList translations;  // one entry, or one per <numerusform>
  QString type;              // "", "unfinished", "vanished", "obsolete"
  bool numerus = false;      // a %n message: one translation per plural form
};

struct TsFile {
  std::vector<TsMessage> messages;
  QString error;  // XML problem, empty when the file parsed
};

TsFile parseTs(const QByteArray& xml) {
  TsFile file;
  QXmlStreamReader reader(xml);
  QString context;
  TsMessage message;
  bool inMessage = false;
  while (!reader.atEnd()) {
    reader.readNext();
    if (reader.isStartElement()) {
      const auto name = reader.name();
      if (name == QLatin1String("name") && !inMessage) {
        context = reader.readElementText();
      } else if (name == QLatin1String("message")) {
        message = TsMessage{context, {}, {}, {}, reader.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
        inMessage = true;
      } else if (inMessage && name == QLatin1String("source")) {
        message.source = reader.readElementText();
      } else if (inMessage && name == QLatin1String("translation")) {
        message.type = reader.attributes().value(QLatin1String("type")).toString();
        // Plain messages hold text; numerus ones hold <numerusform> children.
        QString text;
        while (!reader.atEnd()) {
          reader.readNext();
          if (reader.isCharacters()) text += reader.text();
          if (reader.isStartElement() && reader.name() == QLatin1String("numerusform"))
            message.translations << reader.readElementText();
          if (reader.isEndElement() && reader.name() == QLatin1String("translation")) break;
        }
        if (message.translations.isEmpty()) message.translations << text;
      }
    } else if (reader.isEndElement() && reader.name() == QLatin1String("message")) {
      file.messages.push_back(message);
      inMessage = false;
    }
  }
  if (reader.hasError())
    file.error = QStringLiteral("line %1: %2").arg(reader.lineNumber()).arg(reader.errorString());
  return file;
}

TsFile readTs(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return TsFile{{}, QStringLiteral("cannot open ") + path};
  return parseTs(file.readAll());
}

bool isLive(const TsMessage& m) {
  return m.type != QLatin1String("vanished") && m.type != QLatin1String("obsolete");
}

QString describe(const TsMessage& m) {
  return QStringLiteral("[%1] \"%2\"").arg(m.context, QString(m.source).replace(QLatin1Char('\n'), QLatin1String("\\n")));
}

// Counts of each token a regular expression's first capture finds.
QMap<QString, int> tokens(const QString& text, const QRegularExpression& pattern) {
  QMap<QString, int> counts;
  for (auto it = pattern.globalMatch(text); it.hasNext();) ++counts[it.next().captured(1).toLower()];
  return counts;
}

const QRegularExpression& placeholderPattern() {
  // %Ln is %n with the locale's digit grouping: the same placeholder.
  static const QRegularExpression pattern(QStringLiteral("%L?([1-9n])"));
  return pattern;
}

const QRegularExpression& tagPattern() {
  static const QRegularExpression pattern(QStringLiteral("<\\s*/?\\s*([A-Za-z][A-Za-z0-9]*)[^<>]*>"));
  return pattern;
}

// The letter after a single '&' ("&&" is a literal ampersand), or empty.
QString accelerator(const QString& source) {
  for (int i = 0; i + 1 < source.size(); ++i) {
    if (source[i] != QLatin1Char('&')) continue;
    if (source[i + 1] == QLatin1Char('&')) {
      ++i;
      continue;
    }
    if (source[i + 1].isLetterOrNumber()) return source[i + 1].toUpper();
  }
  return {};
}

QStringList untranslated(const std::vector<TsMessage>& messages) {
  QStringList problems;
  for (const TsMessage& m : messages) {
    if (!isLive(m)) continue;
    bool empty = m.translations.isEmpty();
    for (const QString& t : m.translations) empty = empty || t.trimmed().isEmpty();
    if (m.type == QLatin1String("unfinished") || empty) problems << describe(m);
  }
  return problems;
}

// Placeholders and tag names must match in both directions: a missing %1 drops
// data, an extra %3 prints a literal "%3", a lost </b> makes the rest bold.
// A placeholder may be used more or fewer times; each tag exactly as often.
QStringList tokenMismatches(const std::vector<TsMessage>& messages) {
  QStringList problems;
  for (const TsMessage& m : messages) {
    if (!isLive(m)) continue;
    for (const QString& t : m.translations) {
      if (t.trimmed().isEmpty()) continue;  // reported by untranslated()
      if (tokens(m.source, placeholderPattern()).keys() != tokens(t, placeholderPattern()).keys())
        problems << describe(m) + QStringLiteral(": placeholders differ in \"%1\"").arg(t);
      if (tokens(m.source, tagPattern()) != tokens(t, tagPattern()))
        problems << describe(m) + QStringLiteral(": HTML tags differ in \"%1\"").arg(t);
    }
  }
  return problems;
}

QStringList acceleratorProblems(const std::vector<TsMessage>& messages) {
  QStringList problems;
  for (const TsMessage& m : messages) {
    const QString letter = accelerator(m.source);
    if (!isLive(m) || letter.isEmpty()) continue;
    for (const QString& t : m.translations) {
      if (t.trimmed().isEmpty()) continue;
      if (!t.contains(QStringLiteral("(&") + letter + QLatin1Char(')'), Qt::CaseInsensitive))
        problems << describe(m) + QStringLiteral(": expected (&%1) in \"%2\"").arg(letter, t);
    }
  }
  return problems;
}

// A %n message needs every plural form of the language, each filled and
// each keeping the count: English two ("1 volunteer", "2 volunteers"),
// Chinese one. Without them Qt shows the source's "volunteer(s)".
QStringList numerusProblems(const std::vector<TsMessage>& messages, int formsOfLanguage) {
  QStringList problems;
  for (const TsMessage& m : messages) {
    if (!isLive(m) || !m.numerus) continue;
    if (m.type == QLatin1String("unfinished") || m.translations.size() != formsOfLanguage) {
      problems << describe(m) + QStringLiteral(": %1 plural form(s), needs %2").arg(m.translations.size()).arg(formsOfLanguage);
      continue;
    }
    for (const QString& t : m.translations)
      if (!t.contains(QLatin1String("%n")) && !t.contains(QLatin1String("%Ln")))
        problems << describe(m) + QStringLiteral(": form \"%1\" lost the count").arg(t);
  }
  return problems;
}

std::string listing(const QStringList& problems) {
  return QStringLiteral("%1 problem(s):\n  %2").arg(problems.size()).arg(problems.join(QStringLiteral("\n  "))).toStdString();
}

QString catalogue(const char* language) {
  return QStringLiteral(DONORDESK_RESOURCE_DIR "/translations/donordesk_%1.ts").arg(QLatin1String(language));
}

// One of the shipped catalogues, read; fails the test when it does not parse
// or holds no messages.
TsFile readCatalogue(const char* language) {
  TsFile file = readTs(catalogue(language));
  REQUIRE(file.error.toStdString() == "");
  REQUIRE_FALSE(file.messages.empty());
  return file;
}

QByteArray sample(const char* messages) {
  return QByteArray("<?xml version=\"1.0\" encoding=\"utf-8\"?><!DOCTYPE TS><TS version=\"2.1\" language=\"zh_CN\">"
                    "<context><name>Ctx</name>") + messages + "</context></TS>";
}

}  // namespace

TEST_CASE("translation checks: a complete, faithful catalogue passes") {
  const TsFile file = parseTs(sample(
      "<message><source>&amp;File</source><translation>文件(&amp;F)</translation></message>"
      "<message><source>Row %1: &lt;b&gt;%2&lt;/b&gt;</source><translation>第 %1 行：&lt;b&gt;%2&lt;/b&gt;</translation></message>"
      "<message numerus=\"yes\"><source>%n row(s)</source><translation><numerusform>%n 行</numerusform></translation></message>"
      "<message><source>Gone</source><translation type=\"vanished\"></translation></message>"));
  REQUIRE(file.error.isEmpty());
  REQUIRE(file.messages.size() == 4);
  CHECK(file.messages[2].translations == QStringList{QStringLiteral("%n 行")});
  CHECK(untranslated(file.messages).isEmpty());
  CHECK(tokenMismatches(file.messages).isEmpty());
  CHECK(acceleratorProblems(file.messages).isEmpty());
}

TEST_CASE("translation checks: each kind of defect is reported") {
  const TsFile file = parseTs(sample(
      "<message><source>Open</source><translation type=\"unfinished\">打开</translation></message>"
      "<message><source>Save</source><translation>  </translation></message>"
      "<message numerus=\"yes\"><source>%n row(s)</source><translation><numerusform></numerusform></translation></message>"
      "<message><source>Cannot read %1: %2</source><translation>无法读取：%2</translation></message>"
      "<message><source>%1 of %2</source><translation>%1 / %3</translation></message>"
      "<message><source>&lt;b&gt;%1&lt;/b&gt;</source><translation>&lt;b&gt;%1</translation></message>"
      "<message><source>Se&amp;x:</source><translation>性别：</translation></message>"
      "<message><source>&amp;Quit</source><translation>退出(&amp;X)</translation></message>"
      "<message><source>R&amp;&amp;D</source><translation>研发</translation></message>"));
  REQUIRE(file.error.isEmpty());
  CHECK(untranslated(file.messages).size() == 3);
  CHECK(tokenMismatches(file.messages).size() == 3);
  const QStringList accelerators = acceleratorProblems(file.messages);
  CHECK(accelerators.size() == 2);  // "R&&D" is a literal ampersand, not an accelerator
  CHECK(accelerators.join(QLatin1Char('\n')).contains(QStringLiteral("(&X)")));
}

TEST_CASE("translation checks: broken XML is reported, not read as an empty catalogue") {
  const TsFile file = parseTs(sample("<message><source>Open</source><translation>打开</message>"));
  CHECK_FALSE(file.error.isEmpty());
  CHECK_FALSE(readTs(QStringLiteral("/nonexistent/donordesk_xx.ts")).error.isEmpty());
}

TEST_CASE("zh_CN catalogue: every message is translated") {
  const QStringList problems = untranslated(readCatalogue("zh_CN").messages);
  INFO(listing(problems));
  CHECK(problems.isEmpty());
}

TEST_CASE("zh_CN catalogue: placeholders and HTML tags are kept") {
  const QStringList problems = tokenMismatches(readCatalogue("zh_CN").messages);
  INFO(listing(problems));
  CHECK(problems.isEmpty());
}

TEST_CASE("zh_CN catalogue: accelerators are kept in the (&X) style") {
  const QStringList problems = acceleratorProblems(readCatalogue("zh_CN").messages);
  INFO(listing(problems));
  CHECK(problems.isEmpty());
}

TEST_CASE("English source texts carry no Chinese, except values staff type in Chinese") {
  // The English UI must read as English ("City", not "City (地级市)"). Only
  // messages that quote a value staff enter in Chinese (男/女, 其他) may
  // contain Chinese characters.
  const TsFile file = readCatalogue("en");
  static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
  static const QRegularExpression typedValues(QStringLiteral("男/女|其他"));
  QStringList problems;
  for (const TsMessage& message : file.messages) {
    if (message.type == QLatin1String("vanished") || message.type == QLatin1String("obsolete")) continue;
    QString rest = message.source;
    rest.remove(typedValues);
    if (rest.contains(han)) problems << message.context + QStringLiteral(": ") + message.source;
  }
  INFO(listing(problems));
  CHECK(problems.isEmpty());
  // The check can fail.
  CHECK(QStringLiteral("City (地级市)").contains(han));
}

TEST_CASE("counts are shown with thousands separators: every plural message uses %Ln") {
  // "100000 名志愿者" is hard to read; %Ln formats the count in the UI
  // language's way (100,000).
  const TsFile file = readCatalogue("en");
  QStringList bare;
  int numerus = 0;
  for (const TsMessage& message : file.messages) {
    if (!message.numerus || message.type == QLatin1String("vanished") || message.type == QLatin1String("obsolete"))
      continue;
    ++numerus;
    if (!message.source.contains(QLatin1String("%Ln"))) bare << message.context + QStringLiteral(": ") + message.source;
  }
  INFO(listing(bare));
  CHECK(bare.isEmpty());
  CHECK(numerus > 0);
  CHECK(QLocale(QStringLiteral("zh_CN")).toString(100000) == QStringLiteral("100,000"));
}

TEST_CASE("en catalogue lists the same messages as zh_CN") {
  const TsFile zh = readCatalogue("zh_CN");
  const TsFile en = readCatalogue("en");
  QSet<QString> zhKeys, enKeys;
  for (const TsMessage& m : zh.messages)
    if (isLive(m)) zhKeys.insert(m.context + QLatin1Char('\x1f') + m.source);
  for (const TsMessage& m : en.messages)
    if (isLive(m)) enKeys.insert(m.context + QLatin1Char('\x1f') + m.source);
  const QStringList onlyZh = QStringList((zhKeys - enKeys).values());
  const QStringList onlyEn = QStringList((enKeys - zhKeys).values());
  INFO("only in zh_CN: " << onlyZh.join(QStringLiteral(" | ")).toStdString());
  INFO("only in en: " << onlyEn.join(QStringLiteral(" | ")).toStdString());
  CHECK(onlyZh.isEmpty());
  CHECK(onlyEn.isEmpty());
}

TEST_CASE("translation checks: plural forms are counted per language") {
  const TsFile file = parseTs(sample(
      "<message numerus=\"yes\"><source>%n row(s)</source><translation><numerusform>%Ln row</numerusform>"
      "<numerusform>%Ln rows</numerusform></translation></message>"
      "<message numerus=\"yes\"><source>%n file(s)</source><translation type=\"unfinished\"><numerusform></numerusform>"
      "<numerusform></numerusform></translation></message>"
      "<message numerus=\"yes\"><source>%n day(s)</source><translation><numerusform>one day</numerusform>"
      "<numerusform>%n days</numerusform></translation></message>"));
  REQUIRE(file.error.isEmpty());
  CHECK(file.messages[0].numerus);
  const QStringList english = numerusProblems(file.messages, 2);
  CHECK(english.size() == 2);  // the unfinished one, and "one day" without the count
  CHECK(numerusProblems(file.messages, 1).size() == 3);
}

TEST_CASE("en and zh_CN catalogues: every %n message has its plural forms") {
  const TsFile en = readCatalogue("en");
  const TsFile zh = readCatalogue("zh_CN");
  const auto numerusCount = std::count_if(en.messages.begin(), en.messages.end(), [](const TsMessage& m) { return m.numerus; });
  CHECK(numerusCount >= 5);
  const QStringList englishProblems = numerusProblems(en.messages, 2);
  INFO(listing(englishProblems));
  CHECK(englishProblems.isEmpty());
  const QStringList chineseProblems = numerusProblems(zh.messages, 1);
  INFO(listing(chineseProblems));
  CHECK(chineseProblems.isEmpty());
}
