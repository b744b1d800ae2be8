#include "gui/volunteers/volunteer_table_model.h"

#include <QBrush>
#include <QColor>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include "core/qt/localization.h"
#include "gui/widgets/display_text.h"
#include "gui/widgets/key_texts.h"
#include <QCollator>
#include <QCollatorSortKey>
#include <algorithm>
#include <optional>
#include <vector>

namespace dd::gui {

VolunteerTableModel::VolunteerTableModel(app::Registry* registry, QObject* parent)
    : PagedTableModel(500, parent), registry_(registry) {}

void VolunteerTableModel::setFilter(const app::VolunteerFilter& filter) {
  ++generation_;  // a background result still on its way is older
  setLoading(false);
  query_.filter = filter;
  requestedFilter_ = filter;
  reload();
}

void VolunteerTableModel::setFilterInBackground(const app::VolunteerFilter& filter, const QString& databaseUrl) {
  struct Loaded {
    QString error;
    int total = 0;
    QList<model::VolunteerSummary> rows;
  };
  databaseUrl_ = databaseUrl;
  background_ = true;
  requestedFilter_ = filter;
  const quint64 generation = ++generation_;
  setLoading(true);
  app::VolunteerQuery query = query_;
  query.filter = filter;
  query.offset = 0;
  query.limit = pageSize();
  auto* watcher = new QFutureWatcher<Loaded>(this);
  connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, generation, filter] {
    Loaded loaded = watcher->result();
    watcher->deleteLater();
    if (generation != generation_) return;  // superseded by a newer filter or sort
    query_.filter = filter;
    if (!loaded.error.isEmpty()) {
      setLoading(false);
      reload();  // shows the error the same way a foreground load would
      return;
    }
    preloaded_ = true;
    preloadedTotal_ = loaded.total;
    staged_ = std::move(loaded.rows);
    reload();
    preloaded_ = false;
    setLoading(false);
  });
  watcher->setFuture(QtConcurrent::run([query, databaseUrl, column = sortColumn_, order = sortOrder_,
                                        today = QDate::currentDate()]() {
    Loaded loaded;
    // The GUI's own connection already created or upgraded it.
    auto registry = app::Registry::open(databaseUrl, app::Access::AsIs);
    if (!registry) {
      loaded.error = dd::qt::translated(registry.error());
      return loaded;
    }
    if (column >= 0) {  // sorted: every matching row, in order
      auto rows = readSorted(**registry, query, column, order, today);
      if (!rows) loaded.error = dd::qt::translated(rows.error());
      else {
        loaded.total = static_cast<int>(rows->size());
        loaded.rows = std::move(*rows);
      }
      return loaded;
    }
    auto total = (*registry)->countVolunteers(query.filter);
    auto rows = total ? (*registry)->listVolunteers(query) : Expected<QList<model::VolunteerSummary>>(total.error());
    if (!rows) loaded.error = dd::qt::translated(rows.error());
    else {
      loaded.total = *total;
      loaded.rows = std::move(*rows);
    }
    return loaded;
  }));
}

bool VolunteerTableModel::sortRows(int column, Qt::SortOrder order) {
  if (column == sortColumn_ && (column < 0 || order == sortOrder_)) return true;
  sortColumn_ = column;
  sortOrder_ = order;
  if (background_) setFilterInBackground(requestedFilter_, databaseUrl_);
  else reload();
  return true;
}

void VolunteerTableModel::setLoading(bool loading) {
  if (loading == loading_) return;
  loading_ = loading;
  Q_EMIT loadingChanged(loading);
}

int VolunteerTableModel::rowOf(qint64 id) const {
  for (int row = 0; row < rows_.size(); ++row)
    if (rows_[row].id == id) return row;
  return -1;
}

int VolunteerTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

int VolunteerTableModel::countRows(QString* error) {
  if (preloaded_) return preloadedTotal_;
  if (sortColumn_ >= 0) {  // no URL for a worker: read and sort every row here
    auto rows = readSorted(*registry_, query_, sortColumn_, sortOrder_, QDate::currentDate());
    if (!rows) {
      *error = dd::qt::translated(rows.error());
      return -1;
    }
    staged_ = std::move(*rows);
    stagedAll_ = true;
    return static_cast<int>(staged_.size());
  }
  auto count = registry_->countVolunteers(query_.filter);
  if (!count) {
    *error = dd::qt::translated(count.error());
    return -1;
  }
  return *count;
}

int VolunteerTableModel::stageRows(int offset, int limit, QString* error) {
  // Already read (in the background, or every sorted row by countRows).
  if ((preloaded_ || stagedAll_) && offset == 0) return static_cast<int>(staged_.size());
  app::VolunteerQuery query = query_;
  query.offset = offset;
  query.limit = limit;
  auto page = registry_->listVolunteers(query);
  if (!page) {
    *error = dd::qt::translated(page.error());
    return -1;
  }
  staged_ = std::move(*page);
  return static_cast<int>(staged_.size());
}

void VolunteerTableModel::commitStaged() {
  rows_.append(staged_);
  staged_.clear();
  stagedAll_ = false;
}

void VolunteerTableModel::clearRows() {
  stagedAll_ = false;  // (countRows, next, may set it again)
  rows_.clear();
  typings_.clear();
  today_ = QDate::currentDate();
}

QVariant VolunteerTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rows_.size()) return {};
  const model::VolunteerSummary& v = rows_[index.row()];
  switch (role) {
    case Qt::DisplayRole: return display(v, index.column());
    case SortRole: return sortValue(v, index.column(), today_);
    case IdRole: return v.id;
    case SearchTextRole:
      return (v.registryNo + QLatin1Char(' ') + v.name + QLatin1Char(' ') + v.prefecture + QLatin1Char(' ') +
              v.county)
          .toLower();
    case Qt::ToolTipRole:
      if (index.column() == Hla) {
        QStringList loci;
        const model::HlaTyping& typing = typingOf(v.id);
        for (model::Locus locus : model::kAllLoci)
          if (!typing.at(locus).raw.isEmpty()) loci << typing.at(locus).raw;
        return loci.join(QLatin1Char('\n'));
      }
      return {};
    case Qt::ForegroundRole:
      if (index.column() == Status && v.status != model::VolunteerStatus::Active) return QBrush(QColor(0x8a, 0x5a, 0x00));
      return {};
    case Qt::TextAlignmentRole:
      if (index.column() == Age) return kNumberAlignment;
      return {};
    default: return {};
  }
}

QVariant VolunteerTableModel::display(const model::VolunteerSummary& v, int column) const {
  if (column == Hla) {
    QStringList loci;
    const model::HlaTyping& typing = typingOf(v.id);
    for (model::Locus locus : {model::Locus::A, model::Locus::B, model::Locus::DRB1})
      if (!typing.at(locus).raw.isEmpty()) loci << typing.at(locus).raw;
    return loci.join(QStringLiteral(" · "));
  }
  return plainDisplay(v, column, today_);
}

QVariant VolunteerTableModel::plainDisplay(const model::VolunteerSummary& v, int column, const QDate& today) {
  switch (column) {
    case RegistryNo: return v.registryNo;
    case Name: return v.name;
    case Sex: return sexText(v.sex);
    case Age: {
      const int age = ageInYears(v.birthDate, today);
      return age < 0 ? QVariant() : QVariant(age);
    }
    case Region: return regionText(v.prefecture, v.county);
    case Status: return statusText(v.status);
    case IdNumber: return maskIdNumber(v.idNumber);
    case Phone: return maskPhone(v.phone);
    case LastContact: return dateText(v.lastContactOk);
    default: return {};
  }
}

const model::HlaTyping& VolunteerTableModel::typingOf(qint64 id) const {
  auto it = typings_.find(id);
  if (it == typings_.end()) {
    auto volunteer = registry_->volunteer(id);
    it = typings_.insert(id, volunteer ? volunteer->hla : model::HlaTyping());
  }
  return *it;
}

QVariant VolunteerTableModel::sortValue(const model::VolunteerSummary& v, int column, const QDate& today) {
  switch (column) {
    case Age: return v.birthDate.isValid() ? QVariant(-v.birthDate.toJulianDay()) : QVariant();
    case Status: return static_cast<int>(v.status);
    case IdNumber: return v.idNumber;
    case Phone: return v.phone;
    case LastContact: return v.lastContactOk.isValid() ? QVariant(v.lastContactOk) : QVariant();
    case Hla: return {};  // would read every volunteer's typing: not sortable
    default: return plainDisplay(v, column, today);
  }
}

QVariant VolunteerTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  // In Column order.
  static constexpr const char* kHeaders[] = {
      QT_TRANSLATE_NOOP("dd::gui::VolunteerTableModel", "Registry no"),
      QT_TRANSLATE_NOOP("dd::gui::VolunteerTableModel", "Name"),
      QT_TRANSLATE_NOOP("dd::gui::VolunteerTableModel", "Sex"),
      QT_TRANSLATE_NOOP("dd::gui::VolunteerTableModel", "Age"),
      QT_TRANSLATE_NOOP("dd::gui::VolunteerTableModel", "Region"),
      QT_TRANSLATE_NOOP("dd::gui::VolunteerTableModel", "Status"),
      QT_TRANSLATE_NOOP("dd::gui::VolunteerTableModel", "HLA (A · B · DRB1)"),
      QT_TRANSLATE_NOOP("dd::gui::VolunteerTableModel", "ID number"),
      QT_TRANSLATE_NOOP("dd::gui::VolunteerTableModel", "Phone"),
      QT_TRANSLATE_NOOP("dd::gui::VolunteerTableModel", "Last contact")};
  static_assert(std::size(kHeaders) == ColumnCount);
  return columnHeader(kHeaders, "dd::gui::VolunteerTableModel", section, orientation, role);
}

// VolunteerTableModel::readSorted: every volunteer matching a filter, in the
// order the list shows when sorted by a column. Runs on a worker thread (its
// own Registry and QCollator), so sorting 100,000 names by pinyin never
// stalls the GUI; compares exactly like CollatingProxyModel.
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
