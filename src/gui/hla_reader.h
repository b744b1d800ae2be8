#pragma once
// Live reading of an HLA typing as staff type it: the engine's verdict
// (normalised form or its message) and what the typing means for matching
// (P group and serological antigen). The nomenclature loads once, off the GUI
// thread; until it is ready, the app's checker gives the verdict alone.
#include <QObject>
#include <functional>
#include <memory>

#include "app/hla_check.h"

namespace dd::hla {
class Nomenclature;
}

namespace dd::gui {

struct HlaReading {
  bool valid = false;
  QString message;     // the engine's message when invalid
  QString normalised;  // when valid
  QString pGroup;      // "A*02:01P" (when the engine is loaded)
  QString serology;    // "A2"
};

class HlaReader : public QObject {
  Q_OBJECT
 public:
  static HlaReader& instance();

  // Starts loading the release (empty: bundled) with the NMDP MAC table
  // (empty: none, and codes such as A*02:AB are refused) once; later calls do
  // nothing unless the folder or the table changed.
  void startLoading(const QString& releaseDir = {}, const QString& macTablePath = {});
  QString macTablePath() const { return macTablePath_; }
  QString releaseDir() const { return releaseDir_; }
  bool ready() const { return static_cast<bool>(nomenclature_); }
  QString loadError() const { return loadError_; }

  bool failed() const { return !loadError_.isEmpty(); }
  std::shared_ptr<const hla::Nomenclature> nomenclature() const { return nomenclature_; }

  // The app-layer checker over the loaded engine (empty until ready); the
  // workspace hands it to the Registry so saving and live checks agree.
  app::HlaChecker checker() const;

  // Verdict and reading for one locus, from the loaded engine; while it is
  // loading, `fallback` (the app's checker) is used only if loading failed.
  HlaReading read(model::Locus locus, const QString& raw, const app::HlaChecker& fallback) const;

 Q_SIGNALS:
  void readyChanged();

 private:
  HlaReader() = default;
  std::shared_ptr<const hla::Nomenclature> nomenclature_;
  QString loadingDir_, loadingMac_;
  QString macTablePath_;
  QString loadError_;
  QString releaseDir_;
  bool loading_ = false;
};

}  // namespace dd::gui
