#include "gui/retention/campaign_dialog.h"

#include <QDialogButtonBox>
#include <QPushButton>

#include "app/actor.h"
#include "app/registry.h"
#include "core/qt/localization.h"
#include "gui/widgets/display_text.h"
#include "ui_campaign_dialog.h"

namespace dd::gui {

CampaignDialog::CampaignDialog(app::Registry* registry, QWidget* parent)
    : QDialog(parent), ui_(std::make_unique<Ui::CampaignDialog>()), registry_(registry) {
  ui_->setupUi(this);
  ui_->placeholders->setText(
      tr("Placeholders: %1. Say in one sentence how rare a match is and ask for a reply: 1 still willing, "
         "2 and a new number, 0 to withdraw.")
          .arg(app::campaignPlaceholders().join(QStringLiteral(", "))));
  ui_->months->setSuffix(tr(" months"));
  // the default reaches the clean-up's statuses (active, temporarily deferred, lost contact)
  ui_->status->addItem(tr("Active, deferred and lost contact"), -1);
  for (int s = 0; s < model::kVolunteerStatusCount; ++s)
    ui_->status->addItem(statusText(static_cast<model::VolunteerStatus>(s)), s);
  ui_->error->setProperty("role", QStringLiteral("fieldMessage"));
  ui_->error->hide();
  connect(ui_->buttons, &QDialogButtonBox::accepted, this, &CampaignDialog::accept);
  connect(ui_->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

CampaignDialog::~CampaignDialog() = default;

app::CampaignRequest CampaignDialog::request() const {
  app::CampaignRequest request;
  request.name = ui_->name->text().trimmed();
  request.messageTemplate = ui_->messageTemplate->toPlainText().trimmed();
  request.region = ui_->region->text().trimmed();
  request.notReachedMonths = ui_->months->value();
  const int status = ui_->status->currentData().toInt();
  if (status >= 0) request.status = static_cast<model::VolunteerStatus>(status);
  request.note = ui_->note->text().trimmed();
  return request;
}

bool CampaignDialog::create() {
  auto created = app::createCampaign(*registry_, request(), app::Actor::fromOperatingSystem());
  if (!created) {
    ui_->error->setText(dd::qt::translated(created.error()));
    ui_->error->show();
    return false;
  }
  createdId_ = created->id;
  return true;
}

void CampaignDialog::accept() {
  if (create()) QDialog::accept();
}

}  // namespace dd::gui
