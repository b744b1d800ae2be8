#pragma once
// Where DonorDesk keeps its files. Requires a Q(Core)Application with the
// identity set by setApplicationIdentity() (QStandardPaths derives from it).
#include <QString>

class QCoreApplication;

namespace dd::qt {

// Organisation and application names shared by the GUI and the CLI so both
// find the same database, settings and logs.
void setApplicationIdentity();

QString dataDir();              // QStandardPaths::AppDataLocation, created on demand
QString defaultDatabasePath();  // dataDir()/donordesk.sqlite
QString logFilePath();          // dataDir()/logs/donordesk.log

// The product's read-only resources (HLA tables, templates). Looked up in
// $DONORDESK_RESOURCES, next to the installed executable, then the source tree.
QString resourceDir();
QString bundledHlaDataDir();    // resourceDir()/hla/imgt-3.58.0
QString bundledHaplotypeFile(); // resourceDir()/hla/haplotype-freqs/CAU.freqs.gz

}  // namespace dd::qt
