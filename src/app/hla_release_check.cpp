#include "app/hla_release_check.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

namespace dd::app {
namespace {

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }

struct ReleaseFile {
  const char* sub;   // folder inside the release ("wmda"), "." for the top
  const char* name;
  qint64 minBytes;   // a quarter or less of release 3.58.0's size: later releases only grow
  bool inChecksums;  // listed in wmda/md5checksum.txt
  bool required;     // the engine refuses to load without it
};

const ReleaseFile kFiles[] = {
    {"wmda", "hla_nom.txt", 250'000, true, true},       {"wmda", "hla_nom_g.txt", 110'000, true, true},
    {"wmda", "hla_nom_p.txt", 100'000, true, true},     {"wmda", "rel_dna_ser.txt", 180'000, true, true},
    {"wmda", "rel_ser_ser.txt", 300, true, true},       {"tce", "dpb_tce.csv", 40'000, false, false},
    {".", "Deleted_alleles.txt", 5'000, false, false},
};

Error unverified(const QString& file, const char* why, std::vector<std::string> more = {}) {
  std::vector<std::string> args{utf8(file)};
  for (std::string& arg : more) args.push_back(std::move(arg));
  return makeError("hla.release_unverified", "dd::app", why, std::move(args), utf8(file));
}

// dir/sub/name, else dir/name: the engine accepts a flat folder as well.
QString locate(const QString& dir, const ReleaseFile& file) {
  const QString nested = dir + QLatin1Char('/') + QLatin1String(file.sub) + QLatin1Char('/') + QLatin1String(file.name);
  return QFileInfo::exists(nested) ? nested : dir + QLatin1Char('/') + QLatin1String(file.name);
}

// "MD5 (hla_nom.txt) = 841ed727..." lines, as the release writes them.
Expected<QHash<QString, QByteArray>> readChecksums(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    return unverified(path, QT_TRANSLATE_NOOP("dd::app", "%1 is missing or unreadable: the release files cannot be "
                                                         "checked against the release's own checksums."));
  static const QRegularExpression line(QStringLiteral(R"(^MD5 \((.+)\) = ([0-9a-fA-F]{32})\s*$)"));
  QHash<QString, QByteArray> sums;
  for (const QByteArray& raw : file.readAll().split('\n')) {
    const auto m = line.match(QString::fromUtf8(raw).trimmed());
    if (m.hasMatch()) sums.insert(m.captured(1), m.captured(2).toLower().toLatin1());
  }
  if (sums.isEmpty())
    return unverified(path, QT_TRANSLATE_NOOP("dd::app", "%1 holds no \"MD5 (file) = sum\" lines."));
  return sums;
}

Status checkHeader(const QString& path, const ReleaseFile& spec, const QByteArray& text) {
  if (text.size() < spec.minBytes)
    return unverified(path, QT_TRANSLATE_NOOP("dd::app", "%1 has only %2 bytes; a whole release file has at least "
                                                         "%3. It looks cut short."),
                      {std::to_string(text.size()), std::to_string(spec.minBytes)});
  const QByteArray head = text.left(400);
  const QByteArray fileLine = QByteArray("# file: ") + (QByteArray(spec.sub) == "tce" ? "tce/" : "") + spec.name;
  if (!head.startsWith(fileLine) || !head.contains("# version: "))
    return unverified(path, QT_TRANSLATE_NOOP("dd::app", "%1 does not start with the release header (\"%2\" and a "
                                                         "\"# version:\" line): it is not the file it is named as."),
                      {fileLine.toStdString()});
  return {};
}

}  // namespace

Status verifyHlaRelease(const QString& releaseDir) {
  const QString sumsPath = QFileInfo::exists(releaseDir + QStringLiteral("/wmda/md5checksum.txt"))
                               ? releaseDir + QStringLiteral("/wmda/md5checksum.txt")
                               : releaseDir + QStringLiteral("/md5checksum.txt");
  auto sums = readChecksums(sumsPath);
  if (!sums) return sums.error();
  for (const ReleaseFile& spec : kFiles) {
    const QString path = locate(releaseDir, spec);
    QFile file(path);
    if (!file.exists()) {
      if (!spec.required) continue;  // the engine says it is missing
      return unverified(path, QT_TRANSLATE_NOOP("dd::app", "%1 is missing from the release folder."));
    }
    if (!file.open(QIODevice::ReadOnly))
      return unverified(path, QT_TRANSLATE_NOOP("dd::app", "%1 cannot be read: %2"), {utf8(file.errorString())});
    const QByteArray text = file.readAll();
    if (spec.inChecksums) {
      const QByteArray expected = sums->value(QLatin1String(spec.name));
      if (expected.isEmpty())
        return unverified(path, QT_TRANSLATE_NOOP("dd::app", "%1 is not listed in %2, so it cannot be checked."),
                          {utf8(sumsPath)});
      const QByteArray actual = QCryptographicHash::hash(text, QCryptographicHash::Md5).toHex();
      if (actual != expected)
        return unverified(path, QT_TRANSLATE_NOOP("dd::app", "%1 does not match its checksum in %2 (MD5 %3, expected "
                                                             "%4): the file is damaged, cut short or edited."),
                          {utf8(sumsPath), actual.toStdString(), expected.toStdString()});
    }
    if (Status header = checkHeader(path, spec, text); !header) return header;
  }
  return {};
}

}  // namespace dd::app
