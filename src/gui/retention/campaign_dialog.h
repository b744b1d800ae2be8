#pragma once
// Defines a new SMS campaign (docs/campaigns.md): the same fields as
// `campaign create`. OK creates it through app::createCampaign; a refusal
// (no name, an unknown placeholder, months out of range) is shown in the
// dialog, which stays open with what was typed.
#include <memory>

#include <QDialog>

#include "app/campaigns.h"

namespace Ui {
class CampaignDialog;
}

namespace dd::app {
class Registry;
}

namespace dd::gui {

class CampaignDialog : public QDialog {
  Q_OBJECT
 public:
  explicit CampaignDialog(app::Registry* registry, QWidget* parent = nullptr);
  ~CampaignDialog() override;

  app::CampaignRequest request() const;  // what the form says
  qint64 createdId() const { return createdId_; }
  // Creates the campaign the form describes; false (message shown) when refused.
  bool create();
  void accept() override;

 private:
  std::unique_ptr<Ui::CampaignDialog> ui_;
  app::Registry* registry_;
  qint64 createdId_ = 0;
};

}  // namespace dd::gui
