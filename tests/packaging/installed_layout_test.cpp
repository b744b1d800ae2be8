// What the Debian package installs, checked on a real install of this build
// into a temporary prefix: the programs find their data under
// <prefix>/share/donordesk (never the source tree), the menu entry and the
// AppStream metainfo pass their validators, icons and man pages are there.
#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include "core/qt/app_paths.h"
#include "support/process_runner.h"
#include "support/qt_string_maker.h"

namespace {

// One install for the whole suite: `cmake --install` of this build tree.
const QString& installedPrefix() {
  static QTemporaryDir dir;
  static const QString prefix = [] {
    const QString p = dir.filePath(QStringLiteral("usr"));
    const auto result = dd::test::runProcess(
        QStringLiteral("cmake"), {QStringLiteral("--install"), QStringLiteral(DONORDESK_BINARY_DIR), QStringLiteral("--prefix"), p});
    if (result.exitCode != 0) FAIL("cmake --install failed: " << result.err.toStdString() << result.out.toStdString());
    return p;
  }();
  return prefix;
}

// The installed CLI, in an environment that names no resource folder.
dd::test::ProcessResult installedCli(const QStringList& args) {
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.remove(QStringLiteral("DONORDESK_RESOURCES"));
  QTemporaryDir home;
  env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath("data"));
  env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath("config"));
  return dd::test::runProcess(installedPrefix() + QStringLiteral("/bin/donordesk-cli"), args, {}, env);
}

}  // namespace

TEST_CASE("read-only data layout: installed programs use share/donordesk, build-tree programs the sources") {
  QTemporaryDir dir;
  const auto installed = dd::qt::readOnlyDataFor(dir.filePath("usr/bin"), QStringLiteral(DONORDESK_BINARY_DIR));
  CHECK(installed.installed);
  CHECK(installed.resources == dir.filePath("usr/share/donordesk"));
  CHECK(installed.translations == dir.filePath("usr/share/donordesk/translations"));

  const auto inBuild = dd::qt::readOnlyDataFor(QStringLiteral(DONORDESK_BINARY_DIR "/src/cli"), QStringLiteral(DONORDESK_BINARY_DIR));
  CHECK_FALSE(inBuild.installed);
  CHECK(inBuild.resources == QStringLiteral(DONORDESK_RESOURCE_DIR));

  // A folder that merely starts like the build tree's name is not inside it.
  const auto sibling = dd::qt::readOnlyDataFor(QStringLiteral(DONORDESK_BINARY_DIR "-copy/bin"), QStringLiteral(DONORDESK_BINARY_DIR));
  CHECK(sibling.installed);
  CHECK_FALSE(sibling.resources.startsWith(QStringLiteral(DONORDESK_SOURCE_DIR "/resources")));
}

TEST_CASE("installed tree: programs, data, translations, menu entry, icons, man pages, copyright") {
  const QDir prefix(installedPrefix());
  for (const char* path : {"bin/donordesk", "bin/donordesk-cli",
                           "share/donordesk/hla/imgt-3.58.0/wmda/hla_nom.txt",
                           "share/donordesk/hla/imgt-3.58.0/LICENCE.md",
                           "share/donordesk/hla/haplotype-freqs/CAU.freqs.gz",
                           "share/donordesk/templates/zh_CN/consent.html",
                           "share/donordesk/translations/donordesk_zh_CN.qm",
                           "share/donordesk/translations/donordesk_en.qm",
                           "share/applications/org.donordesk.DonorDesk.desktop",
                           "share/metainfo/org.donordesk.DonorDesk.metainfo.xml",
                           "share/icons/hicolor/scalable/apps/org.donordesk.DonorDesk.svg",
                           "share/icons/hicolor/48x48/apps/org.donordesk.DonorDesk.png",
                           "share/icons/hicolor/256x256/apps/org.donordesk.DonorDesk.png",
                           "share/man/man1/donordesk.1.gz", "share/man/man1/donordesk-cli.1.gz",
                           "share/doc/donordesk/copyright", "share/doc/donordesk/changelog.gz"}) {
    INFO(path);
    CHECK(QFileInfo(prefix.filePath(QLatin1String(path))).isFile());
  }
  // Nothing of the build or test machinery is installed.
  CHECK_FALSE(QFileInfo::exists(prefix.filePath("bin/donordesk_icon_png")));
  CHECK(QDir(prefix.filePath("bin")).entryList(QDir::Files).size() == 2);
}

TEST_CASE("installed CLI reads the HLA release from share/donordesk, not from the source tree") {
  const auto info = installedCli({"hla", "info"});
  INFO(info.err.toStdString());
  REQUIRE(info.exitCode == 0);
  CHECK(info.out.contains("3.58.0"));
  CHECK(info.out.contains(installedPrefix() + "/share/donordesk/hla"));
  CHECK_FALSE(info.out.contains(QStringLiteral(DONORDESK_SOURCE_DIR)));
}

TEST_CASE("installed CLI speaks Chinese from the installed catalogue") {
  const auto help = installedCli({"--lang", "zh_CN", "--help"});
  REQUIRE(help.exitCode == 0);
  // DonorDesk's own catalogue (the summary) and Qt's (the "Usage:" line).
  CHECK(help.out.contains(QStringLiteral("DonorDesk 命令行")));
  CHECK(help.out.contains(QStringLiteral("用法")));
  CHECK_FALSE(help.err.contains("translations are missing"));
}

TEST_CASE("the menu entry and the AppStream metainfo pass their validators") {
  const QDir prefix(installedPrefix());
  const auto desktop = dd::test::runProcess(
      QStringLiteral("desktop-file-validate"), {prefix.filePath("share/applications/org.donordesk.DonorDesk.desktop")});
  INFO(desktop.out.toStdString() << desktop.err.toStdString());
  CHECK(desktop.exitCode == 0);
  CHECK(desktop.out.trimmed().isEmpty());  // not even a hint
  const auto metainfo = dd::test::runProcess(
      QStringLiteral("appstreamcli"),
      {"validate", "--no-net", prefix.filePath("share/metainfo/org.donordesk.DonorDesk.metainfo.xml")});
  INFO(metainfo.out.toStdString() << metainfo.err.toStdString());
  CHECK(metainfo.exitCode == 0);
}

TEST_CASE("the validators do reject a broken menu entry (the check can fail)") {
  QTemporaryDir dir;
  const QString broken = dir.filePath("broken.desktop");
  QFile file(broken);
  REQUIRE(file.open(QIODevice::WriteOnly));
  file.write("[Desktop Entry]\nName=DonorDesk\nExec=donordesk\nCategories=NoSuchCategory;\n");  // no Type
  file.close();
  const auto result = dd::test::runProcess(QStringLiteral("desktop-file-validate"), {broken});
  CHECK(result.exitCode != 0);
}

TEST_CASE("man pages describe both programs and their commands") {
  QTemporaryDir dir;
  for (const char* page : {"donordesk", "donordesk-cli"}) {
    const QString gz = installedPrefix() + QStringLiteral("/share/man/man1/%1.1.gz").arg(QLatin1String(page));
    const auto text = dd::test::runProcess(QStringLiteral("gzip"), {"-dc", gz});
    REQUIRE(text.exitCode == 0);
    INFO(page);
    CHECK(text.out.contains(".SH NAME"));
    CHECK(text.out.contains(".SH FILES"));
    CHECK(text.out.contains("/usr/share/donordesk"));
  }
  const auto cli = dd::test::runProcess(QStringLiteral("gzip"), {"-dc", installedPrefix() + "/share/man/man1/donordesk-cli.1.gz"});
  CHECK(cli.out.contains("hla"));
  CHECK(cli.out.contains("import"));
}
