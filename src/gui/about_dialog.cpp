#include "gui/about_dialog.h"

#include <QFile>

#include "core/version.h"
#include "ui_about_dialog.h"

namespace dd::gui {
namespace {
QString readResource(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  return QString::fromUtf8(file.readAll());
}
}  // namespace

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent), ui_(std::make_unique<Ui::AboutDialog>()) {
  ui_->setupUi(this);
  ui_->titleLabel->setText(tr("<h2>DonorDesk %1</h2><p>Desktop software for a stem-cell donor registry "
                              "branch office.</p>")
                               .arg(QString::fromLatin1(dd::kVersion)));
  ui_->creditsBrowser->setHtml(creditsHtml());
  ui_->imgtLicenceText->setPlainText(readResource(QStringLiteral(":/licences/hla/imgt-3.58.0/LICENCE.md")));
}

AboutDialog::~AboutDialog() = default;

QString AboutDialog::creditsHtml() {
  return tr("<h3>HLA nomenclature</h3>"
            "<p>HLA allele names, groups and serology relations come from the IPD-IMGT/HLA Database, "
            "release 3.58.0 (2024-10-09), shipped unmodified under the Creative Commons "
            "Attribution-NoDerivs licence.</p>"
            "<p>Please cite: Barker D, Maccari G, Georgiou X, Cooper M, Flicek P, Robinson J, Marsh SGE. "
            "The IPD-IMGT/HLA Database. <i>Nucleic Acids Research</i> (2023), 51(D1): D948-D955.</p>"
            "<h3>Haplotype frequencies</h3>"
            "<p>The sample haplotype frequency file (CAU.freqs) is from the NMDP bioinformatics "
            "py-graph-imputation project, licensed under the LGPL-3.0.</p>"
            "<h3>Libraries</h3>"
            "<p>Qt 6 (LGPL-3.0), SQLite (public domain), PostgreSQL client library (PostgreSQL "
            "licence), spdlog and fmt (MIT), Catch2 (BSL-1.0), Noto Sans CJK fonts (SIL OFL 1.1).</p>");
}

}  // namespace dd::gui
