#pragma once
// Is this IPD-IMGT/HLA release folder whole? A hla_nom_g.txt cut at a line
// boundary once changed 23 % of G reductions with exit 0: every file the
// engine reads is checked against the release's own wmda/md5checksum.txt,
// and each file's header ("# file: NAME", "# version: ...") and a minimum
// size are checked too (dpb_tce.csv and Deleted_alleles.txt are not in the
// checksum file).
#include <QString>

#include "core/expected.h"

namespace dd::app {

// Ok, or the first problem ("hla.release_unverified"), naming the file and why.
Status verifyHlaRelease(const QString& releaseDir);

}  // namespace dd::app
