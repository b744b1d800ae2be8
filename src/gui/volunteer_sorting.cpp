// VolunteerTableModel::readSorted: every volunteer matching a filter, in the
// order the list shows when sorted by a column. Runs on a worker thread (its
// own Registry and QCollator), so sorting 100,000 names by pinyin never
// stalls the GUI; compares exactly like CollatingProxyModel.
#include <QCollator>
#include <QCollatorSortKey>
#include <algorithm>
#include <optional>
#include <vector>

#include "gui/volunteer_table_model.h"

namespace dd::gui {
namespace {
struct SortKey {
  QVariant value;
  std::optional<QCollatorSortKey> text;  // strings: collation key (blank strings have none)
  bool isString = false;
};

bool lessThan(const SortKey& a, const SortKey& b) {
  if (a.isString && b.isString) {
    if (a.text.has_value() != b.text.has_value()) return a.text.has_value();  // blanks last
    return a.text && a.text->compare(*b.text) < 0;
  }
  if (!a.value.isValid() || !b.value.isValid()) return a.value.isValid() && !b.value.isValid();
  return QVariant::compare(a.value, b.value) == QPartialOrdering::Less;
}
}  // namespace

Expected<QList<model::VolunteerSummary>> VolunteerTableModel::readSorted(app::Registry& registry,
                                                                         app::VolunteerQuery query, int column,
                                                                         Qt::SortOrder order, const QDate& today) {
  auto total = registry.countVolunteers(query.filter);
  if (!total) return total.error();
  query.sort = app::VolunteerSort::RegistryNo;  // ties keep registry order
  query.descending = false;
  query.offset = 0;
  query.limit = qMax(1, *total);
  auto rows = registry.listVolunteers(query);
  if (!rows) return rows.error();

  QCollator collator;  // one per thread: QCollator is not shared across threads
  collator.setNumericMode(true);
  collator.setCaseSensitivity(Qt::CaseInsensitive);
  std::vector<SortKey> keys(static_cast<std::size_t>(rows->size()));
  for (qsizetype i = 0; i < rows->size(); ++i) {
    SortKey& key = keys[static_cast<std::size_t>(i)];
    key.value = sortValue(rows->at(i), column, today);
    key.isString = key.value.typeId() == QMetaType::QString;
    if (key.isString && !key.value.toString().isEmpty()) key.text.emplace(collator.sortKey(key.value.toString()));
  }
  std::vector<qsizetype> orderOf(keys.size());
  for (std::size_t i = 0; i < orderOf.size(); ++i) orderOf[i] = static_cast<qsizetype>(i);
  // As QSortFilterProxyModel: descending = the same comparison, swapped.
  std::stable_sort(orderOf.begin(), orderOf.end(), [&](qsizetype l, qsizetype r) {
    const SortKey& a = keys[static_cast<std::size_t>(l)];
    const SortKey& b = keys[static_cast<std::size_t>(r)];
    return order == Qt::AscendingOrder ? lessThan(a, b) : lessThan(b, a);
  });
  QList<model::VolunteerSummary> sorted;
  sorted.reserve(rows->size());
  for (qsizetype i : orderOf) sorted.append(std::move((*rows)[i]));
  return sorted;
}

}  // namespace dd::gui
