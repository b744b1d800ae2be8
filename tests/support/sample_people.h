#pragma once
// Valid people for tests: mainland ID numbers with a correct check digit and
// volunteers that pass registration today. The one generator every suite uses.
#include <QDate>
#include <QString>

#include "model/entities.h"

namespace dd::test {

// An 18-character ID number: region, birth date, the 3-digit sequence
// (sequence * 2, +1 for a man, as the ID card encodes sex) and its check digit.
QString validIdNumber(const QDate& birth, model::Sex sex, int sequence,
                      const QString& regionCode = QStringLiteral("370102"));

// A valid volunteer (age 30, consent today, valid ID number and phone)
// numbered n, so that different n give different ID numbers, phones and names.
model::Volunteer sampleVolunteer(int n, model::Sex sex = model::Sex::Female);
// The same with a given name; odd serials are men (for the GUI's typed forms).
model::Volunteer sampleVolunteer(const QString& name, int serial = 1);

}  // namespace dd::test
