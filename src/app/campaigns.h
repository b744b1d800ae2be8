#pragma once
// SMS campaigns: the yearly contact clean-up a branch sends through the
// operators' bulk-SMS platforms. A campaign names who it reaches (region,
// not reached for N months, statuses) and one message template; its export
// is the platform's batch file, one personalised message per volunteer with
// a message id the platform's results refer back to (docs/campaigns.md).
#include <functional>
#include <optional>

#include <QList>
#include <QString>
#include <QStringList>

#include "app/actor.h"
#include "core/expected.h"
#include "model/entities.h"

namespace dd::app {

class Registry;

struct CampaignRequest {
  QString name;
  QString messageTemplate;
  QString region;            // prefecture or county; empty = everywhere
  int notReachedMonths = 0;  // 0 = whenever last reached
  std::optional<model::VolunteerStatus> status;  // nullopt = active, temporarily deferred and lost contact
  QString note;
};

// The placeholders a template may use, as written in it ("{name}", ...).
QStringList campaignPlaceholders();
// The template's text for one volunteer: each placeholder by its value.
struct PlaceholderValues {
  QString name, registryNo, prefecture, county, branch;
};
QString personalise(const QString& messageTemplate, const PlaceholderValues& values);
// validation.unknown_placeholder naming the first placeholder not in the list.
Status checkTemplate(const QString& messageTemplate);
// The statuses a campaign reaches (its status, else the clean-up's three).
QStringList campaignStatuses(const model::Campaign& campaign);

Expected<model::Campaign> createCampaign(Registry& registry, const CampaignRequest& request, const Actor& actor);
Expected<QList<model::Campaign>> listCampaigns(Registry& registry);
Expected<model::Campaign> campaign(Registry& registry, qint64 id);

struct SmsExportOptions {
  QString path;
  QString encoding = QStringLiteral("utf-8");  // or gb18030
  // Called every few thousand rows with the rows done; false cancels (nothing
  // is recorded and no file is left).
  std::function<bool(int done)> progress;
  // At most this many messages, the first recipients by volunteer id (0 =
  // every recipient): `bench retention` times an export of a given size.
  int maxMessages = 0;
};
struct SmsExportReport {
  int messages = 0;  // rows written
  int reused = 0;    // of which already given an id by an earlier export
};
// Writes the batch file (phone,message,message_id) to a temporary name and
// renames it once the campaign's messages are recorded, in one transaction.
Expected<SmsExportReport> exportSms(Registry& registry, qint64 campaignId, const SmsExportOptions& options,
                                    const Actor& actor);

}  // namespace dd::app
