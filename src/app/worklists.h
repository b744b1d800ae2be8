#pragma once
// The retention worklists (model/worklist.h, docs/retention.md): who to call
// next, most urgent first, a page at a time; and their CSV/JSON/table forms,
// the same columns for the CLI and the GUI's export.
#include <QList>
#include <QString>
#include <QStringList>

#include "app/registry.h"
#include "model/worklist.h"

namespace dd::app {

// validation.worklist when months, limit or offset are out of range.
Expected<QList<model::WorklistRow>> worklist(Registry& registry, model::WorklistQuery query);

inline constexpr int kMaxWorklistPage = 10000;

// The columns of every export, in order (translated headings).
QStringList worklistHeadings();
QStringList worklistCells(const model::WorklistRow& row);
QString worklistCsv(const QList<model::WorklistRow>& rows);
QString worklistJson(const QList<model::WorklistRow>& rows);
QString worklistTable(const QList<model::WorklistRow>& rows);

}  // namespace dd::app
