#include "app/index_snapshot.h"

#include <cstring>
#include <type_traits>
#include <vector>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include "core/version.h"
#include "match/ranking.h"

namespace dd::app {
namespace {

// File layout (native byte order; the order mark refuses a file copied from
// a machine of the other order): magic, format version, order mark, then
// the identity texts and counts, per locus the slot texts and slot pairs and
// the column of pair ids (2 or 4 bytes each), the packed factors, the
// volunteer ids, the registry numbers (offsets + text), and an MD5 of all
// that before it.
constexpr char kMagic[8] = {'D', 'D', 'I', 'N', 'D', 'E', 'X', '\n'};
constexpr std::uint32_t kOrderMark = 0x01020304u;
constexpr qsizetype kChecksumBytes = 16;
constexpr QCryptographicHash::Algorithm kChecksum = QCryptographicHash::Md5;

class Writer {
 public:
  template <typename T>
  void put(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void putText(const QString& text) { putText(text.toStdString()); }
  void putText(const std::string& text) {
    put(static_cast<std::uint32_t>(text.size()));
    bytes_.append(text.data(), static_cast<qsizetype>(text.size()));
  }
  QByteArray& bytes() { return bytes_; }

 private:
  QByteArray bytes_;
};

class Reader {
 public:
  Reader(const char* data, qsizetype size) : data_(data), size_(size) {}
  template <typename T>
  bool get(T& value) {
    if (size_ - at_ < static_cast<qsizetype>(sizeof value)) return false;
    std::memcpy(&value, data_ + at_, sizeof value);
    at_ += static_cast<qsizetype>(sizeof value);
    return true;
  }
  bool getText(std::string& text) {
    std::uint32_t size = 0;
    if (!get(size) || size_ - at_ < static_cast<qsizetype>(size)) return false;
    text.assign(data_ + at_, size);
    at_ += size;
    return true;
  }
  // n elements of T, in place (no copy); nullptr when the file is shorter.
  template <typename T>
  const char* take(std::uint64_t n) {
    if (n > static_cast<std::uint64_t>(size_ - at_) / sizeof(T)) return nullptr;
    const char* start = data_ + at_;
    at_ += static_cast<qsizetype>(n * sizeof(T));
    return start;
  }
  bool atEnd() const { return at_ == size_; }
  std::uint64_t remaining() const { return static_cast<std::uint64_t>(size_ - at_); }

 private:
  const char* data_;
  qsizetype size_;
  qsizetype at_ = 0;
};

template <typename T>
T readAt(const char* base, std::uint64_t i) {
  T value;
  std::memcpy(&value, base + i * sizeof(T), sizeof(T));
  return value;
}

Error notUsed(const char* code, const QString& path) {
  return makeError(code, "dd::app",
                   QT_TRANSLATE_NOOP("dd::app",
                                     "The saved search index %1 was not used (%2); the index is built "
                                     "from the database again."),
                   {path.toStdString(), code});
}

}  // namespace

QString IndexSnapshot::pathFor(const QString& location) {
  const QString folder =
      QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/search-index");
  const QByteArray key = QCryptographicHash::hash(location.toUtf8(), QCryptographicHash::Sha1).toHex();
  return folder + QLatin1Char('/') + QString::fromLatin1(key) + QStringLiteral(".ddindex");
}

QString IndexSnapshot::identity(const hla::Nomenclature& nomenclature, const QString& macFingerprint) {
  if (!nomenclature.macTable().empty() && macFingerprint.isEmpty()) return {};
  return QStringLiteral("release %1, %2 alleles, MAC %3")
      .arg(QString::fromStdString(nomenclature.release()))
      .arg(nomenclature.alleleCount())
      .arg(nomenclature.macTable().empty()
               ? QStringLiteral("none")
               : QStringLiteral("%1 codes %2").arg(nomenclature.macTable().size()).arg(macFingerprint));
}

Status IndexSnapshot::write(const QString& path, const match::DonorIndex& index,
                            const SnapshotIdentity& identity, std::uint64_t invalidTypings) {
  std::vector<std::size_t> rows;  // the donors kept: removed ones are left out
  rows.reserve(index.size());
  const auto& factors = index.packedFactors();
  for (std::size_t row = 0; row < index.size(); ++row)
    if (match::packedAvailability(factors[row]) != match::Availability::Removed) rows.push_back(row);

  Writer out;
  out.bytes().reserve(static_cast<qsizetype>(rows.size() * 40 + 4096));
  out.bytes().append(kMagic, sizeof kMagic);
  out.put(kFormatVersion);
  out.put(kOrderMark);
  out.putText(QString::fromLatin1(dd::kVersion));
  out.putText(identity.database);
  out.putText(identity.stamp);
  out.putText(identity.hla);
  out.put(identity.dayYmd);
  out.put(static_cast<std::uint64_t>(rows.size()));
  out.put(invalidTypings);
  for (int locus = 0; locus < match::kMatchLoci; ++locus) {
    const match::LocusCatalog& catalog = index.catalog(locus);
    out.put(static_cast<std::uint32_t>(catalog.slotTexts.size()));
    for (const std::string& text : catalog.slotTexts) out.putText(text);
    out.put(static_cast<std::uint32_t>(catalog.pairs.size()));
    for (const auto& pair : catalog.pairs) {
      out.put(pair[0]);
      out.put(pair[1]);
    }
    const bool narrow = catalog.pairs.size() <= 0x10000u;
    out.put(static_cast<std::uint8_t>(narrow ? 2 : 4));
    const match::IdColumn& column = index.column(locus);
    for (const std::size_t row : rows) {
      if (narrow) {
        out.put(static_cast<std::uint16_t>(column.get(row)));
      } else {
        out.put(column.get(row));
      }
    }
  }
  for (const std::size_t row : rows) out.put(factors[row]);
  for (const std::size_t row : rows) out.put(static_cast<std::int64_t>(index.volunteerId(row)));
  std::string registryText;
  std::uint32_t offset = 0;
  out.put(offset);
  for (const std::size_t row : rows) {
    registryText += index.registryNo(row);
    offset = static_cast<std::uint32_t>(registryText.size());
    out.put(offset);
  }
  out.bytes().append(registryText.data(), static_cast<qsizetype>(registryText.size()));
  out.bytes().append(QCryptographicHash::hash(out.bytes(), kChecksum));

  auto failed = [&](const QString& why) {
    return makeError("app.snapshot_write", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "The search index could not be saved to %1: %2"),
                     {path.toStdString(), why.toStdString()});
  };
  if (!QDir().mkpath(QFileInfo(path).absolutePath()))
    return failed(QStringLiteral("cannot create the folder"));
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return failed(file.errorString());
  if (file.write(out.bytes()) != out.bytes().size()) {
    file.cancelWriting();
    return failed(file.errorString());
  }
  if (!file.commit()) return failed(file.errorString());
  return {};
}

Expected<LoadedSnapshot> IndexSnapshot::read(const QString& path, const SnapshotIdentity& expected,
                                             std::shared_ptr<const hla::Nomenclature> nomenclature) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return notUsed("snapshot.missing", path);
  const QByteArray bytes = file.readAll();
  file.close();
  const qsizetype headerBytes = static_cast<qsizetype>(sizeof kMagic + 2 * sizeof(std::uint32_t));
  if (bytes.size() < headerBytes + kChecksumBytes) return notUsed("snapshot.truncated", path);
  Reader header(bytes.constData(), headerBytes);
  if (std::memcmp(bytes.constData(), kMagic, sizeof kMagic) != 0) return notUsed("snapshot.version", path);
  header.take<char>(sizeof kMagic);
  std::uint32_t version = 0, order = 0;
  header.get(version);
  header.get(order);
  if (version != kFormatVersion || order != kOrderMark) return notUsed("snapshot.version", path);
  const qsizetype bodyBytes = bytes.size() - kChecksumBytes;
  if (QCryptographicHash::hash(QByteArrayView(bytes.constData(), bodyBytes), kChecksum) !=
      QByteArrayView(bytes.constData() + bodyBytes, kChecksumBytes))
    return notUsed("snapshot.checksum", path);

  Reader in(bytes.constData() + headerBytes, bodyBytes - headerBytes);
  std::string program, database, stamp, hla;
  LoadedSnapshot loaded;
  std::uint64_t rows = 0;
  if (!in.getText(program) || !in.getText(database) || !in.getText(stamp) || !in.getText(hla) ||
      !in.get(loaded.dayYmd) || !in.get(rows) || !in.get(loaded.invalidTypings))
    return notUsed("snapshot.truncated", path);
  // Another program version may parse typings differently.
  if (program != dd::kVersion) return notUsed("snapshot.version", path);
  if (QString::fromStdString(database) != expected.database) return notUsed("snapshot.database", path);
  if (expected.stamp.isEmpty() || QString::fromStdString(stamp) != expected.stamp)
    return notUsed("snapshot.stamp", path);
  if (expected.hla.isEmpty() || QString::fromStdString(hla) != expected.hla)
    return notUsed("snapshot.hla", path);
  if (loaded.dayYmd > expected.dayYmd) return notUsed("snapshot.day", path);

  // Counts are checked against the bytes left before anything is reserved:
  // a file that claims more than it can hold is refused, never allocated for.
  constexpr std::uint64_t kMinBytesPerRow = match::kMatchLoci * 2 + 4 + 8 + 4;
  if (rows > in.remaining() / kMinBytesPerRow) return notUsed("snapshot.content", path);
  auto index = std::make_unique<match::DonorIndex>(std::move(nomenclature));
  index->reserve(static_cast<std::size_t>(rows));
  struct LocusRows {
    std::vector<std::array<std::uint32_t, 2>> pairs;  // slot ids of this index
    const char* ids = nullptr;
    int width = 2;
  };
  std::array<LocusRows, match::kMatchLoci> loci;
  std::string text;
  for (int locus = 0; locus < match::kMatchLoci; ++locus) {
    std::uint32_t slotCount = 0;
    if (!in.get(slotCount)) return notUsed("snapshot.truncated", path);
    if (slotCount == 0 || slotCount > in.remaining() / sizeof(std::uint32_t))
      return notUsed("snapshot.content", path);
    std::vector<std::uint32_t> slotIds;  // the file's slot id -> this index's
    slotIds.reserve(slotCount);
    for (std::uint32_t slot = 0; slot < slotCount; ++slot) {
      if (!in.getText(text)) return notUsed("snapshot.truncated", path);
      if (slot == 0) {
        if (!text.empty()) return notUsed("snapshot.content", path);  // slot 0 is "untyped"
        slotIds.push_back(0);
        continue;
      }
      auto id = index->internSlot(locus, text);
      if (!id) return notUsed("snapshot.content", path);
      slotIds.push_back(*id);
    }
    std::uint32_t pairCount = 0;
    if (!in.get(pairCount)) return notUsed("snapshot.truncated", path);
    if (pairCount == 0 || pairCount > in.remaining() / (2 * sizeof(std::uint32_t)))
      return notUsed("snapshot.content", path);
    LocusRows& locusRows = loci[static_cast<std::size_t>(locus)];
    locusRows.pairs.reserve(pairCount);
    for (std::uint32_t pair = 0; pair < pairCount; ++pair) {
      std::uint32_t low = 0, high = 0;
      if (!in.get(low) || !in.get(high)) return notUsed("snapshot.truncated", path);
      if (low >= slotIds.size() || high >= slotIds.size()) return notUsed("snapshot.content", path);
      locusRows.pairs.push_back({slotIds[low], slotIds[high]});
    }
    std::uint8_t width = 0;
    if (!in.get(width) || (width != 2 && width != 4)) return notUsed("snapshot.truncated", path);
    locusRows.width = width;
    locusRows.ids = width == 2 ? in.take<std::uint16_t>(rows) : in.take<std::uint32_t>(rows);
    if (!locusRows.ids) return notUsed("snapshot.truncated", path);
  }
  const char* factors = in.take<std::uint32_t>(rows);
  const char* ids = in.take<std::int64_t>(rows);
  const char* offsets = in.take<std::uint32_t>(rows + 1);
  if (!factors || !ids || !offsets) return notUsed("snapshot.truncated", path);
  const std::uint32_t textBytes = readAt<std::uint32_t>(offsets, rows);
  const char* registryText = in.take<char>(textBytes);
  if (!registryText || !in.atEnd()) return notUsed("snapshot.truncated", path);

  match::SlotIds rowSlots{};
  std::string registryNo;
  std::int64_t previousId = 0;
  std::uint32_t previousOffset = 0;
  for (std::uint64_t row = 0; row < rows; ++row) {
    for (std::size_t locus = 0; locus < loci.size(); ++locus) {
      const LocusRows& locusRows = loci[locus];
      const std::uint32_t pair = locusRows.width == 2 ? readAt<std::uint16_t>(locusRows.ids, row)
                                                      : readAt<std::uint32_t>(locusRows.ids, row);
      if (pair >= locusRows.pairs.size()) return notUsed("snapshot.content", path);
      rowSlots[locus] = locusRows.pairs[pair];
    }
    const auto id = readAt<std::int64_t>(ids, row);
    // Ids come in ascending order from the build; any other order must at
    // least never repeat one (rowOf would find two rows).
    if (row > 0 && id <= previousId && index->rowOf(id) >= 0) return notUsed("snapshot.content", path);
    previousId = id;
    const std::uint32_t end = readAt<std::uint32_t>(offsets, row + 1);
    if (end < previousOffset || end > textBytes) return notUsed("snapshot.content", path);
    registryNo.assign(registryText + previousOffset, end - previousOffset);
    previousOffset = end;
    index->append(id, rowSlots, readAt<std::uint32_t>(factors, row), registryNo);
  }
  loaded.index = std::move(index);
  return loaded;
}

}  // namespace dd::app
