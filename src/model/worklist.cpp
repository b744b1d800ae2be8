#include "model/worklist.h"

#include <iterator>

#include "core/message.h"

namespace dd::model {
namespace {

struct Entry {
  Worklist list;
  std::string_view key;
  const char* name;
  const char* description;
};

constexpr Entry kEntries[] = {
    {Worklist::NotReached, "not-reached", QT_TRANSLATE_NOOP("dd::model", "Not reached"),
     QT_TRANSLATE_NOOP("dd::model", "No successful contact in the chosen number of months.")},
    {Worklist::AllChannelsFailed, "all-channels-failed", QT_TRANSLATE_NOOP("dd::model", "All attempts failed"),
     QT_TRANSLATE_NOOP("dd::model", "As many failed attempts since the last success as the lost-contact rule allows.")},
    {Worklist::PhoneKnownBad, "phone-bad", QT_TRANSLATE_NOOP("dd::model", "Phone known bad"),
     QT_TRANSLATE_NOOP("dd::model", "Every phone number in use is known to be wrong or undeliverable.")},
    {Worklist::CaseWithoutContact, "case-without-contact", QT_TRANSLATE_NOOP("dd::model", "Case without contact"),
     QT_TRANSLATE_NOOP("dd::model", "Reserved or in an open workup case, and not reached in 14 days.")},
    {Worklist::TurningSixty, "turning-60", QT_TRANSLATE_NOOP("dd::model", "Turning 60"),
     QT_TRANSLATE_NOOP("dd::model", "The 60th birthday is within a year.")},
    {Worklist::WithdrawalRequested, "withdrawal-requested", QT_TRANSLATE_NOOP("dd::model", "Withdrawal requested"),
     QT_TRANSLATE_NOOP("dd::model", "A withdrawal was asked for and is waiting for staff to confirm it.")},
    {Worklist::ReadinessDue, "readiness-due", QT_TRANSLATE_NOOP("dd::model", "Readiness check due"),
     QT_TRANSLATE_NOOP("dd::model", "Active, and no readiness check in the last 12 months.")},
    {Worklist::ReservationExpiring, "reservation-expiring", QT_TRANSLATE_NOOP("dd::model", "Reservation expiring"),
     QT_TRANSLATE_NOOP("dd::model", "The reservation lapses within 14 days.")},
    {Worklist::FollowUpDue, "follow-up-due", QT_TRANSLATE_NOOP("dd::model", "Follow-up due"),
     QT_TRANSLATE_NOOP("dd::model", "A donor's next follow-up call after the donation (2 days, 1 week, 1 month, "
                                    "6 months, then yearly for 10 years) is due and not recorded.")},
};
static_assert(std::size(kEntries) == kWorklistCount);

const Entry& entry(Worklist list) { return kEntries[static_cast<int>(list)]; }

}  // namespace

std::string_view key(Worklist value) { return entry(value).key; }
const char* displayName(Worklist value) { return entry(value).name; }
const char* worklistDescription(Worklist value) { return entry(value).description; }

std::optional<Worklist> parseWorklist(std::string_view text) {
  for (const Entry& e : kEntries)
    if (e.key == text) return e.list;
  return std::nullopt;
}

}  // namespace dd::model
