#pragma once
// Version, credits and the licence notices the product must carry: the
// IPD-IMGT/HLA data (CC BY-ND, with its citation) and the libraries.
#include <QDialog>
#include <memory>

namespace Ui {
class AboutDialog;
}

namespace dd::gui {

class AboutDialog : public QDialog {
  Q_OBJECT
 public:
  explicit AboutDialog(QWidget* parent = nullptr);
  ~AboutDialog() override;

  // The credits as HTML; public so tests can check the citation is there.
  static QString creditsHtml();

 private:
  std::unique_ptr<Ui::AboutDialog> ui_;
};

}  // namespace dd::gui
