// The remembered quick check (store/integrity_memory.h): trusted only while
// the file looks exactly as a passed check (or this program's own writes)
// left it, and for a day at most. That a damaged file is still refused at
// the next open is tested through the CLI (tests/cli/cli_store_test.cpp):
// within one process a file is checked once.
#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>

#include "store/integrity_memory.h"
#include "support/qt_string_maker.h"

using dd::store::IntegrityMemory;

namespace {
QString writeBytes(const QString& path, const QByteArray& bytes) {
  QFile file(path);
  REQUIRE(file.open(QIODevice::WriteOnly));
  file.write(bytes);
  return path;
}
}  // namespace

TEST_CASE("a passed check is remembered for the file as it is, and for a day at most") {
  QTemporaryDir dir;
  const IntegrityMemory memory(QDir(dir.path()).filePath(QStringLiteral("records")));
  const QString file = writeBytes(dir.filePath(QStringLiteral("r.sqlite")), QByteArray(8192, 'a'));
  const QDateTime checked = QDateTime::currentDateTimeUtc();
  CHECK_FALSE(memory.cleanSince(file, checked).isValid());  // never checked
  memory.rememberClean(file, checked);
  CHECK(memory.cleanSince(file, checked.addSecs(60)) == checked);
  CHECK(memory.cleanSince(file, checked.addSecs(IntegrityMemory::kTrustedSeconds - 1)) == checked);
  CHECK_FALSE(memory.cleanSince(file, checked.addSecs(IntegrityMemory::kTrustedSeconds)).isValid());
  CHECK_FALSE(memory.cleanSince(file, checked.addSecs(-60)).isValid());  // a clock put back: check again

  SECTION("a file changed in place is checked again, even with its modification time put back") {
    const QDateTime modified = QFileInfo(file).lastModified();
    QThread::msleep(20);
    QFile same(file);
    REQUIRE(same.open(QIODevice::ReadWrite));
    REQUIRE(same.seek(4096));
    same.write(QByteArray(4096, 'Z'));  // same size
    REQUIRE(same.setFileTime(modified, QFileDevice::FileModificationTime));
    same.close();
    CHECK(QFileInfo(file).size() == 8192);
    CHECK_FALSE(memory.cleanSince(file, checked.addSecs(60)).isValid());
  }
  SECTION("an empty WAL file (every open touches it) is no change") {
    writeBytes(file + QStringLiteral("-wal"), QByteArray());
    CHECK(memory.cleanSince(file, checked.addSecs(60)) == checked);
  }
  SECTION("a WAL file that appeared or changed is a change") {
    writeBytes(file + QStringLiteral("-wal"), QByteArray(100, 'w'));
    CHECK_FALSE(memory.cleanSince(file, checked.addSecs(60)).isValid());
    memory.rememberClean(file, checked);  // as a writer that saw it whole leaves it
    CHECK(memory.cleanSince(file, checked.addSecs(60)) == checked);
  }
  SECTION("a file replaced by another (a restored copy) is checked again") {
    QFile::remove(file);
    writeBytes(file, QByteArray(8192, 'a'));
    CHECK_FALSE(memory.cleanSince(file, checked.addSecs(60)).isValid());
  }
  SECTION("forgetting (damage was found) makes the next open check") {
    memory.forget(file);
    CHECK_FALSE(memory.cleanSince(file, checked.addSecs(60)).isValid());
  }
  SECTION("another file is not covered by this one's record") {
    const QString other = writeBytes(dir.filePath(QStringLiteral("other.sqlite")), QByteArray(8192, 'a'));
    CHECK_FALSE(memory.cleanSince(other, checked.addSecs(60)).isValid());
  }
  SECTION("a record that is not one is not trusted") {
    const QStringList records = QDir(QDir(dir.path()).filePath(QStringLiteral("records"))).entryList(QDir::Files);
    REQUIRE(records.size() == 1);
    writeBytes(QDir(QDir(dir.path()).filePath(QStringLiteral("records"))).filePath(records.front()), "garbage");
    CHECK_FALSE(memory.cleanSince(file, checked.addSecs(60)).isValid());
  }
}

TEST_CASE("without a folder nothing is remembered") {
  QTemporaryDir dir;
  const IntegrityMemory memory{QString()};
  const QString file = writeBytes(dir.filePath(QStringLiteral("r.sqlite")), QByteArray(4096, 'a'));
  memory.rememberClean(file, QDateTime::currentDateTimeUtc());
  CHECK_FALSE(memory.cleanSince(file, QDateTime::currentDateTimeUtc()).isValid());
}
