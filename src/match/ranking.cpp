#include "match/ranking.h"

#include <algorithm>
#include <cctype>

namespace dd::match {
namespace {

constexpr std::array<const char*, kCriterionCount> kKeys = {
    "matches", "definite", "certainty", "allele_mismatch_first", "dpb1",       "younger",
    "male",    "cmv",      "abo",       "recent_contact",        "confidence", "grade"};
// Bits each criterion needs in the key (sums over the five scored loci fit:
// confidence 10 x 3 = 30, grade 10 x 13 = 130, certainty 10 x 25 = 250).
constexpr std::array<int, kCriterionCount> kWidths = {4, 4, 8, 4, 3, 7, 1, 1, 1, 15, 5, 8};

// Days from 1970-01-01 (Howard Hinnant's civil calendar algorithm).
int daysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civilFromDays(int z, int& y, int& m, int& d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = yoe + era * 400 + (m <= 2);
}

const int kDay2000 = daysFromCivil(2000, 1, 1);

}  // namespace

const char* criterionKey(Criterion c) { return kKeys[static_cast<int>(c)]; }

RankingPolicy RankingPolicy::defaults() {
  return RankingPolicy{{Criterion::Matches, Criterion::Confidence, Criterion::Grade, Criterion::Certainty,
                        Criterion::AlleleMismatchFirst, Criterion::Dpb1, Criterion::Younger, Criterion::Male,
                        Criterion::CmvMatch, Criterion::AboIdentical, Criterion::RecentContact}};
}

dd::Expected<RankingPolicy> RankingPolicy::parse(std::string_view text) {
  RankingPolicy policy;
  std::array<bool, kCriterionCount> seen{};
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    text.remove_prefix(comma == std::string_view::npos ? text.size() : comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    const auto found = std::find(kKeys.begin(), kKeys.end(), item);
    if (found == kKeys.end()) {
      std::string known;
      for (const char* key : kKeys) known += (known.empty() ? "" : ", ") + std::string(key);
      return dd::makeError("match.ranking_unknown", "dd::match",
                           QT_TRANSLATE_NOOP("dd::match", "Unknown ranking criterion '%1' (use %2)."),
                           {std::string(item), known}, std::string(item));
    }
    const auto index = static_cast<std::size_t>(found - kKeys.begin());
    if (seen[index])
      return dd::makeError("match.ranking_repeated", "dd::match",
                           QT_TRANSLATE_NOOP("dd::match", "The ranking criterion '%1' is given twice."),
                           {std::string(item)}, std::string(item));
    seen[index] = true;
    policy.order.push_back(static_cast<Criterion>(index));
  }
  if (!seen[0])
    return dd::makeError("match.ranking_needs_matches", "dd::match",
                         QT_TRANSLATE_NOOP("dd::match", "The ranking must include 'matches'."));
  int bits = kTypedWidth;
  for (auto c : policy.order) bits += kWidths[static_cast<int>(c)];
  if (bits > kKeyCriteriaBits)
    return dd::makeError("match.ranking_too_long", "dd::match",
                         QT_TRANSLATE_NOOP("dd::match", "These ranking criteria do not fit together (%1 of %2 bits); "
                                                        "leave one out, e.g. 'definite', which 'confidence' covers."),
                         {std::to_string(bits), std::to_string(kKeyCriteriaBits)});
  return policy;
}

bool isValidScale(int scale) { return scale == 10 || scale == 8 || scale == 6; }

bool locusInScale(int locus, int scale) {
  switch (locus) {
    case 0: case 1: case 3: return true;  // A, B, DRB1
    case 2: return scale >= 8;            // C
    case 4: return scale >= 10;           // DQB1
    default: return false;                // DPB1 is reported apart
  }
}

const char* availabilityKey(Availability a) {
  static constexpr const char* keys[] = {"available", "deferred", "reserved", "lost",
                                         "withdrawn", "retired",  "donated",  "removed"};
  return keys[static_cast<int>(a)];
}

std::optional<Abo> parseAbo(std::string_view text) {
  std::string upper;
  for (char c : text)
    if (c != ' ') upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper.empty()) return Abo::Unknown;
  if (upper == "O") return Abo::O;
  if (upper == "A") return Abo::A;
  if (upper == "B") return Abo::B;
  if (upper == "AB") return Abo::AB;
  return std::nullopt;
}

int contactDayNumber(int ymd) {
  if (ymd <= 0) return 0;
  const int days = daysFromCivil(ymd / 10000, ymd / 100 % 100, ymd % 100) - kDay2000;
  return days < 0 ? 0 : std::clamp(days, 1, 0x7FFF);
}

std::uint32_t packFactors(const DonorFactors& f) {
  const std::uint32_t year = f.birthYear > 1900 ? static_cast<std::uint32_t>(std::min(f.birthYear, 2027) - 1900) : 0;
  return static_cast<std::uint32_t>(contactDayNumber(f.lastContactYmd)) | year << 15 |
         static_cast<std::uint32_t>(f.sex) << 22 | static_cast<std::uint32_t>(f.cmv) << 24 |
         static_cast<std::uint32_t>(f.abo) << 26 | static_cast<std::uint32_t>(f.availability) << 29;
}

DonorFactors unpackFactors(std::uint32_t packed) {
  DonorFactors f;
  const int day = static_cast<int>(packed & 0x7FFFu);
  if (day > 0) {
    int y = 0, m = 0, d = 0;
    civilFromDays(day + kDay2000, y, m, d);
    f.lastContactYmd = y * 10000 + m * 100 + d;
  }
  const int year = static_cast<int>((packed >> 15) & 127u);
  f.birthYear = year ? 1900 + year : 0;
  f.sex = static_cast<Sex>(packed >> 22 & 3u);
  f.cmv = static_cast<Cmv>(packed >> 24 & 3u);
  f.abo = static_cast<Abo>(packed >> 26 & 7u);
  f.availability = packedAvailability(packed);
  return f;
}

std::uint64_t KeyLayout::field(std::uint64_t key, Criterion c) const {
  const int i = static_cast<int>(c);
  if (shift[i] < 0) return 0;
  return (key >> shift[i]) & ((std::uint64_t{1} << width[i]) - 1);
}

bool isSearchableLocus(int locus) { return locus == 0 || locus == 1 || locus == 3; }  // A, B, DRB1

KeyLayout layoutFor(const RankingPolicy& policy) {
  KeyLayout layout;
  layout.shift.fill(-1);
  layout.width = kWidths;
  int total = 0;
  for (auto c : policy.order) total += kWidths[static_cast<int>(c)];
  if (std::find(policy.order.begin(), policy.order.end(), Criterion::Matches) != policy.order.end())
    total += kTypedWidth;
  int position = total;  // first criterion in the most significant bits
  for (auto c : policy.order) {
    position -= kWidths[static_cast<int>(c)];
    layout.shift[static_cast<int>(c)] = position;
    if (c == Criterion::Matches) {
      position -= kTypedWidth;
      layout.typedShift = position;
    }
  }
  return layout;
}

FactorKeyTable::FactorKeyTable(const KeyLayout& layout, const PatientFactors& patient) {
  birthShift = layout.shift[static_cast<int>(Criterion::Younger)];
  contactShift = layout.shift[static_cast<int>(Criterion::RecentContact)];
  for (std::uint32_t bits = 0; bits < 128; ++bits) {
    const bool male = static_cast<Sex>(bits & 3u) == Sex::Male;
    const auto cmv = static_cast<Cmv>(bits >> 2 & 3u);
    const auto abo = static_cast<Abo>(bits >> 4 & 7u);
    std::uint64_t key = layout.place(Criterion::Male, male ? 1 : 0);
    key += layout.place(Criterion::CmvMatch, patient.cmv != Cmv::Unknown && cmv == patient.cmv ? 1 : 0);
    key += layout.place(Criterion::AboIdentical, patient.abo != Abo::Unknown && abo == patient.abo ? 1 : 0);
    lut[bits] = key;
  }
}

}  // namespace dd::match
