#pragma once
// Search results as text for the CLI and exports: table (people), JSON and
// CSV (scripts; stable keys, see docs/matching.md). Reasons are translated
// into the UI language; keys and grade codes never are.
#include <vector>

#include <QHash>
#include <QString>

#include "app/readiness_score.h"
#include "core/expected.h"
#include "match/search.h"

namespace dd::app {

QString formatSearchTable(const std::vector<match::SearchResult>& results, int scale);
// One JSON array, one object per result per line.
// warning (e.g. unverified HLA data): carried by every result, as a
// "warning" key (JSON) or a last "warning" column (CSV); omitted when empty.
// risk (app/risk_scores.h), when given: a "risk" and "risk_explanation" key
// (JSON) or a "risk" column before "warning" (CSV), empty for a result not
// scored.
using RiskByVolunteer = QHash<qint64, RiskScore>;
QString formatSearchJson(const std::vector<match::SearchResult>& results, int scale, const QString& warning = {},
                         const RiskByVolunteer* risk = nullptr);
QString formatSearchCsv(const std::vector<match::SearchResult>& results, int scale, const QString& warning = {},
                        const RiskByVolunteer* risk = nullptr);
// Writes formatSearchCsv() to `path` atomically (all or nothing): the export
// the GUI offers. The error names the file and the reason.
dd::Status writeSearchCsv(const QString& path, const std::vector<match::SearchResult>& results, int scale,
                          const RiskByVolunteer* risk = nullptr);

// "allele match; potential allele match: 2 of 5 possibilities match" in the UI language.
QString locusReason(const match::LocusGrade& grade);

}  // namespace dd::app
