#include "app/follow_ups.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include "app/csv_file.h"
#include "app/registry.h"
#include "app/registry_store_access.h"
#include "app/shown_names.h"
#include "app/unit_of_work.h"
#include "model/follow_up_schedule.h"
#include "store/database.h"
#include "store/follow_up_repository.h"

namespace dd::app {

using model::DonationFollowUp;
using model::FollowUpPoint;

namespace {

constexpr int kMaxNote = 500;

std::string utf8(const QString& text) { return text.toUtf8().toStdString(); }
QString keyText(std::string_view key) { return QString::fromLatin1(key.data(), qsizetype(key.size())); }
std::string isoText(const QDate& d) { return utf8(d.toString(Qt::ISODate)); }
QString isoDate(const QDate& d) { return d.isValid() ? d.toString(Qt::ISODate) : QString(); }

// The donation a follow-up belongs to: the volunteer's latest, and the case
// whose collection was on that day (a donation recorded by hand has none).
struct Donation {
  model::Volunteer volunteer;
  qint64 caseId = 0;
};

Expected<Donation> donationOf(Registry& registry, qint64 volunteerId) {
  auto v = registry.volunteer(volunteerId);
  if (!v) return v.error();
  if (!v->donationDate.isValid())
    return makeError("validation.never_donated", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "Volunteer %1 has no donation on record: there is no follow-up to "
                                                  "record."),
                     {utf8(v->registryNo)}, "volunteer");
  Donation d{*v, 0};
  auto cases = registry.workupCasesForVolunteer(volunteerId);
  if (!cases) return cases.error();
  for (const model::WorkupCase& w : *cases)
    if (w.stageDates[static_cast<std::size_t>(model::WorkupStage::Collection)] == v->donationDate) d.caseId = w.id;
  return d;
}

Expected<QList<DonationFollowUp>> followUpsOfDonation(store::Database& db, const Donation& d) {
  auto all = store::FollowUpRepository(db).forVolunteer(d.volunteer.id);
  if (!all) return all;
  QList<DonationFollowUp> ofThis;
  for (const DonationFollowUp& f : *all)
    if (f.donationDate == d.volunteer.donationDate) ofThis.append(f);
  return ofThis;
}

}  // namespace

Expected<FollowUpPoint> followUpPointFromKey(const QString& key) {
  if (auto point = model::parseFollowUpPoint(key.trimmed().toStdString())) return *point;
  QStringList keys;
  for (int i = 0; i < model::kFollowUpPointCount; ++i) keys << keyText(model::key(static_cast<FollowUpPoint>(i)));
  return makeError("validation.follow_up_point", "dd::app",
                   QT_TRANSLATE_NOOP("dd::app", "Unknown follow-up point '%1'; use one of: %2."),
                   {utf8(key.trimmed()), utf8(keys.join(QStringLiteral(", ")))}, "point");
}

Expected<DonationFollowUp> recordFollowUp(Registry& registry, const FollowUpRequest& request, const Actor& actor) {
  const QDate today = QDate::currentDate();
  const QDate doneOn = request.doneOn.isValid() ? request.doneOn : today;
  const QString note = request.note.trimmed();
  if (note.size() > kMaxNote)
    return makeError("validation.too_long", "dd::app", QT_TRANSLATE_NOOP("dd::app", "%1 is longer than %2 characters."),
                     {utf8(QCoreApplication::translate("dd::app", "Note")), std::to_string(kMaxNote)}, "note");
  if (doneOn > today)
    return makeError("validation.follow_up_future", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "The follow-up date %1 is in the future."), {isoText(doneOn)},
                     "date");
  store::Database& db = storeDatabase(registry);
  UnitOfWork work(db, actor);
  if (!work.started()) return work.started().error();
  auto donation = donationOf(registry, request.volunteerId);
  if (!donation) return donation.error();
  const QDate donated = donation->volunteer.donationDate;
  const QDate due = model::followUpDueOn(donated, request.point);
  if (doneOn < due)
    return makeError("validation.follow_up_early", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "The follow-up '%1' of the donation on %2 is due on %3; it cannot "
                                                  "have been done on %4."),
                     {shownName(model::displayName(request.point)), isoText(donated), isoText(due), isoText(doneOn)},
                     "date");
  auto recorded = followUpsOfDonation(db, *donation);
  if (!recorded) return recorded.error();
  for (const DonationFollowUp& f : *recorded)
    if (f.point == request.point)
      return makeError("validation.follow_up_recorded", "dd::app",
                       QT_TRANSLATE_NOOP("dd::app", "The follow-up '%1' of the donation on %2 was already recorded "
                                                    "on %3 by %4."),
                       {shownName(model::displayName(request.point)), isoText(donated), isoText(f.doneOn),
                        utf8(f.staff)},
                       "point");
  DonationFollowUp f;
  f.volunteerId = request.volunteerId;
  f.caseId = donation->caseId;
  f.donationDate = donated;
  f.point = request.point;
  f.doneOn = doneOn;
  f.staff = actor.staff;
  f.note = note;
  if (Status s = store::FollowUpRepository(db).insert(f); !s) return s.error();
  // one row under the volunteer: which point of which donation, when, and the note
  QString value = keyText(model::key(f.point)) + QLatin1Char(' ') + isoDate(f.doneOn) + QStringLiteral(" (") +
                  isoDate(donated) + QLatin1Char(')');
  if (!note.isEmpty()) value += QStringLiteral(": ") + note;
  if (Status s = work.record({0, {}, {}, QStringLiteral("follow_up"), QStringLiteral("volunteer"), f.volunteerId,
                              QStringLiteral("follow_up"), {}, value});
      !s)
    return s.error();
  if (Status s = work.commit(); !s) return s.error();
  return f;
}

const char* displayName(FollowUpState state) {
  switch (state) {
    case FollowUpState::Done: return QT_TRANSLATE_NOOP("dd::app", "Done");
    case FollowUpState::Overdue: return QT_TRANSLATE_NOOP("dd::app", "Overdue");
    case FollowUpState::Due: return QT_TRANSLATE_NOOP("dd::app", "Due");
    case FollowUpState::NotYetDue: break;
  }
  return QT_TRANSLATE_NOOP("dd::app", "Not yet due");
}

std::string_view key(FollowUpState state) {
  switch (state) {
    case FollowUpState::Done: return "done";
    case FollowUpState::Overdue: return "overdue";
    case FollowUpState::Due: return "due";
    case FollowUpState::NotYetDue: break;
  }
  return "not_due";
}

Expected<FollowUpSchedule> followUpSchedule(Registry& registry, qint64 volunteerId, const QDate& today) {
  const QDate day = today.isValid() ? today : QDate::currentDate();
  auto donation = donationOf(registry, volunteerId);
  if (!donation) return donation.error();
  auto recorded = followUpsOfDonation(storeDatabase(registry), *donation);
  if (!recorded) return recorded.error();
  FollowUpSchedule schedule;
  schedule.volunteerId = volunteerId;
  schedule.registryNo = donation->volunteer.registryNo;
  schedule.donationDate = donation->volunteer.donationDate;
  schedule.caseId = donation->caseId;
  for (int i = 0; i < model::kFollowUpPointCount; ++i) {
    FollowUpScheduleEntry e;
    e.point = static_cast<FollowUpPoint>(i);
    e.dueOn = model::followUpDueOn(schedule.donationDate, e.point);
    for (const DonationFollowUp& f : *recorded)
      if (f.point == e.point) e.record = f;
    const bool last = i + 1 == model::kFollowUpPointCount;
    const QDate nextDue = last ? QDate() : model::followUpDueOn(schedule.donationDate, static_cast<FollowUpPoint>(i + 1));
    e.state = e.record                          ? FollowUpState::Done
              : e.dueOn > day                   ? FollowUpState::NotYetDue
              : nextDue.isValid() && nextDue <= day ? FollowUpState::Overdue
                                                : FollowUpState::Due;
    schedule.entries.append(e);
  }
  return schedule;
}

namespace {

QStringList headings() {
  auto tr = [](const char* text) { return QCoreApplication::translate("dd::app", text); };
  return {tr("Point"), tr("Due on"), tr("State"), tr("Done on"), tr("By"), tr("Note")};
}

QStringList cells(const FollowUpScheduleEntry& e) {
  return {shownText(model::displayName(e.point)),
          isoDate(e.dueOn),
          shownText(displayName(e.state)),
          e.record ? isoDate(e.record->doneOn) : QString(),
          e.record ? e.record->staff : QString(),
          e.record ? e.record->note : QString()};
}

}  // namespace

QString followUpTable(const FollowUpSchedule& schedule) {
  QString out = QCoreApplication::translate("dd::app", "Donation on %1").arg(isoDate(schedule.donationDate)) +
                QLatin1Char('\n') + headings().join(QLatin1Char('\t')) + QLatin1Char('\n');
  for (const FollowUpScheduleEntry& e : schedule.entries) out += cells(e).join(QLatin1Char('\t')) + QLatin1Char('\n');
  return out;
}

QString followUpCsv(const FollowUpSchedule& schedule) {
  QStringList lines;
  QStringList heading;
  for (const QString& h : headings()) heading << csvField(h);
  lines << heading.join(QLatin1Char(','));
  for (const FollowUpScheduleEntry& e : schedule.entries) {
    QStringList row;
    for (const QString& c : cells(e)) row << csvField(c);
    lines << row.join(QLatin1Char(','));
  }
  return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString followUpJson(const FollowUpSchedule& schedule) {
  QJsonObject root;
  root[QStringLiteral("registry_no")] = schedule.registryNo;
  root[QStringLiteral("donation_date")] = isoDate(schedule.donationDate);
  QJsonArray points;
  for (const FollowUpScheduleEntry& e : schedule.entries) {
    QJsonObject o;
    o[QStringLiteral("point")] = keyText(model::key(e.point));
    o[QStringLiteral("due_on")] = isoDate(e.dueOn);
    o[QStringLiteral("state")] = keyText(key(e.state));
    o[QStringLiteral("done_on")] = e.record ? isoDate(e.record->doneOn) : QString();
    o[QStringLiteral("staff")] = e.record ? e.record->staff : QString();
    o[QStringLiteral("note")] = e.record ? e.record->note : QString();
    points.append(o);
  }
  root[QStringLiteral("points")] = points;
  return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

}  // namespace dd::app
