#include "app/campaigns.h"

#include <QRegularExpression>
#include <QSaveFile>
#include <QStringEncoder>

#include "app/registry.h"
#include "app/registry_store_access.h"
#include "app/unit_of_work.h"
#include "store/campaign_repository.h"
#include "store/database.h"

namespace dd::app {
namespace {
std::string utf8(const QString& s) { return s.toStdString(); }

const QRegularExpression& placeholderPattern() {
  static const QRegularExpression pattern(QStringLiteral(R"(\{([^{}]*)\})"));
  return pattern;
}

// Message ids are the campaign and the volunteer: unique across campaigns,
// and the same on every export of one campaign.
QString messageIdFor(qint64 campaignId, qint64 volunteerId) {
  return QStringLiteral("C%1-%2").arg(campaignId).arg(volunteerId);
}
}  // namespace

QStringList campaignPlaceholders() {
  return {QStringLiteral("{name}"), QStringLiteral("{registry_no}"), QStringLiteral("{prefecture}"),
          QStringLiteral("{county}"), QStringLiteral("{branch}")};
}

QString personalise(const QString& messageTemplate, const PlaceholderValues& v) {
  QString text = messageTemplate;
  text.replace(QLatin1String("{name}"), v.name);
  text.replace(QLatin1String("{registry_no}"), v.registryNo);
  text.replace(QLatin1String("{prefecture}"), v.prefecture);
  text.replace(QLatin1String("{county}"), v.county);
  text.replace(QLatin1String("{branch}"), v.branch);
  return text;
}

Status checkTemplate(const QString& messageTemplate) {
  if (messageTemplate.trimmed().isEmpty())
    return makeError("validation.required", "dd::app", QT_TRANSLATE_NOOP("dd::app", "The message text is empty."),
                     {}, "message");
  const QStringList known = campaignPlaceholders();
  auto it = placeholderPattern().globalMatch(messageTemplate);
  while (it.hasNext()) {
    const QString found = it.next().captured(0);
    if (!known.contains(found))
      return makeError("validation.unknown_placeholder", "dd::app",
                       QT_TRANSLATE_NOOP("dd::app", "Unknown placeholder %1 in the message (known: %2)."),
                       {utf8(found), utf8(known.join(QStringLiteral(" ")))}, "message");
  }
  return {};
}

QStringList campaignStatuses(const model::Campaign& c) {
  auto text = [](model::VolunteerStatus s) {
    const auto k = model::key(s);
    return QString::fromLatin1(k.data(), qsizetype(k.size()));
  };
  if (c.status) return {text(*c.status)};
  return {text(model::VolunteerStatus::Active), text(model::VolunteerStatus::TemporarilyDeferred),
          text(model::VolunteerStatus::LostContact)};
}

Expected<model::Campaign> createCampaign(Registry& registry, const CampaignRequest& request, const Actor& actor) {
  if (request.name.trimmed().isEmpty())
    return makeError("validation.required", "dd::app", QT_TRANSLATE_NOOP("dd::app", "A campaign needs a name."), {},
                     "name");
  if (Status s = checkTemplate(request.messageTemplate); !s) return s.error();
  if (request.notReachedMonths < 0 || request.notReachedMonths > 600)
    return makeError("validation.range", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "Months not reached must be between 0 and 600."), {},
                     "not_reached_months");
  model::Campaign c;
  c.name = request.name.trimmed();
  c.messageTemplate = request.messageTemplate;
  c.region = request.region.trimmed();
  c.notReachedMonths = request.notReachedMonths;
  c.status = request.status;
  c.staff = actor.staff;
  c.note = request.note;
  store::Database& db = storeDatabase(registry);
  UnitOfWork work(db, actor);
  if (!work.started()) return work.started().error();
  QString statusKey;
  if (c.status) statusKey = campaignStatuses(c).front();
  if (Status s = store::CampaignRepository(db).insert(c, statusKey); !s) return s.error();
  if (Status s = work.record({0, {}, {}, QStringLiteral("create"), QStringLiteral("campaign"), c.id,
                              QStringLiteral("*"), {}, c.name});
      !s)
    return s.error();
  if (Status s = work.commit(); !s) return s.error();
  return c;
}

Expected<QList<model::Campaign>> listCampaigns(Registry& registry) {
  return store::CampaignRepository(storeDatabase(registry)).list();
}

Expected<model::Campaign> campaign(Registry& registry, qint64 id) {
  return store::CampaignRepository(storeDatabase(registry)).get(id);
}

Expected<SmsExportReport> exportSms(Registry& registry, qint64 campaignId, const SmsExportOptions& options,
                                    const Actor& actor) {
  const QString encoding = options.encoding.toLower();
  if (encoding != QLatin1String("utf-8") && encoding != QLatin1String("gb18030"))
    return makeError("validation.encoding", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "Unknown encoding %1 (utf-8 or gb18030)."), {utf8(options.encoding)},
                     "encoding");
  store::Database& db = storeDatabase(registry);
  store::CampaignRepository campaigns(db);
  auto c = campaigns.get(campaignId);
  if (!c) return c.error();
  UnitOfWork work(db, actor);
  if (!work.started()) return work.started().error();
  auto given = campaigns.messageIds(campaignId);
  if (!given) return given.error();
  QSaveFile file(options.path);  // a temporary name, renamed by commit()
  if (!file.open(QIODevice::WriteOnly))
    return makeError("export.write", "dd::app", QT_TRANSLATE_NOOP("dd::app", "Cannot write %1: %2"),
                     {utf8(options.path), utf8(file.errorString())}, "out");
  QStringEncoder encoder(encoding == QLatin1String("gb18030") ? "GB18030" : "UTF-8");
  if (!encoder.isValid())
    return makeError("export.encoding", "dd::app", QT_TRANSLATE_NOOP("dd::app", "This system cannot write %1."),
                     {utf8(encoding)}, "encoding");
  auto field = [](const QString& s) {
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')) &&
        !s.contains(QLatin1Char('\r')))
      return s;
    QString quoted = s;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
  };
  QString chunk = QStringLiteral("phone,message,message_id\r\n");
  SmsExportReport report;
  bool cancelled = false;
  Status inner;
  const QDateTime now = QDateTime::currentDateTimeUtc();
  const QDate reachedBefore =
      c->notReachedMonths > 0 ? QDate::currentDate().addMonths(-c->notReachedMonths) : QDate();
  const Status listed = campaigns.forEachRecipient(
      campaignStatuses(*c), c->region, reachedBefore, [&](const store::CampaignRepository::Recipient& r) {
        const QString text = personalise(c->messageTemplate, {r.name, r.registryNo, r.prefecture, r.county, r.branch});
        QString id = given->value(r.volunteerId);
        if (!id.isEmpty()) {
          ++report.reused;
        } else {
          id = messageIdFor(campaignId, r.volunteerId);
          model::CampaignMessage m;
          m.campaignId = campaignId;
          m.volunteerId = r.volunteerId;
          m.phone = r.phone;
          m.messageId = id;
          m.text = text;
          m.exportedAt = now;
          if (Status s = campaigns.addMessage(m); !s) return inner = s, false;
        }
        chunk += r.phone + QLatin1Char(',') + field(text) + QLatin1Char(',') + id + QStringLiteral("\r\n");
        ++report.messages;
        if (options.maxMessages > 0 && report.messages >= options.maxMessages) return false;
        if (report.messages % 5000 == 0) {
          file.write(encoder.encode(chunk));
          chunk.clear();
          if (options.progress && !options.progress(report.messages)) return cancelled = true, false;
        }
        return true;
      });
  if (!listed) return listed.error();
  if (!inner) return inner.error();
  if (cancelled) {
    file.cancelWriting();
    return makeError("export.cancelled", "dd::app", QT_TRANSLATE_NOOP("dd::app", "The export was cancelled."), {});
  }
  file.write(encoder.encode(chunk));
  if (Status s = work.record({0, {}, {}, QStringLiteral("export_sms"), QStringLiteral("campaign"), campaignId,
                              QStringLiteral("campaign_message"), {}, QString::number(report.messages)});
      !s)
    return s.error();
  // The ids are recorded before the file is renamed into place: a platform
  // file whose ids the registry does not know would make its results
  // unreadable, while recorded ids without a file are given again by the
  // next export.
  if (!file.flush())
    return makeError("export.write", "dd::app", QT_TRANSLATE_NOOP("dd::app", "Cannot write %1: %2"),
                     {utf8(options.path), utf8(file.errorString())}, "out");
  if (Status s = work.commit(); !s) return s.error();
  if (!file.commit())
    return makeError("export.write", "dd::app", QT_TRANSLATE_NOOP("dd::app", "Cannot write %1: %2"),
                     {utf8(options.path), utf8(file.errorString())}, "out");
  if (options.progress) options.progress(report.messages);
  return report;
}

}  // namespace dd::app
