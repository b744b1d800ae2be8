#pragma once
// A real SQLite registry for the printing tests, seeded through the app use
// cases: three volunteers (a full and a 9/10 match for the patient, one
// untyped), a typed patient with a workup case for the full match, a patient
// without a diagnosis with a case for the untyped volunteer, and the
// organisation name in the settings.
#include <memory>

#include <QDate>
#include <QString>
#include <QTemporaryDir>
#include <string>

#include "app/registry.h"
#include "support/sample_people.h"

namespace dd::test {

inline const QString kOrganisation = QStringLiteral("中华骨髓库示范省分库");

struct Seeded {
  QTemporaryDir dir;
  QString db;
  QString fullMatchNo, partialMatchNo, thirdNo;  // registry numbers
  qint64 caseId = 0;          // 王小禾 <- 李明远, complete data
  qint64 incompleteCase = 0;  // a patient without a diagnosis (and untyped)
  QString patientCaseNo, untypedPatientCaseNo;
};

std::unique_ptr<Seeded> seed();
// Advances the case stage by stage up to `stage` (each on `date`), as staff
// would; returns the first error's English text, empty on success.
std::string advanceCaseTo(app::Registry& registry, qint64 caseId, model::WorkupStage stage, const QDate& date);

}  // namespace dd::test
