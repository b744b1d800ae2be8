#pragma once
// Building blocks of synthetic volunteers: Chinese names, regions of the
// province with their administrative codes, valid ID numbers, phones. Every
// choice comes from the caller's seeded generator, so a seed gives the same
// people on every machine.
#include <QDate>
#include <QString>

#include "match/random.h"
#include "model/vocabulary.h"

namespace dd::app::synthetic {

struct County {
  const char* prefecture;  // 济南市
  const char* county;      // 历下区
  const char* code;        // 370102: the first six digits of ID numbers issued there
};

const County& randomCounty(dd::match::Random& random);
QString randomName(dd::match::Random& random, model::Sex sex);
QString randomMobile(dd::match::Random& random);
QString randomEthnicity(dd::match::Random& random);
QString randomAbo(dd::match::Random& random);
// A valid 18-character ID number for the county, birth date and sex; the
// 3-digit sequence comes from `sequence` (0..499).
QString idNumber(const County& county, const QDate& birth, model::Sex sex, int sequence);
QDate randomDate(dd::match::Random& random, const QDate& from, const QDate& to);  // inclusive
template <class T, std::size_t N>
const T& pick(dd::match::Random& random, const T (&items)[N]) {
  return items[random.below(static_cast<std::uint32_t>(N))];
}

}  // namespace dd::app::synthetic
