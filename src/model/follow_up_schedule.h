#pragma once
// When the follow-up calls of a donation fall due (docs/retention.md): the
// one rule the follow-up-due worklist, the recording use case and a donor's
// schedule all read, so they never disagree about which call comes next.
#include <optional>

#include <QDate>
#include <QList>

#include "model/vocabulary.h"

namespace dd::model {

// The day a point falls due: the donation date plus followUpOffset(point),
// months first (so a donation on 31 January has its 1-month call on 28/29
// February). Invalid when donationDate is.
QDate followUpDueOn(const QDate& donationDate, FollowUpPoint point);

// The first point, in order from Day2 to Year10, that is not in `recorded`;
// nullopt once every point through Year10 is recorded (the donor is done).
std::optional<FollowUpPoint> nextUnrecordedFollowUp(const QList<FollowUpPoint>& recorded);

}  // namespace dd::model
