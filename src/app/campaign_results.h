#pragma once
// A bulk-SMS platform's delivery-and-reply file applied to the contact log
// (docs/campaigns.md): every row checked first, a preview of every change,
// nothing applied if any row is malformed, one transaction for the file, and
// a row already applied never applied twice.
#include <functional>

#include <QList>
#include <QString>

#include "app/actor.h"
#include "core/expected.h"

namespace dd::app {

class Registry;

struct ResultChange {
  int row = 0;  // as a spreadsheet numbers it (header = 1)
  QString registryNo;
  QString phone;
  QString kind;    // reached, new_phone, withdrawal_requested, reply, delivered, undelivered
  QString detail;  // the new number, the reply kept as a note
};
struct ResultProblem {
  int row = 0;
  QString phone;
  Error error;
};
struct ResultsReport {
  QList<ResultChange> changes;
  QList<ResultProblem> malformed;  // any: nothing applied
  QList<ResultProblem> unknown;    // numbers or ids not in this campaign: reported, skipped
  int alreadyApplied = 0;          // rows of a file applied before: nothing to do
  int unknownStatus = 0;           // status unknown: nothing recorded, counted
  bool applied = false;
};

struct ResultsOptions {
  QString path;
  QString encoding;  // empty = from the bytes (UTF-8 with or without BOM, GB18030)
  bool dryRun = false;
  std::function<bool(int done, int total)> progress;  // false cancels
};

// Errors only when the file cannot be read or the database fails; bad rows
// are in the report (then applied is false).
Expected<ResultsReport> importCampaignResults(Registry& registry, qint64 campaignId, const ResultsOptions& options,
                                              const Actor& actor);

}  // namespace dd::app
