#include "model/entities.h"

#include "model/availability.h"

namespace dd::model {

bool HlaTyping::isEmpty() const {
  for (const LocusTyping& locus : loci)
    if (!locus.raw.isEmpty()) return false;
  return true;
}

QString Volunteer::currentPhone() const {
  for (const Phone& phone : phones)
    if (phone.current && phone.inUse()) return phone.number;
  for (const Phone& phone : phones)
    if (phone.inUse()) return phone.number;
  return {};
}

namespace {
std::int32_t ymd(const QDate& date) {
  return date.isValid() ? date.year() * 10000 + date.month() * 100 + date.day() : 0;
}
}  // namespace

bool Volunteer::availableOn(const QDate& today) const {
  return model::availableOn(status, ymd(statusUntil), ymd(today), withdrawalRequestedOn.isValid());
}

}  // namespace dd::model
