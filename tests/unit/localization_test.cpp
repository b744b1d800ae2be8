#include <catch2/catch.hpp>

#include <QCoreApplication>

#include "core/qt/localization.h"
#include "support/qt_string_maker.h"

using dd::qt::resolveLanguage;

TEST_CASE("language resolution: explicit requests") {
  CHECK(resolveLanguage("zh_CN") == "zh_CN");
  CHECK(resolveLanguage("zh") == "zh_CN");
  CHECK(resolveLanguage("zh-CN") == "zh_CN");
  CHECK(resolveLanguage("en") == "en");
  CHECK(resolveLanguage("en_GB") == "en");
  CHECK(resolveLanguage("fr").isEmpty());
  CHECK(resolveLanguage("klingon").isEmpty());
}

TEST_CASE("language resolution: system locale decides when nothing is asked") {
  CHECK(resolveLanguage(QString(), QLocale(QLocale::Chinese, QLocale::China)) == "zh_CN");
  CHECK(resolveLanguage(QString(), QLocale(QLocale::Chinese, QLocale::Taiwan)) == "zh_CN");
  CHECK(resolveLanguage(QString(), QLocale(QLocale::German, QLocale::Germany)) == "en");
}

TEST_CASE("pre-scan finds --name VALUE and --name=VALUE, stops at --") {
  using dd::qt::preScanOption;
  CHECK(preScanOption({"prog", "--lang", "en"}, "lang") == "en");
  CHECK(preScanOption({"prog", "--lang=zh_CN"}, "lang") == "zh_CN");
  CHECK(preScanOption({"prog", "--language", "en"}, "lang").isEmpty());
  CHECK(preScanOption({"prog", "--", "--lang", "en"}, "lang").isEmpty());
  CHECK(preScanOption({"prog", "--lang"}, "lang").isEmpty());
}

TEST_CASE("the Chinese catalogue is found beside the program and translates core messages") {
  REQUIRE(dd::qt::installTranslators("zh_CN"));
  const dd::Message message{"dd::qt::CommonOptions", "Unsupported value for --lang: '%1' (use zh_CN or en).", {"fr"}};
  const QString text = dd::qt::translated(message);
  CHECK(text.contains("fr"));
  CHECK(text != QString::fromStdString(message.english()));  // it really was translated
  dd::qt::installTranslators("en");
}

TEST_CASE("counts read as English and Chinese: plural forms and thousands separators") {
  const char* context = "dd::gui::VolunteersPage";
  REQUIRE(dd::qt::installTranslators("en"));
  CHECK(QCoreApplication::translate(context, "%Ln volunteer(s)", nullptr, 1) == "1 volunteer");
  CHECK(QCoreApplication::translate(context, "%Ln volunteer(s)", nullptr, 2) == "2 volunteers");
  CHECK(QCoreApplication::translate(context, "%Ln volunteer(s)", nullptr, 100000) == "100,000 volunteers");
  CHECK(QCoreApplication::translate("dd::gui::CasesPage", "%Ln case(s)", nullptr, 1) == "1 case");
  REQUIRE(dd::qt::installTranslators("zh_CN"));
  CHECK(QCoreApplication::translate(context, "%Ln volunteer(s)", nullptr, 5000) == QStringLiteral("5,000 名志愿者"));
  dd::qt::installTranslators("en");
}
