#pragma once
// How a recruitment-drive CSV maps onto a Volunteer: accepted headings
// (English keys and the Chinese headings drives actually use) and the
// conversion of one row, with a precise error per unreadable cell.
#include <vector>

#include <QHash>
#include <QStringList>

#include "core/message.h"
#include "model/entities.h"

namespace dd::app::import {

struct ColumnMap {
  QHash<QString, int> index;  // field key -> column index
  QStringList unknown;        // headings that map to no field
  QStringList repeated;       // headings naming a field an earlier column already fills
  QStringList missingRequired;
  QStringList fields;         // per column: the field key it fills, or empty
};

const QStringList& requiredFields();  // name, sex, birth_date, id_number
ColumnMap mapHeader(const QStringList& header);
QString aliasesText();  // "name: 姓名, name; ..." for --help

// Fills a volunteer from one row; cells that cannot be read become errors.
model::Volunteer readRow(const QStringList& row, const ColumnMap& map, std::vector<Error>& errors);

}  // namespace dd::app::import
