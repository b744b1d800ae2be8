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

// The product's read-only files. An installed program (the Debian package:
// /usr/bin/donordesk) reads them from <prefix>/share/donordesk, found from
// its own location, and never from a source tree; a program run from its
// build tree reads the source tree's resources/ and the build tree's compiled
// translations. $DONORDESK_RESOURCES overrides the resource folder (a newer
// template set or HLA release for testing).
struct ReadOnlyData {
  QString resources;     // hla/, templates/
  QString translations;  // donordesk_<language>.qm
  bool installed = true; // false: running from the build tree
};
// Pure: the layout for an executable in executableDir, given where this
// program's build tree is (empty for none).
ReadOnlyData readOnlyDataFor(const QString& executableDir, const QString& buildTreeDir);
const ReadOnlyData& readOnlyData();  // for this process (computed once)

QString resourceDir();
QString translationsDir();
QString bundledHlaDataDir();    // resourceDir()/hla/imgt-3.58.0
// The IPD-IMGT/HLA release folder to use: the one chosen (--hla-data, the
// settings), else the bundled one.
QString hlaReleaseDir(const QString& chosen);
QString bundledHaplotypeFile(); // resourceDir()/hla/haplotype-freqs/CAU.freqs.gz

}  // namespace dd::qt
