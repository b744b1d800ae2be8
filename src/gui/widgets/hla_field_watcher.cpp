#include "gui/widgets/hla_field_watcher.h"

#include <QLabel>
#include <QLineEdit>

#include "app/registry.h"
#include "gui/widgets/field_errors.h"
#include "gui/hla_reader.h"

namespace dd::gui {
namespace {
QString fieldKey(model::Locus locus) {
  const auto key = model::key(locus);
  return QStringLiteral("hla_") + QString::fromLatin1(key.data(), key.size()).toLower();
}
}  // namespace

HlaFieldWatcher::HlaFieldWatcher(app::Registry* registry, QObject* parent) : QObject(parent), registry_(registry) {
  connect(&HlaReader::instance(), &HlaReader::readyChanged, this, &HlaFieldWatcher::refreshAll);
}

void HlaFieldWatcher::watch(model::Locus locus, QLineEdit* edit, QLabel* reading, FieldErrors& errors) {
  fields_.append({locus, edit, reading, &errors});
  const Field field = fields_.constLast();
  connect(edit, &QLineEdit::textChanged, this, [this, field] { refresh(field); });
}

void HlaFieldWatcher::refreshAll() {
  for (const Field& field : std::as_const(fields_)) refresh(field);
}

void HlaFieldWatcher::refresh(const Field& field) {
  const HlaReader& reader = HlaReader::instance();
  const app::HlaChecker fallback = reader.failed() ? registry_->hlaChecker() : app::HlaChecker();
  const HlaReading reading = reader.read(field.locus, field.edit->text(), fallback);
  const QString key = fieldKey(field.locus);
  if (!reading.valid) {
    field.errors->show(key, reading.message);
    field.reading->clear();
    return;
  }
  field.errors->clear(key);
  field.errors->clear(QStringLiteral("hla_") + QString::fromLatin1(model::key(field.locus).data(),
                                                                   model::key(field.locus).size()));
  QStringList parts;
  if (!reading.normalised.isEmpty()) parts << QStringLiteral("✓ ") + reading.normalised.toHtmlEscaped();
  if (!reading.pGroup.isEmpty()) parts << tr("P group: %1").arg(reading.pGroup.toHtmlEscaped());
  if (!reading.serology.isEmpty()) parts << tr("serology: %1").arg(reading.serology.toHtmlEscaped());
  if (!reading.message.isEmpty()) parts << reading.message.toHtmlEscaped();
  field.reading->setText(QStringLiteral("<span style='color:#2d6a4f'>%1</span>").arg(parts.join(QStringLiteral(" · "))));
}

}  // namespace dd::gui
