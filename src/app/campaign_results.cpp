#include "app/campaign_results.h"

#include <QRegularExpression>

#include "app/contact_recording.h"
#include "app/csv_file.h"
#include "app/registry.h"
#include "app/registry_store_access.h"
#include "app/unit_of_work.h"
#include "app/volunteer_validation.h"
#include "app/withdrawal_requests.h"
#include "store/campaign_repository.h"
#include "store/database.h"
#include "store/volunteer_repository.h"

namespace dd::app {
namespace {
std::string utf8(const QString& s) { return s.toStdString(); }

// The English and the Chinese headings the platforms write, in column order.
const QStringList& englishHeader() {
  static const QStringList h{QStringLiteral("phone"), QStringLiteral("message_id"), QStringLiteral("status"),
                             QStringLiteral("reply"), QStringLiteral("time")};
  return h;
}
const QStringList& chineseHeader() {
  static const QStringList h{QStringLiteral("手机号码"), QStringLiteral("短信ID"), QStringLiteral("发送状态"),
                             QStringLiteral("回复内容"), QStringLiteral("时间")};
  return h;
}

enum class Delivery { Delivered, Failed, Unknown };
std::optional<Delivery> parseDelivery(const QString& text) {
  const QString t = text.trimmed().toLower();
  if (t == QLatin1String("delivered") || t == QStringLiteral("成功")) return Delivery::Delivered;
  if (t == QLatin1String("failed") || t == QStringLiteral("失败")) return Delivery::Failed;
  if (t == QLatin1String("unknown") || t == QStringLiteral("未知")) return Delivery::Unknown;
  return std::nullopt;
}

QDateTime parseTime(const QString& text) {
  const QString t = text.trimmed();
  // The platforms' own form, read by hand: QDateTime::fromString with a
  // format costs tens of microseconds a call, seconds on a 100,000-row file.
  if (t.size() == 19 && t.at(4) == QLatin1Char('-') && t.at(7) == QLatin1Char('-') && t.at(10) == QLatin1Char(' ') &&
      t.at(13) == QLatin1Char(':') && t.at(16) == QLatin1Char(':')) {
    auto number = [&](int from, int length) {
      bool ok = false;
      const int n = QStringView(t).mid(from, length).toInt(&ok);
      return ok ? n : -1;
    };
    const QDate day(number(0, 4), number(5, 2), number(8, 2));
    const QTime time(number(11, 2), number(14, 2), number(17, 2));
    if (day.isValid() && time.isValid()) return QDateTime(day, time);
  }
  for (const QString& format : {QStringLiteral("yyyy-MM-dd HH:mm:ss"), QStringLiteral("yyyy-MM-dd HH:mm"),
                                QStringLiteral("yyyy/M/d H:mm:ss"), QStringLiteral("yyyy/M/d H:mm")}) {
    const QDateTime at = QDateTime::fromString(t, format);
    if (at.isValid()) return at;
  }
  return QDateTime::fromString(t, Qt::ISODate);
}

// A mainland mobile number: what an SMS reply's new number must be.
bool mobile(const QString& phone) {
  static const QRegularExpression pattern(QStringLiteral(R"(^(\+?86)?1[3-9]\d{9}$)"));
  return validPhone(phone) && pattern.match(phone).hasMatch();
}

Error rowError(const char* code, const char* text, std::vector<std::string> args, const char* field) {
  return makeError(code, "dd::app", text, std::move(args), field);
}

// One row, checked: what it will do.
struct Planned {
  int row = 0;
  QString messageId;
  qint64 volunteerId = 0;
  QString phone;
  Delivery delivery = Delivery::Unknown;
  QString reply;
  QDateTime at;
  QString kind;
  QString newPhone;
};
}  // namespace

Expected<ResultsReport> importCampaignResults(Registry& registry, qint64 campaignId, const ResultsOptions& options,
                                              const Actor& actor) {
  auto table = readCsvFile(options.path, options.encoding);
  if (!table) return table.error();
  QStringList header;
  for (const QString& h : table->header) header << h.trimmed();
  const bool english = header.mid(0, 5) == englishHeader();
  if (!english && header.mid(0, 5) != chineseHeader())
    return makeError("validation.results_header", "dd::app",
                     QT_TRANSLATE_NOOP("dd::app", "The results file's header must be %1 or %2."),
                     {utf8(englishHeader().join(QLatin1Char(','))), utf8(chineseHeader().join(QLatin1Char(',')))},
                     "header");
  store::Database& db = storeDatabase(registry);
  store::CampaignRepository campaigns(db);
  if (auto c = campaigns.get(campaignId); !c) return c.error();
  auto sent = campaigns.sentMessages(campaignId);
  if (!sent) return sent.error();

  ResultsReport report;
  QList<Planned> plan;
  QSet<QString> seen;
  for (int i = 0; i < table->rows.size(); ++i) {
    const QStringList& cells = table->rows.at(i);
    const int row = table->rowNumbers.value(i, i + 2);
    auto bad = [&](Error e) { report.malformed.append({row, cells.value(0).trimmed(), std::move(e)}); };
    if (cells.size() < 5) {
      bad(rowError("validation.results_columns", QT_TRANSLATE_NOOP("dd::app", "Row %1 has %2 columns, not 5."),
                   {std::to_string(row), std::to_string(cells.size())}, "row"));
      continue;
    }
    Planned p;
    p.row = row;
    p.phone = cells.at(0).trimmed();
    p.messageId = cells.at(1).trimmed();
    p.reply = cells.at(3).trimmed();
    const auto delivery = parseDelivery(cells.at(2));
    if (!delivery) {
      bad(rowError("validation.results_status",
                   QT_TRANSLATE_NOOP("dd::app", "Row %1: status '%2' is not delivered, failed or unknown."),
                   {std::to_string(row), utf8(cells.at(2))}, "status"));
      continue;
    }
    p.delivery = *delivery;
    if (!cells.at(4).trimmed().isEmpty()) {
      p.at = parseTime(cells.at(4));
      if (!p.at.isValid()) {
        bad(rowError("validation.results_time", QT_TRANSLATE_NOOP("dd::app", "Row %1: time '%2' is not a date and time."),
                     {std::to_string(row), utf8(cells.at(4))}, "time"));
        continue;
      }
    }
    const auto message = sent->constFind(p.messageId);
    if (message == sent->constEnd() || message->phone != p.phone) {
      if (message == sent->constEnd() && !p.messageId.isEmpty()) {
        auto other = campaigns.campaignOfMessage(p.messageId);
        if (!other) return other.error();
        if (*other != 0) {
          bad(rowError("validation.results_other_campaign",
                       QT_TRANSLATE_NOOP("dd::app", "Row %1: message %2 belongs to campaign %3, not this one."),
                       {std::to_string(row), utf8(p.messageId), std::to_string(*other)}, "message_id"));
          continue;
        }
      }
      report.unknown.append({row, p.phone,
                             rowError("results.unknown_number",
                                      QT_TRANSLATE_NOOP("dd::app", "Row %1: %2 (message %3) was not sent by this "
                                                                   "campaign; skipped."),
                                      {std::to_string(row), utf8(p.phone), utf8(p.messageId)}, "phone")});
      continue;
    }
    p.volunteerId = message->volunteerId;
    if (p.reply.startsWith(QLatin1Char('2')) &&
        (p.reply.size() == 1 || p.reply.at(1).isSpace())) {
      p.newPhone = p.reply.mid(1).trimmed();
      if (!mobile(p.newPhone)) {
        bad(rowError("validation.results_new_phone",
                     QT_TRANSLATE_NOOP("dd::app", "Row %1: reply '%2' gives no valid mobile number after 2."),
                     {std::to_string(row), utf8(p.reply)}, "reply"));
        continue;
      }
      p.kind = QStringLiteral("new_phone");
    } else if (p.reply == QLatin1String("1")) {
      p.kind = QStringLiteral("reached");
    } else if (p.reply == QLatin1String("0")) {
      p.kind = QStringLiteral("withdrawal_requested");
    } else if (!p.reply.isEmpty()) {
      p.kind = QStringLiteral("reply");
    } else if (p.delivery == Delivery::Delivered) {
      p.kind = QStringLiteral("delivered");
    } else if (p.delivery == Delivery::Failed) {
      p.kind = QStringLiteral("undelivered");
    }
    if (message->applied || seen.contains(p.messageId)) {
      ++report.alreadyApplied;
      continue;
    }
    if (p.kind.isEmpty()) {
      ++report.unknownStatus;
      continue;
    }
    seen.insert(p.messageId);
    plan.append(p);
  }
  // The preview: who each change is for.
  store::VolunteerRepository volunteers(db);
  for (const Planned& p : plan) {
    report.changes.append({p.row, {}, p.phone, p.kind, p.kind == QLatin1String("reply") ? p.reply : p.newPhone});
  }
  if (!report.malformed.isEmpty() || options.dryRun) return report;

  UnitOfWork work(db, actor);
  if (!work.started()) return work.started().error();
  ContactLogWriter contacts(db, work);
  const QDate today = QDate::currentDate();
  int done = 0;
  for (const Planned& p : plan) {
    model::ContactAttempt attempt;
    attempt.volunteerId = p.volunteerId;
    attempt.at = p.at.isValid() ? p.at.toUTC() : QDateTime::currentDateTimeUtc();
    attempt.channel = model::ContactChannel::Sms;
    attempt.staff = actor.staff;
    attempt.phone = p.phone;
    attempt.campaignId = campaignId;
    attempt.messageId = p.messageId;
    attempt.outcome = p.kind == QLatin1String("delivered")     ? model::ContactOutcome::Delivered
                      : p.kind == QLatin1String("undelivered") ? model::ContactOutcome::Undelivered
                                                               : model::ContactOutcome::Reached;
    if (p.kind == QLatin1String("reply")) attempt.note = p.reply;
    if (p.kind == QLatin1String("new_phone") || p.kind == QLatin1String("withdrawal_requested")) {
      auto before = volunteers.get(p.volunteerId);
      if (!before) return before.error();
      if (p.kind == QLatin1String("new_phone")) {
        model::Volunteer after = *before;
        // The old number stays, dated, as history; the new one is current.
        for (model::Phone& phone : after.phones) {
          if (phone.number == p.phone && phone.inUse()) phone.replacedOn = today;
          phone.current = false;
        }
        model::Phone fresh;
        fresh.number = p.newPhone;
        fresh.label = QStringLiteral("mobile");
        fresh.current = true;
        after.phones.append(fresh);
        if (Status s = volunteers.update(after, actor.staff); !s) return s.error();
        if (Status s = work.changed(*before, after); !s) return s.error();
        attempt.note = p.newPhone;
      } else {
        auto marked = markWithdrawalRequested(db, work, *before, attempt.at.toLocalTime().date(),
                                              QStringLiteral("SMS %1").arg(p.messageId));
        // A volunteer already off the register: the reply is kept, nothing to withdraw.
        if (!marked && marked.error().code != "validation.withdrawal_not_open") return marked.error();
      }
    }
    if (Status s = contacts.write(attempt); !s) return s.error();
    if (Status s = campaigns.markApplied(p.messageId,
                                         p.delivery == Delivery::Failed ? QStringLiteral("failed")
                                                                        : QStringLiteral("delivered"),
                                         p.reply, p.reply.isEmpty() ? QDateTime() : attempt.at);
        !s)
      return s.error();
    if (++done % 5000 == 0 && options.progress && !options.progress(done, int(plan.size())))
      return makeError("import.cancelled", "dd::app", QT_TRANSLATE_NOOP("dd::app", "The import was cancelled."), {});
  }
  if (Status s = work.commit(); !s) return s.error();
  report.applied = true;
  return report;
}

}  // namespace dd::app
