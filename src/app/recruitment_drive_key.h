#pragma once
// Naming a recruitment drive on the command line and in the GUI, for printing
// the registration forms of all its volunteers into one PDF. A drive key is
//   YYYY-MM-DD          every volunteer whose drive date is that day
//   YYYY-MM-DD@PLACE    that day at that place (exactly as `drives` lists it;
//                       "YYYY-MM-DD@" = that day with no place recorded)
//   batch:N             every volunteer created by import batch N
#include <QString>
#include <QStringList>

#include "core/expected.h"
#include "model/entities.h"
#include "model/queries.h"

namespace dd::app {

class Registry;

// Error print.drive_key for text that is none of the forms above.
Expected<model::DriveSelector> parseDriveKey(const QString& key);
// The key that selects exactly this drive (date@place).
QString driveKey(const model::DriveSummary& drive);
// The registry numbers of the drive's volunteers; error print.drive_empty
// when the key is valid but names nobody (unknown drive or no volunteers).
Expected<QStringList> driveVolunteers(Registry& registry, const QString& key);

}  // namespace dd::app
