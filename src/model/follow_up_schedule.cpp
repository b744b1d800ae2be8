#include "model/follow_up_schedule.h"

namespace dd::model {

QDate followUpDueOn(const QDate& donationDate, FollowUpPoint point) {
  if (!donationDate.isValid()) return {};
  const FollowUpOffset offset = followUpOffset(point);
  return donationDate.addMonths(offset.months).addDays(offset.days);
}

std::optional<FollowUpPoint> nextUnrecordedFollowUp(const QList<FollowUpPoint>& recorded) {
  for (int i = 0; i < kFollowUpPointCount; ++i) {
    const auto point = static_cast<FollowUpPoint>(i);
    if (!recorded.contains(point)) return point;
  }
  return std::nullopt;
}

}  // namespace dd::model
