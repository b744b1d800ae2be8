#include "store/records.h"

namespace dd::store {

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

}  // namespace dd::store
